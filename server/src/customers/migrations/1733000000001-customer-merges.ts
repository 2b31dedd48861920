import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { intColumn, textColumn } from '../../platform/db/columns.js';

/**
 * O5/O6: a customer verified to be another one (same person, or immediate family on the
 * owner's phone) is merged into it: the row stays, pointing at the customer it joined; the
 * decision that merged them keeps what it did as data (explained on the customer's history).
 */
export class CustomerMerges1733000000001 implements MigrationInterface {
  name = 'CustomerMerges1733000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('customers', new TableColumn(intColumn('mergedIntoId', true)));
    await q.addColumn('ownership_decisions', new TableColumn(textColumn('details', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('ownership_decisions', 'details');
    await q.dropColumn('customers', 'mergedIntoId');
  }
}
