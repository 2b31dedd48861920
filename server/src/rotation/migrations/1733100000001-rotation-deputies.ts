import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, idColumn, intColumn, varcharColumn } from '../../platform/db/columns.js';

/** R15: deputies a manager names to supervise a site's floor for a period. */
export class RotationDeputies1733100000001 implements MigrationInterface {
  name = 'RotationDeputies1733100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rotation_deputies',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('deputyId'),
          intColumn('managerId'),
          varcharColumn('fromDay', 10),
          varcharColumn('toDay', 10),
          datetimeColumn('createdAt'),
          datetimeColumn('revokedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] })],
        foreignKeys: [
          { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] },
          { columnNames: ['deputyId'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['managerId'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rotation_deputies');
  }
}
