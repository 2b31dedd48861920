import { Between, In, IsNull, LessThan, LessThanOrEqual, MoreThan, MoreThanOrEqual, Not, type DataSource, type EntityManager } from 'typeorm';
import { forUpdate as rowLock, takesRowLocks } from '../platform/db/locks.js';
import { SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { AppError, badInput, ErrorCode, forbidden, isDuplicateKey, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { EventBus } from '../platform/pubsub.js';
import {
  activeDeputyship,
  businessDay,
  dayAfter,
  deputyPeriodProblem,
  decide,
  DEFAULT_ROTATION_SETTINGS,
  evolve,
  initialState,
  projectBoard,
  restoreState,
  shiftsForDay,
  shiftLength,
  shiftsOverlap,
  stateAfterDay,
  type Actor,
  type Rejection,
  type RotationCommand,
  type RotationEvent,
  type RotationSettings,
  type Reception,
  type RotationState,
  type ShiftWindow,
  type WalkInInput,
} from './domain/index.js';
import {
  RotationDeputyEntity,
  RotationEventEntity,
  RotationHeadEntity,
  RotationReceptionEntity,
  RotationSettingsEntity,
  ShiftExceptionEntity,
  ShiftTemplateEntity,
} from './rotation.entity.js';
import type { CustomersService, WalkInFacts } from '../customers/customers.service.js';
import type { NotificationInput, NotificationsService } from '../notifications/notifications.service.js';
import { endable } from '../platform/endable.js';
import { GroupCommit, type Outcome } from './group-commit.js';
import { BoardAnnouncements, type BoardAnnouncement } from './board-announcements.js';
import { traceHeard, tracePublished } from '../platform/fanout-trace.js';
import { Fanout } from '../platform/fanout.js';
import { NextRead } from '../platform/next-read.js';
import { normalizePhone } from '../platform/phone.js';
import { optionalPhone } from '../platform/phone-input.js';
import { changedKeys, pickValues, SettingsArea } from '../settings/domain/changes.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import type { FloorDeputyView, ReceptionView, RotationBoardView, RotationEventView } from './rotation.types.js';
import { boardView, eventView, receptionView, type Names, type StoredEvent } from './rotation.view.js';
import { SharedBoards } from './shared-boards.js';

export const BOARD_CHANGED = 'ROTATION_BOARD_CHANGED';
/** Between instances (Redis): a site's log grew; see BoardAnnouncements. */
export const BOARD_ANNOUNCED = 'ROTATION_BOARD_ANNOUNCED';

/**
 * The head's snapshot is rewritten every this many events (and on a new day), not on every
 * change: it grows to hundreds of KiB through a busy day. Readers fold the events after it.
 */
const SNAPSHOT_EVERY = 50;

/** A floor command without its actor: the service adds who is acting. */
export type FloorCommand = RotationCommand extends infer C ? (C extends RotationCommand ? Omit<C, 'actor'> : never) : never;

// Rejections about the state of the floor (someone else got there first, a window passed)
// are CONFLICT; permission ones FORBIDDEN; missing things NOT_FOUND; the rest bad input.
const STATE_CONFLICTS = /BUSY|ALREADY|NOT_ON|NO_ONE|NOT_AVAILABLE|PASSED|STATE|WINDOW|NOT_PENDING|NOTHING|NOT_SPLITTABLE/;

export function rejectionError(r: Rejection): AppError {
  const code = r.code.startsWith('FORBIDDEN')
    ? ErrorCode.FORBIDDEN
    : r.code.endsWith('NOT_FOUND')
      ? ErrorCode.NOT_FOUND
      : STATE_CONFLICTS.test(r.code)
        ? ErrorCode.CONFLICT
        : ErrorCode.BAD_USER_INPUT;
  return new AppError(code, r.message, { reason: r.code, params: r.params ?? {} });
}

/** R15: what only the manager (or a named deputy) does on the floor. */
const SUPERVISOR_COMMANDS = new Set<RotationCommand['type']>(['MOVE', 'SKIP', 'REINSTATE', 'ASSIGN_BY_HAND', 'DECIDE_NON_BUYER', 'ACKNOWLEDGE_ALERT', 'RECORD_SAME_DAY_DEAL']);

function deputyView(r: RotationDeputyEntity, names: Names, today: string): FloorDeputyView {
  const who = (id: number) => ({ id, displayName: names.get(id) ?? `#${id}` });
  return { id: r.id, deputy: who(r.deputyId), manager: who(r.managerId), from: r.fromDay, to: r.toDay, active: r.fromDay <= today && today <= r.toDay };
}

export class RotationService {
  /** Each site's folded state as last committed, as this process knows it (state.seq = lastSeq). */
  private readonly states = new Map<number, RotationState>();
  private readonly batches = new GroupCommit<FloorJob, FloorResult>((siteId, jobs) => this.commitBatch(siteId, jobs));
  /**
   * One bus listener per site, however many boards are watched (issue 17). Local only: boards
   * are published by this process (BOARD_ANNOUNCED is what travels), so no Redis channel.
   */
  private readonly boardChanges = new Fanout<RotationBoardView>(
    (key) => this.bus.subscribeLocal<RotationBoardView>(BOARD_CHANGED, Number(key)),
    true,
  );
  private readonly headReads = new NextRead<number, RotationHeadEntity | null>();
  private readonly announcements = new BoardAnnouncements(
    (siteId, afterSeq) => this.rebuildBoard(siteId, afterSeq),
    (siteId) => this.boardChanges.has(String(siteId)),
  );
  /** The first board of subscribers connecting at the same seq, built once (issue 17). */
  private readonly firstBoards: SharedBoards<RotationBoardView>;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
    private readonly customers: CustomersService,
    private readonly settingsHistory: SettingsHistoryService,
    private readonly notifications: NotificationsService,
  ) {
    // Changes announced while Redis was away may not have reached every instance.
    bus.onReconnect(() => void this.announceHeads());
    if (bus.status() !== 'memory') this.hearAnnouncements().catch(() => undefined);
    this.firstBoards = new SharedBoards(clock);
  }

  // ---- commands ------------------------------------------------------------------------

  /**
   * One floor command: who may do it and what the register knows are settled here, outside the
   * site's lock; then it joins the site's next batch (commitBatch), which decides it and appends
   * its events in one transaction with the commands waiting beside it.
   */
  async execute(
    p: Principal,
    siteId: number,
    command: FloorCommand,
    opts: { registerCustomer?: boolean } = {},
  ): Promise<FloorResult> {
    const manager = hasRole(p, Role.MANAGER, Role.ADMIN);
    // R15: "the manager or a named deputy": a deputy supervises for the manager who named them.
    const [site, deputyships] = await Promise.all([this.accounts.requireSite(p, siteId), manager ? [] : this.deputyships(siteId, p.userId)]);
    const deputy = activeDeputyship(deputyships, p.userId, businessDay(this.clock.now(), site.timezone));
    const actor: Actor = {
      userId: p.userId,
      supervisor: manager || deputy !== null,
      desk: hasRole(p, Role.RECEPTION),
      ...(deputy ? { actingFor: deputy.managerId } : {}),
    };
    if (SUPERVISOR_COMMANDS.has(command.type) && !actor.supervisor) throw forbidden('Only the sales manager or a named deputy may do this');
    const full = { ...command, actor } as RotationCommand;
    let registration: { name: string; phone: string } | null = null;
    if ((full.type === 'RECORD_WALK_IN' || full.type === 'ASSIGN_BY_HAND') && full.walkIn) {
      // Issue 13: a phone typed at the desk follows the register's phone rule, or nothing is recorded.
      full.walkIn = { ...full.walkIn, phone: optionalPhone(full.walkIn.phone, 'input.phone') };
      const prepared = await this.fromRegister(p, siteId, site.timezone, full.walkIn, !!opts.registerCustomer);
      full.walkIn = prepared.walkIn;
      registration = prepared.register;
    }
    if ((full.type === 'HAND_OVER' || full.type === 'KEEP_FOR_COLLEAGUE') && full.customerId != null) {
      // R11: the colleague is whoever owns the customer found in the register (O2), not a name typed.
      await this.customers.requireInSite(p, siteId, full.customerId);
      const facts = await this.customers.walkInFacts(siteId, full.customerId, site.timezone);
      if (facts.ownerId === null) throw badInput('customerId', 'Nobody owns this customer now: not a colleague’s customer (R11)');
      if (full.type === 'HAND_OVER') full.toConsultantId = facts.ownerId;
      else full.colleagueId = facts.ownerId;
    }
    await this.accounts.requireConsultants(this.ds.manager, siteId, consultantsNamed(full));
    return this.batches.submit(siteId, { p, site, command: full, registration });
  }

  /**
   * Issue 17, group commit: the commands waiting on one site go through in one transaction.
   * Each is decided on the state its predecessors left, under the site's lock (SELECT … FOR
   * UPDATE on MySQL; SQLite transactions are queued in-process), so two requests — from one
   * process or several — never both see the same consultant at the door. A refused command
   * writes nothing and leaves the others be; subscribers hear of each change after commit.
   */
  private async commitBatch(siteId: number, jobs: FloorJob[]): Promise<Array<Outcome<FloorResult>>> {
    const site = jobs[0].site;
    // Read beside the transaction; when the transaction fails first nobody awaits it, and an
    // unhandled rejection (the database cut off) would end the process.
    const names = this.names(site.companyId);
    names.catch(() => undefined);
    // The site's rules and shifts are read before the lock: the lock orders the log, not them.
    const readAt = this.clock.now();
    const [settings, dayShifts] = await Promise.all([
      this.settingsIn(this.ds.manager, siteId, site.timezone),
      this.shiftsIn(this.ds.manager, siteId, readAt, site.timezone),
    ]);
    let shifts = dayShifts;
    const batch = await this.tx.run(
      async (em) => {
        const head = await this.lockHead(em, siteId);
        const first = await this.stateAt(em, siteId, head, true);
        let state = first;
        const now = this.clock.now();
        // Midnight passed while waiting for the lock: the new day's shifts.
        if (businessDay(now, site.timezone) !== businessDay(readAt, site.timezone)) shifts = await this.shiftsIn(em, siteId, now, site.timezone);
        const decided: Array<Outcome<Decided>> = [];
        const stored: StoredEvent[] = [];
        const payloads: string[] = [];
        const notices: NotificationInput[] = [];
        for (const job of jobs) {
          const before = state;
          const decision = decide(state, job.command, { now, settings, shifts });
          if (!decision.ok) {
            decided.push({ ok: false, error: rejectionError(decision.rejection) });
            continue;
          }
          // A failure here fails the batch; each command then runs alone (GroupCommit).
          const registered = job.registration ? await this.registerWalkIn(em, job.p, site, decision.events, job.registration) : null;
          const mine: StoredEvent[] = [];
          for (const event of decision.events) {
            head.lastSeq += 1;
            const payload = JSON.stringify(event);
            // Folded from the stored JSON, so the copy kept in memory is what a reload would read.
            state = evolve(state, JSON.parse(payload) as RotationEvent);
            mine.push({ seq: head.lastSeq, event });
            payloads.push(payload);
          }
          stored.push(...mine);
          notices.push(...(await this.alertNotices(em, site, before, decision.events)));
          decided.push({ ok: true, value: { stored: mine, state, registered } });
        }
        if (stored.length) {
          await em.insert(
            RotationEventEntity,
            stored.map(({ seq, event }, i) => ({
              siteId,
              seq,
              type: event.type,
              payload: payloads[i],
              actorId: event.actorId,
              at: new Date(event.at),
              businessDay: event.day,
            })),
          );
          await this.projectReceptions(em, siteId, stored);
          const snapshotDue = head.lastSeq - head.snapshotSeq >= SNAPSHOT_EVERY || state.day !== first.day;
          // A plain UPDATE of the locked row (save() would re-read it outside the lock first).
          await this.writeHead(em, siteId, head.lastSeq, now, snapshotDue ? JSON.stringify(state) : null);
        }
        const notified = await this.notifications.stage(em, notices);
        return { decided, state, notified, now };
      },
      // After the lock is granted, plain reads (the log, the snapshot) must see what the previous
      // holder committed; under REPEATABLE READ they could see a view from before the wait.
      { isolation: 'READ COMMITTED' },
    );
    this.remember(siteId, batch.state);
    this.notifications.publish(batch.notified);
    const known = await names;
    const outcomes: Array<Outcome<FloorResult>> = [];
    const appended: StoredEvent[] = [];
    let disputes = false;
    for (const d of batch.decided) {
      if (!d.ok) {
        outcomes.push(d);
        continue;
      }
      const { stored, state, registered } = d.value;
      appended.push(...stored);
      disputes ||= !!registered?.conflicted;
      const receptionId = stored[0]?.event.receptionId ?? null;
      const undoable = undoableSeqs(state);
      const raw = receptionId ? state.receptions[receptionId] : undefined;
      // Issue 17: the whole board (every reception of the day) only for a client that asks for it.
      let board: RotationBoardView | undefined;
      const boardOf = () => (board ??= boardView(siteId, state.seq, projectBoard(state, { now: batch.now, shifts, settings }), known, stored, undoable));
      outcomes.push({
        ok: true,
        value: {
          seq: state.seq,
          events: stored.map((e) => eventView(known, e, undoable)),
          reception: raw ? receptionView(known, raw) : null,
          receptionId,
          registeredCustomerId: registered?.customerId ?? null,
          board: boardOf,
        },
      });
    }
    if (appended.length) {
      // One board per batch, with all its events, and only when someone here watches the site;
      // to the other instances it goes as numbers (BoardAnnouncements).
      if (this.boardChanges.has(String(siteId))) {
        const board = projectBoard(batch.state, { now: batch.now, shifts, settings });
        tracePublished(batch.state.seq, 'commit');
        this.bus.publishLocal(BOARD_CHANGED, siteId, boardView(siteId, batch.state.seq, board, known, appended, undoableSeqs(batch.state)));
      }
      this.announcements.gave(siteId, batch.state.seq);
    }
    if (appended.length && this.bus.status() !== 'memory') {
      const announcement: BoardAnnouncement = { origin: this.announcements.origin, siteId, firstSeq: appended[0].seq, seq: batch.state.seq };
      this.bus.pubSub.publish(BOARD_ANNOUNCED, announcement);
    }
    if (disputes) await this.customers.publishDisputes(siteId);
    return outcomes;
  }

  /**
   * R14: a big buyer is told to every manager of the site at once, as a notification (in the
   * app, live, on any page and phone), not only as a line on the board.
   */
  private async alertNotices(em: EntityManager, site: { id: number; name: string }, before: RotationState, events: RotationEvent[]): Promise<NotificationInput[]> {
    const raised = events.flatMap((e) => e.effects).flatMap((e) => (e.op === 'alert' && e.value && e.value.kind === 'BIG_BUYER' && !before.alerts[e.id] ? [e.value] : []));
    if (!raised.length) return [];
    const managers = await this.notifications.managersOf(em, site.id);
    if (!managers.length) return [];
    const last = events.at(-1)!;
    const folded = events.reduce(evolve, before);
    const people = await em.findBy(UserEntity, { id: In(raised.flatMap((a) => (a.consultantId === null ? [] : [a.consultantId]))) });
    return raised.flatMap((a) => {
      const r = a.receptionId ? folded.receptions[a.receptionId] : undefined;
      const params = {
        siteId: site.id,
        siteName: site.name,
        receptionId: a.receptionId,
        units: a.params.units ?? null,
        consultantId: a.consultantId,
        consultantName: people.find((u) => u.id === a.consultantId)?.displayName ?? null,
        customerName: r?.customerName ?? null,
        at: new Date(last.at).toISOString(),
      };
      return managers.map((userId) => ({ userId, kind: 'BIG_BUYER' as const, params }));
    });
  }

  /**
   * O1: the desk registers a walk-in who is not in the register in the same step, with the
   * consultant who receives them as the registering consultant; the reception keeps the new
   * customer's id. A walk-in who waits for someone to be free is not registered (no consultant
   * yet): the reception keeps the typed name and phone and can be linked later.
   */
  private async registerWalkIn(em: EntityManager, p: Principal, site: { id: number; timezone: string }, events: RotationEvent[], who: { name: string; phone: string }) {
    const recorded = events.find((e) => e.type === 'WALK_IN_RECORDED' || e.type === 'ASSIGNED_BY_HAND');
    const effect = recorded?.effects.find((e) => e.op === 'reception' && e.id === recorded.receptionId);
    const r = effect?.op === 'reception' ? effect.value : null;
    if (!r || r.consultantId === null || r.status === 'WAITING') return null;
    const reg = await this.customers.registerIn(em, p, site.id, who, r.consultantId, site.timezone);
    for (const e of events) {
      for (const [i, ef] of e.effects.entries()) {
        if (ef.op === 'reception' && ef.id === r.id && ef.value) e.effects[i] = { ...ef, value: { ...ef.value, customerId: reg.customerId } };
      }
    }
    return reg;
  }

  /** Each reception an event touched, as it now stands, in its row (the customer's timeline reads them). */
  private async projectReceptions(em: EntityManager, siteId: number, stored: StoredEvent[]): Promise<void> {
    const latest = new Map<string, { seq: number; day: string; value: Reception | null }>();
    for (const { seq, event } of stored) {
      for (const e of event.effects) if (e.op === 'reception') latest.set(e.id, { seq, day: event.day, value: e.value });
    }
    if (!latest.size) return;
    const existing = new Map(
      (await em.find(RotationReceptionEntity, { where: { siteId, id: In([...latest.keys()]) }, select: { id: true, customerId: true, broughtById: true } })).map((r) => [r.id, r]),
    );
    const rows: Array<Partial<RotationReceptionEntity>> = [];
    for (const [id, { seq, day, value }] of latest) {
      const row = existing.get(id);
      if (!value) {
        if (row) await em.delete(RotationReceptionEntity, { siteId, id });
        continue;
      }
      rows.push({
        siteId,
        id,
        businessDay: day,
        arrivedAt: new Date(value.arrivedAt),
        linkedById: null,
        linkedAt: null,
        reception: JSON.stringify(value),
        lastSeq: seq,
        // A link made after the fact stays: the floor's copy of the reception does not know it.
        customerId: value.customerId ?? row?.customerId ?? null,
        broughtById: value.broughtById ?? row?.broughtById ?? null,
      });
    }
    // One statement for a batch's receptions, new and changed; a changed row keeps its day and link.
    if (rows.length) {
      await em
        .createQueryBuilder()
        .insert()
        .into(RotationReceptionEntity)
        .values(rows)
        .orUpdate(['reception', 'lastSeq', 'customerId', 'broughtById'], ['siteId', 'id'])
        .execute();
    }
  }

  /**
   * A walk-in recorded with a typed name (no phone) is linked to their record later. Nothing
   * decided then is decided again (the log is not touched); the customer's timeline shows the
   * reception and the link. The desk, a manager, or the consultant who served may link.
   */
  async linkReception(p: Principal, siteId: number, receptionId: string, customerId: number): Promise<void> {
    await this.accounts.requireSite(p, siteId);
    await this.customers.requireInSite(p, siteId, customerId);
    await this.tx.run(async (em) => {
      const row = await em.findOne(RotationReceptionEntity, { where: { siteId, id: receptionId }, ...rowLock(em) });
      if (!row) throw notFound('Reception');
      const r = JSON.parse(row.reception) as Reception;
      if (!hasRole(p, Role.MANAGER, Role.ADMIN, Role.RECEPTION) && r.consultantId !== p.userId) throw forbidden('Only the desk, a manager or the consultant who served may link this reception');
      if (row.customerId !== null) throw new AppError(ErrorCode.CONFLICT, 'This reception is already linked to a customer', { reason: 'ALREADY_LINKED' });
      await em.update(RotationReceptionEntity, { siteId, id: receptionId }, { customerId, linkedById: p.userId, linkedAt: this.clock.now() });
    });
  }

  /** Recent receptions not linked to any customer (a typed name or none), newest first, for linking. */
  async unlinkedReceptions(p: Principal, siteId: number, days: number) {
    const site = await this.accounts.requireSite(p, siteId);
    const since = businessDay(this.clock.now().getTime() - days * 86_400_000, site.timezone);
    const rows = await this.ds.getRepository(RotationReceptionEntity).find({
      where: { siteId, customerId: IsNull(), businessDay: MoreThanOrEqual(since) },
      order: { arrivedAt: 'DESC' },
      take: 200,
    });
    const names = await this.names(p.companyId);
    return rows
      .map((row) => JSON.parse(row.reception) as Reception)
      .filter((r) => (r.kind === 'NEW' || r.kind === 'RETURNING' || r.kind === 'BROUGHT_ALONG') && r.status !== 'UNDONE')
      .map((r) => ({ ...receptionView(names, r), phone: null }));
  }

  /**
   * The receptions of a customer (theirs, and those they brought along, R8), as each stands
   * now, for the customer's timeline: one query whatever their number. The caller has checked
   * that the viewer may see the customer.
   */
  async receptionsOf(customerId: number) {
    const rows = await this.ds.getRepository(RotationReceptionEntity).find({
      where: [{ customerId }, { broughtById: customerId }],
      order: { arrivedAt: 'ASC' },
    });
    return rows.map((row) => ({
      raw: JSON.parse(row.reception) as Reception,
      broughtAlong: row.customerId !== customerId,
      linkedById: row.linkedById,
      linkedAt: row.linkedAt,
    }));
  }

  /**
   * R7–R9, O2: the register decides what the desk cannot know, on the customer's record —
   * picked by the desk (`customerId`) or found by the phone typed: whose customer the walk-in
   * is, whether they closed a deal, whether they became a customer today (R9). R8: the old
   * customer picked as the one who brings the walk-in along decides the variant by their owner
   * and their deal. A walk-in not in the register is registered in the same step when the
   * desk asks for it (name and phone needed, O1).
   */
  private async fromRegister(
    p: Principal,
    siteId: number,
    timezone: string,
    w: WalkInInput,
    registerCustomer: boolean,
  ): Promise<{ walkIn: WalkInInput; register: { name: string; phone: string } | null }> {
    const customerKind = w.kind === 'NEW' || w.kind === 'RETURNING' || w.kind === 'BROUGHT_ALONG';
    let out: WalkInInput = { ...w };
    if (w.kind === 'BROUGHT_ALONG' && w.broughtById != null) {
      await this.customers.requireInSite(p, siteId, w.broughtById);
      const old = await this.customers.walkInFacts(siteId, w.broughtById, timezone);
      out = { ...out, ownerId: old.ownerId, dealClosed: old.dealClosed };
    }
    let facts: WalkInFacts | null = null;
    if (customerKind && w.customerId != null) {
      await this.customers.requireInSite(p, siteId, w.customerId);
      facts = await this.customers.walkInFacts(siteId, w.customerId, timezone);
    } else if (customerKind && w.phone) facts = await this.byPhone(p, siteId, timezone, w.phone);
    const register = !facts && customerKind && registerCustomer ? toRegister(w) : null;

    if (w.kind === 'BROUGHT_ALONG') {
      // R8: the new customer is "registered" when in the register already or registered now.
      if (facts) return { walkIn: { ...out, customerId: facts.customerId, customerName: w.customerName || facts.name, newCustomerRegistered: true }, register: null };
      return { walkIn: { ...out, customerId: null, newCustomerRegistered: !!register || !!w.newCustomerRegistered }, register };
    }
    if (!facts) return { walkIn: out, register };
    const known: WalkInInput = { ...out, customerId: facts.customerId, customerName: w.customerName || facts.name, registeredTodayBy: facts.registeredTodayBy, dealClosed: facts.dealClosed };
    // O2/O3: a customer nobody owns now is received as a new one, by the rotation.
    if (facts.ownerId === null) return { walkIn: { ...known, kind: 'NEW', ownerId: null }, register: null };
    return { walkIn: { ...known, kind: 'RETURNING', ownerId: facts.ownerId }, register: null };
  }

  /** The phone typed at the desk, through the one desk lookup (O9, rate limits): the owned record first. */
  private async byPhone(p: Principal, siteId: number, timezone: string, phone: string): Promise<WalkInFacts | null> {
    const normalized = normalizePhone(phone);
    if (!normalized || normalized.length <= 4) return null;
    const rows = (await this.customers.findByPhoneForDesk(p, siteId, normalized)).filter((r) => r.customer.phone === normalized);
    const pick = rows.find((r) => r.ownership.ownerId !== null) ?? rows[0];
    return pick ? this.customers.walkInFacts(siteId, pick.customer.id, timezone) : null;
  }

  // ---- deputies (R15) --------------------------------------------------------------------

  /** The deputyships naming this user at this site, not revoked (activeDeputyship picks the day's). */
  private async deputyships(siteId: number, userId: number) {
    const rows = await this.ds.getRepository(RotationDeputyEntity).findBy({ siteId, deputyId: userId, revokedAt: IsNull() });
    return rows.map((r) => ({ ...r, revokedAt: null }));
  }

  /** Deputies named for today or later, earliest first. */
  async deputies(p: Principal, siteId: number): Promise<FloorDeputyView[]> {
    const site = await this.accounts.requireSite(p, siteId);
    const today = businessDay(this.clock.now(), site.timezone);
    const [rows, names] = await Promise.all([
      this.ds.getRepository(RotationDeputyEntity).find({ where: { siteId, revokedAt: IsNull(), toDay: MoreThanOrEqual(today) }, order: { fromDay: 'ASC', id: 'ASC' } }),
      this.names(p.companyId),
    ]);
    return rows.map((r) => deputyView(r, names, today));
  }

  /** R15: a manager names a deputy of the site for a period of business days. */
  async nameDeputy(p: Principal, siteId: number, input: { deputyId: string; from: string; to: string }): Promise<FloorDeputyView> {
    const site = await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only a manager names a deputy');
    const deputyId = parseId('deputyId', input.deputyId);
    if (deputyId === p.userId) throw badInput('deputyId', 'Name someone else as your deputy');
    const today = businessDay(this.clock.now(), site.timezone);
    const problem = deputyPeriodProblem(input.from, input.to, today);
    if (problem) throw badInput(problem.field, problem.message);
    const row = await this.tx.run(async (em) => {
      const link = await em.findOneBy(UserSiteEntity, { siteId, userId: deputyId });
      const user = link ? await em.findOneBy(UserEntity, { id: deputyId, companyId: p.companyId, disabled: false }) : null;
      if (!user) throw badInput('deputyId', 'Not an active person of this site');
      return em.save(
        em.create(RotationDeputyEntity, { siteId, deputyId, managerId: p.userId, fromDay: input.from, toDay: input.to, createdAt: this.clock.now(), revokedAt: null }),
      );
    });
    return deputyView(row, await this.names(p.companyId), today);
  }

  /** Ends a deputyship at once (a manager of the site). */
  async endDeputy(p: Principal, siteId: number, id: string): Promise<boolean> {
    await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only a manager ends a deputyship');
    const deputyshipId = parseId('id', id);
    await this.tx.run(async (em) => {
      const row = await em.findOneBy(RotationDeputyEntity, { id: deputyshipId, siteId, revokedAt: IsNull() });
      if (!row) throw notFound('Deputy');
      await em.update(RotationDeputyEntity, { id: row.id }, { revokedAt: this.clock.now() });
    });
    return true;
  }

  // ---- reads ---------------------------------------------------------------------------

  async board(p: Principal, siteId: number): Promise<RotationBoardView> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.currentBoard(siteId, site.timezone, p.companyId, []);
  }

  /** A wall-screen token's board (its site is checked by the caller; privacy is applied there). */
  async boardOfSite(site: SiteEntity): Promise<RotationBoardView> {
    return this.currentBoard(site.id, site.timezone, site.companyId, []);
  }

  /** The board as it was right after event `seq`: the history page's replay (R15). */
  async boardAt(p: Principal, siteId: number, seq: number): Promise<RotationBoardView> {
    const site = await this.accounts.requireSite(p, siteId);
    const { state, last, at } = await this.stateAfter(siteId, seq);
    const settings = await this.settingsIn(this.ds.manager, siteId, site.timezone);
    const shifts = await this.shiftsIn(this.ds.manager, siteId, at, site.timezone);
    return boardView(siteId, seq, projectBoard(state, { now: at, shifts, settings }), await this.names(p.companyId), [last], undoableSeqs(state));
  }

  /**
   * The state right after event `seq`, with that event. Issue 17: folded from the start of its
   * business day, so the cost follows that day's events, not the site's whole history.
   */
  protected async stateAfter(siteId: number, seq: number): Promise<{ state: RotationState; last: StoredEvent; at: Date }> {
    const log = this.ds.getRepository(RotationEventEntity);
    const wanted = await log.findOne({ where: { siteId, seq }, select: { id: true, businessDay: true } });
    if (!wanted) throw notFound('Event');
    const rows = await log.find({
      where: { siteId, businessDay: wanted.businessDay, seq: LessThanOrEqual(seq) },
      order: { seq: 'ASC' },
      select: { id: true, seq: true, payload: true, at: true },
    });
    const events = rows.map(toStored);
    return { state: stateAfterDay(events), last: events[events.length - 1], at: rows[rows.length - 1].at };
  }

  /** The log, newest first, a page at a time; `day` (YYYY-MM-DD, site time) narrows it. */
  async history(p: Principal, siteId: number, opts: { day?: string | null; beforeSeq?: number | null; limit: number }) {
    await this.accounts.requireSite(p, siteId);
    const where: Record<string, unknown> = { siteId };
    if (opts.day) where.businessDay = opts.day;
    if (opts.beforeSeq) where.seq = LessThan(opts.beforeSeq);
    const [rows, state, names] = await Promise.all([
      this.ds.getRepository(RotationEventEntity).find({ where, order: { seq: 'DESC' }, take: opts.limit + 1 }),
      this.currentState(siteId),
      this.names(p.companyId),
    ]);
    const undoable = undoableSeqs(state);
    return {
      events: rows.slice(0, opts.limit).map((r) => eventView(names, toStored(r), undoable)),
      hasMore: rows.length > opts.limit,
    };
  }

  /** Events after `afterSeq` (a reconnecting subscriber's catch-up). */
  async eventsAfter(siteId: number, afterSeq: number, uptoSeq?: number): Promise<StoredEvent[]> {
    const rows = await this.ds.getRepository(RotationEventEntity).find({
      where: { siteId, seq: uptoSeq === undefined ? MoreThan(afterSeq) : Between(afterSeq + 1, uptoSeq) },
      order: { seq: 'ASC' },
    });
    return rows.map(toStored);
  }

  /**
   * The live feed of a site: first the current board (with the events the subscriber
   * missed since `afterSeq`), then every change exactly once, in order. A gap in the
   * sequence (a lost message) is filled from the log, so nothing is missed or repeated.
   */
  watch(p: Principal, siteId: number, afterSeq: number | null | undefined): AsyncGenerator<RotationBoardView> {
    return this.liveBoard(() => this.accounts.requireSiteShared(p, siteId), afterSeq);
  }

  /** The live board of a site whose access was checked by the caller (wall tokens). */
  watchSite(site: SiteEntity, afterSeq: number | null | undefined): AsyncGenerator<RotationBoardView> {
    return this.liveBoard(async () => site, afterSeq);
  }

  private liveBoard(siteOf: () => Promise<Readonly<SiteEntity>>, afterSeq: number | null | undefined): AsyncGenerator<RotationBoardView> {
    let live: AsyncIterator<unknown> | undefined;
    // A closed subscription ends now, not at the site's next change (see endable).
    return endable(this.watchBoard(siteOf, afterSeq, (it) => (live = it)), () => live);
  }

  private async *watchBoard(
    siteOf: () => Promise<Readonly<SiteEntity>>,
    afterSeq: number | null | undefined,
    started: (live: AsyncIterator<unknown>) => void,
  ): AsyncGenerator<RotationBoardView> {
    const site = await siteOf();
    const siteId = site.id;
    const p = { companyId: site.companyId };
    // Subscribe before reading, so a change committed in between is not lost (the fan-out
    // listens from this call on).
    const live = this.boardChanges.subscribe(String(siteId))[Symbol.asyncIterator]();
    started(live);
    let pending = live.next();
    try {
      // One read of the state: the board and the missed events are of the same seq. Read after
      // subscribing, together with whoever subscribed just before (see NextRead).
      const state = await this.currentState(siteId, true);
      const from = afterSeq != null && afterSeq < state.seq ? afterSeq : null;
      // Shared by every subscriber at this seq and catch-up point (see SharedBoards).
      const current = await this.firstBoards.get(`${siteId}:${state.seq}:${from ?? ''}`, async () => {
        const missed = from !== null ? await this.eventsAfter(siteId, from, state.seq) : [];
        return this.currentBoard(siteId, site.timezone, p.companyId, missed, state);
      });
      let lastSeq = current.seq;
      // A client already at the head gets nothing until the next change.
      if (afterSeq == null || afterSeq !== current.seq) yield current;
      for (;;) {
        const next = await pending;
        if (next.done) return;
        pending = live.next();
        const published = next.value as RotationBoardView;
        if (published.seq <= lastSeq) continue;
        // A board built from the log (another instance's change) may carry events this
        // subscriber already had from a local change: each event goes once.
        const seen = lastSeq;
        // Checked before filtering: this runs per subscriber and change, and mostly all are fresh.
        const change = published.events.some((e) => e.seq <= seen) ? { ...published, events: published.events.filter((e) => e.seq > seen) } : published;
        const firstSeq = change.events[0]?.seq ?? change.seq;
        if (firstSeq > lastSeq + 1) {
          const names = await this.names(p.companyId);
          const gap = (await this.eventsAfter(siteId, lastSeq, firstSeq - 1)).map((e) => eventView(names, e, new Set()));
          lastSeq = change.seq;
          yield { ...change, events: [...gap, ...change.events] };
          continue;
        }
        lastSeq = change.seq;
        yield change;
      }
    } finally {
      await live.return?.();
    }
  }

  /** The other instances' announcements, for as long as the process runs. */
  private async hearAnnouncements(): Promise<void> {
    for await (const a of this.bus.pubSub.subscribe(BOARD_ANNOUNCED) as AsyncIterable<BoardAnnouncement>) {
      traceHeard();
      this.announcements.heard(a);
    }
  }

  /** The site's board at its head, with the events after `afterSeq`, to this process's subscribers. */
  private async rebuildBoard(siteId: number, afterSeq: number): Promise<number | null> {
    const [site, state] = await Promise.all([this.ds.getRepository(SiteEntity).findOneBy({ id: siteId }), this.currentState(siteId)]);
    if (!site || state.seq <= afterSeq) return null;
    const events = await this.eventsAfter(siteId, afterSeq, state.seq);
    const board = await this.currentBoard(siteId, site.timezone, site.companyId, events, state);
    tracePublished(board.seq, 'rebuild');
    this.bus.publishLocal(BOARD_CHANGED, siteId, board);
    return state.seq;
  }

  /**
   * After an outage of the event bus (Redis), each site's board at its head goes to this
   * process's subscribers with the head's event: a subscriber behind it fills the gap from
   * the log (watch), one already at the head ignores it. Nothing missed, nothing twice.
   */
  async announceHeads(): Promise<void> {
    try {
      const heads = await this.ds.getRepository(RotationHeadEntity).find({ select: { siteId: true, lastSeq: true } });
      for (const { siteId, lastSeq } of heads) {
        if (!lastSeq) continue;
        const site = await this.ds.getRepository(SiteEntity).findOneBy({ id: siteId });
        if (!site) continue;
        const state = await this.currentState(siteId);
        const last = await this.eventsAfter(siteId, state.seq - 1, state.seq);
        this.bus.publishLocal(BOARD_CHANGED, siteId, await this.currentBoard(siteId, site.timezone, site.companyId, last, state));
        this.announcements.gave(siteId, state.seq);
      }
    } catch {
      // The database is away too: the next change fills every gap (watch).
    }
  }

  /** One reception of today with the full phone for those O9 allows (owner, server, managers). */
  async reception(p: Principal, siteId: number, receptionId: string) {
    await this.accounts.requireSite(p, siteId);
    const r = (await this.currentState(siteId)).receptions[receptionId];
    if (!r) throw notFound('Reception');
    const view = receptionView(await this.names(p.companyId), r);
    const mayReadPhone = hasRole(p, Role.MANAGER, Role.ADMIN) || p.userId === r.ownerId || (r.ownerId === null && p.userId === r.consultantId);
    return { ...view, phone: mayReadPhone ? r.phone : null };
  }

  // ---- settings and shifts (R2) ----------------------------------------------------------

  async settings(p: Principal, siteId: number): Promise<RotationSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async updateSettings(p: Principal, siteId: number, input: Omit<RotationSettings, 'timezone'>): Promise<RotationSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    const keys = Object.keys(DEFAULT_ROTATION_SETTINGS);
    await this.tx.run(async (em) => {
      // Under the row's lock, so two saves at once each record what the other left.
      const before = pickValues(await this.settingsIn(em, siteId, site.timezone, true), keys);
      const after = pickValues(input, keys);
      if (!changedKeys(before, after).length) return;
      const at = this.clock.now();
      await em.save(RotationSettingsEntity, { siteId, settings: JSON.stringify(after), updatedAt: at, updatedBy: p.userId });
      await this.settingsHistory.record(em, { siteId, area: SettingsArea.ROTATION, at, byId: p.userId, before, after });
    });
    this.firstBoards.forget();
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async shiftTemplates(p: Principal, siteId: number) {
    await this.accounts.requireSite(p, siteId);
    return this.ds.getRepository(ShiftTemplateEntity).find({ where: { siteId }, order: { consultantId: 'ASC', weekday: 'ASC', startTime: 'ASC' } });
  }

  /** Replaces the whole weekly template of the site (the shift editor saves a week). */
  async setShiftTemplates(
    p: Principal,
    siteId: number,
    rows: Array<{ consultantId: string; weekday: number; startTime: string; endTime: string }>,
  ) {
    await this.requireScheduler(p, siteId);
    const parsed = rows.map((r, i) => {
      // R2: an end at or before the start is on the next day (crossing midnight); 24:00 ends the day.
      if (!shiftLength(r.startTime, r.endTime)) throw badInput(`shifts.${i}.endTime`, 'A shift cannot start and end at the same time');
      return { ...r, consultantId: parseId(`shifts.${i}.consultantId`, r.consultantId), siteId };
    });
    // R2: one consultant cannot be in two shifts at once.
    parsed.forEach((r, i) => {
      const j = parsed.findIndex((o, k) => k < i && o.consultantId === r.consultantId && shiftsOverlap(o, r));
      if (j >= 0) throw badInput(`shifts.${i}.startTime`, `This shift overlaps shift ${j + 1} of the same consultant`);
    });
    await this.tx.run(async (em) => {
      await this.accounts.requireConsultants(em, siteId, parsed.map((r) => r.consultantId));
      // Disabled consultants are not in the editor's grid: their week waits for them to come back.
      const scheduled = [...new Set((await em.find(ShiftTemplateEntity, { where: { siteId }, select: { consultantId: true } })).map((t) => t.consultantId))];
      const away = scheduled.length ? (await em.find(UserEntity, { where: { id: In(scheduled), disabled: true }, select: { id: true } })).map((u) => u.id) : [];
      await em.delete(ShiftTemplateEntity, away.length ? { siteId, consultantId: Not(In(away)) } : { siteId });
      if (parsed.length) await em.insert(ShiftTemplateEntity, parsed);
    });
    this.firstBoards.forget();
    return this.shiftTemplates(p, siteId);
  }

  async shiftExceptions(p: Principal, siteId: number, from: string, to: string) {
    await this.accounts.requireSite(p, siteId);
    return this.ds.getRepository(ShiftExceptionEntity).find({
      where: { siteId, date: Between(from, to) },
      order: { date: 'ASC', consultantId: 'ASC' },
    });
  }

  async addShiftException(
    p: Principal,
    siteId: number,
    input: { consultantId: string; date: string; kind: 'OFF' | 'LEAVE' | 'SHIFT'; startTime?: string | null; endTime?: string | null; note?: string | null },
  ) {
    await this.requireScheduler(p, siteId);
    const consultantId = parseId('consultantId', input.consultantId);
    if (input.kind === 'SHIFT' && (!input.startTime || !input.endTime || !shiftLength(input.startTime, input.endTime))) {
      throw badInput('endTime', 'A shift needs a start and an end, not at the same time');
    }
    const saved = await this.tx.run(async (em) => {
      await this.accounts.requireConsultants(em, siteId, [consultantId]);
      return em.save(
        em.create(ShiftExceptionEntity, {
          siteId,
          consultantId,
          date: input.date,
          kind: input.kind,
          startTime: input.kind === 'SHIFT' ? input.startTime! : null,
          endTime: input.kind === 'SHIFT' ? input.endTime! : null,
          note: input.note ?? null,
        }),
      );
    });
    this.firstBoards.forget();
    return saved;
  }

  async removeShiftException(p: Principal, siteId: number, id: string): Promise<boolean> {
    await this.requireScheduler(p, siteId);
    const exceptionId = parseId('id', id);
    const result = await this.tx.run((em) => em.delete(ShiftExceptionEntity, { id: exceptionId, siteId }));
    if (!result.affected) throw notFound('Shift exception');
    this.firstBoards.forget();
    return true;
  }

  /** Consultants of a site, for the board's names and the shift editor. */
  async consultants(p: Principal, siteId: number): Promise<UserEntity[]> {
    await this.accounts.requireSite(p, siteId);
    const links = await this.ds.getRepository(UserSiteEntity).findBy({ siteId });
    const users = links.length ? await this.ds.getRepository(UserEntity).findBy({ id: In(links.map((l) => l.userId)) }) : [];
    return users.filter((u) => u.roles.includes(Role.CONSULTANT)).sort((a, b) => a.id - b.id);
  }

  // ---- internals ---------------------------------------------------------------------------

  private async currentBoard(
    siteId: number,
    timezone: string,
    companyId: number,
    events: StoredEvent[],
    read?: RotationState,
  ): Promise<RotationBoardView> {
    const state = read ?? (await this.currentState(siteId));
    const now = this.clock.now();
    // Independent reads, at once: another instance's change waits for this rebuild (issue 17).
    const [settings, shifts, names] = await Promise.all([
      this.settingsIn(this.ds.manager, siteId, timezone),
      this.shiftsIn(this.ds.manager, siteId, now, timezone),
      this.names(companyId),
    ]);
    const board = projectBoard(state, { now, shifts, settings });
    return boardView(siteId, state.seq, board, names, events, undoableSeqs(state));
  }

  /** Display names of the company's users, for the board. */
  private async names(companyId: number): Promise<Names> {
    const users = await this.ds.getRepository(UserEntity).find({ where: { companyId }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  /**
   * The locked head row after a change, with the snapshot when it is due. On MySQL the snapshot
   * (a JSON document that grows through the day) goes as a prepared-statement parameter: the
   * text protocol would escape it character by character on the client, which cost more than the
   * rest of the command.
   */
  private async writeHead(em: EntityManager, siteId: number, lastSeq: number, updatedAt: Date, snapshot: string | null): Promise<void> {
    const changes = snapshot === null ? { lastSeq, updatedAt } : { lastSeq, updatedAt, snapshot, snapshotSeq: lastSeq };
    if (em.connection.options.type !== 'mysql') {
      await em.update(RotationHeadEntity, { siteId }, changes);
      return;
    }
    const set = Object.keys(changes).map((column) => `\`${column}\` = ?`);
    // The transaction's own connection (mysql2, callback API).
    const conn = (await em.queryRunner!.connect()) as { execute(sql: string, values: unknown[], cb: (err: Error | null) => void): void };
    await new Promise<void>((resolve, reject) =>
      conn.execute(`UPDATE \`rotation_heads\` SET ${set.join(', ')} WHERE \`siteId\` = ?`, [...Object.values(changes), siteId], (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }

  /** The site's lock row (its seqs only: the snapshot is read when needed), created on first use. */
  private async lockHead(em: EntityManager, siteId: number): Promise<Head> {
    const lock = () =>
      em
        .createQueryBuilder(RotationHeadEntity, 'h')
        .select(['h.siteId', 'h.lastSeq', 'h.snapshotSeq'])
        .setLock(takesRowLocks(em) ? 'pessimistic_write' : undefined!)
        .where('h.siteId = :siteId', { siteId })
        .getOne();
    const found = await lock();
    if (found) return found;
    try {
      await em.insert(RotationHeadEntity, {
        siteId,
        lastSeq: 0,
        snapshot: JSON.stringify(initialState()),
        snapshotSeq: 0,
        updatedAt: this.clock.now(),
      });
    } catch (err) {
      // Another transaction created it first; its row lock now orders us after it. Anything
      // else (a deadlock between two first inserts) rolled the transaction back: retry it.
      if (!isDuplicateKey(err)) throw err;
    }
    return (await lock())!;
  }

  /**
   * The site's state at the head: this process's copy caught up with the events appended since
   * (another instance's, or the previous command's when MariaDB grants the lock before that
   * command hears its commit), else the snapshot folded forward. Only committed states are
   * kept: an unlocked SQLite read shares the connection with a transaction in progress.
   */
  private async stateAt(em: EntityManager, siteId: number, head: Head, locked: boolean): Promise<RotationState> {
    const known = this.states.get(siteId);
    let state: RotationState;
    if (known && known.seq <= head.lastSeq && head.lastSeq - known.seq <= SNAPSHOT_EVERY) {
      state = await this.foldLog(em, siteId, known, head.lastSeq);
    } else {
      // One read of the row, so its snapshot and seqs agree even without the lock.
      const row = await em.findOne(RotationHeadEntity, { where: { siteId }, select: { siteId: true, lastSeq: true, snapshotSeq: true, snapshot: true } });
      const snapshot = row ? restoreState(row.snapshot) : initialState();
      state = await this.foldLog(em, siteId, snapshot, row?.lastSeq ?? 0);
    }
    if (locked || em.connection.options.type === 'mysql') this.remember(siteId, state);
    return state;
  }

  /** The site's state at its current head, for reads (no lock); `shared`: one head read for the callers of this moment. */
  private async currentState(siteId: number, shared = false): Promise<RotationState> {
    const read = () => this.ds.getRepository(RotationHeadEntity).findOne({ where: { siteId }, select: { siteId: true, lastSeq: true, snapshotSeq: true } });
    const head = await (shared ? this.headReads.get(siteId, read) : read());
    return head ? this.stateAt(this.ds.manager, siteId, head, false) : initialState();
  }

  /** `base` folded forward with the stored events after it, up to `upto`. */
  private async foldLog(em: EntityManager, siteId: number, base: RotationState, upto: number): Promise<RotationState> {
    if (base.seq >= upto) return base;
    const rows = await em.find(RotationEventEntity, {
      where: { siteId, seq: Between(base.seq + 1, upto) },
      order: { seq: 'ASC' },
      select: { id: true, seq: true, payload: true },
    });
    const state = rows.reduce((s, r) => evolve(s, JSON.parse(r.payload) as RotationEvent), base);
    if (state.seq !== upto) throw new Error(`The floor log of site ${siteId} ends at ${state.seq}, its head says ${upto}`);
    return state;
  }

  /** Keeps a committed state for the next command; never goes back to an older one. */
  private remember(siteId: number, state: RotationState) {
    if ((this.states.get(siteId)?.seq ?? -1) < state.seq) this.states.set(siteId, state);
  }

  private async settingsIn(em: EntityManager, siteId: number, timezone: string, forUpdate = false): Promise<RotationSettings> {
    const row = await em.findOne(RotationSettingsEntity, {
      where: { siteId },
      // FOR UPDATE on MySQL; SQLite's transactions are already one at a time.
      ...(forUpdate ? rowLock(em) : {}),
    });
    return { ...DEFAULT_ROTATION_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<RotationSettings>) : {}), timezone };
  }

  private async shiftsIn(em: EntityManager, siteId: number, now: Date, timezone: string): Promise<ShiftWindow[]> {
    const day = businessDay(now, timezone);
    const [templates, exceptions] = await Promise.all([
      em.findBy(ShiftTemplateEntity, { siteId }),
      // The day before too: its shifts that cross midnight end today.
      em.findBy(ShiftExceptionEntity, { siteId, date: In([dayAfter(day, -1), day]) }),
    ]);
    const scheduled = [...new Set(templates.map((t) => t.consultantId))];
    const disabled = scheduled.length ? await em.find(UserEntity, { where: { id: In(scheduled), disabled: true }, select: { id: true } }) : [];
    // Disabled users are never offered a walk-in: they have no shift.
    const off = new Set(disabled.map((u) => u.id));
    return shiftsForDay(
      templates.filter((t) => !off.has(t.consultantId)),
      exceptions.map((e) => ({ ...e, startTime: e.startTime ?? undefined, endTime: e.endTime ?? undefined })),
      day,
      timezone,
    );
  }

  private async requireScheduler(p: Principal, siteId: number) {
    await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.ADMIN, Role.MANAGER)) throw forbidden('Only a manager or an administrator sets shifts');
  }
}

type Head = Pick<RotationHeadEntity, 'siteId' | 'lastSeq' | 'snapshotSeq'>;

/** A floor command ready to be decided: who acts, where, and the customer to register with it (O1). */
interface FloorJob {
  p: Principal;
  site: SiteEntity;
  command: RotationCommand;
  registration: { name: string; phone: string } | null;
}
/** A floor command's answer: what it appended, not the whole board (issue 17). */
export interface FloorResult {
  /** The log's seq after this command. */
  seq: number;
  /** The events this command appended. */
  events: RotationEventView[];
  /** The reception the command was about, as it stands after it. */
  reception: ReceptionView | null;
  receptionId: string | null;
  registeredCustomerId: number | null;
  /** The whole board after this command, built on the first call. */
  board(): RotationBoardView;
}
type Decided = { stored: StoredEvent[]; state: RotationState; registered: { customerId: number; conflicted?: boolean } | null };

/** O1: the desk's same-step registration needs the real name and a phone number. */
function toRegister(w: WalkInInput): { name: string; phone: string } {
  const name = w.customerName?.trim();
  const phone = normalizePhone(w.phone);
  if (!name) throw badInput('input.customerName', 'The real name is required to register the customer (O1)');
  if (!phone) throw badInput('input.phone', 'A phone number is required to register the customer (O1)');
  return { name, phone };
}

function toStored(r: RotationEventEntity): StoredEvent {
  return { seq: r.seq, event: JSON.parse(r.payload) as RotationEvent };
}

function undoableSeqs(state: RotationState): Set<number> {
  return new Set(state.undoable.filter((u) => !u.stale).map((u) => u.seq));
}

/** Every consultant a command names, so the service can check they belong to the site. */
function consultantsNamed(c: RotationCommand): number[] {
  const ids: Array<number | null | undefined> = [];
  if ('consultantId' in c) ids.push(c.consultantId);
  if ('toConsultantId' in c) ids.push(c.toConsultantId);
  if ('colleagueId' in c) ids.push(c.colleagueId);
  if ('walkIn' in c && c.walkIn) ids.push(c.walkIn.ownerId, c.walkIn.helperId);
  return ids.filter((x): x is number => typeof x === 'number');
}
