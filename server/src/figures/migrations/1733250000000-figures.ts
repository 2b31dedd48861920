import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, intColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';

/**
 * The figures page: a kept fold of each closed day of the floor log, and the indexes its
 * register counts need to stay fast over a year (registrations, follow-ups and deals by time).
 */
export class Figures1733250000000 implements MigrationInterface {
  name = 'Figures1733250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'figure_days',
        columns: [{ ...intColumn('siteId'), isPrimary: true }, { ...varcharColumn('day', 10), isPrimary: true }, textColumn('facts'), datetimeColumn('computedAt')],
        foreignKeys: [{ columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('registrations', new TableIndex({ name: 'IDX_registrations_site_at', columnNames: ['siteId', 'at'] }));
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_customer_at', columnNames: ['customerId', 'at'] }));
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_at', columnNames: ['at'] }));
    await q.createIndex('follow_ups', new TableIndex({ name: 'IDX_follow_ups_next_at', columnNames: ['nextAt'] }));
    await q.createIndex('deals', new TableIndex({ name: 'IDX_deals_site_deal_at', columnNames: ['siteId', 'dealAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('deals', 'IDX_deals_site_deal_at');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_next_at');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_at');
    await q.dropIndex('follow_ups', 'IDX_follow_ups_customer_at');
    await q.dropIndex('registrations', 'IDX_registrations_site_at');
    await q.dropTable('figure_days');
  }
}
