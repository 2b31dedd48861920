import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, varcharColumn } from '../../platform/db/columns.js';

/** The figures kept ahead by a background job run by one instance at a time (its lease). */
export class FiguresSpeed1733340000000 implements MigrationInterface {
  name = 'FiguresSpeed1733340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'leases',
        columns: [{ ...varcharColumn('name', 64), isPrimary: true }, varcharColumn('holder', 64), datetimeColumn('expiresAt')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('leases');
  }
}
