import { In, IsNull, LessThanOrEqual, Not, type DataSource, type EntityManager } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import { CustomerEntity, FollowUpEntity, OwnershipDecisionEntity, RegistrationEntity } from '../customers/customers.entity.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { NotificationInput, NotificationsService } from '../notifications/notifications.service.js';
import type { Clock } from '../platform/clock.js';
import { forUpdate } from '../platform/db/locks.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, forbidden, notFound } from '../platform/errors.js';
import { changedKeys, pickValues, SettingsArea } from '../settings/domain/changes.js';
import type { SettingsHistoryService } from '../settings/settings.service.js';
import { dayOf, isMonth } from './domain/calendar.js';
import { visitFigures, type VisitFigureRow } from './domain/figures.js';
import { isValidRegion, type Region } from './domain/regions.js';
import { DEFAULT_VISIT_SETTINGS, type VisitSettings } from './domain/settings.js';
import {
  checkInAllowed,
  checkPlanItems,
  checkPromises,
  isRejection,
  planLate,
  plannableMonths,
  reportDueAt,
  reportLate,
  transition,
  visitsDue,
  type DueVisit,
  type Outcome,
  type PlanItem,
  type PlanState,
  type Rejection,
} from './domain/visits.js';
import { VisitEntity, VisitPlanEntity, VisitSettingsEntity, VisitTaskEntity } from './visits.entity.js';

export interface PlanWithVisits {
  plan: VisitPlanEntity;
  visits: VisitEntity[];
}

export interface DueVisitRow extends DueVisit {
  consultantId: number;
}

export interface ReportInput {
  outcome: Outcome;
  feedback: string;
  nextSteps: string;
  satisfaction: number | null;
  promises: Array<{ text: string; dueAt: Date; ownerId: number | null }>;
}

const SUPERVISOR = [Role.MANAGER, Role.ADMIN];
const DAY = 24 * 3600_000;

const rejected = (r: Rejection, field = 'input') => badInput(field, r.reason, { reason: r.code });

/**
 * Outbound customer visits (SPEC section 5): regions, the site's visit rules, monthly plans
 * and their approval (V1), what is due (V2), check-in and report (V3), figures (V4).
 */
export class VisitsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly settingsHistory: SettingsHistoryService,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  // ---- settings (V1–V3) and regions (V2) ---------------------------------------------------

  async settings(p: Principal, siteId: number): Promise<VisitSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async updateSettings(p: Principal, siteId: number, input: Omit<VisitSettings, 'timezone'>): Promise<VisitSettings> {
    const site = await this.accounts.requireSite(p, siteId);
    if (input.siteProvince || input.siteCity) {
      if (!input.siteProvince || !input.siteCity || !isValidRegion({ province: input.siteProvince, city: input.siteCity, district: input.siteDistrict }))
        throw badInput('siteCity', 'Not a known region');
    }
    const keys = Object.keys(DEFAULT_VISIT_SETTINGS);
    await this.tx.run(async (em) => {
      const before = pickValues(await this.settingsIn(em, siteId, site.timezone, true), keys);
      const after = pickValues({ ...input, siteDistrict: input.siteProvince ? input.siteDistrict : null }, keys);
      if (!changedKeys(before, after).length) return;
      await em.save(VisitSettingsEntity, { siteId, settings: JSON.stringify(after) });
      await this.settingsHistory.record(em, { siteId, area: SettingsArea.VISITS, at: this.clock.now(), byId: p.userId, before, after });
    });
    return this.settingsIn(this.ds.manager, siteId, site.timezone);
  }

  async settingsIn(em: EntityManager, siteId: number, timezone: string, lock = false): Promise<VisitSettings> {
    const row = await em.findOne(VisitSettingsEntity, { where: { siteId }, ...(lock ? forUpdate(em) : {}) });
    return { ...DEFAULT_VISIT_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<VisitSettings>) : {}), timezone };
  }

  /** V2: sets (or clears) a customer's region. Consultants set their own customers'; managers any. */
  async setCustomerRegion(p: Principal, customerId: number, region: Region | null): Promise<CustomerEntity> {
    const customer = await this.ds.getRepository(CustomerEntity).findOneBy({ id: customerId });
    if (!customer) throw notFound('Customer');
    await this.accounts.requireSite(p, customer.siteId);
    if (!hasRole(p, ...SUPERVISOR)) {
      const [row] = await this.customers.rows(p, customer.siteId, [customerId]);
      if (row?.ownership.ownerId !== p.userId) throw forbidden('Only the owner or a manager sets the region');
    }
    if (region && !isValidRegion(region)) throw badInput('region', 'Not a known region');
    await this.tx.run((em) =>
      em.update(CustomerEntity, { id: customerId }, { regionProvince: region?.province ?? null, regionCity: region?.city ?? null, regionDistrict: region?.district ?? null }),
    );
    return { ...customer, regionProvince: region?.province ?? null, regionCity: region?.city ?? null, regionDistrict: region?.district ?? null };
  }

  /** Regions by customer id, for per-request loaders. */
  async regionsByIds(ids: readonly number[]): Promise<Array<Region | null>> {
    const rows = await this.ds.getRepository(CustomerEntity).find({ where: { id: In([...ids]) }, select: { id: true, regionProvince: true, regionCity: true, regionDistrict: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return r?.regionProvince && r.regionCity ? { province: r.regionProvince, city: r.regionCity, district: r.regionDistrict } : null;
    });
  }

  // ---- V2: who is due for a visit --------------------------------------------------------------

  /**
   * V2: the customers a consultant owns (or, for a manager without `consultantId`, every
   * owned customer of the site), when each is due, overdue first.
   */
  async due(p: Principal, siteId: number, consultantId: number | null): Promise<DueVisitRow[]> {
    const site = await this.accounts.requireSite(p, siteId);
    const supervisor = hasRole(p, ...SUPERVISOR);
    const who = supervisor ? consultantId : p.userId;
    if (!supervisor && consultantId !== null && consultantId !== p.userId) throw forbidden('Consultants see their own customers');
    const s = await this.settingsIn(this.ds.manager, siteId, site.timezone);
    const ids = await this.candidateCustomers(siteId, who);
    const rows = (await this.customers.rows(p, siteId, ids, site.timezone)).filter((r) => r.ownership.ownerId !== null && (who === null || r.ownership.ownerId === who));
    const last = await this.lastVisits(rows.map((r) => r.customer.id));
    const now = this.clock.now().getTime();
    const owner = new Map(rows.map((r) => [r.customer.id, r.ownership.ownerId!]));
    return visitsDue(
      rows.map((r) => ({
        customerId: r.customer.id,
        region: r.customer.regionProvince && r.customer.regionCity ? { province: r.customer.regionProvince, city: r.customer.regionCity, district: r.customer.regionDistrict } : null,
        lastVisitAt: last.get(r.customer.id) ?? null,
        ownedSince: r.ownership.since ?? r.customer.createdAt.getTime(),
      })),
      now,
      s,
    ).map((d) => ({ ...d, consultantId: owner.get(d.customerId)! }));
  }

  /** Customers with a region whose owner may be `consultantId` (any owner when null). */
  private async candidateCustomers(siteId: number, consultantId: number | null): Promise<number[]> {
    const withRegion = Not(IsNull());
    if (consultantId === null) {
      const all = await this.ds.getRepository(CustomerEntity).find({ where: { siteId, regionCity: withRegion }, select: { id: true } });
      return all.map((c) => c.id);
    }
    const [regs, fus, decs] = await Promise.all([
      this.ds.getRepository(RegistrationEntity).find({ where: { siteId, consultantId }, select: { customerId: true } }),
      this.ds.getRepository(FollowUpEntity).find({ where: { consultantId }, select: { customerId: true } }),
      this.ds.getRepository(OwnershipDecisionEntity).find({ where: { consultantId }, select: { customerId: true } }),
    ]);
    const ids = [...new Set([...regs, ...fus, ...decs].map((r) => r.customerId))];
    if (!ids.length) return [];
    const out: number[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const found = await this.ds.getRepository(CustomerEntity).find({ where: { id: In(ids.slice(i, i + 1000)), siteId, regionCity: withRegion }, select: { id: true } });
      out.push(...found.map((c) => c.id));
    }
    return out;
  }

  /** The last check-in per customer. */
  private async lastVisits(customerIds: number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    for (let i = 0; i < customerIds.length; i += 1000) {
      const rows: Array<{ customerId: number; last: Date | string }> = await this.ds
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .select('v.customerId', 'customerId')
        .addSelect('MAX(v.checkedInAt)', 'last')
        .where('v.customerId IN (:...ids)', { ids: customerIds.slice(i, i + 1000) })
        .andWhere('v.checkedInAt IS NOT NULL')
        .groupBy('v.customerId')
        .getRawMany();
      for (const r of rows) out.set(Number(r.customerId), toTime(r.last));
    }
    return out;
  }

  // ---- V1: plans ------------------------------------------------------------------------------------

  /** A consultant's plan for a month (their own; managers any consultant's), with its visits. */
  async plan(p: Principal, siteId: number, month: string, consultantId: number | null): Promise<PlanWithVisits | null> {
    await this.accounts.requireSite(p, siteId);
    if (!isMonth(month)) throw badInput('month', 'month must look like 2026-02');
    const who = consultantId ?? p.userId;
    if (who !== p.userId && !hasRole(p, ...SUPERVISOR)) throw forbidden('Consultants see their own plans');
    const plan = await this.ds.getRepository(VisitPlanEntity).findOneBy({ siteId, consultantId: who, month });
    if (!plan) return null;
    return { plan, visits: await this.ds.getRepository(VisitEntity).find({ where: { planId: plan.id }, order: { day: 'ASC', id: 'ASC' } }) };
  }

  /** V1: the site's plans for a month (the manager's review list); drafts are the consultant's own business. */
  async plans(p: Principal, siteId: number, month: string): Promise<PlanWithVisits[]> {
    await this.accounts.requireSite(p, siteId);
    if (!isMonth(month)) throw badInput('month', 'month must look like 2026-02');
    const plans = await this.ds.getRepository(VisitPlanEntity).find({ where: { siteId, month, state: Not('DRAFT') }, order: { consultantId: 'ASC' } });
    if (!plans.length) return [];
    const visits = await this.ds.getRepository(VisitEntity).find({ where: { planId: In(plans.map((x) => x.id)) }, order: { day: 'ASC', id: 'ASC' } });
    return plans.map((plan) => ({ plan, visits: visits.filter((v) => v.planId === plan.id) }));
  }

  /** V1: the consultant drafts (or, once returned, edits) a month's plan; its visits are replaced. */
  async savePlan(p: Principal, siteId: number, month: string, items: PlanItem[]): Promise<PlanWithVisits> {
    const site = await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.CONSULTANT)) throw forbidden('Only consultants plan visits');
    if (!isMonth(month)) throw badInput('month', 'month must look like 2026-02');
    const now = this.clock.now().getTime();
    if (!plannableMonths(now, site.timezone).includes(month)) throw badInput('month', 'Plans are for this month or the next', { reason: 'V1_MONTH' });
    const bad = checkPlanItems(month, items);
    if (bad) throw rejected(bad, 'items');
    const ids = [...new Set(items.map((i) => i.customerId))];
    const rows = await this.customers.rows(p, siteId, ids, site.timezone);
    const owned = new Set(rows.filter((r) => r.ownership.ownerId === p.userId).map((r) => r.customer.id));
    const notMine = ids.find((id) => !owned.has(id));
    if (notMine !== undefined) throw badInput('items', 'Visits are planned for your own customers', { reason: 'V1_NOT_OWNER' });
    const planId = await this.tx.run(async (em) => {
      let plan = await em.findOne(VisitPlanEntity, { where: { siteId, consultantId: p.userId, month }, ...forUpdate(em) });
      if (plan && !['DRAFT', 'RETURNED'].includes(plan.state)) throw conflict('A submitted plan cannot be edited', { reason: 'V1_STATE' });
      if (!plan) plan = await em.save(VisitPlanEntity, em.create(VisitPlanEntity, { siteId, consultantId: p.userId, month, state: 'DRAFT', submittedAt: null, late: false, decidedById: null, decidedAt: null, comment: null, updatedAt: new Date(now) }));
      else await em.update(VisitPlanEntity, { id: plan.id }, { updatedAt: new Date(now) });
      await em.delete(VisitEntity, { planId: plan.id });
      if (items.length)
        await em.insert(
          VisitEntity,
          items.map((i) => ({ planId: plan.id, siteId, consultantId: p.userId, customerId: i.customerId, day: i.day, purpose: i.purpose.trim(), content: i.content.trim() })),
        );
      return plan.id;
    });
    return this.planById(planId);
  }

  /** V1: submits the plan to the manager; after its month has begun it is flagged late. */
  async submitPlan(p: Principal, planId: number): Promise<PlanWithVisits> {
    const { rows } = await this.movePlan(p, planId, 'SUBMITTED', null, async (em, plan, site) => {
      if (plan.consultantId !== p.userId) throw forbidden('Only the consultant submits their plan');
      const count = await em.countBy(VisitEntity, { planId });
      if (!count) throw badInput('items', 'A plan needs at least one visit', { reason: 'V1_EMPTY' });
      const now = this.clock.now().getTime();
      plan.submittedAt = new Date(now);
      plan.late = planLate(plan.month, now, site.timezone); // V1: due before the month starts
      const managers = await this.notifications.managersOf(em, plan.siteId);
      return managers.map((userId) => ({ userId, kind: 'VISIT_PLAN_SUBMITTED' as const, params: { planId, month: plan.month, consultantId: plan.consultantId, late: plan.late } }));
    });
    this.notifications.publish(rows);
    return this.planById(planId);
  }

  /** V1: the manager approves a submitted plan (optionally with a comment)… */
  approvePlan(p: Principal, planId: number, comment: string | null) {
    return this.decide(p, planId, 'APPROVED', comment);
  }

  /** …or returns it with a comment for the consultant to rework. */
  returnPlan(p: Principal, planId: number, comment: string) {
    if (!comment.trim()) throw badInput('comment', 'Say why the plan is returned');
    return this.decide(p, planId, 'RETURNED', comment);
  }

  private async decide(p: Principal, planId: number, to: 'APPROVED' | 'RETURNED', comment: string | null) {
    if (!hasRole(p, ...SUPERVISOR)) throw forbidden('Only a manager decides on plans');
    const { rows } = await this.movePlan(p, planId, to, comment, async (_em, plan) => {
      plan.decidedById = p.userId;
      plan.decidedAt = this.clock.now();
      plan.comment = comment?.trim() || null;
      return [{ userId: plan.consultantId, kind: to === 'APPROVED' ? ('VISIT_PLAN_APPROVED' as const) : ('VISIT_PLAN_RETURNED' as const), params: { planId, month: plan.month, comment: plan.comment } }];
    });
    this.notifications.publish(rows);
    return this.planById(planId);
  }

  private async movePlan(
    p: Principal,
    planId: number,
    to: PlanState,
    _comment: string | null,
    apply: (em: EntityManager, plan: VisitPlanEntity, site: { timezone: string }) => Promise<NotificationInput[]>,
  ) {
    const found = await this.ds.getRepository(VisitPlanEntity).findOneBy({ id: planId });
    if (!found) throw notFound('Plan');
    const site = await this.accounts.requireSite(p, found.siteId);
    return this.tx.run(async (em) => {
      const plan = await em.findOne(VisitPlanEntity, { where: { id: planId }, ...forUpdate(em) });
      if (!plan) throw notFound('Plan');
      const next = transition(plan.state as PlanState, to);
      if (isRejection(next)) throw conflict(next.reason, { reason: next.code });
      const notes = await apply(em, plan, site);
      plan.state = next;
      plan.updatedAt = this.clock.now();
      await em.save(VisitPlanEntity, plan);
      return { rows: await this.notifications.stage(em, notes) };
    });
  }

  private async planById(planId: number): Promise<PlanWithVisits> {
    const plan = await this.ds.getRepository(VisitPlanEntity).findOneByOrFail({ id: planId });
    return { plan, visits: await this.ds.getRepository(VisitEntity).find({ where: { planId }, order: { day: 'ASC', id: 'ASC' } }) };
  }

  // ---- visit day and V3 report ------------------------------------------------------------------------

  /** The consultant's visits of approved plans still waiting for a check-in or a report, by day. */
  async myVisits(p: Principal, siteId: number): Promise<VisitEntity[]> {
    const site = await this.accounts.requireSite(p, siteId);
    const now = this.clock.now().getTime();
    const approved = await this.ds.getRepository(VisitPlanEntity).find({ where: { siteId, consultantId: p.userId, state: 'APPROVED' }, select: { id: true } });
    if (!approved.length) return [];
    const horizon = dayOf(now + 7 * DAY, site.timezone);
    return this.ds.getRepository(VisitEntity).find({
      where: { planId: In(approved.map((x) => x.id)), reportedAt: IsNull(), day: LessThanOrEqual(horizon) },
      order: { day: 'ASC', id: 'ASC' },
      take: 200,
    });
  }

  /** Check-in on the visit day: the time, and where the browser says the phone is (with its accuracy) when allowed. */
  async checkIn(p: Principal, visitId: number, location: { latitude: number; longitude: number; accuracy: number } | null): Promise<VisitEntity> {
    const { visit, site } = await this.ownVisit(p, visitId);
    const s = await this.settingsIn(this.ds.manager, visit.siteId, site.timezone);
    const now = this.clock.now().getTime();
    const bad = checkInAllowed(visit.day, now, s);
    if (bad) throw conflict(bad.reason, { reason: bad.code });
    return this.tx.run(async (em) => {
      const v = await em.findOne(VisitEntity, { where: { id: visitId }, ...forUpdate(em) });
      if (!v) throw notFound('Visit');
      const plan = await em.findOneBy(VisitPlanEntity, { id: v.planId });
      if (plan?.state !== 'APPROVED') throw conflict('The plan is not approved yet', { reason: 'V1_NOT_APPROVED' });
      if (v.checkedInAt) throw conflict('Already checked in', { reason: 'V3_CHECKED_IN' });
      v.checkedInAt = new Date(now);
      v.latitude = location?.latitude ?? null;
      v.longitude = location?.longitude ?? null;
      v.accuracy = location?.accuracy ?? null;
      v.reportDueAt = new Date(reportDueAt(now, s)); // V3: due within reportDueDays
      return em.save(VisitEntity, v);
    });
  }

  /** V3: the report; promised items become follow-up tasks with an owner and a due time. */
  async report(p: Principal, visitId: number, input: ReportInput): Promise<{ visit: VisitEntity; tasks: VisitTaskEntity[] }> {
    const { visit } = await this.ownVisit(p, visitId);
    if (!visit.checkedInAt) throw conflict('Check in before reporting', { reason: 'V3_NOT_CHECKED_IN' });
    const promises = input.promises.map((pr) => ({ text: pr.text.trim(), dueAt: pr.dueAt.getTime(), ownerId: pr.ownerId ?? p.userId }));
    const bad = checkPromises(promises, visit.checkedInAt.getTime());
    if (bad) throw rejected(bad, 'promises');
    const others = [...new Set(promises.map((x) => x.ownerId).filter((id) => id !== p.userId))];
    if (others.length) {
      const people = new Set((await this.accounts.sitePeople(p, visit.siteId)).map((u) => u.id));
      if (others.some((id) => !people.has(id))) throw badInput('promises', 'A promised item’s owner works at another site');
    }
    const now = this.clock.now().getTime();
    const { v, tasks, rows } = await this.tx.run(async (em) => {
      const v = await em.findOne(VisitEntity, { where: { id: visitId }, ...forUpdate(em) });
      if (!v) throw notFound('Visit');
      if (v.reportedAt) throw conflict('The report is already filed', { reason: 'V3_REPORTED' });
      v.reportedAt = new Date(now);
      v.reportLate = reportLate(v.reportDueAt!.getTime(), now); // V3: late after the due time
      v.outcome = input.outcome;
      v.feedback = input.feedback.trim();
      v.nextSteps = input.nextSteps.trim();
      v.satisfaction = input.satisfaction;
      await em.save(VisitEntity, v);
      const tasks = promises.length
        ? await em.save(
            VisitTaskEntity,
            promises.map((pr) => em.create(VisitTaskEntity, { visitId, siteId: v.siteId, ownerId: pr.ownerId, text: pr.text, dueAt: new Date(pr.dueAt), state: 'OPEN', doneAt: null })),
          )
        : [];
      const rows = await this.notifications.stage(
        em,
        tasks.filter((t) => t.ownerId !== p.userId).map((t) => ({ userId: t.ownerId, kind: 'VISIT_TASK_ASSIGNED' as const, params: { visitTaskId: t.id, visitId, text: t.text, dueAt: t.dueAt.toISOString() } })),
      );
      return { v, tasks, rows };
    });
    this.notifications.publish(rows);
    return { visit: v, tasks };
  }

  private async ownVisit(p: Principal, visitId: number) {
    const visit = await this.ds.getRepository(VisitEntity).findOneBy({ id: visitId });
    if (!visit) throw notFound('Visit');
    const site = await this.accounts.requireSite(p, visit.siteId);
    if (visit.consultantId !== p.userId) throw forbidden('Only the consultant who planned the visit reports it');
    return { visit, site };
  }

  async visitTasks(visitIds: readonly number[]): Promise<VisitTaskEntity[][]> {
    const rows = await this.ds.getRepository(VisitTaskEntity).find({ where: { visitId: In([...visitIds]) }, order: { dueAt: 'ASC', id: 'ASC' } });
    return visitIds.map((id) => rows.filter((r) => r.visitId === id));
  }

  /** The promised items the user owns that are still open. */
  async myVisitTasks(p: Principal): Promise<VisitTaskEntity[]> {
    return this.ds.getRepository(VisitTaskEntity).find({ where: { ownerId: p.userId, state: 'OPEN' }, order: { dueAt: 'ASC', id: 'ASC' }, take: 200 });
  }

  async setVisitTaskDone(p: Principal, id: number, done: boolean): Promise<VisitTaskEntity> {
    const t = await this.ds.getRepository(VisitTaskEntity).findOneBy({ id });
    if (!t) throw notFound('Task');
    await this.accounts.requireSite(p, t.siteId);
    if (t.ownerId !== p.userId && !hasRole(p, ...SUPERVISOR)) throw forbidden('Only the owner marks a task done');
    t.state = done ? 'DONE' : 'OPEN';
    t.doneAt = done ? this.clock.now() : null;
    await this.tx.run((em) => em.update(VisitTaskEntity, { id }, { state: t.state, doneAt: t.doneAt }));
    return t;
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
      .select(['v.consultantId AS consultantId', 'v.day AS day', 'p.state AS state', 'v.checkedInAt AS checkedInAt', 'v.reportedAt AS reportedAt', 'v.reportLate AS reportLate', 'v.outcome AS outcome', 'v.satisfaction AS satisfaction'])
      .where('v.siteId = :siteId', { siteId })
      .andWhere('v.day >= :fromDay AND v.day <= :toDay', { fromDay, toDay })
      .getRawMany<{ consultantId: number; day: string; state: string; checkedInAt: Date | string | null; reportedAt: Date | string | null; reportLate: number | boolean; outcome: string | null; satisfaction: number | null }>();
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
    if (to.getTime() - from.getTime() > 400 * DAY) throw badInput('to', 'At most a year and a month at once');
    return this.figures(siteId, from, to);
  }
}

/** Raw DATETIME values: Date from mysql2 (UTC), 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) from SQLite. */
export function toTime(v: Date | string): number {
  if (v instanceof Date) return v.getTime();
  return new Date(v.replace(' ', 'T') + (v.endsWith('Z') ? '' : 'Z')).getTime();
}
