import { In, type DataSource, type EntityManager } from 'typeorm';
import { forUpdate as rowLock } from '../platform/db/locks.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { EventBus } from '../platform/pubsub.js';
import { AppError, badInput, conflict, ErrorCode, forbidden, notFound } from '../platform/errors.js';
import { maskPhone, normalizePhone } from '../platform/phone.js';
import { optionalPhone, requirePhone } from '../platform/phone-input.js';
import { IMMEDIATE_FAMILY, matchPerson, effectiveRegistrations, ownershipAt, type KnownCustomer, type Match } from './domain/ownership.js';
import type { IntentGrade } from './domain/follow-up-due.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import {
  ConflictEntity,
  CustomerEntity,
  CustomerFamilyEntity,
  CustomerGradeChangeEntity,
  CustomerPhoneKeyEntity,
  DealEntity,
  FollowUpEntity,
  OwnershipDecisionEntity,
  RegistrationEntity,
} from './customers.entity.js';
import type { ImportCheck, ImportRow } from './customers.import.js';
import { OwnershipDecisions, type DecisionInput } from './customers.decisions.js';
import { Disputes, type DisputeCount } from './customers.disputes.js';
import { CustomerRows, ownershipInputs, type CustomerRow } from './customers.rows.js';
import { RegisterSettingsStore, type RegisterSettings, type RegisterSettingsInput } from './customers.settings.js';
import { RegisterSpreadsheets } from './customers.spreadsheet.js';

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

export type { RegisterSettings, RegisterSettingsInput } from './customers.settings.js';
export type { CustomerRow } from './customers.rows.js';
export { DISPUTES_CHANGED, type DisputeCount } from './customers.disputes.js';

const FAMILY_RELATIONS = ['PARENT', 'SPOUSE', 'CHILD', 'SIBLING', 'OTHER'];

/**
 * The register: registering, follow-ups, reads, grades, and what the floor asks of it. Beside
 * it: the register settings (customers.settings.ts), customer rows as a viewer sees them
 * (customers.rows.ts), the disputes count (customers.disputes.ts), the manager's decisions and
 * deals (customers.decisions.ts), the spreadsheet import and export (customers.spreadsheet.ts).
 */
export class CustomersService {
  private readonly registerSettings: RegisterSettingsStore;
  private readonly records: CustomerRows;
  private readonly openDisputes: Disputes;
  private readonly decisions: OwnershipDecisions;
  private readonly spreadsheets: RegisterSpreadsheets;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    bus: EventBus,
    private readonly accounts: AccountsService,
    settingsHistory: SettingsHistoryService,
    notifications: NotificationsService,
  ) {
    this.registerSettings = new RegisterSettingsStore(ds, tx, clock, accounts, settingsHistory);
    this.records = new CustomerRows(ds, clock, accounts, this.registerSettings);
    this.openDisputes = new Disputes(ds, bus, accounts);
    this.decisions = new OwnershipDecisions(ds, tx, clock, accounts, notifications, this.registerSettings, this.records, this.openDisputes);
    this.spreadsheets = new RegisterSpreadsheets(ds, tx, clock, accounts, this.records, this.openDisputes);
  }

  now(): number {
    return this.clock.now().getTime();
  }

  // ---- settings (O3, O7): customers.settings.ts --------------------------------------------

  settings(p: Principal, siteId: number): Promise<RegisterSettings> {
    return this.registerSettings.settings(p, siteId);
  }

  updateSettings(p: Principal, siteId: number, input: RegisterSettingsInput) {
    return this.registerSettings.updateSettings(p, siteId, input);
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
      const s = await this.registerSettings.settingsIn(em, siteId, timezone);
      const owner = ownershipAt(customerId, await ownershipInputs(em, [customerId]), now.getTime(), s);
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
    const customer = await this.records.requireCustomer(p, customerId);
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
    let customer = await this.records.requireCustomer(p, id);
    // O5/O6: a merged record opens as the customer it joined, where its history now is.
    if (customer.mergedIntoId !== null) customer = await this.records.requireCustomer(p, customer.mergedIntoId);
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
    let customer = await this.records.requireCustomer(p, customerId);
    if (customer.mergedIntoId !== null) customer = await this.records.requireCustomer(p, customer.mergedIntoId);
    const site = await this.accounts.requireSite(p, customer.siteId);
    const supervisor = hasRole(p, Role.MANAGER, Role.ADMIN);
    if (!supervisor && !hasRole(p, Role.CONSULTANT)) throw forbidden('Only the owner or a manager grades a customer');
    const id = customer.id;
    await this.tx.run(async (em) => {
      const current = await em.findOne(CustomerEntity, { where: { id }, ...rowLock(em) });
      if (!current) throw notFound('Customer');
      if (!supervisor) {
        const s = await this.registerSettings.settingsIn(em, current.siteId, site.timezone);
        const o = ownershipAt(id, await ownershipInputs(em, [id]), this.clock.now().getTime(), s);
        if (o.ownerId !== p.userId) throw new AppError(ErrorCode.FORBIDDEN, "Only the customer's owner or a manager grades a customer", { reason: 'NOT_OWNER' });
      }
      if (current.intentGrade === grade) return;
      await em.update(CustomerEntity, { id }, { intentGrade: grade });
      await em.insert(CustomerGradeChangeEntity, { customerId: id, fromGrade: current.intentGrade, toGrade: grade, byId: p.userId, at: this.clock.now() });
    });
    const [row] = await this.rows(p, customer.siteId, [id], site.timezone);
    return row;
  }

  // ---- the manager (O5, O6, O7, O8): customers.disputes.ts, customers.decisions.ts --------------

  conflicts(p: Principal, siteId: number) {
    return this.openDisputes.conflicts(p, siteId);
  }

  disputes(p: Principal, siteId: number): Promise<DisputeCount> {
    return this.openDisputes.disputes(p, siteId);
  }

  watchDisputes(p: Principal, siteId: number): AsyncGenerator<DisputeCount> {
    return this.openDisputes.watchDisputes(p, siteId);
  }

  /** After commit of a change that opened or settled a conflict (also the desk's same-step registration). */
  publishDisputes(siteId: number): Promise<void> {
    return this.openDisputes.publishDisputes(siteId);
  }

  decide(p: Principal, input: DecisionInput) {
    return this.decisions.decide(p, input);
  }

  recordDeal(p: Principal, input: { customerId: number; buyerName: string; dealAt: Date; units: number; helperId?: number | null }) {
    return this.decisions.recordDeal(p, input);
  }

  deals(p: Principal, siteId: number, opts: { limit: number; offset: number }) {
    return this.decisions.deals(p, siteId, opts);
  }

  // ---- the register in a spreadsheet (import, export): customers.spreadsheet.ts ------------------

  previewImport(p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<ImportCheck & { sample: ImportRow[] }> {
    return this.spreadsheets.previewImport(p, siteId, file);
  }

  importRegister(p: Principal, siteId: number, file: { fileName: string; content: Buffer }): Promise<{ imported: number; conflicts: number }> {
    return this.spreadsheets.importRegister(p, siteId, file);
  }

  exportRegister(p: Principal, siteId: number): Promise<{ fileName: string; content: Buffer }> {
    return this.spreadsheets.exportRegister(p, siteId);
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
    const s = await this.registerSettings.settingsIn(this.ds.manager, siteId, timezone);
    const input = await ownershipInputs(this.ds.manager, [customerId]);
    const now = this.clock.now().getTime();
    const o = ownershipAt(customerId, input, now, s);
    const dealClosed = await this.ds.getRepository(DealEntity).existsBy({ customerId });
    const first = effectiveRegistrations(input.registrations).sort((a, b) => a.effectiveAt - b.effectiveAt)[0];
    const registeredTodayBy = first && sameSiteDay(first.effectiveAt, now, timezone) ? first.consultantId : null;
    return { customerId, ownerId: o.ownerId, dealClosed, registeredTodayBy, phone: customer.phone, name: customer.name };
  }

  /** R11/link: the customer exists in this site (and the viewer may use the site). */
  async requireInSite(p: Principal, siteId: number, customerId: number): Promise<CustomerEntity> {
    const c = await this.records.requireCustomer(p, customerId);
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

  /** Customers with their owner now and the phone as this viewer may see it (O9). A fixed number of queries. */
  rows(p: Principal, siteId: number, ids: number[], timezone?: string): Promise<CustomerRow[]> {
    return this.records.rows(p, siteId, ids, timezone);
  }
}

export { IMMEDIATE_FAMILY };
