// Keeps the figures' closed days folded ahead of time, so the first figures query of a month
// or a year reads kept days instead of folding the floor log on the request path.
import { Cron } from 'croner';
import type { DataSource } from 'typeorm';
import { SiteEntity } from '../accounts/accounts.entity.js';
import type { Leases } from '../platform/db/lease.js';
import type { Logger } from '../platform/logger.js';
import type { FiguresService } from './figures.service.js';

const LEASE = 'figure-days';
/** Longer than one chunk of folding takes on a loaded machine; renewed between chunks. */
const LEASE_MS = 5 * 60_000;

/**
 * On start (catch-up of every closed day not kept yet) and then on its cron, folds each site's
 * closed days once they have settled. One instance at a time does it (a database lease); the
 * others skip the tick. A request still folds whatever is not kept yet (today, or a day the
 * keeper has not reached), so the figures never depend on it, only their speed.
 */
export class FigureDaysKeeper {
  private job: Cron | null = null;
  private running: Promise<number | null> | null = null;
  private stopping = false;

  constructor(
    private readonly ds: DataSource,
    private readonly figures: FiguresService,
    private readonly leases: Leases,
    private readonly logger: Logger,
  ) {}

  /** Catches up in the background now, then ticks on the cron pattern (croner; overlapping ticks skipped). */
  start(pattern: string): void {
    if (this.job) return;
    const run = async () => {
      const n = await this.tick();
      if (n) this.logger.info({ days: n }, 'figures: closed days kept');
    };
    this.job = new Cron(pattern, { protect: true, catch: (err) => this.logger.warn({ err }, 'figures keeper tick failed') }, run);
    run().catch((err: unknown) => this.logger.warn({ err }, 'figures catch-up failed'));
  }

  /** Stops the cron job and waits for a pass in flight (it stops between chunks). */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = null;
    this.stopping = true;
    await this.running?.catch(() => undefined);
    this.stopping = false;
  }

  /** One pass: resolves with the days this instance kept, or null when another instance holds the lease. */
  tick(): Promise<number | null> {
    return (this.running ??= this.pass().finally(() => {
      this.running = null;
    }));
  }

  private async pass(): Promise<number | null> {
    if (!(await this.leases.acquire(LEASE, LEASE_MS))) return null;
    try {
      let n = 0;
      const renew = async () => !this.stopping && (await this.leases.acquire(LEASE, LEASE_MS));
      for (const site of await this.ds.getRepository(SiteEntity).find({ select: { id: true, timezone: true } })) {
        if (this.stopping) break;
        n += await this.figures.keepClosedDays(site.id, site.timezone, renew);
      }
      return n;
    } finally {
      await this.leases.release(LEASE);
    }
  }
}
