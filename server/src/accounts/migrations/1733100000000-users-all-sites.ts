import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { boolColumn } from '../../platform/db/columns.js';

/**
 * A company-wide user (users.allSites) is linked to every site of the company, including
 * sites created later. Managers linked to every site of a company with several sites were
 * company-wide in all but name: they become so.
 */
export class UsersAllSites1733100000000 implements MigrationInterface {
  name = 'UsersAllSites1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn(boolColumn('allSites')));
    const sites = await q.manager.createQueryBuilder().select(['s.id AS id', 's.companyId AS companyId']).from('sites', 's').getRawMany<{ id: number; companyId: number }>();
    const users = await q.manager.createQueryBuilder().select(['u.id AS id', 'u.companyId AS companyId', 'u.roles AS roles']).from('users', 'u').getRawMany<{ id: number; companyId: number; roles: string }>();
    const links = await q.manager.createQueryBuilder().select(['l.userId AS userId', 'l.siteId AS siteId']).from('user_sites', 'l').getRawMany<{ userId: number; siteId: number }>();
    const wide: number[] = [];
    for (const u of users) {
      const companySites = sites.filter((s) => Number(s.companyId) === Number(u.companyId)).map((s) => Number(s.id));
      const own = new Set(links.filter((l) => Number(l.userId) === Number(u.id)).map((l) => Number(l.siteId)));
      if (String(u.roles).split(',').includes('MANAGER') && companySites.length > 1 && companySites.every((id) => own.has(id))) wide.push(Number(u.id));
    }
    if (wide.length) await q.manager.createQueryBuilder().update('users').set({ allSites: true }).where('id IN (:...ids)', { ids: wide }).execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'allSites');
  }
}
