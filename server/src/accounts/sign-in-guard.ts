import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../platform/config.js';
import { tooManyRequests } from '../platform/errors.js';

/**
 * Sign-in protection, decided BEFORE a password is hashed:
 * - failures per client address per minute (LOGIN_ADDRESS_LIMIT);
 * - failures in a row per account: past LOGIN_ACCOUNT_FAILURES the account is locked for
 *   LOGIN_LOCK_MINUTES, or until an administrator lifts it (`unlock`);
 * - the hashing itself: at most LOGIN_HASH_CONCURRENCY scrypt calls at once, one at a time
 *   per client address (the others of that address wait their turn and are checked again
 *   when it comes), and a short global queue beyond which attempts are refused.
 * So a flood from one address costs at most one hash at a time, its attempts past the limit
 * cost none, and a legitimate sign-in from elsewhere is never behind a hundred hashes.
 * Counters live in memory, or in Redis when REDIS_URL is set (shared by every instance of the
 * database; `namespace` keeps another database's counters on the same Redis apart).
 */
export class SignInGuard {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly addressQueues = new Map<string, Promise<unknown>>();
  static readonly MAX_QUEUE = 64;

  constructor(
    private readonly config: Config['signIn'],
    redis?: Redis,
    namespace = 'reception',
  ) {
    const address = { keyPrefix: `${namespace}:signin:address`, points: config.addressLimit, duration: 60 };
    const account = { keyPrefix: `${namespace}:signin:account`, points: config.accountFailures, duration: config.lockMinutes * 60 };
    this.byAddress = redis ? new RateLimiterRedis({ storeClient: redis, ...address }) : new RateLimiterMemory(address);
    this.byAccount = redis ? new RateLimiterRedis({ storeClient: redis, ...account }) : new RateLimiterMemory(account);
  }

  static accountKey(username: string): string {
    return username.trim().toLowerCase();
  }

  /** Until when the account is locked, or null. */
  async lockedUntil(username: string, now = Date.now()): Promise<Date | null> {
    const r = await this.byAccount.get(SignInGuard.accountKey(username));
    if (!r || r.consumedPoints < this.config.accountFailures) return null;
    return new Date(now + r.msBeforeNext);
  }

  async unlock(username: string): Promise<void> {
    await this.byAccount.delete(SignInGuard.accountKey(username));
  }

  /**
   * Runs `verify` (the hashing) if the limits allow, and counts its outcome. Throws
   * TOO_MANY_REQUESTS without hashing when a limit is reached.
   */
  async attempt<T extends { ok: boolean }>(username: string, address: string, verify: () => Promise<T>): Promise<T> {
    const account = SignInGuard.accountKey(username);
    await this.check(account, address);
    if (this.running + this.waiting.length >= SignInGuard.MAX_QUEUE) {
      throw tooManyRequests('Too many sign-ins at once; try again in a moment', { reason: 'SIGN_IN_BUSY', retryAfterSeconds: 1 });
    }
    // One hash at a time per address: chain on that address's previous attempt.
    const previous = this.addressQueues.get(address) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(async () => {
      // Checked again: the attempts before this one may have reached a limit meanwhile.
      await this.check(account, address);
      await this.slot();
      try {
        return await verify();
      } finally {
        this.release();
      }
    });
    this.addressQueues.set(address, mine);
    void mine.finally(() => {
      if (this.addressQueues.get(address) === mine) this.addressQueues.delete(address);
    }).catch(() => undefined);
    const result = await mine;
    if (result.ok) await this.byAccount.delete(account);
    else {
      await Promise.all([this.byAccount.penalty(account, 1), this.byAddress.penalty(address, 1)]);
    }
    return result;
  }

  private async check(account: string, address: string) {
    const [acc, addr] = await Promise.all([this.byAccount.get(account), this.byAddress.get(address)]);
    if (acc && acc.consumedPoints >= this.config.accountFailures) {
      throw tooManyRequests('This account is locked after repeated wrong passwords', {
        reason: 'ACCOUNT_LOCKED',
        retryAfterSeconds: Math.ceil(acc.msBeforeNext / 1000),
      });
    }
    if (addr && addr.consumedPoints >= this.config.addressLimit) {
      throw tooManyRequests('Too many failed sign-ins from this address', {
        reason: 'ADDRESS_LIMITED',
        retryAfterSeconds: Math.ceil(addr.msBeforeNext / 1000),
      });
    }
  }

  private slot(): Promise<void> {
    if (this.running < this.config.hashConcurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
