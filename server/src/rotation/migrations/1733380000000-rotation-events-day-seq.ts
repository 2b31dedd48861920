import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const OLD = ['siteId', 'businessDay'];
const sameColumns = (i: TableIndex, columns: string[]) => i.columnNames.join() === columns.join();

/**
 * Issue 17: `rotationBoardAt` reads one business day's events up to a seq, in seq order. On
 * (siteId, businessDay) SQLite chose the (siteId, seq) index instead and read the whole history
 * before the seq; (siteId, businessDay, seq) is an exact range on both databases, with no sort.
 * It replaces (siteId, businessDay), its prefix.
 */
export class RotationEventsDaySeq1733380000000 implements MigrationInterface {
  name = 'RotationEventsDaySeq1733380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'rotation_events',
      new TableIndex({
        name: 'IDX_rotation_events_day_seq',
        columnNames: ['siteId', 'businessDay', 'seq'],
      }),
    );
    const old = (await q.getTable('rotation_events'))!.indices.find((i) => sameColumns(i, OLD));
    if (old) await q.dropIndex('rotation_events', old);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('rotation_events', new TableIndex({ columnNames: OLD }));
    await q.dropIndex('rotation_events', 'IDX_rotation_events_day_seq');
  }
}
