import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, idColumn, intColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';

const site = { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] };
const customer = { columnNames: ['customerId'], referencedTableName: 'customers', referencedColumnNames: ['id'] };

export class Customers1732500000000 implements MigrationInterface {
  name = 'Customers1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'customers',
        columns: [idColumn(), intColumn('siteId'), varcharColumn('name', 50), varcharColumn('phone', 20), varcharColumn('phoneLast4', 4), datetimeColumn('createdAt')],
        indices: [
          new TableIndex({ columnNames: ['siteId', 'phone'] }),
          new TableIndex({ columnNames: ['siteId', 'phoneLast4'] }),
          new TableIndex({ columnNames: ['siteId', 'name'] }),
        ],
        foreignKeys: [site],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customer_family',
        columns: [idColumn(), intColumn('customerId'), varcharColumn('name', 50), varcharColumn('phone', 20, true), varcharColumn('relation', 16)],
        indices: [new TableIndex({ columnNames: ['customerId'] })],
        foreignKeys: [customer],
      }),
    );
    await q.createTable(
      new Table({
        name: 'registrations',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('customerId'),
          intColumn('consultantId', true),
          varcharColumn('name', 50, true),
          varcharColumn('phone', 20, true),
          datetimeColumn('at'),
          intColumn('correctsId', true),
          textColumn('intent'),
          intColumn('createdBy'),
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] }), new TableIndex({ columnNames: ['customerId'] })],
        foreignKeys: [site, customer],
      }),
    );
    await q.createTable(
      new Table({
        name: 'follow_ups',
        columns: [
          idColumn(),
          intColumn('customerId'),
          intColumn('consultantId'),
          datetimeColumn('at'),
          varcharColumn('kind', 16),
          varcharColumn('note', 500, true),
          datetimeColumn('nextAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['customerId'] })],
        foreignKeys: [customer],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ownership_decisions',
        columns: [
          idColumn(),
          intColumn('customerId'),
          intColumn('conflictId', true),
          varcharColumn('kind', 16),
          intColumn('consultantId', true),
          datetimeColumn('at'),
          varcharColumn('reason', 500),
          intColumn('decidedBy'),
        ],
        indices: [new TableIndex({ columnNames: ['customerId'] })],
        foreignKeys: [customer],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customer_conflicts',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('customerId'),
          intColumn('registrationId', true),
          varcharColumn('kind', 16),
          textColumn('details'),
          datetimeColumn('createdAt'),
          datetimeColumn('resolvedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] })],
        foreignKeys: [site, customer],
      }),
    );
    await q.createTable(
      new Table({
        name: 'deals',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('customerId'),
          varcharColumn('buyerName', 50),
          datetimeColumn('dealAt'),
          intColumn('units'),
          textColumn('credit'),
          textColumn('attribution'),
          intColumn('recordedBy'),
          datetimeColumn('createdAt'),
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] }), new TableIndex({ columnNames: ['customerId'] })],
        foreignKeys: [site, customer],
      }),
    );
    await q.createTable(
      new Table({ name: 'customer_settings', columns: [{ ...intColumn('siteId'), isPrimary: true }, textColumn('settings')], foreignKeys: [site] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['customer_settings', 'deals', 'customer_conflicts', 'ownership_decisions', 'follow_ups', 'registrations', 'customer_family', 'customers']) {
      await q.dropTable(t);
    }
  }
}
