import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, intColumn, textColumn, varcharColumn } from '../../platform/db/columns.js';
import type { Reception, RotationEvent } from '../domain/index.js';

/**
 * One row per reception with the register's customer it is (R7–R11 are decided on that id;
 * the customer's timeline reads it). Filled from the log for the receptions already there.
 */
export class RotationReceptions1732900000000 implements MigrationInterface {
  name = 'RotationReceptions1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rotation_receptions',
        columns: [
          { ...intColumn('siteId'), isPrimary: true },
          { ...varcharColumn('id', 32), isPrimary: true },
          varcharColumn('businessDay', 10),
          intColumn('customerId', true),
          intColumn('broughtById', true),
          datetimeColumn('arrivedAt'),
          textColumn('reception'),
          intColumn('lastSeq'),
          intColumn('linkedById', true),
          datetimeColumn('linkedAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['customerId'] }), new TableIndex({ columnNames: ['siteId', 'businessDay'] })],
        foreignKeys: [{ columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] }],
      }),
    );
    // The receptions already in the log, as the last event that touched each left them.
    const latest = new Map<string, { siteId: number; day: string; seq: number; r: Reception | null }>();
    for (let after = 0; ; ) {
      const rows = (await q.manager
        .createQueryBuilder()
        .select(['e.id AS id', 'e.siteId AS siteId', 'e.seq AS seq', 'e.payload AS payload', 'e.businessDay AS businessDay'])
        .from('rotation_events', 'e')
        .where('e.id > :after', { after })
        .orderBy('e.id', 'ASC')
        .limit(1000)
        .getRawMany()) as Array<{ id: number; siteId: number; seq: number; payload: string; businessDay: string }>;
      if (!rows.length) break;
      for (const row of rows) {
        const event = JSON.parse(row.payload) as RotationEvent;
        for (const e of event.effects) {
          if (e.op === 'reception') latest.set(`${row.siteId}:${e.id}`, { siteId: Number(row.siteId), day: row.businessDay, seq: Number(row.seq), r: e.value });
        }
      }
      after = Number(rows[rows.length - 1].id);
    }
    const values = [...latest.values()]
      .filter((v): v is { siteId: number; day: string; seq: number; r: Reception } => v.r !== null)
      .map((v) => ({
        siteId: v.siteId,
        id: v.r.id,
        businessDay: v.day,
        customerId: v.r.customerId ?? null,
        broughtById: v.r.broughtById ?? null,
        arrivedAt: new Date(v.r.arrivedAt),
        reception: JSON.stringify(v.r),
        lastSeq: v.seq,
        linkedById: null,
        linkedAt: null,
      }));
    for (let i = 0; i < values.length; i += 200) {
      await q.manager.createQueryBuilder().insert().into('rotation_receptions').values(values.slice(i, i + 200)).execute();
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rotation_receptions');
  }
}
