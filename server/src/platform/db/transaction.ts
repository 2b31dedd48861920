import pRetry, { AbortError } from 'p-retry';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';

export interface TransactionOptions {
  /** MySQL only (SQLite runs one transaction at a time anyway). */
  isolation?: IsolationLevel;
}

/** MySQL/MariaDB errors after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

function isRetryable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return RETRYABLE.has(e?.code ?? '') || RETRYABLE.has(e?.driverError?.code ?? '');
}

/**
 * Runs `work` in one database transaction: the unit of every mutation. On SQLite all
 * transactions share one connection, so they are queued in-process; on MySQL a deadlock
 * or lock timeout re-runs the whole unit (it must therefore have no outside side effects
 * before commit — publish events after this returns).
 */
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(private readonly ds: DataSource) {
    this.serial = ds.options.type === 'better-sqlite3';
  }

  run<T>(work: (em: EntityManager) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
    if (!this.serial) return this.withRetry(work, opts.isolation);
    const next = this.tail.then(
      () => this.withRetry(work),
      () => this.withRetry(work),
    );
    this.tail = next.catch(() => undefined);
    return next;
  }

  private withRetry<T>(work: (em: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    return pRetry(
      async () => {
        try {
          return await (isolation ? this.ds.transaction(isolation, work) : this.ds.transaction(work));
        } catch (err) {
          if (isRetryable(err)) throw err;
          throw new AbortError(err as Error);
        }
      },
      // p-retry rejects with AbortError's original error, so callers see the real one.
      { retries: 5, minTimeout: 5, maxTimeout: 100, randomize: true },
    );
  }
}
