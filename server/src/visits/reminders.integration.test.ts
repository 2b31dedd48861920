// Reminders that fire without anyone looking (issue 15): two app instances share one
// database and tick at the same moments while the clock moves across the due times; each
// reminder fires exactly once (P5, V3, O3, V1, P1 tasks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { SpecialRequestEntity, TaskEntity } from '../appointments/appointments.entity.js';
import { NotificationEntity } from '../notifications/notifications.entity.js';
import { loadConfig } from '../platform/config.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { ReminderFiredEntity } from './visits.entity.js';

const kinds = await databaseKinds();
const shanghai = (y: number, m: number, d: number, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h - 8, mi);

describe.each(kinds)('reminders on two instances on %s', (kind) => {
  let t: TestApp;
  let second: App;
  // Tuesday 28 July 2026, 10:00 Shanghai.
  let now = shanghai(2026, 7, 28, 10);
  const clock = { now: () => new Date(now) };
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let customerId: string;
  let visitId: string;
  let managers: number[];

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown> = {}): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  /** Both instances tick at once; says how many each fired, and checks a second round fires nothing. */
  async function tickBoth(): Promise<Set<string>> {
    const before = new Set((await t.app.ds.getRepository(ReminderFiredEntity).find()).map((r) => r.key));
    const [a, b] = await Promise.all([t.app.reminders.tick(), second.reminders.tick()]);
    const after = (await t.app.ds.getRepository(ReminderFiredEntity).find()).map((r) => r.key);
    const fresh = new Set(after.filter((k) => !before.has(k)));
    expect(a + b, 'every fired reminder was fired by exactly one instance').toBe(fresh.size);
    expect(await Promise.all([t.app.reminders.tick(), second.reminders.tick()])).toEqual([0, 0]);
    return fresh;
  }
  const has = (keys: Set<string>, prefix: string) => [...keys].filter((k) => k.startsWith(prefix));

  beforeAll(async () => {
    t = await startTestApp(kind, { clock, env: { JWT_TTL: '1000d' } });
    // The second instance: same configuration, same database, same clock.
    second = await createApp(loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: t.db.url, DATA_DIR: t.app.config.dataDir, JWT_SECRET: t.app.config.jwtSecret, PORT: '0' }), { clock });
    for (const u of ['manager', 'wang']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    bj = (await ok<{ sites: Array<{ id: string; code: string }> }>('manager', '{ sites { id code } }')).sites.find((s) => s.code === 'BJ')!.id;
    managers = await t.app.services.notifications.managersOf(t.app.ds.manager, Number(bj));
    await ok('manager', 'mutation($s: ID!, $i: VisitSettingsInput!) { updateVisitSettings(siteId: $s, input: $i) { reportDueDays } }', {
      s: bj,
      i: { siteRegion: { province: '330000', city: '330100', district: null }, sameCityMonths: 1, sameProvinceMonths: 3, elsewhereMonths: 6, reportDueDays: 2, planReminderDays: 3 },
    });
    customerId = (await ok('wang', 'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { customer { id } } }', { s: bj, i: { name: '周五', phone: `1385${kinds.indexOf(kind)}000001` } })).registerCustomer.customer.id;
    const plan = (
      await ok('wang', 'mutation($i: SaveVisitPlanInput!) { saveVisitPlan(input: $i) { id visits { id } } }', { i: { siteId: bj, month: '2026-08', items: [{ customerId, day: '2026-08-03', purpose: '回访', content: '' }] } })
    ).saveVisitPlan;
    visitId = plan.visits[0].id;
    await ok('wang', 'mutation($p: ID!) { submitVisitPlan(planId: $p) { id } }', { p: plan.id });
    await ok('manager', 'mutation($p: ID!) { approveVisitPlan(planId: $p) { id } }', { p: plan.id });
  });
  afterAll(async () => {
    await second?.stop();
    await t?.close();
  });

  it('exactly once: V1, O3, V3, P5 and task reminders fire once across two instances as the clock crosses their due times', async () => {
    const consultants = (await t.app.services.accounts.sitePeople({ userId: Number(id.manager), companyId: 1, roles: ['MANAGER'], siteIds: [Number(bj)], sessionId: 'x', expiresAt: new Date(now + 1e9) }, Number(bj)))
      .filter((u) => u.roles.includes('CONSULTANT'))
      .map((u) => u.id);
    // 28 July 10:00: July's plans are missing for everyone (V1 late, to the manager too); August's are not due yet.
    let fired = await tickBoth();
    expect(has(fired, `V1_LATE:${bj}:`).sort()).toEqual(consultants.map((c) => `V1_LATE:${bj}:${c}:2026-07`).sort());
    expect(has(fired, `V1_DUE:${bj}:`)).toEqual([]);
    const late = await t.app.ds.getRepository(NotificationEntity).findBy({ kind: 'VISIT_PLAN_LATE' });
    expect(late.filter((n) => JSON.parse(n.params).consultantId === Number(id.wang)).map((n) => n.userId).sort()).toEqual([Number(id.wang), ...managers].sort());

    // 29 July 00:00 (three days before August, site time): everyone but wang, who submitted, is reminded.
    now = shanghai(2026, 7, 29, 0);
    fired = await tickBoth();
    expect(has(fired, `V1_DUE:${bj}:`).sort()).toEqual(consultants.filter((c) => c !== Number(id.wang)).map((c) => `V1_DUE:${bj}:${c}:2026-08`).sort());

    // 3 August 10:00: wang checks in; nothing is due yet.
    now = shanghai(2026, 8, 3, 10);
    await ok('wang', 'mutation($v: ID!) { checkInVisit(visitId: $v) { id } }', { v: visitId });
    fired = await tickBoth();
    expect(has(fired, `O3:${customerId}:`)).toEqual([]);
    expect(has(fired, 'V3_')).toEqual([]);

    // 4 August 10:00: the report is due within a day (V3), and ownership of 周五 (registered
    // 28 July, O3 7 days) lapses at the start of 5 August: both to wang only.
    now = shanghai(2026, 8, 4, 10);
    fired = await tickBoth();
    expect(has(fired, 'V3_')).toEqual([`V3_DUE:${visitId}`]);
    expect(has(fired, `O3:${customerId}:`)).toEqual([`O3:${customerId}:${id.wang}:${shanghai(2026, 8, 5, 0)}`]);
    const lapsing = await t.app.ds.getRepository(NotificationEntity).findBy({ kind: 'OWNERSHIP_LAPSING' });
    expect(lapsing.filter((n) => JSON.parse(n.params).customerId === Number(customerId)).map((n) => n.userId)).toEqual([Number(id.wang)]);
    // 5 August 10:00: it is late — wang and the managers are told, once each.
    now = shanghai(2026, 8, 5, 10);
    fired = await tickBoth();
    expect(has(fired, 'V3_')).toEqual([`V3_LATE:${visitId}`]);
    const lateReport = await t.app.ds.getRepository(NotificationEntity).findBy({ kind: 'VISIT_REPORT_LATE' });
    expect(lateReport.map((n) => n.userId).sort()).toEqual([Number(id.wang), ...managers].sort());

    // P5 and P1 (the demo's appointments): every escalation past its promise and every task past due fired once.
    const requests = await t.app.ds.getRepository(SpecialRequestEntity).find();
    const tasks = await t.app.ds.getRepository(TaskEntity).findBy({ state: 'OPEN' });
    expect(requests.length).toBeGreaterThan(0);
    expect(tasks.length).toBeGreaterThan(0);
    const all = new Set((await t.app.ds.getRepository(ReminderFiredEntity).find()).map((r) => r.key));
    for (const r of requests) if (!r.repliedAt && r.promisedBy.getTime() <= now) expect(all.has(`P5:${r.id}`), `P5:${r.id}`).toBe(true);
    const overdue = await t.app.ds.getRepository(NotificationEntity).findBy({ kind: 'SPECIAL_REQUEST_OVERDUE' });
    expect(overdue.length).toBeGreaterThan(0);
    // One notification per person per escalation: nobody was told twice.
    const perPerson = overdue.map((n) => `${n.userId}:${JSON.parse(n.params).specialRequestId}`);
    expect(new Set(perPerson).size).toBe(perPerson.length);
    expect([...all].filter((k) => k.startsWith('TASK_LATE:')).length).toBeGreaterThan(0);
    // No notification of any kind went out twice.
    const everything = (await t.app.ds.getRepository(NotificationEntity).find()).map((n) => `${n.userId}|${n.kind}|${n.params}`);
    expect(new Set(everything).size).toBe(everything.length);
  });

  it('the scheduler runs on its cron pattern when turned on, stops on shutdown, and REMINDERS=false turns it off', async () => {
    expect(t.app.reminders.nextRun()).toBeNull(); // off under NODE_ENV=test unless asked for
    const cfg = (on: string) => loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: t.db.url, DATA_DIR: t.app.config.dataDir, JWT_SECRET: t.app.config.jwtSecret, HOST: '127.0.0.1', PORT: '0', REMINDERS: on, REMINDERS_CRON: '*/5 * * * *' });
    expect(cfg('false').reminders.enabled).toBe(false);
    const on = await createApp(cfg('true'), { clock });
    await on.listen();
    const next = on.reminders.nextRun();
    expect(next).not.toBeNull();
    expect(next!.getUTCMinutes() % 5).toBe(0);
    await on.stop();
    expect(on.reminders.nextRun()).toBeNull();
  });
});
