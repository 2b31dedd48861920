import { Cron } from 'croner';
import { In, IsNull, LessThanOrEqual, Not, type DataSource } from 'typeorm';
import { SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import { Role, type Principal } from '../accounts/domain/roles.js';
import { AppointmentEntity, SpecialRequestEntity, TaskEntity } from '../appointments/appointments.entity.js';
import { CustomerEntity, FollowUpEntity, OwnershipDecisionEntity, RegistrationEntity } from '../customers/customers.entity.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { NotificationEntity } from '../notifications/notifications.entity.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { isDuplicateKey } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { monthOf, nextMonth } from './domain/calendar.js';
import { DAY, LEAD, remindersDue, type Reminder, type ReminderFacts } from './domain/reminders.js';
import { DEFAULT_VISIT_SETTINGS } from './domain/settings.js';
import { ReminderFiredEntity, VisitEntity, VisitPlanEntity, VisitSettingsEntity, VisitTaskEntity } from './visits.entity.js';

const LIVE_APPOINTMENT = Not(In(['cancelled', 'rejected', 'completed']));

/**
 * Raises reminders without anyone looking: every tick reads the open items (P5 escalations,
 * V3 reports, O3 ownership, V1 plans, P1 tasks, V3 promised items), works out which
 * reminders are due (domain/reminders.ts) and fires each once. Firing stores the reminder's
 * key (primary key) in the same transaction as its notifications, so when two instances tick
 * at once one insert wins and the other is refused and stays silent.
 */
export class ReminderScheduler {
  private job: Cron | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly logger: Logger,
  ) {}

  /** Starts ticking on the cron pattern (croner; overlapping ticks are skipped). */
  start(pattern: string): void {
    if (this.job) return;
    this.job = new Cron(pattern, { protect: true, catch: (err) => this.logger.warn({ err }, 'reminder tick failed') }, async () => {
      await this.tick();
    });
  }

  /** When the cron job ticks next, or null when it is not scheduled (turned off or stopped). */
  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** Stops the cron job and waits for a tick in flight. */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass at the clock's time; resolves with how many reminders this instance fired. */
  tick(): Promise<number> {
    const run = (this.running ??= this.pass().finally(() => {
      this.running = null;
    }));
    return run;
  }

  private async pass(): Promise<number> {
    const facts = await this.facts();
    const due = remindersDue(facts);
    if (!due.length) return 0;
    const fired = new Set<string>();
    for (let i = 0; i < due.length; i += 500) {
      const rows = await this.ds.getRepository(ReminderFiredEntity).find({ where: { key: In(due.slice(i, i + 500).map((r) => r.key)) }, select: { key: true } });
      for (const r of rows) fired.add(r.key);
    }
    let count = 0;
    const managers = new Map<number, number[]>();
    for (const r of due) {
      if (fired.has(r.key)) continue;
      if (await this.fire(r, managers)) count++;
    }
    return count;
  }

  /** Stores the key and the notifications together; a key another instance stored first is skipped. */
  private async fire(r: Reminder, managers: Map<number, number[]>): Promise<boolean> {
    let rows: NotificationEntity[];
    try {
      rows = await this.tx.run(async (em) => {
        await em.insert(ReminderFiredEntity, { key: r.key, kind: r.kind, firedAt: this.clock.now() });
        let toManagers: number[] = [];
        if (r.toManagers) {
          if (!managers.has(r.siteId)) managers.set(r.siteId, await this.notifications.managersOf(em, r.siteId));
          toManagers = managers.get(r.siteId)!;
        }
        const users = [...new Set([r.ownerId, ...toManagers])];
        return this.notifications.stage(
          em,
          users.map((userId) => ({ userId, kind: r.kind, appointmentId: r.appointmentId ?? null, params: { ...r.params, ownerId: r.ownerId, forManager: userId !== r.ownerId } })),
        );
      });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    this.notifications.publish(rows);
    return true;
  }

  private async facts(): Promise<ReminderFacts> {
    const now = this.clock.now().getTime();
    const ds = this.ds;
    const [sites, settingsRows, links, consultants] = await Promise.all([
      ds.getRepository(SiteEntity).find(),
      ds.getRepository(VisitSettingsEntity).find(),
      ds.getRepository(UserSiteEntity).find(),
      ds.getRepository(UserEntity).findBy({ disabled: false }),
    ]);
    const consultantIds = new Set(consultants.filter((u) => u.roles.includes(Role.CONSULTANT)).map((u) => u.id));
    const planDays = new Map(settingsRows.map((r) => [r.siteId, (JSON.parse(r.settings) as { planReminderDays?: number }).planReminderDays]));
    const months = new Set<string>();
    for (const s of sites) {
      const m = monthOf(now, s.timezone);
      months.add(m);
      months.add(nextMonth(m));
    }
    const siteOf = async (appointmentIds: number[]) => {
      if (!appointmentIds.length) return new Map<number, number>();
      const rows = await ds.getRepository(AppointmentEntity).find({ where: { id: In(appointmentIds), state: LIVE_APPOINTMENT }, select: { id: true, siteId: true } });
      return new Map(rows.map((a) => [a.id, a.siteId]));
    };
    const [plans, requests, unreported, tasks, visitTasks] = await Promise.all([
      ds.getRepository(VisitPlanEntity).find({ where: { month: In([...months]), state: In(['SUBMITTED', 'APPROVED']) }, select: { siteId: true, consultantId: true, month: true } }),
      ds.getRepository(SpecialRequestEntity).find({ where: { repliedAt: IsNull(), promisedBy: LessThanOrEqual(new Date(now)) } }),
      ds.getRepository(VisitEntity).find({ where: { checkedInAt: Not(IsNull()), reportedAt: IsNull(), reportDueAt: LessThanOrEqual(new Date(now + LEAD.report)) } }),
      ds.getRepository(TaskEntity).find({ where: { state: 'OPEN', dueAt: LessThanOrEqual(new Date(now + LEAD.task)) } }),
      ds.getRepository(VisitTaskEntity).find({ where: { state: 'OPEN', dueAt: LessThanOrEqual(new Date(now + LEAD.task)) } }),
    ]);
    const apptSite = await siteOf([...new Set([...requests.map((r) => r.appointmentId), ...tasks.map((t) => t.appointmentId)])]);
    return {
      now,
      sites: sites.map((s) => ({
        siteId: s.id,
        timezone: s.timezone,
        planReminderDays: planDays.get(s.id) ?? DEFAULT_VISIT_SETTINGS.planReminderDays,
        consultants: links.filter((l) => l.siteId === s.id && consultantIds.has(l.userId)).map((l) => l.userId),
      })),
      submittedPlans: plans,
      specialRequests: requests
        .filter((r) => apptSite.has(r.appointmentId))
        .map((r) => ({ id: r.id, siteId: apptSite.get(r.appointmentId)!, appointmentId: r.appointmentId, escalatedToId: r.escalatedToId, promisedBy: r.promisedBy.getTime() })),
      unreported: unreported.map((v) => ({ id: v.id, siteId: v.siteId, consultantId: v.consultantId, customerId: v.customerId, reportDueAt: v.reportDueAt!.getTime() })),
      ownerships: (await Promise.all(sites.map((s) => this.lapsing(s, now)))).flat(),
      tasks: tasks
        .filter((t) => apptSite.has(t.appointmentId))
        .map((t) => ({ id: t.id, siteId: apptSite.get(t.appointmentId)!, appointmentId: t.appointmentId, ownerId: t.ownerId, dueAt: t.dueAt.getTime(), label: t.label })),
      visitTasks: visitTasks.map((t) => ({ id: t.id, siteId: t.siteId, visitId: t.visitId, ownerId: t.ownerId, dueAt: t.dueAt.getTime(), text: t.text })),
    };
  }

  /**
   * O3: owned customers of a site whose ownership lapses within the reminder lead. Only
   * customers whose last activity is about `followUpDays` old can be near lapsing, so only
   * they are computed.
   */
  private async lapsing(site: SiteEntity, now: number): Promise<ReminderFacts['ownerships']> {
    const system: Principal = { userId: 0, companyId: site.companyId, roles: [Role.ADMIN], siteIds: [site.id], sessionId: 'reminders', expiresAt: new Date(now + DAY) };
    const { followUpDays } = await this.customers.settings(system, site.id);
    // Ownership lapses at the start of the site day `followUpDays + 1` after the last activity;
    // a day of slack either side, the domain decides the exact time.
    const from = new Date(now - (followUpDays + 2) * DAY);
    const to = new Date(now - followUpDays * DAY + LEAD.ownership);
    const between = (alias: string) => `${alias}.at >= :from AND ${alias}.at <= :to`;
    const [regs, fus, decs] = await Promise.all([
      this.ds.getRepository(RegistrationEntity).createQueryBuilder('r').select('r.customerId', 'customerId').where('r.siteId = :site', { site: site.id }).andWhere(between('r'), { from, to }).getRawMany<{ customerId: number }>(),
      this.ds.getRepository(FollowUpEntity).createQueryBuilder('f').innerJoin(CustomerEntity, 'c', 'c.id = f.customerId').select('f.customerId', 'customerId').where('c.siteId = :site', { site: site.id }).andWhere(between('f'), { from, to }).getRawMany<{ customerId: number }>(),
      this.ds.getRepository(OwnershipDecisionEntity).createQueryBuilder('d').innerJoin(CustomerEntity, 'c', 'c.id = d.customerId').select('d.customerId', 'customerId').where('c.siteId = :site', { site: site.id }).andWhere(between('d'), { from, to }).getRawMany<{ customerId: number }>(),
    ]);
    const ids = [...new Set([...regs, ...fus, ...decs].map((r) => Number(r.customerId)))];
    if (!ids.length) return [];
    const rows = await this.customers.rows(system, site.id, ids, site.timezone);
    return rows
      .filter((r) => r.ownership.ownerId !== null && r.ownership.lapsesAt !== null)
      .map((r) => ({ customerId: r.customer.id, siteId: site.id, ownerId: r.ownership.ownerId!, lapsesAt: r.ownership.lapsesAt! }));
  }
}
