import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, intColumn, varcharColumn } from '../../platform/db/columns.js';

/**
 * O2 under concurrency: one key row per normalized phone of a site. A registration takes
 * this row's lock before it reads the register, so registrations of one number run one after
 * another on every instance. The customers table itself may hold several customers with one
 * phone (an O6 conflict, or rows written before this key), so the key lives beside it and is
 * filled from the distinct phones already registered.
 */
export class CustomerPhoneKeys1733000000000 implements MigrationInterface {
  name = 'CustomerPhoneKeys1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'customer_phone_keys',
        columns: [
          { ...intColumn('siteId'), isPrimary: true },
          { ...varcharColumn('phone', 20), isPrimary: true },
          datetimeColumn('createdAt'),
        ],
        foreignKeys: [{ columnNames: ['siteId'], referencedTableName: 'sites', referencedColumnNames: ['id'] }],
      }),
    );
    // Existing duplicates (several customers on one number) share one key.
    const existing = await q.manager
      .createQueryBuilder(q)
      .select('c.siteId', 'siteId')
      .addSelect('c.phone', 'phone')
      .from('customers', 'c')
      .groupBy('c.siteId')
      .addGroupBy('c.phone')
      .getRawMany<{ siteId: number; phone: string }>();
    const now = new Date();
    for (let i = 0; i < existing.length; i += 500) {
      await q.manager
        .createQueryBuilder(q)
        .insert()
        .into('customer_phone_keys')
        .values(existing.slice(i, i + 500).map((k) => ({ siteId: Number(k.siteId), phone: k.phone, createdAt: now })))
        .execute();
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('customer_phone_keys');
  }
}
