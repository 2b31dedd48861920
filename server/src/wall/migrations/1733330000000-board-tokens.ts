import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, idColumn, intColumn, varcharColumn } from '../../platform/db/columns.js';

/** Issue 16: read-only wall-screen tokens, one site each, stored as a hash only. */
export class BoardTokens1733330000000 implements MigrationInterface {
  name = 'BoardTokens1733330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'board_tokens',
        columns: [
          idColumn(),
          intColumn('siteId'),
          varcharColumn('label', 100),
          varcharColumn('tokenHash', 64),
          intColumn('createdBy'),
          datetimeColumn('createdAt'),
          datetimeColumn('revokedAt', true),
          intColumn('revokedBy', true),
          datetimeColumn('lastUsedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] }), new TableIndex({ columnNames: ['tokenHash'], isUnique: true })],
        foreignKeys: [
          { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] },
          { columnNames: ['createdBy'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['revokedBy'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('board_tokens');
  }
}
