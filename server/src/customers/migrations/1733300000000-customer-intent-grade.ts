import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, idColumn, intColumn, varcharColumn } from '../../platform/db/columns.js';

/**
 * Issue 13: a customer's intent grade (A–D, null = not graded) and every change of it, for the
 * customer's timeline (who, from, to).
 */
export class CustomerIntentGrade1733300000000 implements MigrationInterface {
  name = 'CustomerIntentGrade1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('customers', new TableColumn(varcharColumn('intentGrade', 1, true)));
    await q.createIndex('customers', new TableIndex({ columnNames: ['siteId', 'intentGrade'] }));
    await q.createTable(
      new Table({
        name: 'customer_grade_changes',
        columns: [idColumn(), intColumn('customerId'), varcharColumn('fromGrade', 1, true), varcharColumn('toGrade', 1, true), intColumn('byId'), datetimeColumn('at')],
        indices: [new TableIndex({ columnNames: ['customerId'] })],
        foreignKeys: [{ columnNames: ['customerId'], referencedTableName: 'customers', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('customer_grade_changes');
    const table = await q.getTable('customers');
    const index = table?.indices.find((i) => i.columnNames.join() === 'siteId,intentGrade');
    if (index) await q.dropIndex('customers', index);
    await q.dropColumn('customers', 'intentGrade');
  }
}
