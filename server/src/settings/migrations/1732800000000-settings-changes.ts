import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, idColumn, intColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';

/** The history of a site's rule and register settings. */
export class SettingsChanges1732800000000 implements MigrationInterface {
  name = 'SettingsChanges1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'settings_changes',
        columns: [
          idColumn(),
          intColumn('siteId'),
          varcharColumn('area', 16),
          datetimeColumn('at'),
          intColumn('byId'),
          textColumn('before'),
          textColumn('after'),
        ],
        indices: [new TableIndex({ columnNames: ['siteId', 'area', 'at'] })],
        foreignKeys: [
          { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] },
          { columnNames: ['byId'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('settings_changes');
  }
}
