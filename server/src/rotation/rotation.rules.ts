import { Between, In, Not, type DataSource, type EntityManager } from 'typeorm';
import { takesRowLocks } from '../platform/db/locks.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import { UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, forbidden, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { businessDay, dayAfter, DEFAULT_ROTATION_SETTINGS, shiftsForDay, shiftLength, shiftsOverlap, type RotationSettings, type ShiftTemplateRow, type ShiftWindow } from './domain/index.js';
import { RotationSettingsEntity, ShiftExceptionEntity, ShiftTemplateEntity } from './rotation.entity.js';
import { changedKeys, pickValues, SettingsArea } from '../settings/domain/changes.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';

/** R2: a site's rotation rules and shifts, read for the floor and set by its scheduler. */
export class SiteRules {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly settingsHistory: SettingsHistoryService,
    /** The live feed's first boards, forgotten when the rules or shifts change. */
    private readonly firstBoards: { forget(): void },
  ) {}

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

  async settingsIn(em: EntityManager, siteId: number, timezone: string, forUpdate = false): Promise<RotationSettings> {
    // FOR UPDATE on MySQL; SQLite's transactions are already one at a time.
    const row = await (forUpdate ? SETTINGS_LOCKED : SETTINGS).first(em, { siteId });
    return { ...DEFAULT_ROTATION_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<RotationSettings>) : {}), timezone };
  }

  async shiftsIn(em: EntityManager, siteId: number, now: Date, timezone: string): Promise<ShiftWindow[]> {
    const day = businessDay(now, timezone);
    const [templates, exceptions] = await Promise.all([
      SHIFT_TEMPLATES.rows(em, { siteId }),
      // The day before too: its shifts that cross midnight end today.
      SHIFT_EXCEPTIONS.rows(em, { siteId, yesterday: dayAfter(day, -1), today: day }),
    ]);
    return shiftsForDay(
      templates,
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

// Issue 17: the floor reads these on every batch; built once (see Prebuilt).
const settingsRow = (locked: boolean) =>
  new Prebuilt<{ settings: string }, 'siteId'>(['siteId'], { settings: [RotationSettingsEntity, 'r', 'settings'] }, (qb, ds) => {
    qb.from(RotationSettingsEntity, 'r').where('r.siteId = :siteId');
    return locked && takesRowLocks(ds.manager) ? qb.setLock('pessimistic_write') : qb;
  });
const SETTINGS = settingsRow(false);
const SETTINGS_LOCKED = settingsRow(true);

/** The site's weekly shifts, but a disabled user's: they are never offered a walk-in. */
const SHIFT_TEMPLATES = new Prebuilt<ShiftTemplateRow, 'siteId'>(
  ['siteId'],
  {
    consultantId: [ShiftTemplateEntity, 't', 'consultantId'],
    weekday: [ShiftTemplateEntity, 't', 'weekday'],
    startTime: [ShiftTemplateEntity, 't', 'startTime'],
    endTime: [ShiftTemplateEntity, 't', 'endTime'],
  },
  (qb) => qb.from(ShiftTemplateEntity, 't').leftJoin(UserEntity, 'u', 'u.id = t.consultantId AND u.disabled = :disabled', { disabled: true }).where('t.siteId = :siteId AND u.id IS NULL'),
);

const SHIFT_EXCEPTIONS = new Prebuilt<Pick<ShiftExceptionEntity, 'consultantId' | 'date' | 'kind' | 'startTime' | 'endTime'>, 'siteId' | 'yesterday' | 'today'>(
  ['siteId', 'yesterday', 'today'],
  {
    consultantId: [ShiftExceptionEntity, 'e', 'consultantId'],
    date: [ShiftExceptionEntity, 'e', 'date'],
    kind: [ShiftExceptionEntity, 'e', 'kind'],
    startTime: [ShiftExceptionEntity, 'e', 'startTime'],
    endTime: [ShiftExceptionEntity, 'e', 'endTime'],
  },
  (qb) => qb.from(ShiftExceptionEntity, 'e').where('e.siteId = :siteId AND e.date IN (:yesterday, :today)'),
);
