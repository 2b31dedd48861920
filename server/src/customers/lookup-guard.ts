import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { SiteEntity, UserEntity } from '../accounts/accounts.entity.js';
import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { tooManyRequests } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { NotificationsService } from '../notifications/notifications.service.js';

/** Every path where a typed phone number is matched against the register. */
export type LookupKind = 'DESK_LOOKUP' | 'REGISTER_CHECK' | 'REGISTER' | 'REGISTER_SEARCH' | 'WALK_IN' | 'CORRECTION';

/** The digits a lookup matches on: the same number typed again is not a new guess. */
const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/**
 * O9: phone numbers are not an oracle. Every exact-match lookup by phone goes through
 * `guard` first: it is logged (who, which site, which path, which number), counted per user
 * per minute (a few for consultants, more for the desk, managers and administrators), and a
 * burst past the limit is refused and reported once per window to the site's managers.
 */
export class LookupGuard {
  private readonly limiters: Record<'consultant' | 'desk', RateLimiterAbstract>;
  private readonly reported: RateLimiterAbstract;
  private readonly seen: RateLimiterAbstract;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly notifications: NotificationsService,
    private readonly limits: Config['lookups'],
    redis?: Redis,
    /** Keeps the counters of another database on the same Redis apart (see redisNamespace). */
    namespace = 'reception',
  ) {
    const make = (name: string, points: number, duration: number) => {
      const keyPrefix = `${namespace}:${name}`;
      return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }) : new RateLimiterMemory({ keyPrefix, points, duration });
    };
    this.limiters = { consultant: make('lookup:consultant', limits.consultant, 60), desk: make('lookup:desk', limits.desk, 60) };
    // One report per user per ten minutes, however long the burst.
    this.reported = make('lookup:reported', 1, 600);
    // A number this user already looked up in the last minute costs nothing more (the register
    // form checks as the name is typed; a lookup is followed by a registration).
    this.seen = make('lookup:seen', 1, 60);
  }

  /** The desk role and those who see every number anyway get the larger allowance. */
  private tier(p: Principal): 'consultant' | 'desk' {
    return hasRole(p, Role.RECEPTION, Role.MANAGER, Role.ADMIN) ? 'desk' : 'consultant';
  }

  /** Throws TOO_MANY_REQUESTS (nothing looked up) when this user is over the limit. */
  async guard(p: Principal, siteId: number, kind: LookupKind, phone: string): Promise<void> {
    const tier = this.tier(p);
    const limit = this.limits[tier];
    let refused = false;
    let retryAfterSeconds = 0;
    const seen = await this.seen.get(`${p.userId}:${digitsOf(phone)}`);
    if (!seen || seen.consumedPoints < 1) {
      try {
        await this.limiters[tier].consume(String(p.userId));
        await this.seen.penalty(`${p.userId}:${digitsOf(phone)}`, 1);
      } catch (res) {
        if (res instanceof Error) throw res;
        refused = true;
        retryAfterSeconds = Math.ceil(((res as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000);
      }
    }
    this.logger.info({ lookup: { userId: p.userId, siteId, kind, phone, refused } }, 'phone lookup');
    if (!refused) return;
    await this.report(p, siteId, kind, limit).catch((err) => this.logger.warn({ err }, 'lookup burst report failed'));
    throw tooManyRequests('Too many phone lookups; try again in a minute', { reason: 'LOOKUP_LIMITED', retryAfterSeconds });
  }

  private async report(p: Principal, siteId: number, kind: LookupKind, limit: number) {
    try {
      await this.reported.consume(String(p.userId));
    } catch {
      return; // already reported in this window
    }
    const [user, site, managers] = await Promise.all([
      this.ds.getRepository(UserEntity).findOneBy({ id: p.userId }),
      this.ds.getRepository(SiteEntity).findOneBy({ id: siteId }),
      this.notifications.managersOf(this.ds.manager, siteId),
    ]);
    const recipients = managers.filter((id) => id !== p.userId);
    this.logger.warn({ lookupBurst: { userId: p.userId, siteId, kind, limit } }, 'phone lookup burst refused');
    if (!recipients.length) return;
    const params = {
      userId: p.userId,
      userName: user?.displayName ?? '',
      siteName: site?.name ?? '',
      limit,
      at: this.clock.now().toISOString(),
    };
    await this.notifications.send(recipients.map((userId) => ({ userId, kind: 'LOOKUP_BURST' as const, params })));
  }
}
