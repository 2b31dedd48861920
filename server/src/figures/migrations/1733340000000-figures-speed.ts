import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, varcharColumn } from '../../platform/db/columns.js';

/**
 * The figures kept ahead by a background job run by one instance at a time (its lease), and
 * follow-up indexes that cover the figures' counts by time (no row read per follow-up): they
 * replace the single-column ones, which are their prefixes.
 */
export class FiguresSpeed1733340000000 implements MigrationInterface {
  name = 'FiguresSpeed1733340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'leases',
        columns: [{ ...varcharColumn('name', 64), isPrimary: true }, varcharColumn('holder', 64), datetimeColumn('expiresAt')],
      }),
    );
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_at_cover', columnNames: ['at', 'customerId', 'consultantId'] }));
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_next_at_cover', columnNames: ['nextAt', 'customerId', 'consultantId', 'at'] }));
    // A year's counts go customer by customer (every follow-up of the site is in range).
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_customer_cover', columnNames: ['customerId', 'at', 'nextAt', 'consultantId'] }));
    await q.dropIndex('follow_ups', 'IDX_follow_ups_at');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_next_at');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_customer_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_customer_at', columnNames: ['customerId', 'at'] }));
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_next_at', columnNames: ['nextAt'] }));
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_at', columnNames: ['at'] }));
    await q.dropIndex('follow_ups', 'IDX_follow_ups_next_at_cover');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_at_cover');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_customer_cover');
    await q.dropTable('leases');
  }
}
