import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { Between, In, LessThan, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { EventBus } from '../platform/pubsub.js';
import {
  decide,
  DEFAULT_ROTATION_SETTINGS,
  evolve,
  initialState,
  projectBoard,
  shiftsForDay,
  type Board,
  type Rejection,
  type RotationCommand,
  type RotationEvent,
  type RotationSettings,
  type RotationState,
  type ShiftWindow,
} from './domain/index.js';
import {
  RotationEventEntity,
  RotationHeadEntity,
  RotationSettingsEntity,
  ShiftExceptionEntity,
  ShiftTemplateEntity,
} from './rotation.entity.js';

export const BOARD_CHANGED = 'ROTATION_BOARD_CHANGED';

/** What subscribers of a site receive after each committed change. */
export interface BoardChange {
  siteId: number;
  seq: number;
  /** The events this change appended, in order. */
  events: StoredEvent[];
  board: Board;
}

export interface StoredEvent {
  seq: number;
  event: RotationEvent;
}

// Rejections that are about the state of the floor (someone else got there first) rather
// than about what the caller typed.
const STATE_CONFLICTS = /BUSY|ALREADY|NOT_ON|NO_ONE|NOT_AVAILABLE|PASSED|STATE|WINDOW|NOT_PENDING|NOT_FOUND/;

export function rejectionError(r: Rejection): AppError {
  const code = STATE_CONFLICTS.test(r.code) ? ErrorCode.CONFLICT : ErrorCode.BAD_USER_INPUT;
  return new AppError(code, r.message, { reason: r.code, params: r.params ?? {} });
}

export class RotationService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
  ) {}

  // ---- commands ------------------------------------------------------------------------

  /**
   * Decides one floor command under the site's lock and appends its events, all in one
   * transaction; subscribers hear of it after commit. The lock is a row per site (SELECT …
   * FOR UPDATE on MySQL; SQLite transactions are queued in-process), so two requests —
   * from one process or several — never both see the same consultant at the door.
   */
  async execute(p: Principal, siteId: number, command: RotationCommand): Promise<BoardChange> {
    const site = await this.accounts.requireSite(p, siteId);
    const change = await this.tx.run(async (em) => {
      const head = await this.lockHead(em, siteId);
      let state = JSON.parse(head.snapshot) as RotationState;
      const now = this.clock.now();
      const settings = await this.settingsIn(em, siteId, site.timezone);
      const shifts = await this.shiftsIn(em, siteId, now, site.timezone);
      const decision = decide(state, command, { now, settings, shifts });
      if (!decision.ok) throw rejectionError(decision.rejection);
      const stored: StoredEvent[] = [];
      for (const event of decision.events) {
        head.lastSeq += 1;
        state = evolve(state, event);
        stored.push({ seq: head.lastSeq, event });
        await em.insert(RotationEventEntity, {
          siteId,
          seq: head.lastSeq,
          type: event.type,
          payload: JSON.stringify(event),
          actorId: event.actorId,
          at: new Date(event.at),
          businessDay: businessDay(new Date(event.at), site.timezone),
        });
      }
      head.snapshot = JSON.stringify(state);
      head.updatedAt = now;
      await em.save(head);
      return { siteId, seq: head.lastSeq, events: stored, board: projectBoard(state, { now, shifts, settings }) };
    });
    if (change.events.length) this.bus.pubSub.publish(BOARD_CHANGED, siteId, change);
    return change;
  }

  // ---- reads ---------------------------------------------------------------------------

  async board(p: Principal, siteId: number): Promise<BoardChange> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.currentBoard(siteId, site.timezone);
  }

  /** The board as it was right after event `seq`: the history page's replay. */
  async boardAt(p: Principal, siteId: number, seq: number): Promise<BoardChange> {
    const site = await this.accounts.requireSite(p, siteId);
    const rows = await this.ds.getRepository(RotationEventEntity).find({
      where: { siteId, seq: LessThan(seq + 1) },
      order: { seq: 'ASC' },
    });
    if (!rows.length || rows[rows.length - 1].seq !== seq) throw notFound('Event');
    let state = initialState();
    for (const r of rows) state = evolve(state, JSON.parse(r.payload) as RotationEvent);
    const at = rows[rows.length - 1].at;
    const settings = await this.settingsIn(this.ds.manager, siteId, site.timezone);
    const shifts = await this.shiftsIn(this.ds.manager, siteId, at, site.timezone);
    return { siteId, seq, events: [], board: projectBoard(state, { now: at, shifts, settings }) };
  }

  /** The log, newest first, a page at a time; `day` (YYYY-MM-DD, site time) narrows it. */
  async history(p: Principal, siteId: number, opts: { day?: string; beforeSeq?: number; limit: number }) {
    await this.accounts.requireSite(p, siteId);
    const where: Record<string, unknown> = { siteId };
    if (opts.day) where.businessDay = opts.day;
    if (opts.beforeSeq) where.seq = LessThan(opts.beforeSeq);
    const rows = await this.ds.getRepository(RotationEventEntity).find({
      where,
      order: { seq: 'DESC' },
      take: opts.limit + 1,
    });
    return {
      events: rows.slice(0, opts.limit).map(toStored),
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
  async *watch(p: Principal, siteId: number, afterSeq: number | undefined): AsyncGenerator<BoardChange> {
    const site = await this.accounts.requireSite(p, siteId);
    // Subscribe before reading, so a change committed in between is not lost.
    const live = this.bus.pubSub.subscribe(BOARD_CHANGED, siteId)[Symbol.asyncIterator]();
    try {
      const current = await this.currentBoard(siteId, site.timezone);
      const missed = afterSeq !== undefined && afterSeq < current.seq ? await this.eventsAfter(siteId, afterSeq, current.seq) : [];
      let lastSeq = current.seq;
      if (afterSeq === undefined || afterSeq < current.seq || afterSeq > current.seq) {
        yield { ...current, events: missed };
      }
      for (;;) {
        const next = await live.next();
        if (next.done) return;
        const change = next.value as BoardChange;
        if (change.seq <= lastSeq) continue;
        const firstSeq = change.events[0]?.seq ?? change.seq;
        const gap = firstSeq > lastSeq + 1 ? await this.eventsAfter(siteId, lastSeq, firstSeq - 1) : [];
        lastSeq = change.seq;
        yield gap.length ? { ...change, events: [...gap, ...change.events] } : change;
      }
    } finally {
      await live.return?.();
    }
  }

  // ---- settings and shifts (R2) ----------------------------------------------------------

  async settings(p: Principal, siteId: number): Promise<RotationSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async updateSettings(p: Principal, siteId: number, input: Omit<RotationSettings, 'timezone'>): Promise<RotationSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    await this.tx.run((em) =>
      em.save(RotationSettingsEntity, {
        siteId,
        settings: JSON.stringify(input),
        updatedAt: this.clock.now(),
        updatedBy: p.userId,
      }),
    );
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
      if (r.endTime <= r.startTime) throw badInput(`shifts.${i}.endTime`, 'A shift must end after it starts');
      return { ...r, consultantId: parseId(`shifts.${i}.consultantId`, r.consultantId), siteId };
    });
    await this.tx.run(async (em) => {
      await this.requireConsultants(em, siteId, parsed.map((r) => r.consultantId));
      await em.delete(ShiftTemplateEntity, { siteId });
      if (parsed.length) await em.insert(ShiftTemplateEntity, parsed);
    });
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
    if (input.kind === 'SHIFT' && (!input.startTime || !input.endTime || input.endTime <= input.startTime)) {
      throw badInput('endTime', 'A shift must end after it starts');
    }
    return this.tx.run(async (em) => {
      await this.requireConsultants(em, siteId, [consultantId]);
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
  }

  async removeShiftException(p: Principal, siteId: number, id: string): Promise<boolean> {
    await this.requireScheduler(p, siteId);
    const exceptionId = parseId('id', id);
    const result = await this.tx.run((em) => em.delete(ShiftExceptionEntity, { id: exceptionId, siteId }));
    if (!result.affected) throw notFound('Shift exception');
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

  private async currentBoard(siteId: number, timezone: string): Promise<BoardChange> {
    const head = await this.ds.getRepository(RotationHeadEntity).findOneBy({ siteId });
    const state = head ? (JSON.parse(head.snapshot) as RotationState) : initialState();
    const now = this.clock.now();
    const settings = await this.settingsIn(this.ds.manager, siteId, timezone);
    const shifts = await this.shiftsIn(this.ds.manager, siteId, now, timezone);
    return { siteId, seq: head?.lastSeq ?? 0, events: [], board: projectBoard(state, { now, shifts, settings }) };
  }

  /** The site's lock row, created on first use. */
  private async lockHead(em: EntityManager, siteId: number): Promise<RotationHeadEntity> {
    const lock = () =>
      em
        .createQueryBuilder(RotationHeadEntity, 'h')
        .setLock(em.connection.options.type === 'mysql' ? 'pessimistic_write' : undefined!)
        .where('h.siteId = :siteId', { siteId })
        .getOne();
    const found = await lock();
    if (found) return found;
    try {
      await em.insert(RotationHeadEntity, {
        siteId,
        lastSeq: 0,
        snapshot: JSON.stringify(initialState()),
        updatedAt: this.clock.now(),
      });
    } catch {
      // Another transaction created it first; its row lock now orders us after it.
    }
    return (await lock())!;
  }

  private async settingsIn(em: EntityManager, siteId: number, timezone: string): Promise<RotationSettings> {
    const row = await em.findOneBy(RotationSettingsEntity, { siteId });
    return { ...DEFAULT_ROTATION_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<RotationSettings>) : {}), timezone };
  }

  private async shiftsIn(em: EntityManager, siteId: number, now: Date, timezone: string): Promise<ShiftWindow[]> {
    const day = businessDay(now, timezone);
    const [templates, exceptions, disabled] = await Promise.all([
      em.findBy(ShiftTemplateEntity, { siteId }),
      em.findBy(ShiftExceptionEntity, { siteId, date: day }),
      em.find(UserEntity, { where: { disabled: true }, select: { id: true } }),
    ]);
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

  private async requireConsultants(em: EntityManager, siteId: number, ids: number[]) {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const links = await em.findBy(UserSiteEntity, { siteId, userId: In(unique) });
    if (links.length !== unique.length) throw badInput('consultantId', 'Not a consultant of this site');
  }
}

function toStored(r: RotationEventEntity): StoredEvent {
  return { seq: r.seq, event: JSON.parse(r.payload) as RotationEvent };
}

/** YYYY-MM-DD of an instant in the site's time zone. */
export function businessDay(at: Date, timezone: string): string {
  return format(new TZDate(at.getTime(), timezone), 'yyyy-MM-dd');
}
