import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import type { Clock } from '../clock.js';
import { isDuplicateKey } from '../errors.js';

/** A named lease: the instance that holds it runs a background job alone until it expires. */
@Entity('leases')
export class LeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 64 }) holder: string;
  @Column({ type: 'datetime', precision: 3 }) expiresAt: Date;
}

export const leaseEntities = [LeaseEntity];

/**
 * Leases held by this instance. A lease that expires (its holder stopped mid-job) is taken
 * over by the next instance that asks, so a job is never left undone for longer than its ttl.
 */
export class Leases {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    readonly holder: string = randomUUID(),
  ) {}

  /** Takes or renews the lease for ttlMs; false when another instance holds it. */
  async acquire(name: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    try {
      await this.ds.getRepository(LeaseEntity).insert({ name, holder: this.holder, expiresAt });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const r = await this.ds
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ holder: this.holder, expiresAt })
      .where('name = :name AND (expiresAt <= :now OR holder = :holder)', { name, now, holder: this.holder })
      .execute();
    return (r.affected ?? 0) > 0;
  }

  /** Gives the lease up at once (the next instance need not wait for it to expire). */
  async release(name: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(LeaseEntity)
      .set({ expiresAt: this.clock.now() })
      .where('name = :name AND holder = :holder', { name, holder: this.holder })
      .execute();
  }
}
