// Outbound visits over GraphQL (SPEC section 5, V1–V4) on SQLite and MariaDB. Time is a
// test clock in the site's time zone (Asia/Shanghai, UTC+8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';

const kinds = await databaseKinds();
const DAY = 24 * 3600_000;
const shanghai = (y: number, m: number, d: number, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h - 8, mi);

// 杭州市 西湖区 (the site), 宁波市 (same province), 上海市 黄浦区 (elsewhere).
const HANGZHOU = { province: '330000', city: '330100', district: '330106' };
const NINGBO = { province: '330000', city: '330200', district: '330203' };
const SHANGHAI = { province: '310000', city: '310100', district: '310101' };

const PLAN = `id month state late submittedAt comment consultant { displayName } decidedBy { displayName }
  visits { id customerId customerName day purpose content checkedInAt reportDueAt reportedAt reportLate outcome satisfaction location { latitude longitude accuracy } tasks { id text dueAt done } }`;
const Q = {
  settings: `mutation($s: ID!, $i: VisitSettingsInput!) { updateVisitSettings(siteId: $s, input: $i) { siteRegion { province city district } sameCityMonths sameProvinceMonths elsewhereMonths reportDueDays } }`,
  region: `mutation($c: ID!, $r: RegionInput) { setCustomerRegion(customerId: $c, region: $r) { province city district } }`,
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { customer { id region { city } } } }`,
  due: `query($s: ID!, $c: ID) { dueVisits(siteId: $s, consultantId: $c) { customerId customerName distance intervalMonths dueAt lastVisitAt overdue region { city } consultant { displayName } } }`,
  save: `mutation($i: SaveVisitPlanInput!) { saveVisitPlan(input: $i) { ${PLAN} } }`,
  submit: `mutation($p: ID!) { submitVisitPlan(planId: $p) { ${PLAN} } }`,
  approve: `mutation($p: ID!, $c: String) { approveVisitPlan(planId: $p, comment: $c) { ${PLAN} } }`,
  ret: `mutation($p: ID!, $c: String!) { returnVisitPlan(planId: $p, comment: $c) { ${PLAN} } }`,
  plan: `query($s: ID!, $m: String!, $c: ID) { visitPlan(siteId: $s, month: $m, consultantId: $c) { ${PLAN} } }`,
  plans: `query($s: ID!, $m: String!) { visitPlans(siteId: $s, month: $m) { ${PLAN} } }`,
  myVisits: `query($s: ID!) { myVisits(siteId: $s) { id day customerName checkedInAt reportLate } }`,
  checkIn: `mutation($v: ID!, $l: VisitLocationInput) { checkInVisit(visitId: $v, location: $l) { id checkedInAt reportDueAt location { latitude longitude accuracy } } }`,
  report: `mutation($v: ID!, $i: VisitReportInput!) { reportVisit(visitId: $v, input: $i) { id reportedAt reportLate outcome satisfaction tasks { id text dueAt done } } }`,
  myTasks: `{ myVisitTasks { id text dueAt done visitId } }`,
  figures: `query($s: ID!, $f: DateTimeISO!, $t: DateTimeISO!) { visitFigures(siteId: $s, from: $f, to: $t) { month planned done reported reportsOnTime reportsLate reportsMissing satisfactionCount satisfactionAverage outcomes { outcome count } consultant { displayName } } }`,
  notifications: `{ notifications(limit: 50) { rows { kind params } } }`,
};

describe.each(kinds)('visits over GraphQL on %s', (kind) => {
  let t: TestApp;
  // 10:00 Shanghai, Monday 1 June 2026.
  let now = shanghai(2026, 6, 1, 10);
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  const customers: Record<string, string> = {};
  let phoneSeq = 0;

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown> = {}): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  async function refused(as: string, q: string, vars: Record<string, unknown>) {
    const r: GqlResult<unknown> = await t.gql(q, vars, tokens[as]);
    expect(r.errors, `${as} should be refused: ${q.slice(0, 60)}`).toBeDefined();
    return r.errors![0];
  }
  const settings = (over: Record<string, unknown> = {}) => ({ siteRegion: { province: '330000', city: '330100', district: '330106' }, sameCityMonths: 1, sameProvinceMonths: 3, elsewhereMonths: 6, reportDueDays: 2, planReminderDays: 3, ...over });

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '1000d' } });
    for (const u of ['admin', 'manager', 'wang', 'li', 'desk']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    bj = (await ok<{ sites: Array<{ id: string; code: string }> }>('manager', '{ sites { id code } }')).sites.find((s) => s.code === 'BJ')!.id;
    // Ownership stays for the whole test (O3 is not under test here).
    await ok('admin', 'mutation($s: ID!) { updateCustomerSettings(siteId: $s, input: { followUpDays: 90, dealLookbackDays: 7 }) { followUpDays } }', { s: bj });
    for (const [key, name, region] of [
      ['near', '钱一', HANGZHOU],
      ['province', '孙二', NINGBO],
      ['far', '李三', SHANGHAI],
    ] as const) {
      const c = (await ok('wang', Q.register, { s: bj, i: { name, phone: `1372${kinds.indexOf(kind)}${String(++phoneSeq).padStart(6, '0')}` } })).registerCustomer.customer;
      customers[key] = c.id;
      await ok('wang', Q.region, { c: c.id, r: region });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('V2: regions are division codes that must nest; the site region and intervals are settings; overdue customers come first', async () => {
    // Codes that do not nest (宁波's district under 杭州) are refused; the desk may not set regions.
    const bad = await refused('wang', Q.region, { c: customers.near, r: { province: '330000', city: '330100', district: '330203' } });
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    await refused('desk', Q.region, { c: customers.near, r: HANGZHOU });
    // A consultant cannot set another's customer's region.
    expect((await refused('li', Q.region, { c: customers.near, r: HANGZHOU })).extensions?.code).toBe('FORBIDDEN');
    // Without a site region nobody can be judged.
    expect((await ok('wang', Q.due, { s: bj })).dueVisits).toEqual([]);
    await refused('wang', Q.settings, { s: bj, i: settings() });
    const s = (await ok('manager', Q.settings, { s: bj, i: settings() })).updateVisitSettings;
    expect(s.siteRegion).toEqual({ province: '330000', city: '330100', district: '330106' });
    // Forty days later, never visited: 杭州 (monthly) is overdue; 宁波 (quarterly) and 上海 (half-yearly) are not …
    now = shanghai(2026, 7, 10, 10);
    const due = (await ok('wang', Q.due, { s: bj })).dueVisits;
    expect(due.map((d: any) => [d.customerName, d.distance, d.intervalMonths, d.overdue])).toEqual([
      ['钱一', 'SAME_CITY', 1, true],
      ['孙二', 'SAME_PROVINCE', 3, false],
      ['李三', 'ELSEWHERE', 6, false],
    ]);
    // … the manager sees them too, and shortening the province interval makes 宁波 overdue.
    await ok('manager', Q.settings, { s: bj, i: settings({ sameProvinceMonths: 1 }) });
    const forManager = (await ok('manager', Q.due, { s: bj, c: id.wang })).dueVisits;
    expect(forManager.filter((d: any) => d.overdue).map((d: any) => d.customerName)).toEqual(['钱一', '孙二']);
    expect(forManager[0].consultant.displayName).toBeTruthy();
    expect((await ok('li', Q.due, { s: bj })).dueVisits).toEqual([]);
    await ok('manager', Q.settings, { s: bj, i: settings() });
  });

  it('V1: a plan for next month is drafted, submitted, returned with a comment, reworked and approved; month ends follow the site time zone', async () => {
    // 31 July 2026, 23:00 Shanghai (15:00 UTC): still July on the site.
    now = shanghai(2026, 7, 31, 23);
    const items = [
      { customerId: customers.near, day: '2026-08-03', purpose: '回访', content: '介绍二期' },
      { customerId: customers.province, day: '2026-08-05', purpose: '送资料', content: '' },
    ];
    // Visits outside the month, and other people's customers, are refused.
    expect((await refused('wang', Q.save, { i: { siteId: bj, month: '2026-08', items: [{ ...items[0], day: '2026-09-01' }] } })).extensions?.reason).toBe('V1_DAY');
    expect((await refused('li', Q.save, { i: { siteId: bj, month: '2026-08', items } })).extensions?.reason).toBe('V1_NOT_OWNER');
    expect((await refused('wang', Q.save, { i: { siteId: bj, month: '2026-10', items } })).extensions?.reason).toBe('V1_MONTH');
    const draft = (await ok('wang', Q.save, { i: { siteId: bj, month: '2026-08', items } })).saveVisitPlan;
    expect(draft).toMatchObject({ month: '2026-08', state: 'DRAFT', late: false });
    expect(draft.visits.map((v: any) => [v.customerName, v.day])).toEqual([['钱一', '2026-08-03'], ['孙二', '2026-08-05']]);
    // Drafts are not for review; the manager cannot approve one.
    expect((await ok('manager', Q.plans, { s: bj, m: '2026-08' })).visitPlans).toEqual([]);
    expect((await refused('manager', Q.approve, { p: draft.id })).extensions?.reason).toBe('V1_STATE');
    const submitted = (await ok('wang', Q.submit, { p: draft.id })).submitVisitPlan;
    expect(submitted).toMatchObject({ state: 'SUBMITTED', late: false });
    // A submitted plan cannot be edited; the manager is told.
    expect((await refused('wang', Q.save, { i: { siteId: bj, month: '2026-08', items } })).extensions?.reason).toBe('V1_STATE');
    const told = (await ok('manager', Q.notifications)).notifications.rows;
    expect(told[0]).toMatchObject({ kind: 'VISIT_PLAN_SUBMITTED', params: { month: '2026-08', late: false } });
    // Returned with a comment (a comment is required), reworked, submitted again — now late:
    await refused('manager', Q.ret, { p: draft.id, c: ' ' });
    const returned = (await ok('manager', Q.ret, { p: draft.id, c: '请补充李三' })).returnVisitPlan;
    expect(returned).toMatchObject({ state: 'RETURNED', comment: '请补充李三', decidedBy: { displayName: expect.any(String) } });
    expect((await ok('wang', Q.notifications)).notifications.rows[0]).toMatchObject({ kind: 'VISIT_PLAN_RETURNED', params: { comment: '请补充李三' } });
    // 1 August 00:30 Shanghai is still 31 July in UTC, but the site's August has begun.
    now = shanghai(2026, 8, 1, 0, 30);
    await ok('wang', Q.save, { i: { siteId: bj, month: '2026-08', items: [...items, { customerId: customers.far, day: '2026-08-20', purpose: '拜访', content: '' }] } });
    const late = (await ok('wang', Q.submit, { p: draft.id })).submitVisitPlan;
    expect(late).toMatchObject({ state: 'SUBMITTED', late: true });
    expect(late.visits).toHaveLength(3);
    const approved = (await ok('manager', Q.approve, { p: draft.id, c: null })).approveVisitPlan;
    expect(approved.state).toBe('APPROVED');
    expect((await ok('manager', Q.plans, { s: bj, m: '2026-08' })).visitPlans.map((p: any) => [p.state, p.late])).toEqual([['APPROVED', true]]);
    expect((await ok('wang', Q.plan, { s: bj, m: '2026-08' })).visitPlan.state).toBe('APPROVED');
    await refused('li', Q.plan, { s: bj, m: '2026-08', c: id.wang });
  });

  it('V3: check-in on the day with the browser location; the report with promised items becomes tasks; a late report is flagged', async () => {
    const plan = (await ok('wang', Q.plan, { s: bj, m: '2026-08' })).visitPlan;
    const [first, second] = plan.visits;
    // Not before the planned day.
    now = shanghai(2026, 8, 2, 10);
    expect((await refused('wang', Q.checkIn, { v: first.id, l: null })).extensions?.reason).toBe('V3_TOO_EARLY');
    now = shanghai(2026, 8, 3, 9, 30);
    expect((await ok('wang', Q.myVisits, { s: bj })).myVisits.map((v: any) => v.customerName)).toEqual(['钱一', '孙二']);
    await refused('li', Q.checkIn, { v: first.id, l: null });
    const c = (await ok('wang', Q.checkIn, { v: first.id, l: { latitude: 30.25, longitude: 120.15, accuracy: 35 } })).checkInVisit;
    expect(c.location).toEqual({ latitude: 30.25, longitude: 120.15, accuracy: 35 });
    expect(new Date(c.reportDueAt).getTime()).toBe(now + 2 * DAY);
    expect((await refused('wang', Q.checkIn, { v: first.id, l: null })).extensions?.reason).toBe('V3_CHECKED_IN');
    // Reported the next day, on time, with two promised items (one for li).
    now = shanghai(2026, 8, 4, 18);
    const r = (
      await ok('wang', Q.report, {
        v: first.id,
        i: { outcome: 'INTERESTED', feedback: '对二期感兴趣', nextSteps: '下周带看', satisfaction: 4, promises: [{ text: '寄送户型图', dueAt: new Date(shanghai(2026, 8, 6, 18)).toISOString() }, { text: '核算首付', dueAt: new Date(shanghai(2026, 8, 7, 18)).toISOString(), ownerId: id.li }] },
      })
    ).reportVisit;
    expect(r).toMatchObject({ reportLate: false, outcome: 'INTERESTED', satisfaction: 4 });
    expect(r.tasks.map((x: any) => [x.text, x.done])).toEqual([['寄送户型图', false], ['核算首付', false]]);
    expect((await ok('wang', Q.myTasks)).myVisitTasks.map((x: any) => x.text)).toEqual(['寄送户型图']);
    expect((await ok('li', Q.myTasks)).myVisitTasks.map((x: any) => x.text)).toEqual(['核算首付']);
    expect((await ok('li', Q.notifications)).notifications.rows[0]).toMatchObject({ kind: 'VISIT_TASK_ASSIGNED', params: { text: '核算首付' } });
    expect((await refused('wang', Q.report, { v: first.id, i: { outcome: 'DEAL', feedback: '', nextSteps: '', promises: [] } })).extensions?.reason).toBe('V3_REPORTED');
    // The second visit: checked in on 5 August, reported on the 8th — later than two days.
    now = shanghai(2026, 8, 5, 10);
    await ok('wang', Q.checkIn, { v: second.id, l: null });
    now = shanghai(2026, 8, 7, 11);
    const pending = (await ok('wang', Q.myVisits, { s: bj })).myVisits.find((v: any) => v.id === second.id);
    expect(pending.reportLate).toBe(true);
    now = shanghai(2026, 8, 8, 9);
    const lateReport = (await ok('wang', Q.report, { v: second.id, i: { outcome: 'NOT_MET', feedback: '客户不在', nextSteps: '改约', satisfaction: null, promises: [] } })).reportVisit;
    expect(lateReport.reportLate).toBe(true);
    // V2: the visit counts as the last one; 钱一 is no longer overdue.
    const due = (await ok('wang', Q.due, { s: bj })).dueVisits;
    expect(due.find((d: any) => d.customerName === '钱一')).toMatchObject({ overdue: false, lastVisitAt: new Date(shanghai(2026, 8, 3, 9, 30)).toISOString() });
  });

  it('V4: per consultant and month, planned vs done, reports on time, outcomes and satisfaction, from the service and over GraphQL', async () => {
    const from = new Date(shanghai(2026, 8, 1));
    const to = new Date(shanghai(2026, 9, 1));
    const rows = await t.app.services.visits.figures(Number(bj), from, to);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ consultantId: Number(id.wang), month: '2026-08', planned: 3, done: 2, reported: 2, reportsOnTime: 1, reportsLate: 1, reportsMissing: 0, satisfactionCount: 1, satisfactionAverage: 4 });
    expect(rows[0].outcomes).toMatchObject({ INTERESTED: 1, NOT_MET: 1, DEAL: 0 });
    // July has no visits; the query refuses consultants.
    expect(await t.app.services.visits.figures(Number(bj), new Date(shanghai(2026, 7, 1)), from)).toEqual([]);
    const g = (await ok('manager', Q.figures, { s: bj, f: from.toISOString(), t: to.toISOString() })).visitFigures;
    expect(g[0]).toMatchObject({ month: '2026-08', planned: 3, done: 2, reportsOnTime: 1, reportsLate: 1, satisfactionAverage: 4 });
    expect(g[0].outcomes.find((o: any) => o.outcome === 'INTERESTED').count).toBe(1);
    expect((await refused('wang', Q.figures, { s: bj, f: from.toISOString(), t: to.toISOString() })).extensions?.code).toBe('FORBIDDEN');
  });
});
