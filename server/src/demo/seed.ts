import type { DataSource } from 'typeorm';
import {
  CompanyEntity,
  DepartmentEntity,
  SiteEntity,
  UserEntity,
  UserSiteEntity,
} from '../accounts/accounts.entity.js';
import { hashPassword } from '../accounts/domain/password.js';
import { Role } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { Logger } from '../platform/logger.js';
import { seedCustomers } from './customers.js';
import { seedFloorMorning, seedShifts } from './floor.js';
import { seedHistory } from './history.js';

export const DEMO_PASSWORD = 'demo1234';

/** Printed at start so a new user can sign in at once. */
export const DEMO_LOGINS: Array<{ username: string; role: string }> = [
  { username: 'admin', role: 'ADMIN' },
  { username: 'manager', role: 'MANAGER' },
  { username: 'desk', role: 'RECEPTION' },
  { username: 'wang, li, zhang, liu, chen, yang', role: 'CONSULTANT' },
];

const CONSULTANTS: Array<[string, string]> = [
  ['wang', '王芳'],
  ['li', '李强'],
  ['zhang', '张伟'],
  ['liu', '刘洋'],
  ['chen', '陈静'],
  ['yang', '杨磊'],
];

/** One company, two sites, its departments and users — only into an empty database. */
export async function seedDemoData(ds: DataSource, tx: Transactions, clock: Clock, logger: Logger, opts: { historyDays?: number } = {}): Promise<boolean> {
  if ((await ds.getRepository(CompanyEntity).count()) > 0) return false;
  const started = Date.now();
  const historyDays = opts.historyDays ?? 0;
  let historyEvents = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.run(async (em) => {
    const now = clock.now();
    const company = await em.save(em.create(CompanyEntity, { name: '示例置业有限公司', createdAt: now }));
    const [binjiang, chengdong] = await em.save([
      em.create(SiteEntity, { companyId: company.id, name: '滨江售楼处', code: 'BJ', timezone: 'Asia/Shanghai', createdAt: now }),
      em.create(SiteEntity, { companyId: company.id, name: '城东展厅', code: 'CD', timezone: 'Asia/Shanghai', createdAt: now }),
    ]);
    const dept = async (name: string, siteId: number | null) =>
      em.save(em.create(DepartmentEntity, { companyId: company.id, siteId, name, createdAt: now }));
    const gmOffice = await dept('总经理办公室', null);
    await dept('项目部', null);
    await dept('市场部', null);
    const admin = await dept('行政部', null);
    const salesBJ = await dept('滨江销售部', binjiang.id);
    const salesCD = await dept('城东销售部', chengdong.id);

    const user = async (username: string, displayName: string, roles: Role[], siteIds: number[], departmentId: number | null) => {
      const u = await em.save(
        em.create(UserEntity, {
          companyId: company.id,
          username,
          displayName,
          passwordHash,
          roles,
          disabled: false,
          departmentId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await em.insert(UserSiteEntity, siteIds.map((siteId) => ({ userId: u.id, siteId })));
      return u;
    };
    await user('admin', '系统管理员', [Role.ADMIN], [binjiang.id, chengdong.id], admin.id);
    const manager = await user('manager', '周经理', [Role.MANAGER], [binjiang.id, chengdong.id], gmOffice.id);
    // The sales manager is company-wide: every site, including sites created later.
    await em.update(UserEntity, { id: manager.id }, { allSites: true });
    const desk = await user('desk', '前台小赵', [Role.RECEPTION], [binjiang.id], admin.id);
    const consultants: Record<string, number[]> = { [binjiang.id]: [], [chengdong.id]: [] };
    for (const [i, [username, name]] of CONSULTANTS.entries()) {
      // Four consultants on the riverside office, two in the showroom.
      const site = i < 4 ? binjiang : chengdong;
      const u = await user(username, name, [Role.CONSULTANT], [site.id], site === binjiang ? salesBJ.id : salesCD.id);
      consultants[site.id].push(u.id);
    }
    // R2: both sites open every day; a living floor on the riverside office.
    for (const site of [binjiang, chengdong]) await seedShifts(em, site, consultants[site.id], now);
    await seedCustomers(em, binjiang.id, consultants[binjiang.id], manager.id, now);
    // The weeks before today (DEMO_HISTORY_DAYS), so the figures page has a history to show.
    const history = await seedHistory(em, binjiang, consultants[binjiang.id], { deskId: desk.id, managerId: manager.id }, now, historyDays);
    historyEvents = history.events;
    await seedFloorMorning(em, binjiang, consultants[binjiang.id], desk.id, now, history.state);
  });
  logger.info({ historyDays, historyEvents, ms: Date.now() - started }, 'demo data loaded');
  return true;
}
