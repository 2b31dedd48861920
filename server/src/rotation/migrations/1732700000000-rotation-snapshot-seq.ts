import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { intColumn } from '../../platform/db/columns.js';
import { replay, restoreState, type RotationEvent } from '../domain/index.js';

/** The head's snapshot is written every few events: `snapshotSeq` says which event it is the fold of. */
export class RotationSnapshotSeq1732700000000 implements MigrationInterface {
  name = 'RotationSnapshotSeq1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('rotation_heads', new TableColumn({ ...intColumn('snapshotSeq'), default: 0 }));
    // Every snapshot so far was written with its head: it is the fold at lastSeq.
    // Plain SQL: the entity no longer has these columns (they moved to rotation_snapshots).
    const e = (name: string) => q.connection.driver.escape(name);
    await q.query(`UPDATE ${e('rotation_heads')} SET ${e('snapshotSeq')} = ${e('lastSeq')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The old code reads the snapshot as the fold at lastSeq: bring each one up to date first.
    const heads = (await q.manager.createQueryBuilder().select(['siteId', 'lastSeq', 'snapshotSeq', 'snapshot']).from('rotation_heads', 'h').getRawMany()) as Array<{
      siteId: number;
      lastSeq: number;
      snapshotSeq: number;
      snapshot: string;
    }>;
    for (const h of heads) {
      if (Number(h.snapshotSeq) === Number(h.lastSeq)) continue;
      const rows = (await q.manager
        .createQueryBuilder()
        .select('payload')
        .from('rotation_events', 'e')
        .where('e.siteId = :siteId AND e.seq > :after', { siteId: h.siteId, after: h.snapshotSeq })
        .orderBy('e.seq', 'ASC')
        .getRawMany()) as Array<{ payload: string }>;
      const state = replay(
        rows.map((r) => JSON.parse(r.payload) as RotationEvent),
        restoreState(h.snapshot),
      );
      const e = (name: string) => q.connection.driver.escape(name);
      await q.query(`UPDATE ${e('rotation_heads')} SET ${e('snapshot')} = ? WHERE ${e('siteId')} = ?`, [JSON.stringify(state), h.siteId]);
    }
    await q.dropColumn('rotation_heads', 'snapshotSeq');
  }
}
