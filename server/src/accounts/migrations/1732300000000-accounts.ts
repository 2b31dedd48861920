import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  boolColumn,
  datetimeColumn,
  idColumn,
  intColumn,
  textColumn,
  varcharColumn,
} from '../../platform/db/columns.js';

export class Accounts1732300000000 implements MigrationInterface {
  name = 'Accounts1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'companies',
        columns: [idColumn(), varcharColumn('name', 200), datetimeColumn('createdAt')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sites',
        columns: [
          idColumn(),
          intColumn('companyId'),
          varcharColumn('name', 200),
          varcharColumn('code', 32),
          varcharColumn('timezone', 64),
          datetimeColumn('createdAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['companyId'] }),
          new TableIndex({ columnNames: ['companyId', 'code'], isUnique: true }),
        ],
        foreignKeys: [{ columnNames: ['companyId'], referencedTableName: 'companies', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'departments',
        columns: [
          idColumn(),
          intColumn('companyId'),
          intColumn('siteId', true),
          varcharColumn('name', 200),
          datetimeColumn('createdAt'),
        ],
        indices: [new TableIndex({ columnNames: ['companyId'] })],
        foreignKeys: [
          { columnNames: ['companyId'], referencedTableName: 'companies', referencedColumnNames: ['id'] },
          { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          intColumn('companyId'),
          varcharColumn('username', 64),
          varcharColumn('displayName', 100),
          varcharColumn('passwordHash', 255),
          textColumn('roles'),
          boolColumn('disabled'),
          intColumn('departmentId', true),
          datetimeColumn('createdAt'),
          datetimeColumn('updatedAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['username'], isUnique: true }),
          new TableIndex({ columnNames: ['companyId'] }),
        ],
        foreignKeys: [
          { columnNames: ['companyId'], referencedTableName: 'companies', referencedColumnNames: ['id'] },
          { columnNames: ['departmentId'], referencedTableName: 'departments', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_sites',
        columns: [
          { ...intColumn('userId'), isPrimary: true },
          { ...intColumn('siteId'), isPrimary: true },
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] })],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { ...varcharColumn('id', 36), isPrimary: true },
          intColumn('userId'),
          datetimeColumn('createdAt'),
          datetimeColumn('expiresAt'),
          datetimeColumn('revokedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] })],
        foreignKeys: [
          { columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sessions', 'user_sites', 'users', 'departments', 'sites', 'companies']) await q.dropTable(t);
  }
}
