import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, idColumn, intColumn, largeTextColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';

const site = { columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] };
const consultant = { columnNames: ['consultantId'], referencedTableName: 'users', referencedColumnNames: ['id'] };

export class Rotation1732400000000 implements MigrationInterface {
  name = 'Rotation1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rotation_heads',
        columns: [{ ...intColumn('siteId'), isPrimary: true }, intColumn('lastSeq'), largeTextColumn(q, 'snapshot'), datetimeColumn('updatedAt')],
        foreignKeys: [site],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rotation_events',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('seq'),
          varcharColumn('type', 64),
          textColumn('payload'),
          intColumn('actorId'),
          datetimeColumn('at'),
          varcharColumn('businessDay', 10),
        ],
        indices: [
          new TableIndex({ columnNames: ['siteId', 'seq'], isUnique: true }),
          new TableIndex({ columnNames: ['siteId', 'businessDay'] }),
        ],
        foreignKeys: [site],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rotation_settings',
        columns: [{ ...intColumn('siteId'), isPrimary: true }, textColumn('settings'), datetimeColumn('updatedAt'), intColumn('updatedBy')],
        foreignKeys: [site],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shift_templates',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('consultantId'),
          intColumn('weekday'),
          varcharColumn('startTime', 5),
          varcharColumn('endTime', 5),
        ],
        indices: [new TableIndex({ columnNames: ['siteId'] })],
        foreignKeys: [site, { ...consultant, onDelete: 'CASCADE' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shift_exceptions',
        columns: [
          idColumn(),
          intColumn('siteId'),
          intColumn('consultantId'),
          varcharColumn('date', 10),
          varcharColumn('kind', 10),
          varcharColumn('startTime', 5, true),
          varcharColumn('endTime', 5, true),
          varcharColumn('note', 200, true),
        ],
        indices: [new TableIndex({ columnNames: ['siteId', 'date'] })],
        foreignKeys: [site, { ...consultant, onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['shift_exceptions', 'shift_templates', 'rotation_settings', 'rotation_events', 'rotation_heads']) await q.dropTable(t);
  }
}
