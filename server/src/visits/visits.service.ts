import type { DataSource, EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, type Principal } from '../accounts/domain/roles.js';
import type { CustomerEntity } from '../customers/customers.entity.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, forbidden } from '../platform/errors.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import { dayOf } from './domain/calendar.js';
import { visitFigures, type VisitFigureRow } from './domain/figures.js';
import type { Region } from './domain/regions.js';
import type { VisitSettings } from './domain/settings.js';
import type { Outcome, PlanItem } from './domain/visits.js';
import { VisitEntity, VisitPlanEntity, type VisitTaskEntity } from './visits.entity.js';
import { DueVisits, type DueVisitRow } from './visits.due.js';
import { VisitPlans, type PlanWithVisits } from './visits.plans.js';
import { VisitReports, type ReportInput } from './visits.reports.js';
import { VisitSettingsStore } from './visits.settings.js';
import { DAY, SUPERVISOR, toTime } from './visits.shared.js';

export type { DueVisitRow } from './visits.due.js';
export type { PlanWithVisits } from './visits.plans.js';
export type { ReportInput } from './visits.reports.js';
export { toTime } from './visits.shared.js';

/**
 * Outbound customer visits (SPEC section 5): regions, the site's visit rules, monthly plans
 * and their approval (V1), what is due (V2), check-in and report (V3), figures (V4).
 * Here: the figures (V4). Beside it: the settings (visits.settings.ts), regions and who is due
 * (visits.due.ts), plans (visits.plans.ts), the visit day and its report (visits.reports.ts).
 */
export class VisitsService {
  private readonly visitSettings: VisitSettingsStore;
  private readonly dueVisits: DueVisits;
  private readonly visitPlans: VisitPlans;
  private readonly reports: VisitReports;

  constructor(
    private readonly ds: DataSource,
    tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    customers: CustomersService,
    notifications: NotificationsService,
    settingsHistory: SettingsHistoryService,
  ) {
    this.visitSettings = new VisitSettingsStore(ds, tx, clock, accounts, settingsHistory);
    this.dueVisits = new DueVisits(ds, tx, clock, accounts, customers, this.visitSettings);
    this.visitPlans = new VisitPlans(ds, tx, clock, accounts, customers, notifications);
    this.reports = new VisitReports(
      ds,
      tx,
      clock,
      accounts,
      customers,
      notifications,
      this.visitSettings,
    );
  }

  now(): number {
    return this.clock.now().getTime();
  }

  // ---- settings (V1–V3): visits.settings.ts; regions (V2): visits.due.ts ----------------------

  settings(p: Principal, siteId: number): Promise<VisitSettings> {
    return this.visitSettings.settings(p, siteId);
  }

  updateSettings(
    p: Principal,
    siteId: number,
    input: Omit<VisitSettings, 'timezone'>,
  ): Promise<VisitSettings> {
    return this.visitSettings.updateSettings(p, siteId, input);
  }

  settingsIn(
    em: EntityManager,
    siteId: number,
    timezone: string,
    lock = false,
  ): Promise<VisitSettings> {
    return this.visitSettings.settingsIn(em, siteId, timezone, lock);
  }

  /** V2: sets (or clears) a customer's region. Consultants set their own customers'; managers any. */
  setCustomerRegion(
    p: Principal,
    customerId: number,
    region: Region | null,
  ): Promise<CustomerEntity> {
    return this.dueVisits.setCustomerRegion(p, customerId, region);
  }

  /** Regions by customer id, for per-request loaders. */
  regionsByIds(ids: readonly number[]): Promise<Array<Region | null>> {
    return this.dueVisits.regionsByIds(ids);
  }

  // ---- V2: who is due for a visit: visits.due.ts ------------------------------------------------

  /** V2: the customers a consultant owns (or a manager's whole site), when each is due, overdue first. */
  due(p: Principal, siteId: number, consultantId: number | null): Promise<DueVisitRow[]> {
    return this.dueVisits.due(p, siteId, consultantId);
  }

  // ---- V1: plans: visits.plans.ts ---------------------------------------------------------------

  /** A consultant's plan for a month (their own; managers any consultant's), with its visits. */
  plan(
    p: Principal,
    siteId: number,
    month: string,
    consultantId: number | null,
  ): Promise<PlanWithVisits | null> {
    return this.visitPlans.plan(p, siteId, month, consultantId);
  }

  /** V1: the site's plans for a month (the manager's review list). */
  plans(p: Principal, siteId: number, month: string): Promise<PlanWithVisits[]> {
    return this.visitPlans.plans(p, siteId, month);
  }

  /** V1: the consultant drafts (or, once returned, edits) a month's plan. */
  savePlan(
    p: Principal,
    siteId: number,
    month: string,
    items: PlanItem[],
  ): Promise<PlanWithVisits> {
    return this.visitPlans.savePlan(p, siteId, month, items);
  }

  /** V1: submits the plan to the manager; after its month has begun it is flagged late. */
  submitPlan(p: Principal, planId: number): Promise<PlanWithVisits> {
    return this.visitPlans.submitPlan(p, planId);
  }

  /** V1: the manager approves a submitted plan (optionally with a comment)… */
  approvePlan(p: Principal, planId: number, comment: string | null) {
    return this.visitPlans.approvePlan(p, planId, comment);
  }

  /** …or returns it with a comment for the consultant to rework. */
  returnPlan(p: Principal, planId: number, comment: string) {
    return this.visitPlans.returnPlan(p, planId, comment);
  }

  // ---- visit day and V3 report: visits.reports.ts -----------------------------------------------

  /** The consultant's visits of approved plans still waiting for a check-in or a report, by day. */
  myVisits(p: Principal, siteId: number): Promise<VisitEntity[]> {
    return this.reports.myVisits(p, siteId);
  }

  /** Check-in on the visit day: the time, and where the phone is when allowed. */
  checkIn(
    p: Principal,
    visitId: number,
    location: { latitude: number; longitude: number; accuracy: number } | null,
  ): Promise<VisitEntity> {
    return this.reports.checkIn(p, visitId, location);
  }

  /** V3: the report; promised items become follow-up tasks with an owner and a due time. */
  report(
    p: Principal,
    visitId: number,
    input: ReportInput,
  ): Promise<{ visit: VisitEntity; tasks: VisitTaskEntity[] }> {
    return this.reports.report(p, visitId, input);
  }

  visitTasks(visitIds: readonly number[]): Promise<VisitTaskEntity[][]> {
    return this.reports.visitTasks(visitIds);
  }

  /** The promised items the user owns that are still open. */
  myVisitTasks(p: Principal): Promise<VisitTaskEntity[]> {
    return this.reports.myVisitTasks(p);
  }

  setVisitTaskDone(p: Principal, id: number, done: boolean): Promise<VisitTaskEntity> {
    return this.reports.setVisitTaskDone(p, id, done);
  }

  // ---- V4 figures --------------------------------------------------------------------------------------

  /**
   * V4: per consultant and month of the planned day, for visits planned in [from, to)
   * (site calendar): planned vs done, reports on time and late, outcomes, satisfaction.
   * No access check: callers (the figures page, the resolver) check the site first.
   */
  async figures(siteId: number, from: Date, to: Date): Promise<VisitFigureRow[]> {
    const site = await this.accounts.sitesByIds([siteId]);
    const tz = site[0]?.timezone ?? 'UTC';
    const fromDay = dayOf(from.getTime(), tz);
    const toDay = dayOf(to.getTime() - 1, tz);
    const rows = await this.ds
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .innerJoin(VisitPlanEntity, 'p', 'p.id = v.planId')
      .select([
        'v.consultantId AS consultantId',
        'v.day AS day',
        'p.state AS state',
        'v.checkedInAt AS checkedInAt',
        'v.reportedAt AS reportedAt',
        'v.reportLate AS reportLate',
        'v.outcome AS outcome',
        'v.satisfaction AS satisfaction',
      ])
      .where('v.siteId = :siteId', { siteId })
      .andWhere('v.day >= :fromDay AND v.day <= :toDay', { fromDay, toDay })
      .getRawMany<{
        consultantId: number;
        day: string;
        state: string;
        checkedInAt: Date | string | null;
        reportedAt: Date | string | null;
        reportLate: number | boolean;
        outcome: string | null;
        satisfaction: number | null;
      }>();
    return visitFigures(
      rows.map((r) => ({
        consultantId: Number(r.consultantId),
        day: r.day,
        planned: r.state !== 'DRAFT',
        checkedInAt: r.checkedInAt === null ? null : toTime(r.checkedInAt),
        reportedAt: r.reportedAt === null ? null : toTime(r.reportedAt),
        reportLate: Boolean(Number(r.reportLate)),
        outcome: r.outcome as Outcome | null,
        satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      })),
    );
  }

  async figuresFor(p: Principal, siteId: number, from: Date, to: Date): Promise<VisitFigureRow[]> {
    await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, ...SUPERVISOR)) throw forbidden('Figures are for managers');
    if (!(from < to)) throw badInput('to', 'to must be after from');
    if (to.getTime() - from.getTime() > 400 * DAY)
      throw badInput('to', 'At most a year and a month at once');
    return this.figures(siteId, from, to);
  }
}
