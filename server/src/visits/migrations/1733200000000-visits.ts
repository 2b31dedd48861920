import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { boolColumn, datetimeColumn, idColumn, intColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';

const site = { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] };
const double = (name: string) => ({ name, type: 'double', isNullable: true });

/** V1–V4: customer regions, visit settings, plans, visits, promised items, and fired reminders. */
export class Visits1733200000000 implements MigrationInterface {
  name = 'Visits1733200000000';

  async up(q: QueryRunner): Promise<void> {
    // V2: region codes (GB/T 2260) of the customer.
    await q.addColumns('customers', [
      new TableColumn(varcharColumn('regionProvince', 6, true)),
      new TableColumn(varcharColumn('regionCity', 6, true)),
      new TableColumn(varcharColumn('regionDistrict', 6, true)),
    ]);
    await q.createTable(new Table({ name: 'visit_settings', columns: [{ ...intColumn('siteId'), isPrimary: true }, textColumn('settings')], foreignKeys: [site] }));
    await q.createTable(
      new Table({
        name: 'visit_plans',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('consultantId'),
          varcharColumn('month', 7),
          varcharColumn('state', 12),
          datetimeColumn('submittedAt', true),
          boolColumn('late'),
          intColumn('decidedById', true),
          datetimeColumn('decidedAt', true),
          varcharColumn('comment', 500, true),
          datetimeColumn('updatedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['siteId', 'consultantId', 'month'], isUnique: true })],
        foreignKeys: [site, { columnNames: ['consultantId'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'visits',
        columns: [
          idColumn(),
          intColumn('planId'),
          intColumn('siteId'),
          intColumn('consultantId'),
          intColumn('customerId'),
          varcharColumn('day', 10),
          varcharColumn('purpose', 200),
          varcharColumn('content', 1000),
          datetimeColumn('checkedInAt', true),
          double('latitude'),
          double('longitude'),
          double('accuracy'),
          datetimeColumn('reportDueAt', true),
          datetimeColumn('reportedAt', true),
          boolColumn('reportLate'),
          varcharColumn('outcome', 16, true),
          varcharColumn('feedback', 1000, true),
          varcharColumn('nextSteps', 1000, true),
          intColumn('satisfaction', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['siteId', 'day'] }),
          new TableIndex({ columnNames: ['planId'] }),
          new TableIndex({ columnNames: ['consultantId'] }),
          new TableIndex({ columnNames: ['customerId'] }),
        ],
        foreignKeys: [
          site,
          { columnNames: ['planId'], referencedTableName: 'visit_plans', referencedColumnNames: ['id'] },
          { columnNames: ['customerId'], referencedTableName: 'customers', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'visit_tasks',
        columns: [idColumn(), intColumn('visitId'), intColumn('siteId'), intColumn('ownerId'), varcharColumn('text', 300), datetimeColumn('dueAt'), varcharColumn('state', 8), datetimeColumn('doneAt', true)],
        indices: [new TableIndex({ columnNames: ['visitId'] }), new TableIndex({ columnNames: ['ownerId'] })],
        foreignKeys: [site, { columnNames: ['visitId'], referencedTableName: 'visits', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({ name: 'reminders_fired', columns: [{ ...varcharColumn('key', 120), isPrimary: true }, varcharColumn('kind', 32), datetimeColumn('firedAt')] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reminders_fired', 'visit_tasks', 'visits', 'visit_plans', 'visit_settings']) await q.dropTable(t);
    for (const c of ['regionDistrict', 'regionCity', 'regionProvince']) await q.dropColumn('customers', c);
  }
}
