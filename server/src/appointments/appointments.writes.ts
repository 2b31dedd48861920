import type { EntityManager } from 'typeorm';
import type { Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { NotificationEntity } from '../notifications/notifications.entity.js';
import type { NotificationKind } from '../notifications/notifications.kinds.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { AppError, conflict, ErrorCode } from '../platform/errors.js';
import type { EventBus } from '../platform/pubsub.js';
import { AppointmentEventEntity, TaskEntity, type AppointmentEntity } from './appointments.entity.js';
import { preparedWhenDone, transition, type AppointmentState } from './domain/lifecycle.js';

export const SITE_CHANGED = 'APPOINTMENTS:SITE_CHANGED';

export interface SiteChange {
  siteId: number;
  appointmentId: number;
  state: string;
}

/** What a mutation leaves to do after commit: tell users and the site's screens. */
export interface Outbox {
  notifications: NotificationEntity[];
  siteChanges: SiteChange[];
}

/**
 * What every appointment mutation shares: one transaction with its outbox, the life-cycle move
 * (P3), the event log, and the step to prepared when the last task is done.
 */
export class AppointmentWrites {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly notifications: NotificationsService,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  async mutate<T>(work: (em: EntityManager, out: Outbox) => Promise<T>): Promise<T> {
    let out: Outbox = { notifications: [], siteChanges: [] };
    // READ COMMITTED: after a row lock is granted, every read sees what the previous holder
    // committed, and range reads take no gap locks (under REPEATABLE READ concurrent approvals
    // of different rooms deadlocked on the bookings index).
    const result = await this.tx.run(
      async (em) => {
        out = { notifications: [], siteChanges: [] };
        const r = await work(em, out);
        if (out.notifications.length) await em.save(out.notifications);
        return r;
      },
      { isolation: 'READ COMMITTED' },
    );
    // After commit: a retried transaction publishes once.
    this.notifications.publish(out.notifications);
    const seen = new Set<string>();
    for (const c of out.siteChanges) {
      const key = `${c.siteId}:${c.appointmentId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.bus.pubSub.publish(SITE_CHANGED, c.siteId, c);
    }
    return result;
  }

  notify(em: EntityManager, out: Outbox, userId: number, kind: NotificationKind, a: AppointmentEntity, params: Record<string, unknown>) {
    out.notifications.push(
      this.notifications.build(em, {
        userId,
        kind,
        appointmentId: a.id,
        params: { purpose: a.purpose, visitorCompany: a.visitorCompany, startAt: a.startAt.toISOString(), ...params },
      }),
    );
  }

  /** P3: every move goes through the life-cycle table. */
  move(a: AppointmentEntity, to: AppointmentState): AppointmentState {
    const from = a.state as AppointmentState;
    const t = transition(from, to);
    if (!t.ok) throw new AppError(ErrorCode.CONFLICT, t.message, { reason: 'P3_INVALID_TRANSITION', ...t.params });
    if (to === 'prepared' && !a.approvedOnce) throw conflict('Not approved yet (P1)', { reason: 'P1_NOT_APPROVED' });
    a.state = to;
    return from;
  }

  async save(em: EntityManager, a: AppointmentEntity, p: Principal | null, kind: string, from: AppointmentState, params: Record<string, unknown>) {
    a.updatedAt = this.clock.now();
    await em.save(a);
    await this.record(em, a, p, kind, from, a.state, params);
  }

  async record(em: EntityManager, a: AppointmentEntity, p: Principal | null, kind: string, from: string | null, to: string | null, params: Record<string, unknown>) {
    await em.insert(AppointmentEventEntity, { appointmentId: a.id, at: this.clock.now(), byId: p?.userId ?? null, kind, fromState: from, toState: to, params: JSON.stringify(params) });
  }

  async prepareIfDone(em: EntityManager, a: AppointmentEntity, p: Principal, out: Outbox) {
    const open = await em.countBy(TaskEntity, { appointmentId: a.id, state: 'OPEN' });
    const next = preparedWhenDone(a.state as AppointmentState, a.approvedOnce, open);
    if (!next) return;
    const from = this.move(a, next);
    await this.save(em, a, p, 'PREPARED', from, {});
    out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
  }
}
