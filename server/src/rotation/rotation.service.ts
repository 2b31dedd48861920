import { IsNull, LessThan, LessThanOrEqual, MoreThanOrEqual, type DataSource } from 'typeorm';
import { forUpdate as rowLock } from '../platform/db/locks.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import { SiteEntity, UserEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { runTogether } from '../platform/db/statements.js';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../platform/errors.js';
import type { EventBus } from '../platform/pubsub.js';
import type { Logger } from '../platform/logger.js';
import {
  activeDeputyship,
  businessDay,
  decide,
  Fold,
  liveUndoEntries,
  projectBoard,
  replay,
  stateAfterDay,
  type Actor,
  type RotationCommand,
  type RotationEvent,
  type RotationSettings,
  type Reception,
  type RotationState,
} from './domain/index.js';
import { RotationEventEntity, RotationHeadEntity, RotationReceptionEntity } from './rotation.entity.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { NotificationInput, NotificationsService } from '../notifications/notifications.service.js';
import { GroupCommit, type Outcome } from './group-commit.js';
import { optionalPhone } from '../platform/phone-input.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import type { FloorDeputyView, RotationBoardView } from './rotation.types.js';
import { boardView, eventView, receptionView, type Names, type StoredEvent } from './rotation.view.js';
import { SharedBoards } from './shared-boards.js';
import { consultantsNamed, rejectionError, type Decided, type FloorCommand, type FloorJob, type FloorResult } from './rotation.commands.js';
import { Deputies, SUPERVISOR_COMMANDS } from './rotation.deputies.js';
import { LiveBoards } from './rotation.live.js';
import { FloorRecords } from './rotation.register.js';
import { SiteRules } from './rotation.rules.js';
import { FloorStates, toStored, undoableSeqs } from './rotation.state.js';

export { BOARD_ANNOUNCED, BOARD_CHANGED } from './rotation.live.js';
export type { FloorCommand, FloorResult } from './rotation.commands.js';


/**
 * The floor: its commands (group commit) and reads. The live board (rotation.live.ts), the
 * site's rules and shifts (rotation.rules.ts), R15 deputies (rotation.deputies.ts), the
 * register's part in a command (rotation.register.ts) and the state cache (rotation.state.ts)
 * are beside it.
 */
export class RotationService {
  private readonly batches = new GroupCommit<FloorJob, FloorResult>((siteId, jobs, join) => this.commitBatch(siteId, jobs, join));
  private readonly floor: FloorStates;
  private readonly rules: SiteRules;
  private readonly deputyRoster: Deputies;
  private readonly records: FloorRecords;
  private readonly live: LiveBoards;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
    private readonly customers: CustomersService,
    settingsHistory: SettingsHistoryService,
    private readonly notifications: NotificationsService,
    logger?: Logger,
  ) {
    this.floor = new FloorStates(ds, tx, clock, logger);
    const firstBoards = new SharedBoards<RotationBoardView>(clock);
    this.rules = new SiteRules(ds, tx, clock, accounts, settingsHistory, firstBoards);
    this.deputyRoster = new Deputies(ds, tx, clock, accounts, (companyId) => this.names(companyId));
    this.records = new FloorRecords(customers, notifications);
    this.live = new LiveBoards(ds, clock, bus, this.floor, this.rules, (companyId) => this.names(companyId), firstBoards);
  }

  /** The floor snapshots being written in the background (a stopping server waits for them). */
  snapshotsWritten(): Promise<void> {
    return this.floor.snapshotsWritten();
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
    // Both read once for the commands arriving at the same moment (issue 17: at a busy desk
    // they were two of a command's four reads), each still read after the command arrived.
    const [site, deputyships] = await Promise.all([this.accounts.requireSiteShared(p, siteId), manager ? [] : this.deputyRoster.deputyships(siteId, p.userId)]);
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
      const prepared = await this.records.fromRegister(p, siteId, site.timezone, full.walkIn, !!opts.registerCustomer);
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
  private async commitBatch(siteId: number, first: FloorJob[], join: () => FloorJob[] = () => []): Promise<Array<Outcome<FloorResult>>> {
    const jobs = [...first];
    const site = jobs[0].site;
    // Read beside the transaction; when the transaction fails first nobody awaits it, and an
    // unhandled rejection (the database cut off) would end the process.
    const names = this.names(site.companyId);
    names.catch(() => undefined);
    // The site's rules and shifts are read before the lock: the lock orders the log, not them.
    const readAt = this.clock.now();
    const [settings, dayShifts] = await Promise.all([
      this.rules.settingsIn(this.ds.manager, siteId, site.timezone),
      this.rules.shiftsIn(this.ds.manager, siteId, readAt, site.timezone),
    ]);
    let shifts = dayShifts;
    const batch = await this.tx.run(
      async (em) => {
        const head = await this.floor.lockHead(em, siteId);
        // The commands that arrived while this batch waited for the lock go in it too.
        jobs.push(...join());
        const begun = await this.floor.stateAt(em, siteId, head, true);
        // The batch's events folded in place, one copy of each table for the batch (Fold): each
        // command's answer is taken as it is decided, not kept as a state of its own.
        const fold = new Fold(begun);
        const folded: RotationEvent[] = [];
        const now = this.clock.now();
        // Midnight passed while waiting for the lock: the new day's shifts.
        if (businessDay(now, site.timezone) !== businessDay(readAt, site.timezone)) shifts = await this.rules.shiftsIn(em, siteId, now, site.timezone);
        const decided: Array<Outcome<Decided>> = [];
        const stored: StoredEvent[] = [];
        const payloads: string[] = [];
        const notices: NotificationInput[] = [];
        for (const job of jobs) {
          const before = fold.state;
          const decision = decide(before, job.command, { now, settings, shifts });
          if (!decision.ok) {
            decided.push({ ok: false, error: rejectionError(decision.rejection) });
            continue;
          }
          // A failure here fails the batch; each command then runs alone (GroupCommit).
          const registered = job.registration ? await this.records.registerWalkIn(em, job.p, site, decision.events, job.registration) : null;
          // Read from the state before the command, before the fold changes it.
          notices.push(...(await this.records.alertNotices(em, site, before, decision.events)));
          const mine: StoredEvent[] = [];
          for (const event of decision.events) {
            head.lastSeq += 1;
            const payload = JSON.stringify(event);
            // Folded from the stored JSON, so the copy kept in memory is what a reload would read.
            folded.push(JSON.parse(payload) as RotationEvent);
            fold.add(folded[folded.length - 1]);
            mine.push({ seq: head.lastSeq, event });
            payloads.push(payload);
          }
          stored.push(...mine);
          const state = fold.state;
          const receptionId = mine[0]?.event.receptionId ?? null;
          const live = liveUndoEntries(state);
          const upto = folded.length;
          decided.push({
            ok: true,
            value: {
              stored: mine,
              seq: state.seq,
              reception: receptionId ? (state.receptions.get(receptionId) ?? null) : null,
              undoable: new Set(live.filter((u) => u.seq >= (mine[0]?.seq ?? Infinity)).map((u) => u.seq)),
              // The state after this command, made again only for a client that asks for the board.
              after: () => replay(folded.slice(0, upto), begun),
              registered,
            },
          });
        }
        const state = fold.state;
        if (stored.length) {
          const events = stored.map(({ seq, event }, i) => ({
            siteId,
            seq,
            type: event.type,
            payload: payloads[i],
            actorId: event.actorId,
            at: new Date(event.at),
            businessDay: event.day,
          }));
          // The log, the receptions' rows and the head in one round trip (issue 17: under the lock).
          await runTogether(em, [
            em.createQueryBuilder().insert().into(RotationEventEntity).values(events).getQueryAndParameters(),
            ...this.records.receptionWrites(em, siteId, stored),
            // A plain UPDATE of the locked row (save() would re-read it outside the lock first).
            em.createQueryBuilder().update(RotationHeadEntity).set({ lastSeq: head.lastSeq, updatedAt: now }).where({ siteId }).getQueryAndParameters(),
          ]);
        }
        const notified = await this.notifications.stage(em, notices);
        return { decided, state, notified, now };
      },
      // After the lock is granted, plain reads (the log, the snapshot) must see what the previous
      // holder committed; under REPEATABLE READ they could see a view from before the wait.
      { isolation: 'READ COMMITTED' },
    );
    this.floor.remember(siteId, batch.state);
    this.floor.snapshotLater(siteId, batch.state);
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
      const { stored, seq, reception: raw, undoable, after, registered } = d.value;
      appended.push(...stored);
      disputes ||= !!registered?.conflicted;
      const receptionId = stored[0]?.event.receptionId ?? null;
      // Issue 17: the whole board (every reception of the day) only for a client that asks for it.
      let board: RotationBoardView | undefined;
      const boardOf = () => {
        if (board) return board;
        const state = after();
        return (board = boardView(siteId, state.seq, projectBoard(state, { now: batch.now, shifts, settings }), known, stored, undoableSeqs(state)));
      };
      outcomes.push({
        ok: true,
        value: {
          seq,
          events: stored.map((e) => eventView(known, e, undoable)),
          reception: raw ? receptionView(known, raw) : null,
          receptionId,
          registeredCustomerId: registered?.customerId ?? null,
          board: boardOf,
        },
      });
    }
    if (appended.length) this.live.committed(siteId, batch.state, appended, known, { now: batch.now, shifts, settings });
    if (disputes) await this.customers.publishDisputes(siteId);
    return outcomes;
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

  // ---- deputies (R15) --------------------------------------------------------------------

  deputies(p: Principal, siteId: number): Promise<FloorDeputyView[]> {
    return this.deputyRoster.deputies(p, siteId);
  }

  nameDeputy(p: Principal, siteId: number, input: { deputyId: string; from: string; to: string }): Promise<FloorDeputyView> {
    return this.deputyRoster.nameDeputy(p, siteId, input);
  }

  endDeputy(p: Principal, siteId: number, id: string): Promise<boolean> {
    return this.deputyRoster.endDeputy(p, siteId, id);
  }

  // ---- reads ---------------------------------------------------------------------------

  async board(p: Principal, siteId: number): Promise<RotationBoardView> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.live.currentBoard(siteId, site.timezone, p.companyId, []);
  }

  /** A wall-screen token's board (its site is checked by the caller; privacy is applied there). */
  async boardOfSite(site: SiteEntity): Promise<RotationBoardView> {
    return this.live.currentBoard(site.id, site.timezone, site.companyId, []);
  }

  /** The board as it was right after event `seq`: the history page's replay (R15). */
  async boardAt(p: Principal, siteId: number, seq: number): Promise<RotationBoardView> {
    const site = await this.accounts.requireSite(p, siteId);
    const { state, last, at } = await this.stateAfter(siteId, seq);
    const settings = await this.rules.settingsIn(this.ds.manager, siteId, site.timezone);
    const shifts = await this.rules.shiftsIn(this.ds.manager, siteId, at, site.timezone);
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
      this.floor.currentState(siteId),
      this.names(p.companyId),
    ]);
    const undoable = undoableSeqs(state);
    return {
      events: rows.slice(0, opts.limit).map((r) => eventView(names, toStored(r), undoable)),
      hasMore: rows.length > opts.limit,
    };
  }

  /** Events after `afterSeq` (a reconnecting subscriber's catch-up). */
  eventsAfter(siteId: number, afterSeq: number, uptoSeq?: number): Promise<StoredEvent[]> {
    return this.floor.eventsAfter(siteId, afterSeq, uptoSeq);
  }

  /**
   * The live feed of a site: first the current board (with the events the subscriber
   * missed since `afterSeq`), then every change exactly once, in order. A gap in the
   * sequence (a lost message) is filled from the log, so nothing is missed or repeated.
   */
  watch(p: Principal, siteId: number, afterSeq: number | null | undefined): AsyncGenerator<RotationBoardView> {
    return this.live.liveBoard(() => this.accounts.requireSiteShared(p, siteId), afterSeq);
  }

  /** The live board of a site whose access was checked by the caller (wall tokens). */
  watchSite(site: SiteEntity, afterSeq: number | null | undefined): AsyncGenerator<RotationBoardView> {
    return this.live.liveBoard(async () => site, afterSeq);
  }

  /** After an outage of the event bus (Redis): each site's board at its head (see LiveBoards). */
  announceHeads(): Promise<void> {
    return this.live.announceHeads();
  }

  /** One reception of today with the full phone for those O9 allows (owner, server, managers). */
  async reception(p: Principal, siteId: number, receptionId: string) {
    await this.accounts.requireSite(p, siteId);
    const r = (await this.floor.currentState(siteId)).receptions.get(receptionId);
    if (!r) throw notFound('Reception');
    const view = receptionView(await this.names(p.companyId), r);
    const mayReadPhone = hasRole(p, Role.MANAGER, Role.ADMIN) || p.userId === r.ownerId || (r.ownerId === null && p.userId === r.consultantId);
    return { ...view, phone: mayReadPhone ? r.phone : null };
  }

  // ---- settings and shifts (R2) ----------------------------------------------------------

  settings(p: Principal, siteId: number): Promise<RotationSettings> {
    return this.rules.settings(p, siteId);
  }

  updateSettings(p: Principal, siteId: number, input: Omit<RotationSettings, 'timezone'>): Promise<RotationSettings> {
    return this.rules.updateSettings(p, siteId, input);
  }

  shiftTemplates(p: Principal, siteId: number) {
    return this.rules.shiftTemplates(p, siteId);
  }

  /** Replaces the whole weekly template of the site (the shift editor saves a week). */
  setShiftTemplates(p: Principal, siteId: number, rows: Array<{ consultantId: string; weekday: number; startTime: string; endTime: string }>) {
    return this.rules.setShiftTemplates(p, siteId, rows);
  }

  shiftExceptions(p: Principal, siteId: number, from: string, to: string) {
    return this.rules.shiftExceptions(p, siteId, from, to);
  }

  addShiftException(
    p: Principal,
    siteId: number,
    input: { consultantId: string; date: string; kind: 'OFF' | 'LEAVE' | 'SHIFT'; startTime?: string | null; endTime?: string | null; note?: string | null },
  ) {
    return this.rules.addShiftException(p, siteId, input);
  }

  removeShiftException(p: Principal, siteId: number, id: string): Promise<boolean> {
    return this.rules.removeShiftException(p, siteId, id);
  }

  /** Consultants of a site, for the board's names and the shift editor. */
  consultants(p: Principal, siteId: number): Promise<UserEntity[]> {
    return this.rules.consultants(p, siteId);
  }

  // ---- internals ---------------------------------------------------------------------------
  /** Display names of the company's users, for the board. */
  private async names(companyId: number): Promise<Names> {
    const users = await COMPANY_NAMES.rows(this.ds.manager, { companyId });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

// Issue 17: read with every batch and board; built once (see Prebuilt).
const COMPANY_NAMES = new Prebuilt<Pick<UserEntity, 'id' | 'displayName'>, 'companyId'>(
  ['companyId'],
  { id: [UserEntity, 'u', 'id'], displayName: [UserEntity, 'u', 'displayName'] },
  (qb) => qb.from(UserEntity, 'u').where('u.companyId = :companyId'),
);
