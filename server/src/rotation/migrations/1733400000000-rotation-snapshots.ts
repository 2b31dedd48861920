import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, intColumn, largeTextColumn } from '../../platform/db/columns.js';
import { initialState } from '../domain/index.js';

/**
 * Issue 17: the folded state's snapshot leaves the head row, which is the site's lock. Written
 * there, every 1,000th batch held the lock while the snapshot (~2 MiB late in a busy day) was
 * serialized and stored; in a table of its own it is written after the commit.
 *
 * Plain SQL for the rows: the head's entity no longer has these columns.
 */
export class RotationSnapshots1733400000000 implements MigrationInterface {
  name = 'RotationSnapshots1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rotation_snapshots',
        columns: [
          { ...intColumn('siteId'), isPrimary: true },
          intColumn('seq'),
          { name: 'day', type: 'varchar', length: '10', isNullable: true },
          largeTextColumn(q, 'snapshot'),
          datetimeColumn('updatedAt'),
        ],
      }),
    );
    // The day is left unknown (null): each site's next commit writes a snapshot with it.
    const e = (name: string) => q.connection.driver.escape(name);
    await q.query(
      `INSERT INTO ${e('rotation_snapshots')} (${e('siteId')}, ${e('seq')}, ${e('snapshot')}, ${e('updatedAt')}) ` +
        `SELECT ${e('siteId')}, ${e('snapshotSeq')}, ${e('snapshot')}, ${e('updatedAt')} FROM ${e('rotation_heads')}`,
    );
    await q.dropColumns('rotation_heads', ['snapshot', 'snapshotSeq']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.addColumns('rotation_heads', [
      new TableColumn({ ...largeTextColumn(q, 'snapshot'), isNullable: true }),
      new TableColumn({ ...intColumn('snapshotSeq'), default: 0 }),
    ]);
    const e = (name: string) => q.connection.driver.escape(name);
    const snapshots = (await q.query(
      `SELECT ${e('siteId')}, ${e('seq')}, ${e('snapshot')} FROM ${e('rotation_snapshots')}`,
    )) as Array<{
      siteId: number;
      seq: number;
      snapshot: string;
    }>;
    for (const s of snapshots)
      await q.query(
        `UPDATE ${e('rotation_heads')} SET ${e('snapshot')} = ?, ${e('snapshotSeq')} = ? WHERE ${e('siteId')} = ?`,
        [s.snapshot, s.seq, s.siteId],
      );
    // A site without a snapshot row folds from its first event: the initial state at seq 0.
    await q.query(
      `UPDATE ${e('rotation_heads')} SET ${e('snapshot')} = ?, ${e('snapshotSeq')} = 0 WHERE ${e('snapshot')} IS NULL`,
      [JSON.stringify(initialState())],
    );
    await q.dropTable('rotation_snapshots');
  }
}
