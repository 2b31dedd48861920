// The manager's figures (issue 15): the floor log folded per closed day (kept in figure_days),
// plus counts from the registers (registrations, follow-ups, deals) and appointments, over a
// period of the site's business days.
import { TZDate } from '@date-fns/tz';
import { addDays, parseISO } from 'date-fns';
import { Between, type DataSource } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import { AppointmentEntity } from '../appointments/appointments.entity.js';
import { CustomerEntity, DealEntity, FollowUpEntity, RegistrationEntity } from '../customers/customers.entity.js';
import type { Clock } from '../platform/clock.js';
import { badInput, forbidden } from '../platform/errors.js';
import { businessDay, shiftsForDay, type RotationEvent } from '../rotation/domain/index.js';
import { RotationEventEntity, ShiftExceptionEntity, ShiftTemplateEntity } from '../rotation/rotation.entity.js';
import { foldDay, type DayEvent, type DayFacts } from './domain/day.js';
import { assembleFigures, daysOf, emptyRegisterCounts, periodOf, type Figures, type Period, type PeriodKind, type RegisterCounts } from './domain/figures.js';
import { FigureDayEntity } from './figures.entity.js';
import type { VisitsService } from '../visits/visits.service.js';

/** A day is kept once it has been over for this long (a command in flight at midnight lands first). */
const SETTLE_MS = 10 * 60_000;

/** Days folded at once by the keeper (bounds the events held in memory). */
const KEEP_CHUNK_DAYS = 31;

/** Appointments that did not happen do not count. */
const NOT_HELD = ['rejected', 'cancelled'];

export class FiguresService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly visits: VisitsService,
  ) {}

  async figures(p: Principal, siteId: number, kind: PeriodKind, date: string, to?: string | null): Promise<Figures & { siteId: number }> {
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only a manager or an administrator sees the figures');
    const site = await this.accounts.requireSite(p, siteId);
    const period = periodOf(kind, date, to);
    if ('error' in period) throw badInput(period.error, period.error === 'date' ? 'date must be a day (YYYY-MM-DD)' : 'to must be a day on or after date, at most a year later');
    const [days, registers, people, visits] = await Promise.all([
      this.dayFacts(siteId, site.timezone, period),
      this.registerCounts(siteId, site.timezone, period),
      this.accounts.sitePeople(p, siteId),
      // V4: the visits feature's own figures, per consultant and month, added up over the period.
      this.visits.figures(siteId, startOf(period.from, site.timezone), startOf(addDaysStr(period.to, 1), site.timezone)),
    ]);
    const consultants = people.filter((u) => u.roles.includes(Role.CONSULTANT)).map((u) => u.id);
    const figures = assembleFigures(period, days, registers, consultants);
    for (const c of figures.consultants) {
      for (const v of visits.filter((x) => x.consultantId === c.consultantId)) {
        c.visitsPlanned += v.planned;
        c.visitsDone += v.done;
        c.visitReportsOnTime += v.reportsOnTime;
        c.visitReportsLate += v.reportsLate;
      }
    }
    return { siteId, ...figures };
  }

  /**
   * The facts of each day of the period: kept ones read, the others folded from the log (and
   * kept once closed). Closed days are normally kept ahead by the keeper (keeper.ts), so a
   * request folds today and little else.
   */
  async dayFacts(siteId: number, timezone: string, period: Period): Promise<DayFacts[]> {
    const now = this.clock.now().getTime();
    const today = businessDay(now, timezone);
    const wanted = daysOf(period).filter((d) => d <= today);
    if (!wanted.length) return [];
    // Raw rows: a year is 365 JSON documents, no need to make entities of them first.
    const kept = await this.ds
      .getRepository(FigureDayEntity)
      .createQueryBuilder('k')
      .select(['k.day AS day', 'k.facts AS facts'])
      .where('k.siteId = :siteId AND k.day >= :from AND k.day <= :to', { siteId, from: wanted[0], to: wanted[wanted.length - 1] })
      .getRawMany<{ day: string; facts: string }>();
    const facts = new Map(kept.map((k) => [k.day, JSON.parse(k.facts) as DayFacts]));
    const missing = wanted.filter((d) => !facts.has(d));
    for (const run of runsOf(missing, missing.length)) {
      for (const f of await this.foldDays(siteId, timezone, run, now)) facts.set(f.day, f);
    }
    return wanted.map((d) => facts.get(d)!);
  }

  /**
   * Folds and keeps every closed day of the site's floor log not kept yet, from its first
   * event on, a few weeks at a time; resolves with how many days it kept. `renew` is called
   * between chunks (the keeper's lease).
   */
  async keepClosedDays(siteId: number, timezone: string, renew: () => Promise<boolean> = async () => true): Promise<number> {
    const now = this.clock.now().getTime();
    const lastClosed = addDaysStr(businessDay(now - SETTLE_MS, timezone), -1);
    const first = await this.ds
      .getRepository(RotationEventEntity)
      .createQueryBuilder('e')
      .select('MIN(e.businessDay)', 'day')
      .where('e.siteId = :siteId', { siteId })
      .getRawOne<{ day: string | null }>();
    if (!first?.day || first.day > lastClosed) return 0;
    const kept = new Set(
      (await this.ds.getRepository(FigureDayEntity).find({ where: { siteId, day: Between(first.day, lastClosed) }, select: { day: true } })).map((k) => k.day),
    );
    const missing = daysOf({ from: first.day, to: lastClosed }).filter((d) => !kept.has(d));
    let n = 0;
    for (const run of runsOf(missing, KEEP_CHUNK_DAYS)) {
      if (!(await renew())) break;
      n += (await this.foldDays(siteId, timezone, run, now)).length;
    }
    return n;
  }

  /** Folds consecutive days from the log; keeps those closed (settled) at `now`. */
  private async foldDays(siteId: number, timezone: string, days: string[], now: number): Promise<DayFacts[]> {
    const settled = businessDay(now - SETTLE_MS, timezone);
    const [from, to] = [days[0], days[days.length - 1]];
    const [rows, templates, exceptions] = await Promise.all([
      this.ds.getRepository(RotationEventEntity).find({
        where: { siteId, businessDay: Between(from, to) },
        select: { id: true, seq: true, businessDay: true, payload: true },
        order: { seq: 'ASC' },
      }),
      this.ds.getRepository(ShiftTemplateEntity).findBy({ siteId }),
      this.ds.getRepository(ShiftExceptionEntity).findBy({ siteId, date: Between(from, to) }),
    ]);
    const byDay = new Map<string, DayEvent[]>();
    for (const r of rows) {
      let list = byDay.get(r.businessDay);
      if (!list) byDay.set(r.businessDay, (list = []));
      list.push({ seq: r.seq, event: JSON.parse(r.payload) as RotationEvent });
    }
    const out: DayFacts[] = [];
    const toKeep: FigureDayEntity[] = [];
    const ex = exceptions.map((e) => ({ ...e, startTime: e.startTime ?? undefined, endTime: e.endTime ?? undefined }));
    for (const day of days) {
      const f = foldDay(day, byDay.get(day) ?? [], shiftsForDay(templates, ex, day, timezone));
      out.push(f);
      if (day < settled) toKeep.push(Object.assign(new FigureDayEntity(), { siteId, day, facts: JSON.stringify(f), computedAt: new Date(now) }));
    }
    // Another instance may have kept the same day meanwhile: its row is the same fold.
    for (let i = 0; i < toKeep.length; i += 200) {
      await this.ds.createQueryBuilder().insert().into(FigureDayEntity).values(toKeep.slice(i, i + 200)).orIgnore().execute();
    }
    return out;
  }

  /** Registrations, follow-ups, deals and appointments per consultant over the period's instants. */
  async registerCounts(siteId: number, timezone: string, period: Period): Promise<Map<number, RegisterCounts>> {
    const from = startOf(period.from, timezone);
    const to = startOf(addDaysStr(period.to, 1), timezone);
    const now = this.clock.now();
    const dueUntil = now < to ? now : to;
    const counts = new Map<number, RegisterCounts>();
    const of = (id: number | string) => {
      const key = Number(id);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = emptyRegisterCounts()));
      return c;
    };
    const qb = () => this.ds.createQueryBuilder();
    const [registrations, followUps, due, onTime, deals, appointments] = await Promise.all([
      qb()
        .select('r.consultantId', 'id')
        .addSelect('COUNT(*)', 'n')
        .from(RegistrationEntity, 'r')
        .where('r.siteId = :siteId AND r.at >= :from AND r.at < :to AND r.correctsId IS NULL AND r.consultantId IS NOT NULL', { siteId, from, to })
        .groupBy('r.consultantId')
        .getRawMany<{ id: number; n: number | string }>(),
      qb()
        .select('f.consultantId', 'id')
        .addSelect('COUNT(*)', 'n')
        .from(FollowUpEntity, 'f')
        .innerJoin(CustomerEntity, 'c', 'c.id = f.customerId')
        .where('c.siteId = :siteId AND f.at >= :from AND f.at < :to', { siteId, from, to })
        .groupBy('f.consultantId')
        .getRawMany<{ id: number; n: number | string }>(),
      // A follow-up that promised the next one (nextAt) inside the period, now due …
      qb()
        .select('f.consultantId', 'id')
        .addSelect('COUNT(*)', 'n')
        .from(FollowUpEntity, 'f')
        .innerJoin(CustomerEntity, 'c', 'c.id = f.customerId')
        .where('c.siteId = :siteId AND f.nextAt >= :from AND f.nextAt < :dueUntil', { siteId, from, dueUntil })
        .groupBy('f.consultantId')
        .getRawMany<{ id: number; n: number | string }>(),
      // … kept when the customer's next follow-up was logged by the promised time. A filter (a
      // semi-join MariaDB runs as FirstMatch), not a per-row check in the select list (a
      // dependent subquery per promise, measured twice as slow over a year of follow-ups).
      qb()
        .select('f.consultantId', 'id')
        .addSelect('COUNT(*)', 'n')
        .from(FollowUpEntity, 'f')
        .innerJoin(CustomerEntity, 'c', 'c.id = f.customerId')
        .where('c.siteId = :siteId AND f.nextAt >= :from AND f.nextAt < :dueUntil', { siteId, from, dueUntil })
        .andWhere((w) => {
          const sub = w.subQuery().select('1').from(FollowUpEntity, 'g').where('g.customerId = f.customerId AND g.at > f.at AND g.at <= f.nextAt').getQuery();
          return `EXISTS ${sub}`;
        })
        .groupBy('f.consultantId')
        .getRawMany<{ id: number; n: number | string }>(),
      this.ds.getRepository(DealEntity).find({ where: { siteId, dealAt: Between(from, new Date(to.getTime() - 1)) }, select: { id: true, credit: true, units: true } }),
      qb()
        .select('a.leadUserId', 'id')
        .addSelect('COUNT(*)', 'n')
        .addSelect("SUM(CASE WHEN a.state = 'completed' THEN 1 ELSE 0 END)", 'completed')
        .addSelect('SUM(CASE WHEN a.satisfaction IS NULL THEN 0 ELSE a.satisfaction END)', 'satisfactionSum')
        .addSelect('SUM(CASE WHEN a.satisfaction IS NULL THEN 0 ELSE 1 END)', 'satisfactionCount')
        .from(AppointmentEntity, 'a')
        .where('a.siteId = :siteId AND a.startAt >= :from AND a.startAt < :to AND a.state NOT IN (:...notHeld)', { siteId, from, to, notHeld: NOT_HELD })
        .groupBy('a.leadUserId')
        .getRawMany<{ id: number; n: number | string; completed: number | string; satisfactionSum: number | string; satisfactionCount: number | string }>(),
    ]);
    for (const r of registrations) of(r.id).registrations = Number(r.n);
    for (const r of followUps) of(r.id).followUps = Number(r.n);
    for (const r of due) of(r.id).followUpsDue = Number(r.n);
    for (const r of onTime) of(r.id).followUpsOnTime = Number(r.n);
    for (const d of deals) {
      // O8: a split deal credits each half.
      for (const c of JSON.parse(d.credit) as Array<{ consultantId: number; share: number }>) {
        const x = of(c.consultantId);
        x.deals += c.share;
        x.dealUnits += d.units * c.share;
      }
    }
    for (const r of appointments) {
      const x = of(r.id);
      x.appointments = Number(r.n);
      x.appointmentsCompleted = Number(r.completed);
      x.satisfactionSum = Number(r.satisfactionSum);
      x.satisfactionCount = Number(r.satisfactionCount);
    }
    return counts;
  }
}

/** The instant a business day starts in the site's time zone. */
function startOf(day: string, timezone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timezone).getTime());
}

function addDaysStr(day: string, n: number): string {
  const d = addDays(parseISO(day), n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Sorted days cut into runs of consecutive days, each at most `max` long (one log read each). */
function runsOf(days: string[], max: number): string[][] {
  const runs: string[][] = [];
  for (const d of days) {
    const run = runs[runs.length - 1];
    if (run && run.length < max && addDaysStr(run[run.length - 1], 1) === d) run.push(d);
    else runs.push([d]);
  }
  return runs;
}
