import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { Role } from '../accounts/domain/roles.js';
import type { Principal } from '../accounts/domain/roles.js';
import { UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { EventBus } from '../platform/pubsub.js';
import { NotificationEntity } from './notifications.entity.js';
import type { NotificationKind } from './notifications.kinds.js';

const NOTIFIED = 'NOTIFICATIONS:NOTIFIED';

export interface NotificationInput {
  userId: number;
  kind: NotificationKind;
  appointmentId?: number | null;
  params: Record<string, unknown>;
}

/**
 * Notifications for every feature. Inside a mutation's transaction call `stage` (rows are
 * written with the change, so a rolled-back change tells nobody) and `publish` the rows it
 * returns after commit; outside one, `send` does both.
 */
export class NotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /** Writes the rows in `em`'s transaction; publish the result after commit. */
  async stage(em: EntityManager, items: NotificationInput[]): Promise<NotificationEntity[]> {
    if (!items.length) return [];
    const rows = items.map((i) => this.build(em, i));
    await em.save(NotificationEntity, rows);
    return rows;
  }

  /** An unsaved row, for callers that collect rows in an outbox and save them together. */
  build(em: EntityManager, i: NotificationInput): NotificationEntity {
    return em.create(NotificationEntity, {
      userId: i.userId,
      kind: i.kind,
      appointmentId: i.appointmentId ?? null,
      params: JSON.stringify(i.params),
      createdAt: this.clock.now(),
      readAt: null,
    });
  }

  publish(rows: NotificationEntity[]): void {
    for (const n of rows) this.bus.pubSub.publish(NOTIFIED, n.userId, n);
  }

  /** Stores and publishes in a transaction of its own. */
  async send(items: NotificationInput[]): Promise<NotificationEntity[]> {
    const rows = await this.tx.run((em) => this.stage(em, items));
    this.publish(rows);
    return rows;
  }

  /** Enabled managers who work at the site (company-wide managers included, as they are linked to every site). */
  async managersOf(em: EntityManager, siteId: number): Promise<number[]> {
    const links = await em.findBy(UserSiteEntity, { siteId });
    if (!links.length) return [];
    const users = await em.findBy(UserEntity, { id: In(links.map((l) => l.userId)), disabled: false });
    return users.filter((u) => u.roles.includes(Role.MANAGER)).map((u) => u.id);
  }

  async list(p: Principal, limit: number) {
    const repo = this.ds.getRepository(NotificationEntity);
    const [rows, unread] = await Promise.all([
      repo.find({ where: { userId: p.userId }, order: { id: 'DESC' }, take: limit }),
      repo.countBy({ userId: p.userId, readAt: IsNull() }),
    ]);
    return { rows, unread };
  }

  async markRead(p: Principal, ids: number[] | null): Promise<number> {
    return this.tx.run(async (em) => {
      const qb = em.createQueryBuilder().update(NotificationEntity).set({ readAt: this.clock.now() }).where('userId = :u AND readAt IS NULL', { u: p.userId });
      if (ids) qb.andWhere('id IN (:...ids)', { ids: ids.length ? ids : [0] });
      const r = await qb.execute();
      return r.affected ?? 0;
    });
  }

  of(userId: number): AsyncIterable<NotificationEntity> {
    return this.bus.pubSub.subscribe(NOTIFIED, userId) as AsyncIterable<NotificationEntity>;
  }
}
