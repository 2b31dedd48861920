import { In, IsNull, LessThanOrEqual, type DataSource } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, type Principal } from '../accounts/domain/roles.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Clock } from '../platform/clock.js';
import { forUpdate } from '../platform/db/locks.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, forbidden, notFound } from '../platform/errors.js';
import { dayOf } from './domain/calendar.js';
import {
  checkInAllowed,
  checkPromises,
  reportDueAt,
  reportLate,
  type Outcome,
} from './domain/visits.js';
import { VisitEntity, VisitPlanEntity, VisitTaskEntity } from './visits.entity.js';
import type { VisitSettingsStore } from './visits.settings.js';
import { DAY, rejected, SUPERVISOR } from './visits.shared.js';

export interface ReportInput {
  outcome: Outcome;
  feedback: string;
  nextSteps: string;
  satisfaction: number | null;
  promises: Array<{ text: string; dueAt: Date; ownerId: number | null }>;
}

/** The visit day and V3: the consultant's visits, check-in, the report and its promised items. */
export class VisitReports {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly settings: VisitSettingsStore,
  ) {}

  /** The consultant's visits of approved plans still waiting for a check-in or a report, by day. */
  async myVisits(p: Principal, siteId: number): Promise<VisitEntity[]> {
    const site = await this.accounts.requireSite(p, siteId);
    const now = this.clock.now().getTime();
    const approved = await this.ds
      .getRepository(VisitPlanEntity)
      .find({ where: { siteId, consultantId: p.userId, state: 'APPROVED' }, select: { id: true } });
    if (!approved.length) return [];
    const horizon = dayOf(now + 7 * DAY, site.timezone);
    return this.ds.getRepository(VisitEntity).find({
      where: {
        planId: In(approved.map((x) => x.id)),
        reportedAt: IsNull(),
        day: LessThanOrEqual(horizon),
      },
      order: { day: 'ASC', id: 'ASC' },
      take: 200,
    });
  }

  /** Check-in on the visit day: the time, and where the browser says the phone is (with its accuracy) when allowed. */
  async checkIn(
    p: Principal,
    visitId: number,
    location: { latitude: number; longitude: number; accuracy: number } | null,
  ): Promise<VisitEntity> {
    const { visit, site } = await this.ownVisit(p, visitId);
    const s = await this.settings.settingsIn(this.ds.manager, visit.siteId, site.timezone);
    const now = this.clock.now().getTime();
    const bad = checkInAllowed(visit.day, now, s);
    if (bad) throw conflict(bad.reason, { reason: bad.code });
    return this.tx.run(async (em) => {
      const v = await em.findOne(VisitEntity, { where: { id: visitId }, ...forUpdate(em) });
      if (!v) throw notFound('Visit');
      const plan = await em.findOneBy(VisitPlanEntity, { id: v.planId });
      if (plan?.state !== 'APPROVED')
        throw conflict('The plan is not approved yet', { reason: 'V1_NOT_APPROVED' });
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
  async report(
    p: Principal,
    visitId: number,
    input: ReportInput,
  ): Promise<{ visit: VisitEntity; tasks: VisitTaskEntity[] }> {
    const { visit } = await this.ownVisit(p, visitId);
    if (!visit.checkedInAt)
      throw conflict('Check in before reporting', { reason: 'V3_NOT_CHECKED_IN' });
    const promises = input.promises.map((pr) => ({
      text: pr.text.trim(),
      dueAt: pr.dueAt.getTime(),
      ownerId: pr.ownerId ?? p.userId,
    }));
    const bad = checkPromises(promises, visit.checkedInAt.getTime());
    if (bad) throw rejected(bad, 'promises');
    const others = [...new Set(promises.map((x) => x.ownerId).filter((id) => id !== p.userId))];
    if (others.length) {
      const people = new Set((await this.accounts.sitePeople(p, visit.siteId)).map((u) => u.id));
      if (others.some((id) => !people.has(id)))
        throw badInput('promises', 'A promised item’s owner works at another site');
    }
    const now = this.clock.now().getTime();
    const [customerName] = await this.customers.namesByIds([visit.customerId]);
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
            promises.map((pr) =>
              em.create(VisitTaskEntity, {
                visitId,
                siteId: v.siteId,
                ownerId: pr.ownerId,
                text: pr.text,
                dueAt: new Date(pr.dueAt),
                state: 'OPEN',
                doneAt: null,
              }),
            ),
          )
        : [];
      const rows = await this.notifications.stage(
        em,
        tasks
          .filter((t) => t.ownerId !== p.userId)
          .map((t) => ({
            userId: t.ownerId,
            kind: 'VISIT_TASK_ASSIGNED' as const,
            params: {
              visitTaskId: t.id,
              visitId,
              text: t.text,
              dueAt: t.dueAt.toISOString(),
              customerId: v.customerId,
              customerName,
            },
          })),
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
    if (visit.consultantId !== p.userId)
      throw forbidden('Only the consultant who planned the visit reports it');
    return { visit, site };
  }

  async visitTasks(visitIds: readonly number[]): Promise<VisitTaskEntity[][]> {
    const rows = await this.ds
      .getRepository(VisitTaskEntity)
      .find({ where: { visitId: In([...visitIds]) }, order: { dueAt: 'ASC', id: 'ASC' } });
    return visitIds.map((id) => rows.filter((r) => r.visitId === id));
  }

  /** The promised items the user owns that are still open. */
  async myVisitTasks(p: Principal): Promise<VisitTaskEntity[]> {
    return this.ds.getRepository(VisitTaskEntity).find({
      where: { ownerId: p.userId, state: 'OPEN' },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 200,
    });
  }

  async setVisitTaskDone(p: Principal, id: number, done: boolean): Promise<VisitTaskEntity> {
    const t = await this.ds.getRepository(VisitTaskEntity).findOneBy({ id });
    if (!t) throw notFound('Task');
    await this.accounts.requireSite(p, t.siteId);
    if (t.ownerId !== p.userId && !hasRole(p, ...SUPERVISOR))
      throw forbidden('Only the owner marks a task done');
    t.state = done ? 'DONE' : 'OPEN';
    t.doneAt = done ? this.clock.now() : null;
    await this.tx.run((em) =>
      em.update(VisitTaskEntity, { id }, { state: t.state, doneAt: t.doneAt }),
    );
    return t;
  }
}
