// Demo visit appointments (C1–C4, P1–P5), made through the real services so they obey every rule:
// rooms and equipment, the A–D standards with responsible departments, department heads,
// and three visits: one today (approved at short notice, preparation under way), one
// category-A visit tomorrow, one request waiting for the manager.
import { TZDate } from '@date-fns/tz';
import { In, type DataSource } from 'typeorm';
import { DepartmentEntity, SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { Principal, Role } from '../accounts/domain/roles.js';
import { CategoryEntity, EquipmentEntity, RoomEntity } from '../appointments/appointments.entity.js';
import { defaultCategoryInputs, writeCategory } from '../appointments/standards.service.js';
import type { Services } from '../context.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';

const HOUR = 3600_000;

export async function seedAppointments(ds: DataSource, tx: Transactions, clock: Clock, services: Services): Promise<void> {
  const site = await ds.getRepository(SiteEntity).findOneByOrFail({ code: 'BJ' });
  const showroom = await ds.getRepository(SiteEntity).findOneBy({ code: 'CD', companyId: site.companyId });
  const depts = new Map((await ds.getRepository(DepartmentEntity).findBy({ companyId: site.companyId })).map((d) => [d.name, d]));
  const users = new Map((await ds.getRepository(UserEntity).findBy({ companyId: site.companyId })).map((u) => [u.username, u]));
  const dept = (name: string) => depts.get(name)!.id;
  const user = (name: string) => users.get(name)!.id;

  await tx.run(async (em) => {
    // P1: the head of the lead department approves; administration's tasks go to 行政部's head.
    await em.update(DepartmentEntity, { id: dept('总经理办公室') }, { headUserId: user('manager') });
    await em.update(DepartmentEntity, { id: dept('行政部') }, { headUserId: user('desk') });
    const responsible = { A: dept('总经理办公室'), B: dept('项目部'), C: dept('市场部'), D: dept('行政部') };
    for (const input of defaultCategoryInputs(responsible)) {
      await writeCategory(em, em.create(CategoryEntity, { companyId: site.companyId, archived: false }), input, clock.now());
    }
    await em.save(RoomEntity, [
      em.create(RoomEntity, { siteId: site.id, name: '一号会议室', capacity: 12, location: '二楼东侧', archived: false }),
      em.create(RoomEntity, { siteId: site.id, name: '洽谈室', capacity: 6, location: '一楼大厅旁', archived: false }),
      em.create(RoomEntity, { siteId: site.id, name: '贵宾室', capacity: 8, location: '三楼', archived: false }),
      ...(showroom ? [em.create(RoomEntity, { siteId: showroom.id, name: '展厅会议室', capacity: 10, location: '展厅二楼', archived: false })] : []),
    ]);
    await em.save(EquipmentEntity, [
      em.create(EquipmentEntity, { siteId: site.id, kind: 'projector', name: '投影仪 1 号', archived: false }),
      em.create(EquipmentEntity, { siteId: site.id, kind: 'projector', name: '投影仪 2 号', archived: false }),
      em.create(EquipmentEntity, { siteId: site.id, kind: 'laser-pointer', name: '激光笔', archived: false }),
    ]);
  });

  const links = await ds.getRepository(UserSiteEntity).findBy({ userId: In([...users.values()].map((u) => u.id)) });
  const as = (username: string): Principal => {
    const u = users.get(username)!;
    return {
      userId: u.id,
      companyId: u.companyId,
      roles: u.roles as Role[],
      siteIds: links.filter((l) => l.userId === u.id).map((l) => l.siteId),
      sessionId: 'demo-seed',
      expiresAt: new Date(clock.now().getTime() + HOUR),
    };
  };
  const s = services.appointments;
  const categories = new Map((await services.standards.categories(as('admin'))).map((c) => [c.category.code, c.category.id]));
  const rooms = new Map((await services.standards.rooms(as('admin'), site.id)).map((r) => [r.name, r.id]));
  const now = clock.now().getTime();
  const hourFromNow = Math.ceil(now / HOUR) * HOUR;
  const base = {
    supportingDepartmentIds: [] as number[],
    equipmentKinds: null,
    estimatedCost: null,
    catering: null,
    pickUp: null,
    lodging: null,
    gifts: null,
    notes: '',
  };

  // Today, two hours from now: less notice than category C asks, approved by saying so (C1).
  const today = await s.request(as('wang'), site.id, {
    ...base,
    categoryId: categories.get('C')!,
    purpose: '洽谈团购合作',
    visitorCompany: '华远科技有限公司',
    headcount: 3,
    hosts: 2,
    startAt: new Date(hourFromNow + 2 * HOUR),
    endAt: new Date(hourFromNow + 3 * HOUR),
    leadDepartmentId: dept('总经理办公室'),
    leadUserId: user('wang'),
    roomId: rooms.get('洽谈室')!,
  });
  await s.approve(as('manager'), today.id, { acknowledgeLate: true, note: '客户临时到访，同意', taskOwners: [] });
  const [first] = await s.myTasks(as('wang'), false);
  if (first) await s.setTaskDone(as('wang'), first.id, true);

  // Tomorrow 10:00: a category-A visit with a projector and a laser pointer (C3) and a special request (P5).
  const tomorrow = atSiteTime(now, site.timezone, 1, 10);
  const vip = await s.request(as('manager'), site.id, {
    ...base,
    categoryId: categories.get('A')!,
    purpose: '集团领导考察项目',
    visitorCompany: '城建集团',
    headcount: 5,
    hosts: 3,
    startAt: tomorrow,
    endAt: new Date(tomorrow.getTime() + 2 * HOUR),
    leadDepartmentId: dept('总经理办公室'),
    leadUserId: user('manager'),
    roomId: rooms.get('贵宾室')!,
    estimatedCost: 3000,
  });
  await s.approve(as('manager'), vip.id, { acknowledgeLate: vip.late, note: null, taskOwners: [] });
  await s.raiseSpecialRequest(as('manager'), vip.id, { text: '客人需要清真餐，请确认午餐安排', escalatedToId: user('desk'), promisedBy: new Date(now + 4 * HOUR) });

  // In three days: a request waiting for the manager's decision (滨江销售部 has no head).
  const later = atSiteTime(now, site.timezone, 3, 14);
  await s.request(as('li'), site.id, {
    ...base,
    categoryId: categories.get('C')!,
    purpose: '渠道合作洽谈',
    visitorCompany: '链家门店',
    headcount: 4,
    hosts: 2,
    startAt: later,
    endAt: new Date(later.getTime() + 90 * 60_000),
    leadDepartmentId: dept('滨江销售部'),
    leadUserId: user('li'),
    roomId: rooms.get('一号会议室')!,
  });
}

/** hh:00 on the day `days` after today, in the site's time zone. */
function atSiteTime(now: number, timezone: string, days: number, hour: number): Date {
  const d = new TZDate(now, timezone);
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + days, hour, 0, 0, 0, timezone).getTime());
}
