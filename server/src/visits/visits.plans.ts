import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { CustomersService } from '../customers/customers.service.js';
import type {
  NotificationInput,
  NotificationsService,
} from '../notifications/notifications.service.js';
import type { Clock } from '../platform/clock.js';
import { forUpdate } from '../platform/db/locks.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, forbidden, notFound } from '../platform/errors.js';
import { isMonth } from './domain/calendar.js';
import {
  checkPlanItems,
  isRejection,
  planLate,
  plannableMonths,
  transition,
  type PlanItem,
  type PlanState,
} from './domain/visits.js';
import { VisitEntity, VisitPlanEntity } from './visits.entity.js';
import { rejected, SUPERVISOR } from './visits.shared.js';

export interface PlanWithVisits {
  plan: VisitPlanEntity;
  visits: VisitEntity[];
}

/** V1: a consultant's monthly plans, submitted to a manager who approves or returns them. */
export class VisitPlans {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A consultant's plan for a month (their own; managers any consultant's), with its visits. */
  async plan(
    p: Principal,
    siteId: number,
    month: string,
    consultantId: number | null,
  ): Promise<PlanWithVisits | null> {
    await this.accounts.requireSite(p, siteId);
    if (!isMonth(month)) throw badInput('month', 'month must look like 2026-02');
    const who = consultantId ?? p.userId;
    if (who !== p.userId && !hasRole(p, ...SUPERVISOR))
      throw forbidden('Consultants see their own plans');
    const plan = await this.ds
      .getRepository(VisitPlanEntity)
      .findOneBy({ siteId, consultantId: who, month });
    if (!plan) return null;
    return {
      plan,
      visits: await this.ds
        .getRepository(VisitEntity)
        .find({ where: { planId: plan.id }, order: { day: 'ASC', id: 'ASC' } }),
    };
  }

  /** V1: the site's plans for a month (the manager's review list); drafts are the consultant's own business. */
  async plans(p: Principal, siteId: number, month: string): Promise<PlanWithVisits[]> {
    await this.accounts.requireSite(p, siteId);
    if (!isMonth(month)) throw badInput('month', 'month must look like 2026-02');
    const plans = await this.ds
      .getRepository(VisitPlanEntity)
      .find({ where: { siteId, month, state: Not('DRAFT') }, order: { consultantId: 'ASC' } });
    if (!plans.length) return [];
    const visits = await this.ds
      .getRepository(VisitEntity)
      .find({ where: { planId: In(plans.map((x) => x.id)) }, order: { day: 'ASC', id: 'ASC' } });
    return plans.map((plan) => ({ plan, visits: visits.filter((v) => v.planId === plan.id) }));
  }

  /** V1: the consultant drafts (or, once returned, edits) a month's plan; its visits are replaced. */
  async savePlan(
    p: Principal,
    siteId: number,
    month: string,
    items: PlanItem[],
  ): Promise<PlanWithVisits> {
    const site = await this.accounts.requireSite(p, siteId);
    if (!hasRole(p, Role.CONSULTANT)) throw forbidden('Only consultants plan visits');
    if (!isMonth(month)) throw badInput('month', 'month must look like 2026-02');
    const now = this.clock.now().getTime();
    if (!plannableMonths(now, site.timezone).includes(month))
      throw badInput('month', 'Plans are for this month or the next', { reason: 'V1_MONTH' });
    const bad = checkPlanItems(month, items);
    if (bad) throw rejected(bad, 'items');
    const ids = [...new Set(items.map((i) => i.customerId))];
    const rows = await this.customers.rows(p, siteId, ids, site.timezone);
    const owned = new Set(
      rows.filter((r) => r.ownership.ownerId === p.userId).map((r) => r.customer.id),
    );
    const notMine = ids.find((id) => !owned.has(id));
    if (notMine !== undefined)
      throw badInput('items', 'Visits are planned for your own customers', {
        reason: 'V1_NOT_OWNER',
      });
    const planId = await this.tx.run(async (em) => {
      let plan = await em.findOne(VisitPlanEntity, {
        where: { siteId, consultantId: p.userId, month },
        ...forUpdate(em),
      });
      if (plan && !['DRAFT', 'RETURNED'].includes(plan.state))
        throw conflict('A submitted plan cannot be edited', { reason: 'V1_STATE' });
      if (!plan)
        plan = await em.save(
          VisitPlanEntity,
          em.create(VisitPlanEntity, {
            siteId,
            consultantId: p.userId,
            month,
            state: 'DRAFT',
            submittedAt: null,
            late: false,
            decidedById: null,
            decidedAt: null,
            comment: null,
            updatedAt: new Date(now),
          }),
        );
      else await em.update(VisitPlanEntity, { id: plan.id }, { updatedAt: new Date(now) });
      await em.delete(VisitEntity, { planId: plan.id });
      if (items.length)
        await em.insert(
          VisitEntity,
          items.map((i) => ({
            planId: plan.id,
            siteId,
            consultantId: p.userId,
            customerId: i.customerId,
            day: i.day,
            purpose: i.purpose.trim(),
            content: i.content.trim(),
          })),
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
      if (!count)
        throw badInput('items', 'A plan needs at least one visit', { reason: 'V1_EMPTY' });
      const now = this.clock.now().getTime();
      plan.submittedAt = new Date(now);
      plan.late = planLate(plan.month, now, site.timezone); // V1: due before the month starts
      const managers = await this.notifications.managersOf(em, plan.siteId);
      const consultant = await em.findOneBy(UserEntity, { id: plan.consultantId });
      const params = {
        planId,
        month: plan.month,
        consultantId: plan.consultantId,
        ownerName: consultant?.displayName ?? '',
        late: plan.late,
        visits: count,
      };
      return managers.map((userId) => ({ userId, kind: 'VISIT_PLAN_SUBMITTED' as const, params }));
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

  private async decide(
    p: Principal,
    planId: number,
    to: 'APPROVED' | 'RETURNED',
    comment: string | null,
  ) {
    if (!hasRole(p, ...SUPERVISOR)) throw forbidden('Only a manager decides on plans');
    const { rows } = await this.movePlan(p, planId, to, comment, async (_em, plan) => {
      plan.decidedById = p.userId;
      plan.decidedAt = this.clock.now();
      plan.comment = comment?.trim() || null;
      return [
        {
          userId: plan.consultantId,
          kind:
            to === 'APPROVED' ? ('VISIT_PLAN_APPROVED' as const) : ('VISIT_PLAN_RETURNED' as const),
          params: { planId, month: plan.month, comment: plan.comment },
        },
      ];
    });
    this.notifications.publish(rows);
    return this.planById(planId);
  }

  private async movePlan(
    p: Principal,
    planId: number,
    to: PlanState,
    _comment: string | null,
    apply: (
      em: EntityManager,
      plan: VisitPlanEntity,
      site: { timezone: string },
    ) => Promise<NotificationInput[]>,
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
    return {
      plan,
      visits: await this.ds
        .getRepository(VisitEntity)
        .find({ where: { planId }, order: { day: 'ASC', id: 'ASC' } }),
    };
  }
}
