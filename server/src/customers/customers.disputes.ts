import { IsNull, type DataSource } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import { forbidden } from '../platform/errors.js';
import type { EventBus } from '../platform/pubsub.js';
import { ConflictEntity } from './customers.entity.js';

export const DISPUTES_CHANGED = 'CUSTOMERS:DISPUTES_CHANGED';

/** A site's open conflicts (the floor board's disputes alert). */
export interface DisputeCount {
  siteId: number;
  open: number;
  /**
   * Conflicts created plus conflicts settled: it only grows, so a count read before another
   * change but published after it (another instance, a slower query) is recognised and dropped.
   */
  version: number;
}

/** The manager's open conflicts (O5, O6, O7) and their live count on the floor board. */
export class Disputes {
  constructor(
    private readonly ds: DataSource,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
  ) {}

  async conflicts(p: Principal, siteId: number) {
    await this.accounts.requireSite(p, siteId);
    return this.ds.getRepository(ConflictEntity).find({ where: { siteId, resolvedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async disputes(p: Principal, siteId: number): Promise<DisputeCount> {
    await this.requireDisputesViewer(p, siteId);
    return this.countDisputes(siteId);
  }

  /** The site's open conflicts now, then on every change (newer counts only). */
  async *watchDisputes(p: Principal, siteId: number): AsyncGenerator<DisputeCount> {
    await this.requireDisputesViewer(p, siteId);
    // Listening before reading, so a change committed in between is not lost; the pubsub's
    // iterator starts listening at its first next().
    const live = this.bus.pubSub.subscribe(DISPUTES_CHANGED, siteId)[Symbol.asyncIterator]();
    let pending = live.next();
    try {
      const current = await this.countDisputes(siteId);
      let version = current.version;
      yield current;
      for (;;) {
        const next = await pending;
        if (next.done) return;
        pending = live.next();
        const change = next.value as DisputeCount;
        if (change.version <= version) continue;
        version = change.version;
        yield change;
      }
    } finally {
      await live.return?.();
    }
  }

  private async requireDisputesViewer(p: Principal, siteId: number) {
    // Checked here as well: a subscription is refused when it starts, not on its first event.
    if (!hasRole(p, Role.MANAGER, Role.ADMIN)) throw forbidden('Only the sales manager sees ownership disputes');
    await this.accounts.requireSite(p, siteId);
  }

  private async countDisputes(siteId: number): Promise<DisputeCount> {
    const raw = await this.ds
      .getRepository(ConflictEntity)
      .createQueryBuilder('c')
      .select('COUNT(*)', 'total')
      .addSelect('COUNT(c.resolvedAt)', 'resolved')
      .where('c.siteId = :siteId', { siteId })
      .getRawOne<{ total: number | string; resolved: number | string }>();
    const total = Number(raw?.total ?? 0);
    const resolved = Number(raw?.resolved ?? 0);
    return { siteId, open: total - resolved, version: total + resolved };
  }

  /** After commit (a retried transaction must not publish twice). */
  /** After commit of a change that opened or settled a conflict (also the desk's same-step registration). */
  async publishDisputes(siteId: number): Promise<void> {
    try {
      this.bus.pubSub.publish(DISPUTES_CHANGED, siteId, await this.countDisputes(siteId));
    } catch {
      // The change is committed; a failed count only delays the board until the next change.
    }
  }
}
