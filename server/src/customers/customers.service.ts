import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { forUpdate as rowLock } from '../platform/db/locks.js';
import { UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { EventBus } from '../platform/pubsub.js';
import { AppError, badInput, conflict, ErrorCode, forbidden, notFound } from '../platform/errors.js';
import { maskPhone, normalizePhone } from '../platform/phone.js';
import { optionalPhone, requirePhone } from '../platform/phone-input.js';
import {
  attributeDeal,
  buyerMatches,
  DEFAULT_OWNERSHIP_SETTINGS,
  IMMEDIATE_FAMILY,
  matchPerson,
  effectiveRegistrations,
  ownershipAt,
  splitCredit,
  type KnownCustomer,
  type Match,
  type Ownership,
  type OwnershipSettings,
} from './domain/ownership.js';
import { DEFAULT_FOLLOW_UP_DUE_DAYS, followUpDue, gradeKeys, INTENT_GRADES, type FollowUpDue, type IntentGrade } from './domain/follow-up-due.js';
import { changedKeys, pickValues, SettingsArea } from '../settings/domain/changes.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { NotificationEntity } from '../notifications/notifications.entity.js';
import {
  ConflictEntity,
  CustomerEntity,
  CustomerFamilyEntity,
  CustomerGradeChangeEntity,
  CustomerPhoneKeyEntity,
  CustomerSettingsEntity,
  DealEntity,
  FollowUpEntity,
  OwnershipDecisionEntity,
  RegistrationEntity,
} from './customers.entity.js';
import {
  againstRegister,
  checkImport,
  IMPORT_SAMPLE_SIZE,
  ImportFileError,
  readTable,
  wallClock,
  writeRegister,
  type ImportCheck,
  type ImportRow,
} from './customers.import.js';

export interface Intent {
  budget?: string | null;
  size?: string | null;
  source?: string | null;
}

export interface NewRegistration {
  name: string;
  phone: string;
  consultantId?: number | null;
  family?: Array<{ name: string; phone?: string | null; relation: string }>;
  intent?: Intent;
  /** O6: the registrant says this person is immediate family of the number's owner. */
  relation?: string | null;
}

/** What the floor needs to know of a walk-in's record (R7–R11). */
export interface WalkInFacts {
  customerId: number;
  ownerId: number | null;
  dealClosed: boolean;
  /** R9: the registering consultant when the customer was first registered today, else null. */
  registeredTodayBy: number | null;
  phone: string;
  name: string;
}

const siteDay = (at: number, timezone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const sameSiteDay = (a: number, b: number, timezone: string) => siteDay(a, timezone) === siteDay(b, timezone);

/**
 * A site's register settings as stored (flat values, so the settings history diffs them):
 * O3, O7, and (issue 13) the follow-up-due window and the intent grades' wording.
 */
const REGISTER_DEFAULTS: Record<string, string | number | null> = {
  ...DEFAULT_OWNERSHIP_SETTINGS,
  followUpDueDays: DEFAULT_FOLLOW_UP_DUE_DAYS,
  ...Object.fromEntries(INTENT_GRADES.flatMap((g) => Object.values(gradeKeys(g)).map((k) => [k, null]))),
};

export interface RegisterSettings extends OwnershipSettings {
  followUpDueDays: number;
  /** Null label or description: the default wording. */
  grades: Array<{ grade: IntentGrade; label: string | null; description: string | null }>;
}

export interface RegisterSettingsInput {
  followUpDays: number;
  dealLookbackDays: number;
  followUpDueDays?: number | null;
  grades?: Array<{ grade: string; label?: string | null; description?: string | null }> | null;
}

/** A customer with what the viewer may see of them (O9) and who owns them now. */
export interface CustomerRow {
  customer: CustomerEntity;
  ownership: Ownership;
  /** Issue 13: follow-up due within the site's window, or overdue (O3). */
  followUpDue: FollowUpDue | null;
  dealClosed: boolean;
  /** O9: the full number, only for the owner, managers and administrators. */
  phone: string | null;
  phoneMasked: string;
}

const FAMILY_RELATIONS = ['PARENT', 'SPOUSE', 'CHILD', 'SIBLING', 'OTHER'];

export const DISPUTES_CHANGED = 'CUSTOMERS:DISPUTES_CHANGED';

/** A site's open conflicts (the floor board's disputes alert). */
export interface DisputeCount {
  siteId: number;
  open: number;
  /**
   * Conflicts created plus conflicts settled: it only grows, so a count read before another
   * change but published after it (another instance, a slower query) is recognised and dropped.
   */
  version: number;
}

export class CustomersService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
    private readonly settingsHistory: SettingsHistoryService,
    private readonly notifications: NotificationsService,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  // ---- settings (O3, O7) ------------------------------------------------------------------

  async settings(p: Principal, siteId: number): Promise<RegisterSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async updateSettings(p: Principal, siteId: number, input: RegisterSettingsInput) {
    const site = await this.accounts.requireSite(p, siteId);
    const keys = Object.keys(REGISTER_DEFAULTS);
    const given: Record<string, string | number | null> = { followUpDays: input.followUpDays, dealLookbackDays: input.dealLookbackDays };
    if (input.followUpDueDays !== undefined && input.followUpDueDays !== null) given.followUpDueDays = input.followUpDueDays;
    for (const [i, g] of (input.grades ?? []).entries()) {
      if (!(INTENT_GRADES as readonly string[]).includes(g.grade)) throw badInput(`grades.${i}.grade`, 'Unknown grade');
      const k = gradeKeys(g.grade as IntentGrade);
      // Blank wording goes back to the default.
      given[k.label] = g.label?.trim() || null;
      given[k.description] = g.description?.trim() || null;
    }
    await this.tx.run(async (em) => {
      // Under the row's lock, so two saves at once each record what the other left.
      const stored = await this.storedSettings(em, siteId, true);
      const before = pickValues(stored, keys);
      // Settings not in the input keep their value.
      const after = pickValues({ ...stored, ...given }, keys);
      if (!changedKeys(before, after).length) return;
      await em.save(CustomerSettingsEntity, { siteId, settings: JSON.stringify(after) });
      await this.settingsHistory.record(em, { siteId, area: SettingsArea.CUSTOMERS, at: this.clock.now(), byId: p.userId, before, after });
    });
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  private async storedSettings(em: EntityManager, siteId: number, forUpdate = false): Promise<Record<string, string | number | null>> {
    const row = await em.findOne(CustomerSettingsEntity, {
      where: { siteId },
      // FOR UPDATE on MySQL; SQLite's transactions are already one at a time.
      ...(forUpdate ? rowLock(em) : {}),
    });
    return { ...REGISTER_DEFAULTS, ...(row ? (JSON.parse(row.settings) as Record<string, string | number | null>) : {}) };
  }

  private async settingsIn(em: EntityManager, siteId: number, timezone: string, forUpdate = false): Promise<RegisterSettings> {
    const v = await this.storedSettings(em, siteId, forUpdate);
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    return {
      followUpDays: Number(v.followUpDays),
      dealLookbackDays: Number(v.dealLookbackDays),
      followUpDueDays: Number(v.followUpDueDays),
      grades: INTENT_GRADES.map((grade) => ({ grade, label: str(v[gradeKeys(grade).label]), description: str(v[gradeKeys(grade).description]) })),
      timezone,
    };
  }

  // ---- registering (O1, O4, O5, O6) --------------------------------------------------------------

  /** The live duplicate check of the register form: who this name and phone already are. */
  async check(p: Principal, siteId: number, name: string, phone: string) {
    await this.accounts.requireSite(p, siteId);
    const normalized = normalizePhone(phone);
    if (!normalized) return { match: { kind: 'NEW' } as Match, rows: [] as CustomerRow[] };
    const known = await this.known(this.ds.manager, siteId, name, normalized);
    const match = matchPerson(name, normalized, known);
    const ids = known.map((k) => k.id);
    return { match, rows: await this.rows(p, siteId, ids) };
  }

  async register(p: Principal, siteId: number, input: NewRegistration) {
    const site = await this.accounts.requireSite(p, siteId);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'The real name is required (O1)');
    const phone = requirePhone(input.phone);
    // Consultants register for themselves; the desk and managers name the consultant.
    const consultantId = hasRole(p, Role.CONSULTANT) && !hasRole(p, Role.MANAGER, Role.ADMIN) ? p.userId : (input.consultantId ?? null);
    if (consultantId === null) throw badInput('consultantId', 'The registering consultant is required (O1)');
    for (const [i, f] of (input.family ?? []).entries()) {
      if (!f.name.trim()) throw badInput(`family.${i}.name`, 'A family member needs a name');
      if (!FAMILY_RELATIONS.includes(f.relation)) throw badInput(`family.${i}.relation`, 'Unknown relation');
    }
    const family = input.family?.map((f, i) => ({ ...f, phone: optionalPhone(f.phone, `family.${i}.phone`) }));
    const result = await this.tx.run((em) => this.registerIn(em, p, siteId, { ...input, name, phone, family }, consultantId, site.timezone));
    if (result.conflicted) await this.publishDisputes(siteId);
    const [row] = await this.rows(p, siteId, [result.customerId], site.timezone);
    return { ...result, row };
  }

  /**
   * O1, O5, O6: one registration inside the caller's transaction (the register page, or the
   * desk registering a walk-in in the same step as recording them). `name` and `phone` are
   * already trimmed and normalized. Publishing the disputes count is the caller's, after commit.
   */
  async registerIn(
    em: EntityManager,
    p: Principal,
    siteId: number,
    input: NewRegistration,
    consultantId: number,
    timezone: string,
  ): Promise<{ customerId: number; registrationId: number; match: Match; conflicted: boolean }> {
    const { name, phone } = input;
    const now = this.clock.now();
    // O2: registrations of one number, on any instance, run one after another from here. The
    // lock comes first: on MySQL the transaction's snapshot is taken at its first plain read,
    // which must come after the previous holder's commit.
    await this.lockPhone(em, siteId, phone, now);
    await this.accounts.requireConsultants(em, siteId, [consultantId]);
    const known = await this.known(em, siteId, name, phone);
    const match = matchPerson(name, phone, known, input.relation ? { relation: input.relation } : null);
    let customerId: number;
    let conflictKind: string | null = null;
    if (match.kind === 'SAME') {
      customerId = match.customerId;
      // O2: while the customer has an owner, another registration of them wins nothing: refused.
      const s = await this.settingsIn(em, siteId, timezone);
      const owner = ownershipAt(customerId, await this.inputs(em, [customerId]), now.getTime(), s);
      if (owner.ownerId !== null) {
        throw conflict('This customer is already registered and has an owner (O2)', { reason: 'O2_ALREADY_REGISTERED', customerId: String(customerId) });
      }
    } else if (match.kind === 'FAMILY') {
      // O6: immediate family stays with the owner: recorded on that customer.
      customerId = match.customerId;
      const existing = await em.findOneBy(CustomerFamilyEntity, { customerId, name });
      if (!existing) await em.insert(CustomerFamilyEntity, { customerId, name, phone, relation: match.relation });
    } else {
      const c = await em.save(em.create(CustomerEntity, { siteId, name, phone, phoneLast4: phone.slice(-4), createdAt: now }));
      customerId = c.id;
      if (match.kind === 'PHONE_CONFLICT') conflictKind = 'O6';
      if (match.kind === 'SAME_NAME') conflictKind = 'O5';
    }
    const reg = await em.save(
      em.create(RegistrationEntity, {
        siteId,
        customerId,
        consultantId,
        name,
        phone,
        at: now,
        correctsId: null,
        intent: JSON.stringify(input.intent ?? {}),
        createdBy: p.userId,
      }),
    );
    if (input.family?.length) {
      await em.insert(
        CustomerFamilyEntity,
        input.family.map((f) => ({ customerId, name: f.name.trim(), phone: f.phone ? normalizePhone(f.phone) : null, relation: f.relation })),
      );
    }
    if (conflictKind) {
      await em.insert(ConflictEntity, {
        siteId,
        customerId,
        registrationId: reg.id,
        kind: conflictKind,
        details: JSON.stringify({ rule: conflictKind, match }),
        createdAt: now,
        resolvedAt: null,
      });
    }
    return { customerId, registrationId: reg.id, match, conflicted: conflictKind !== null };
  }

  /** O1: a correction is a new registration that points at the one it corrects. */
  /** `guard` (O9) counts the typed number as a phone lookup; a correction that keeps the number is not one. */
  async correct(p: Principal, registrationId: number, input: { name: string; phone: string }, guard?: (siteId: number, phone: string) => Promise<void>) {
    const old = await this.ds.getRepository(RegistrationEntity).findOneBy({ id: registrationId });
    if (!old) throw notFound('Registration');
    await this.accounts.requireSite(p, old.siteId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN) && old.consultantId !== p.userId) throw forbidden('Only the registering consultant or a manager corrects a registration');
    if (!input.name.trim()) throw badInput('name', 'The real name is required');
    const phone = requirePhone(input.phone);
    if (guard && phone !== old.phone) await guard(old.siteId, phone);
    return this.tx.run(async (em) => {
      if (await em.existsBy(RegistrationEntity, { correctsId: registrationId })) throw conflict('This registration was already corrected; correct the newest one');
      return em.save(
        em.create(RegistrationEntity, { ...old, id: undefined, name: input.name.trim(), phone, at: this.clock.now(), correctsId: old.id, createdBy: p.userId }),
      );
    });
  }

  // ---- follow-ups (O3) -------------------------------------------------------------------------

  async logFollowUp(p: Principal, customerId: number, input: { kind: string; note?: string | null; nextAt?: Date | null }) {
    const customer = await this.requireCustomer(p, customerId);
    if (!hasRole(p, Role.CONSULTANT, Role.MANAGER)) throw forbidden('Only consultants log follow-ups');
    const now = this.clock.now();
    if (input.nextAt && input.nextAt.getTime() < now.getTime()) throw badInput('nextAt', 'The next follow-up must be in the future');
    await this.tx.run((em) =>
      em.insert(FollowUpEntity, { customerId: customer.id, consultantId: p.userId, at: now, kind: input.kind, note: input.note ?? null, nextAt: input.nextAt ?? null }),
    );
    const [row] = await this.rows(p, customer.siteId, [customer.id]);
    return row;
  }

  // ---- reads -----------------------------------------------------------------------------------

  /**
   * R7: the desk types a phone number or its last four digits and gets the owner, or "free"
   * (phones masked per O9). EVERY by-phone lookup of the desk and the floor goes through here
   * (the lookup box, and the phone typed on a walk-in), so a guard (rate limit) wraps one place.
   */
  async findByPhoneForDesk(p: Principal, siteId: number, query: string): Promise<CustomerRow[]> {
    await this.accounts.requireSite(p, siteId);
    const digits = query.replace(/\D/g, '');
    if (digits.length < 4) throw badInput('query', 'Type a phone number or its last four digits');
    const repo = this.ds.getRepository(CustomerEntity);
    const found =
      digits.length === 4
        ? await repo.find({ where: { siteId, phoneLast4: digits }, take: 20, select: { id: true, mergedIntoId: true } })
        : await repo.find({ where: { siteId, phone: normalizePhone(query) ?? normalizePhone(digits) ?? digits }, take: 20, select: { id: true, mergedIntoId: true } });
    return this.rows(p, siteId, [...new Set(found.map((c) => c.mergedIntoId ?? c.id))]);
  }

  /**
   * Customers by id, one answer per id in the order asked (null: not of this site): cards that
   * start from a reception, not a register row, get the customer's standing (O3 badge). A merged
   * record answers as the customer it joined (O5/O6).
   */
  async byIds(p: Principal, siteId: number, ids: number[]): Promise<Array<CustomerRow | null>> {
    const site = await this.accounts.requireSite(p, siteId);
    if (!ids.length) return [];
    const found = await this.ds.getRepository(CustomerEntity).find({ where: { id: In(ids), siteId }, select: { id: true, mergedIntoId: true } });
    const target = new Map(found.map((c) => [c.id, c.mergedIntoId ?? c.id]));
    const rows = await this.rows(p, siteId, [...new Set(target.values())], site.timezone);
    const byId = new Map(rows.map((r) => [r.customer.id, r]));
    return ids.map((id) => byId.get(target.get(id) ?? -1) ?? null);
  }

  async list(
    p: Principal,
    siteId: number,
    opts: { search?: string | null; scope: 'ALL' | 'MINE' | 'FREE'; limit: number; offset: number; grade?: string | null; followUpDue?: boolean },
  ) {
    const site = await this.accounts.requireSite(p, siteId);
    const qb = this.ds.getRepository(CustomerEntity).createQueryBuilder('c').select('c.id', 'id').where('c.siteId = :siteId', { siteId }).andWhere('c.mergedIntoId IS NULL');
    const s = opts.search?.trim();
    if (s) {
      const digits = s.replace(/\D/g, '');
      const isPhone = digits.length >= 4 && digits.length === s.replace(/[\s+-]/g, '').length;
      if (isPhone && hasRole(p, Role.MANAGER, Role.ADMIN)) qb.andWhere('c.phone LIKE :p', { p: `%${digits}%` });
      else if (isPhone) {
        // O9: for consultants a number matches whole or by its last four digits, as at the desk;
        // a substring match would reveal the masked digits of a colleague's customer one by one.
        if (digits.length === 4) qb.andWhere('c.phoneLast4 = :p', { p: digits });
        else qb.andWhere('c.phone = :p', { p: normalizePhone(s) ?? normalizePhone(digits) ?? digits });
      } else qb.andWhere('c.name LIKE :n', { n: `%${s}%` });
    }
    if (opts.scope === 'MINE') {
      // Candidates: customers this consultant registered or was assigned; ownership filters below.
      qb.andWhere(
        '(c.id IN (SELECT r.customerId FROM registrations r WHERE r.consultantId = :me) OR c.id IN (SELECT d.customerId FROM ownership_decisions d WHERE d.consultantId = :me))',
        { me: p.userId },
      );
    }
    if (opts.grade) qb.andWhere('c.intentGrade = :grade', { grade: opts.grade });
    qb.orderBy('c.id', 'DESC');
    if (opts.scope === 'ALL' && !opts.followUpDue) {
      // Paged in SQL: the page costs the same whatever the size of the register.
      const total = await qb.getCount();
      const ids = (await qb.offset(opts.offset).limit(opts.limit).getRawMany<{ id: number }>()).map((r) => Number(r.id));
      return { total, rows: await this.rows(p, siteId, ids, site.timezone) };
    }
    const ids = (await qb.getRawMany<{ id: number }>()).map((r) => Number(r.id));
    let rows = await this.rows(p, siteId, ids, site.timezone);
    if (opts.scope === 'MINE') rows = rows.filter((r) => r.ownership.ownerId === p.userId).sort((a, b) => (a.ownership.lapsesAt ?? 0) - (b.ownership.lapsesAt ?? 0));
    if (opts.scope === 'FREE') rows = rows.filter((r) => r.ownership.ownerId === null);
    // Issue 13 (O3): lapsing within the site's window and not yet lapsed, soonest first.
    if (opts.followUpDue) rows = rows.filter((r) => r.followUpDue?.state === 'DUE').sort((a, b) => a.ownership.lapsesAt! - b.ownership.lapsesAt!);
    return { total: rows.length, rows: rows.slice(opts.offset, opts.offset + opts.limit) };
  }

  async detail(p: Principal, id: number) {
    let customer = await this.requireCustomer(p, id);
    // O5/O6: a merged record opens as the customer it joined, where its history now is.
    if (customer.mergedIntoId !== null) customer = await this.requireCustomer(p, customer.mergedIntoId);
    const customerId = customer.id;
    const [row] = await this.rows(p, customer.siteId, [customer.id]);
    const [registrations, followUps, decisions, deals, conflicts, family, gradeChanges] = await Promise.all([
      this.ds.getRepository(RegistrationEntity).find({ where: { customerId }, order: { at: 'ASC', id: 'ASC' } }),
      this.ds.getRepository(FollowUpEntity).find({ where: { customerId }, order: { at: 'ASC', id: 'ASC' } }),
      this.ds.getRepository(OwnershipDecisionEntity).find({ where: { customerId }, order: { at: 'ASC', id: 'ASC' } }),
      this.ds.getRepository(DealEntity).find({ where: { customerId }, order: { dealAt: 'ASC' } }),
      this.ds.getRepository(ConflictEntity).find({ where: { customerId }, order: { createdAt: 'ASC' } }),
      this.ds.getRepository(CustomerFamilyEntity).find({ where: { customerId } }),
      this.ds.getRepository(CustomerGradeChangeEntity).find({ where: { customerId }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    const full = row.phone !== null;
    return {
      row,
      family: family.map((f) => ({ ...f, phone: full ? f.phone : maskPhone(f.phone) })),
      registrations: registrations.map((r) => ({ ...r, phone: full ? r.phone : maskPhone(r.phone) })),
      followUps,
      decisions,
      deals,
      conflicts,
      gradeChanges,
    };
  }

  // ---- intent grade (issue 13) -------------------------------------------------------------------

  /** The owner or a manager grades a customer's buying intent; each change is on the timeline. */
  async setGrade(p: Principal, customerId: number, grade: IntentGrade | null): Promise<CustomerRow> {
    let customer = await this.requireCustomer(p, customerId);
    if (customer.mergedIntoId !== null) customer = await this.requireCustomer(p, customer.mergedIntoId);
    const site = await this.accounts.requireSite(p, customer.siteId);
    const supervisor = hasRole(p, Role.MANAGER, Role.ADMIN);
    if (!supervisor && !hasRole(p, Role.CONSULTANT)) throw forbidden('Only the owner or a manager grades a customer');
    const id = customer.id;
    await this.tx.run(async (em) => {
      const current = await em.findOne(CustomerEntity, { where: { id }, ...rowLock(em) });
      if (!current) throw notFound('Customer');
      if (!supervisor) {
        const s = await this.settingsIn(em, current.siteId, site.timezone);
        const o = ownershipAt(id, await this.inputs(em, [id]), this.clock.now().getTime(), s);
        if (o.ownerId !== p.userId) throw new AppError(ErrorCode.FORBIDDEN, "Only the customer's owner or a manager grades a customer", { reason: 'NOT_OWNER' });
      }
      if (current.intentGrade === grade) return;
      await em.update(CustomerEntity, { id }, { intentGrade: grade });
      await em.insert(CustomerGradeChangeEntity, { customerId: id, fromGrade: current.intentGrade, toGrade: grade, byId: p.userId, at: this.clock.now() });
    });
    const [row] = await this.rows(p, customer.siteId, [id], site.timezone);
    return row;
  }

  // ---- the manager (O5, O6, O7, O8) ---------------------------------------------------------------

  async conflicts(p: Principal, siteId: number) {
    await this.accounts.requireSite(p, siteId);
    return this.ds.getRepository(ConflictEntity).find({ where: { siteId, resolvedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async disputes(p: Principal, siteId: number): Promise<DisputeCount> {
    await this.requireDisputesViewer(p, siteId);
    return this.countDisputes(siteId);
  }

  /** The site's open conflicts now, then on every change (newer counts only). */
  async *watchDisputes(p: Principal, siteId: number): AsyncGenerator<DisputeCount> {
    await this.requireDisputesViewer(p, siteId);
    // Listening before reading, so a change committed in between is not lost; the pubsub's
    // iterator starts listening at its first next().
    const live = this.bus.pubSub.subscribe(DISPUTES_CHANGED, siteId)[Symbol.asyncIterator]();
    let pending = live.next();
    try {
      const current = await this.countDisputes(siteId);
      let version = current.version;
      yield current;
      for (;;) {
        const next = await pending;
        if (next.done) return;
        pending = live.next();
        const change = next.value as DisputeCount;
        if (change.version <= version) continue;
        version = change.version;
        yield change;
      }
    } finally {
      await live.return?.();
    }
  }

  private async requireDisputesViewer(p: Principal, siteId: number) {
    // Checked here as well: a subscription is refused when it starts, not on its first event.
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager sees ownership disputes');
    await this.accounts.requireSite(p, siteId);
  }

  private async countDisputes(siteId: number): Promise<DisputeCount> {
    const raw = await this.ds
      .getRepository(ConflictEntity)
      .createQueryBuilder('c')
      .select('COUNT(*)', 'total')
      .addSelect('COUNT(c.resolvedAt)', 'resolved')
      .where('c.siteId = :siteId', { siteId })
      .getRawOne<{ total: number | string; resolved: number | string }>();
    const total = Number(raw?.total ?? 0);
    const resolved = Number(raw?.resolved ?? 0);
    return { siteId, open: total - resolved, version: total + resolved };
  }

  /** After commit (a retried transaction must not publish twice). */
  /** After commit of a change that opened or settled a conflict (also the desk's same-step registration). */
  async publishDisputes(siteId: number): Promise<void> {
    try {
      this.bus.pubSub.publish(DISPUTES_CHANGED, siteId, await this.countDisputes(siteId));
    } catch {
      // The change is committed; a failed count only delays the board until the next change.
    }
  }

  /**
   * A manager settles ownership with a reason: ASSIGN to a consultant, RELEASE (free), or a
   * conflict's answer. O5 SAME_PERSON merges the two records; O6 FAMILY makes the person
   * immediate family of the phone's owner and merges their record there; DIFFERENT on O5
   * keeps both; DIFFERENT on O6 ("not family") keeps the conflict open with the O2 outcome.
   */
  async decide(
    p: Principal,
    input: {
      customerId: number;
      conflictId?: number | null;
      kind: 'ASSIGN' | 'RELEASE' | 'SAME_PERSON' | 'FAMILY' | 'DIFFERENT';
      consultantId?: number | null;
      reason: string;
      /** O5: which of the same-name customers this one is (needed when there are several). */
      sameAsId?: number | null;
      /** O6: how the person is related to the owner (PARENT or SPOUSE). */
      relation?: string | null;
    },
  ) {
    let customer = await this.requireCustomer(p, input.customerId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager decides ownership');
    const reason = input.reason.trim();
    if (!reason) throw badInput('reason', 'A decision needs a reason');
    if (input.kind === 'ASSIGN' && !input.consultantId) throw badInput('consultantId', 'Name the consultant');
    if ((input.kind === 'SAME_PERSON' || input.kind === 'FAMILY') && !input.conflictId) {
      throw badInput('conflictId', 'Answer the conflict this decision settles');
    }
    if (input.kind === 'FAMILY' && input.relation && !IMMEDIATE_FAMILY.includes(input.relation as (typeof IMMEDIATE_FAMILY)[number])) {
      throw badInput('relation', 'Only parents and spouse are immediate family (O6)');
    }
    const site = await this.accounts.requireSite(p, customer.siteId);
    const { notified, survivorId } = await this.tx.run(async (em) => {
      const now = this.clock.now();
      if (input.kind === 'ASSIGN') await this.accounts.requireConsultants(em, customer.siteId, [input.consultantId!]);
      let c: ConflictEntity | null = null;
      if (input.conflictId) {
        c = await em.findOne(ConflictEntity, { where: { id: input.conflictId, customerId: customer.id }, ...rowLock(em) });
        if (!c) throw notFound('Conflict');
        if (c.resolvedAt) throw conflict('This conflict is already settled');
      }
      const facts = c ? (JSON.parse(c.details) as { rule?: string; match?: Match; notFamily?: unknown }) : {};
      let details: Record<string, unknown> | null = null;
      let merge: { survivorId: number; absorbedId: number; family?: string } | null = null;
      let resolve = c !== null;
      if (input.kind === 'SAME_PERSON') {
        // O5: verified the same person: the two records become one.
        if (c!.kind !== 'O5' || facts.match?.kind !== 'SAME_NAME') throw badInput('kind', 'Only a same-name conflict (O5) is answered with "same person"');
        const candidates = facts.match.customerIds;
        const otherId = input.sameAsId ?? (candidates.length === 1 ? candidates[0] : null);
        if (otherId === null || !candidates.includes(otherId)) throw badInput('sameAsId', 'Choose which registered customer this is');
        const other = await em.findOneBy(CustomerEntity, { id: otherId, siteId: customer.siteId });
        if (!other) throw notFound('Customer');
        const target = other.mergedIntoId ?? other.id;
        // The older record carries on; ownership then follows O2 over both histories.
        const older = await this.olderOf(em, customer.id, target);
        merge = { survivorId: older, absorbedId: older === customer.id ? target : customer.id };
      } else if (input.kind === 'FAMILY') {
        // O6: immediate family of the phone's owner: joins that customer's family and stays with the owner.
        if (c!.kind !== 'O6' || facts.match?.kind !== 'PHONE_CONFLICT') throw badInput('kind', 'Only a same-phone conflict (O6) is answered with "family"');
        const owner = await em.findOneBy(CustomerEntity, { id: facts.match.customerId, siteId: customer.siteId });
        if (!owner) throw notFound('Customer');
        merge = { survivorId: owner.mergedIntoId ?? owner.id, absorbedId: customer.id, family: input.relation ?? 'SPOUSE' };
      } else if (input.kind === 'DIFFERENT' && c?.kind === 'O6') {
        // O6 "not family": still a conflict for the manager, now stating what O2 gives each record.
        if (facts.notFamily) throw conflict('This conflict was already answered "not family"; assign or release the customer');
        const phoneOwnerId = facts.match?.kind === 'PHONE_CONFLICT' ? facts.match.customerId : null;
        const ids = [customer.id, ...(phoneOwnerId !== null ? [phoneOwnerId] : [])];
        const s = await this.settingsIn(em, customer.siteId, site.timezone);
        const input2 = await this.inputs(em, ids);
        const o2 = ids.map((id) => ({ customerId: id, ownerId: ownershipAt(id, input2, now.getTime(), s).ownerId }));
        details = { rule: 'O6', family: false, o2 };
        resolve = false;
        await em.update(ConflictEntity, { id: c.id }, { details: JSON.stringify({ ...facts, notFamily: { at: now.toISOString(), by: p.userId }, o2 }) });
      }
      if (resolve && c) await em.update(ConflictEntity, { id: c.id }, { resolvedAt: now });
      let notified: NotificationEntity[] = [];
      let survivorId = customer.id;
      if (merge) {
        const done = await this.merge(em, customer.siteId, site.timezone, merge, now);
        details = done.details;
        notified = done.notified;
        survivorId = merge.survivorId;
      }
      await em.insert(OwnershipDecisionEntity, {
        customerId: survivorId,
        conflictId: input.conflictId ?? null,
        kind: input.kind,
        consultantId: input.consultantId ?? null,
        at: now,
        reason,
        decidedBy: p.userId,
        details: details ? JSON.stringify(details) : null,
      });
      return { notified, survivorId };
    });
    this.notifications.publish(notified);
    if (input.conflictId) await this.publishDisputes(customer.siteId);
    customer = await this.requireCustomer(p, survivorId);
    const [row] = await this.rows(p, customer.siteId, [customer.id]);
    return row;
  }

  /** Of two customers, the one registered first (the record that carries on after a merge). */
  private async olderOf(em: EntityManager, a: number, b: number): Promise<number> {
    const both = await em.find(CustomerEntity, { where: { id: In([a, b]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return both[0].id;
  }

  /**
   * O5/O6: moves the absorbed record's whole history (registrations, follow-ups, decisions,
   * conflicts, deals, family) to the survivor; nothing is deleted, the absorbed row points at
   * the survivor. Ownership then follows O2 over both histories; a consultant who owned either
   * record before and does not own the result is notified.
   */
  private async merge(
    em: EntityManager,
    siteId: number,
    timezone: string,
    m: { survivorId: number; absorbedId: number; family?: string },
    now: Date,
  ): Promise<{ details: Record<string, unknown>; notified: NotificationEntity[] }> {
    const pair = await em.find(CustomerEntity, { where: { id: In([m.survivorId, m.absorbedId]), siteId }, ...rowLock(em) });
    const survivor = pair.find((x) => x.id === m.survivorId);
    const absorbed = pair.find((x) => x.id === m.absorbedId);
    if (!survivor || !absorbed || survivor.id === absorbed.id) throw notFound('Customer');
    if (survivor.mergedIntoId !== null || absorbed.mergedIntoId !== null) throw conflict('One of these customers was already merged into another');
    const s = await this.settingsIn(em, siteId, timezone);
    const at = now.getTime();
    const before = await this.inputs(em, [survivor.id, absorbed.id]);
    const ownersBefore = [survivor.id, absorbed.id].map((id) => ({ customerId: id, ownerId: ownershipAt(id, before, at, s).ownerId }));
    const move = { customerId: absorbed.id };
    const to = { customerId: survivor.id };
    await em.update(RegistrationEntity, move, to);
    await em.update(FollowUpEntity, move, to);
    await em.update(OwnershipDecisionEntity, move, to);
    await em.update(ConflictEntity, move, to);
    await em.update(DealEntity, move, to);
    await em.update(CustomerFamilyEntity, move, to);
    if (m.family && !(await em.existsBy(CustomerFamilyEntity, { customerId: survivor.id, name: absorbed.name }))) {
      await em.insert(CustomerFamilyEntity, { customerId: survivor.id, name: absorbed.name, phone: absorbed.phone, relation: m.family });
    }
    await em.update(CustomerEntity, { id: absorbed.id }, { mergedIntoId: survivor.id });
    const after = ownershipAt(survivor.id, await this.inputs(em, [survivor.id]), at, s);
    const losers = [...new Set(ownersBefore.map((o) => o.ownerId))].filter((id): id is number => id !== null && id !== after.ownerId);
    const details = {
      rule: m.family ? 'O6' : 'O5',
      merged: { customerId: absorbed.id, name: absorbed.name, phoneLast4: absorbed.phoneLast4 },
      into: { customerId: survivor.id, name: survivor.name },
      ...(m.family ? { relation: m.family } : {}),
      ownersBefore,
      ownerAfter: after.ownerId,
      ownerRule: after.rule,
      registrationId: after.registrationId,
    };
    const notified = losers.length
      ? await this.notifications.stage(
          em,
          losers.map((userId) => ({
            userId,
            kind: 'CUSTOMER_OWNERSHIP_LOST' as const,
            params: { rule: details.rule, customerId: survivor.id, customerName: survivor.name, mergedName: absorbed.name, ownerId: after.ownerId },
          })),
        )
      : [];
    return { details, notified };
  }

  /** O7/O8: a deal, attributed by looking back from its date; a helper splits the credit. */
  async recordDeal(p: Principal, input: { customerId: number; buyerName: string; dealAt: Date; units: number; helperId?: number | null }) {
    const customer = await this.requireCustomer(p, input.customerId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager records deals');
    if (input.dealAt.getTime() > this.clock.now().getTime()) throw badInput('dealAt', 'A deal cannot be in the future');
    const site = await this.accounts.requireSite(p, customer.siteId);
    const { deal, disputed } = await this.tx.run(async (em) => {
      const s = await this.settingsIn(em, customer.siteId, site.timezone);
      const input2 = await this.inputs(em, [customer.id]);
      const a = attributeDeal(customer.id, input2, input.dealAt.getTime(), s);
      const family = await em.findBy(CustomerFamilyEntity, { customerId: customer.id });
      const known: KnownCustomer = { id: customer.id, name: customer.name, phone: customer.phone, family };
      const buyerOk = buyerMatches(input.buyerName, known);
      if (input.helperId) await this.accounts.requireConsultants(em, customer.siteId, [input.helperId], 'helperId');
      const credit = a.consultantId === null ? [] : input.helperId ? splitCredit(a.consultantId, input.helperId) : splitCredit(a.consultantId, a.consultantId);
      const deal = await em.save(
        em.create(DealEntity, {
          siteId: customer.siteId,
          customerId: customer.id,
          buyerName: input.buyerName.trim(),
          dealAt: input.dealAt,
          units: input.units,
          credit: JSON.stringify(credit),
          attribution: JSON.stringify({ ...a, buyerMatches: buyerOk, lookbackDays: s.dealLookbackDays }),
          recordedBy: p.userId,
          createdAt: this.clock.now(),
        }),
      );
      // A buyer who is neither the customer nor immediate family, or no owner to credit: the manager settles it.
      if (!buyerOk || a.consultantId === null) {
        await em.insert(ConflictEntity, {
          siteId: customer.siteId,
          customerId: customer.id,
          registrationId: null,
          kind: 'DEAL',
          details: JSON.stringify({ rule: 'O7', dealId: deal.id, buyerName: input.buyerName, buyerMatches: buyerOk, owner: a.consultantId }),
          createdAt: this.clock.now(),
          resolvedAt: null,
        });
      }
      return { deal, disputed: !buyerOk || a.consultantId === null };
    });
    if (disputed) await this.publishDisputes(customer.siteId);
    return deal;
  }

  /** Deals of a site, newest first, with the customers' names. */
  async deals(p: Principal, siteId: number, opts: { limit: number; offset: number }) {
    await this.accounts.requireSite(p, siteId);
    const [deals, total] = await this.ds.getRepository(DealEntity).findAndCount({ where: { siteId }, order: { dealAt: 'DESC', id: 'DESC' }, take: opts.limit, skip: opts.offset });
    return { total, deals };
  }

  // ---- the register in a spreadsheet (import, export) -----------------------------------------------

  /** Reads and checks a file without writing anything: what the import would do. */
  async previewImport(p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<ImportCheck & { sample: ImportRow[] }> {
    const check = await this.checkFile(this.ds.manager, p, siteId, file);
    return { ...check, sample: check.rows.slice(0, IMPORT_SAMPLE_SIZE) };
  }

  /**
   * O1: every row becomes a customer with one registration by its consultant, all in one
   * transaction; if any row is invalid nothing is written (no partial import).
   */
  async importRegister(p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<{ imported: number; conflicts: number }> {
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager imports the register');
    const now = this.clock.now();
    const result = await this.tx.run(async (em) => {
      // Checked again inside the transaction: the register may have changed since the preview.
      const check = await this.checkFile(em, p, siteId, file);
      if (check.errors.length) {
        throw badInput('file', `${check.errors.length} problem(s) in the file; nothing was imported`, {
          errors: check.errors.slice(0, 200),
          errorCount: check.errors.length,
        });
      }
      const BATCH = 500;
      // O5: a name already in the register (or earlier in the file) with another phone is a
      // different person unless someone verifies it: the manager gets a conflict, as at the desk.
      const sameName = new Map<string, number[]>();
      const names = [...new Set(check.rows.map((r) => r.name))];
      for (let i = 0; i < names.length; i += BATCH) {
        const known = await em.find(CustomerEntity, { where: { siteId, name: In(names.slice(i, i + BATCH)) }, select: { id: true, name: true } });
        for (const k of known) sameName.set(k.name, [...(sameName.get(k.name) ?? []), k.id]);
      }
      let conflicts = 0;
      for (let i = 0; i < check.rows.length; i += BATCH) {
        const batch = check.rows.slice(i, i + BATCH);
        const at = (r: ImportRow) => new Date(r.registeredAt ?? now.getTime());
        await em
          .createQueryBuilder()
          .insert()
          .into(CustomerEntity)
          .values(batch.map((r) => ({ siteId, name: r.name, phone: r.phone, phoneLast4: r.phone.slice(-4), createdAt: at(r) })))
          .updateEntity(false)
          .execute();
        // O2: the numbers' key rows, as a registration at the desk would create them.
        await em
          .createQueryBuilder()
          .insert()
          .into(CustomerPhoneKeyEntity)
          .values(batch.map((r) => ({ siteId, phone: r.phone, createdAt: now })))
          .orIgnore()
          .updateEntity(false)
          .execute();
        // Phones are unique within the file and new to the site's register, so they find the new ids.
        const created = await em.find(CustomerEntity, { where: { siteId, phone: In(batch.map((r) => r.phone)) }, select: { id: true, phone: true } });
        const idOf = new Map(created.map((c) => [c.phone, c.id]));
        await em
          .createQueryBuilder()
          .insert()
          .into(RegistrationEntity)
          .values(
            batch.map((r) => ({
              siteId,
              customerId: idOf.get(r.phone)!,
              consultantId: r.consultantId,
              name: r.name,
              phone: r.phone,
              at: at(r),
              correctsId: null,
              intent: JSON.stringify({ budget: r.budget, size: r.size, source: r.source }),
              createdBy: p.userId,
            })),
          )
          .updateEntity(false)
          .execute();
        const flagged = batch.flatMap((r) => {
          const id = idOf.get(r.phone)!;
          const before = sameName.get(r.name) ?? [];
          sameName.set(r.name, [...before, id]);
          return before.length ? [{ customerId: id, customerIds: before }] : [];
        });
        if (flagged.length) {
          const regs = await em.find(RegistrationEntity, { where: { customerId: In(flagged.map((f) => f.customerId)) }, select: { id: true, customerId: true } });
          const regOf = new Map(regs.map((r) => [r.customerId, r.id]));
          await em.insert(
            ConflictEntity,
            flagged.map((f) => ({
              siteId,
              customerId: f.customerId,
              registrationId: regOf.get(f.customerId)!,
              kind: 'O5',
              details: JSON.stringify({ rule: 'O5', match: { kind: 'SAME_NAME', customerIds: f.customerIds } satisfies Match }),
              createdAt: now,
              resolvedAt: null,
            })),
          );
          conflicts += flagged.length;
        }
      }
      return { imported: check.rows.length, conflicts };
    });
    if (result.conflicts) await this.publishDisputes(siteId);
    return result;
  }

  /** The register as xlsx, with each phone as this viewer may read it (O9). */
  async exportRegister(p: Principal, siteId: number): Promise<{ fileName: string; content: Buffer }> {
    const site = await this.accounts.requireSite(p, siteId);
    const ids = (await this.ds.getRepository(CustomerEntity).find({ where: { siteId, mergedIntoId: IsNull() }, select: { id: true }, order: { id: 'ASC' } })).map((c) => c.id);
    const rows = await this.rows(p, siteId, ids, site.timezone);
    const regs = ids.length ? await this.firstRegistrations(ids) : new Map<number, RegistrationEntity>();
    const users = await this.ds.getRepository(UserEntity).find({ where: { companyId: p.companyId }, select: { id: true, displayName: true } });
    const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
    const content = await writeRegister(
      rows.map((r) => {
        const reg = regs.get(r.customer.id);
        const intent = reg ? (JSON.parse(reg.intent) as Intent) : {};
        return {
          name: r.customer.name,
          phone: r.phone ?? r.phoneMasked,
          consultant: reg?.consultantId ? (nameOf.get(reg.consultantId) ?? '') : '',
          registeredAt: wallClock(reg?.at ?? r.customer.createdAt, site.timezone),
          budget: intent.budget ?? '',
          size: intent.size ?? '',
          source: intent.source ?? '',
          grade: r.customer.intentGrade ?? '',
          owner: r.ownership.ownerId ? (nameOf.get(r.ownership.ownerId) ?? '') : '',
          ownership: r.ownership.rule,
          lapsesAt: wallClock(r.ownership.lapsesAt, site.timezone),
          dealClosed: r.dealClosed,
        };
      }),
    );
    const day = wallClock(this.clock.now(), site.timezone).slice(0, 10);
    return { fileName: `register-${site.code}-${day}.xlsx`, content };
  }

  private async checkFile(em: EntityManager, p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<ImportCheck> {
    const site = await this.accounts.requireSite(p, siteId);
    let table: string[][];
    try {
      table = await readTable(file.fileName, file.content);
    } catch (err) {
      if (err instanceof ImportFileError) throw badInput(err.code === 'UNSUPPORTED_FILE' ? 'fileName' : 'contentBase64', err.message, { reason: err.code });
      throw err;
    }
    const links = await em.findBy(UserSiteEntity, { siteId });
    const users = links.length ? await em.findBy(UserEntity, { id: In(links.map((l) => l.userId)) }) : [];
    const consultants = users.filter((u) => u.roles.includes(Role.CONSULTANT) && !u.disabled).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
    const check = checkImport(table, { consultants, timezone: site.timezone, now: this.clock.now().getTime() });
    const registered = new Map<string, number>();
    const phones = check.rows.map((r) => r.phone);
    for (let i = 0; i < phones.length; i += 1000) {
      const found = await em.find(CustomerEntity, { where: { siteId, phone: In(phones.slice(i, i + 1000)) }, select: { id: true, phone: true } });
      for (const c of found) if (!registered.has(c.phone)) registered.set(c.phone, c.id);
    }
    return againstRegister(check, registered);
  }

  /** The first registration of each customer (what the spreadsheet calls its consultant and date). */
  private async firstRegistrations(ids: number[]): Promise<Map<number, RegistrationEntity>> {
    const out = new Map<number, RegistrationEntity>();
    for (let i = 0; i < ids.length; i += 1000) {
      const regs = await this.ds.getRepository(RegistrationEntity).find({ where: { customerId: In(ids.slice(i, i + 1000)) }, order: { at: 'ASC', id: 'ASC' } });
      for (const r of regs) if (!out.has(r.customerId)) out.set(r.customerId, r);
    }
    return out;
  }

  // ---- for the rotation (R7–R11) ----------------------------------------------------------------

  /**
   * What the floor decides a walk-in on (R7–R11, O2), from the customer's record: the owner
   * now, whether they closed a deal, and — R9 — the consultant whose registration made them a
   * customer today (a new customer of today), if they were first registered today.
   */
  async walkInFacts(siteId: number, customerId: number, timezone: string): Promise<WalkInFacts> {
    let customer = await this.ds.getRepository(CustomerEntity).findOneBy({ id: customerId, siteId });
    // O5/O6: a merged record stands for the customer it joined.
    if (customer?.mergedIntoId) customer = await this.ds.getRepository(CustomerEntity).findOneBy({ id: customer.mergedIntoId, siteId });
    if (!customer) throw notFound('Customer');
    customerId = customer.id;
    const s = await this.settingsIn(this.ds.manager, siteId, timezone);
    const input = await this.inputs(this.ds.manager, [customerId]);
    const now = this.clock.now().getTime();
    const o = ownershipAt(customerId, input, now, s);
    const dealClosed = await this.ds.getRepository(DealEntity).existsBy({ customerId });
    const first = effectiveRegistrations(input.registrations).sort((a, b) => a.effectiveAt - b.effectiveAt)[0];
    const registeredTodayBy = first && sameSiteDay(first.effectiveAt, now, timezone) ? first.consultantId : null;
    return { customerId, ownerId: o.ownerId, dealClosed, registeredTodayBy, phone: customer.phone, name: customer.name };
  }

  /** R11/link: the customer exists in this site (and the viewer may use the site). */
  async requireInSite(p: Principal, siteId: number, customerId: number): Promise<CustomerEntity> {
    const c = await this.requireCustomer(p, customerId);
    if (c.siteId !== siteId) throw notFound('Customer');
    return c;
  }

  /** Names by id, for per-request loaders. */
  async namesByIds(ids: readonly number[]): Promise<Array<string | null>> {
    const rows = await this.ds.getRepository(CustomerEntity).find({ where: { id: In([...ids]) }, select: { id: true, name: true } });
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  // ---- internals -----------------------------------------------------------------------------------

  /**
   * O2: takes the exclusive lock on the number's key row, creating the row if it is new (an
   * upsert locks the row exclusively whether it inserts or finds it, so waiters queue instead
   * of deadlocking). Held until the registration's transaction ends.
   */
  private async lockPhone(em: EntityManager, siteId: number, phone: string, now: Date): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(CustomerPhoneKeyEntity)
      .values({ siteId, phone, createdAt: now })
      .orUpdate(['phone'], ['siteId', 'phone'])
      .updateEntity(false)
      .execute();
  }

  private async known(em: EntityManager, siteId: number, name: string, phone: string): Promise<KnownCustomer[]> {
    const customers = await em.find(CustomerEntity, { where: [{ siteId, phone }, { siteId, name }], take: 50 });
    // O5/O6: a merged record answers as the customer it joined (its name and phone stay its own).
    const idOf = (c: CustomerEntity) => c.mergedIntoId ?? c.id;
    const ids = [...new Set(customers.map(idOf))];
    const family = ids.length ? await em.findBy(CustomerFamilyEntity, { customerId: In(ids) }) : [];
    return customers.map((c) => ({ id: idOf(c), name: c.name, phone: c.phone, family: family.filter((f) => f.customerId === idOf(c)) }));
  }

  private async inputs(em: EntityManager, customerIds: number[]) {
    if (!customerIds.length) return { registrations: [], followUps: [], decisions: [] };
    const [regs, fus, decs] = await Promise.all([
      em.findBy(RegistrationEntity, { customerId: In(customerIds) }),
      em.findBy(FollowUpEntity, { customerId: In(customerIds) }),
      em.findBy(OwnershipDecisionEntity, { customerId: In(customerIds), kind: In(['ASSIGN', 'RELEASE']) }),
    ]);
    return {
      registrations: regs.map((r) => ({ id: r.id, customerId: r.customerId, consultantId: r.consultantId, name: r.name, phone: r.phone, at: r.at.getTime(), correctsId: r.correctsId })),
      followUps: fus.map((f) => ({ customerId: f.customerId, consultantId: f.consultantId, at: f.at.getTime() })),
      decisions: decs.map((d) => ({ customerId: d.customerId, kind: d.kind as 'ASSIGN' | 'RELEASE', consultantId: d.consultantId, at: d.at.getTime() })),
    };
  }

  /** Customers with their owner now and the phone as this viewer may see it (O9). A fixed number of queries. */
  async rows(p: Principal, siteId: number, ids: number[], timezone?: string): Promise<CustomerRow[]> {
    if (!ids.length) return [];
    const tz = timezone ?? (await this.accounts.requireSite(p, siteId)).timezone;
    const unique = [...new Set(ids)];
    const chunks: number[][] = [];
    for (let i = 0; i < unique.length; i += 1000) chunks.push(unique.slice(i, i + 1000));
    const s = await this.settingsIn(this.ds.manager, siteId, tz);
    const now = this.clock.now().getTime();
    const out: CustomerRow[] = [];
    const supervisor = hasRole(p, Role.MANAGER, Role.ADMIN);
    for (const chunk of chunks) {
      const [customers, input, deals] = await Promise.all([
        this.ds.getRepository(CustomerEntity).findBy({ id: In(chunk), siteId }),
        this.inputs(this.ds.manager, chunk),
        this.ds.getRepository(DealEntity).find({ where: { customerId: In(chunk) }, select: { customerId: true } }),
      ]);
      const closed = new Set(deals.map((d) => d.customerId));
      const byId = new Map(customers.map((c) => [c.id, c]));
      for (const id of chunk) {
        const c = byId.get(id);
        if (!c) continue;
        const ownership = ownershipAt(id, input, now, s);
        const mayRead = supervisor || ownership.ownerId === p.userId;
        out.push({
          customer: c,
          ownership,
          followUpDue: followUpDue(ownership, now, s.followUpDueDays),
          dealClosed: closed.has(id),
          phone: mayRead ? c.phone : null,
          phoneMasked: maskPhone(c.phone)!,
        });
      }
    }
    return out;
  }

  private async requireCustomer(p: Principal, id: number): Promise<CustomerEntity> {
    const c = await this.ds.getRepository(CustomerEntity).findOneBy({ id });
    if (!c) throw notFound('Customer');
    await this.accounts.requireSite(p, c.siteId);
    return c;
  }
}

export { IMMEDIATE_FAMILY };
