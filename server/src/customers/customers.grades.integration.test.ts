import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';

const kinds = await databaseKinds();

// Issue 13 over GraphQL, on each database: a customer's intent grade (set by the owner or a
// manager, on the timeline, a register filter, wording per site) and the "follow-up due"
// filter and badge computed from the ownership standing (O3).

const CUSTOMER = 'id name intentGrade followUpDue { state inDays lapsesAt } ownership { owner { id } rule lapsesAt }';
const Q = {
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { customer { ${CUSTOMER} } } }`,
  grade: `mutation($c: ID!, $g: IntentGrade) { setCustomerGrade(customerId: $c, grade: $g) { ${CUSTOMER} } }`,
  list: `query($s: ID!, $q: String, $g: IntentGrade, $due: Boolean) { customers(siteId: $s, scope: ALL, search: $q, grade: $g, followUpDue: $due, limit: 200) { total rows { ${CUSTOMER} } } }`,
  detail: `query($id: ID!) { customer(id: $id) { customer { ${CUSTOMER} } timeline { kind details actor { id } } } }`,
  settings: 'query($s: ID!) { customerSettings(siteId: $s) { followUpDays followUpDueDays grades { grade label description } } }',
  updateSettings: `mutation($s: ID!, $i: CustomerSettingsInput!) { updateCustomerSettings(siteId: $s, input: $i) { followUpDays followUpDueDays grades { grade label description } } }`,
  history: `query($s: ID!) { settingsHistory(siteId: $s, area: CUSTOMERS, limit: 10) { before after } }`,
  export: `query($s: ID!) { exportCustomers(siteId: $s) { contentBase64 } }`,
  byIds: `query($s: ID!, $ids: [ID!]!) { customersByIds(siteId: $s, ids: $ids) { ${CUSTOMER} } }`,
};

const DAY = 24 * 3600_000;
/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8, no DST). */
const shanghai = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h - 8);

interface Customer {
  id: string;
  name: string;
  intentGrade: string | null;
  followUpDue: { state: string; inDays: number | null; lapsesAt: string | null } | null;
  ownership: { owner: { id: string } | null; rule: string; lapsesAt: string | null };
}

describe.each(kinds)('intent grade and follow-up due on %s', (kind) => {
  let t: TestApp;
  let now = shanghai(2025, 8, 4, 10);
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let seq = 0;
  const phone = () => `136${String(kinds.indexOf(kind))}7${String(++seq).padStart(6, '0')}`;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '1000d' } });
    for (const u of ['admin', 'manager', 'wang', 'li']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    const sites = await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.manager);
    bj = sites.data!.sites.find((s) => s.code === 'BJ')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown> = {}): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  async function refused(as: string, q: string, vars: Record<string, unknown>) {
    const r: GqlResult<unknown> = await t.gql(q, vars, tokens[as]);
    expect(r.errors, `${as} should be refused`).toBeDefined();
    return r.errors![0];
  }
  const register = async (as: string, name: string) =>
    ((await ok(as, Q.register, { s: bj, i: { name, phone: phone() } })).registerCustomer as { customer: Customer }).customer;
  const list = async (as: string, vars: Record<string, unknown>) =>
    (await ok(as, Q.list, { s: bj, ...vars })).customers as { total: number; rows: Customer[] };

  it('O3: follow-up due filter lists customers whose ownership lapses within N days (site setting), not yet lapsed, soonest first; rows carry the badge', async () => {
    const today = now;
    // Registered 9, 7 and 3 days ago (10:00): with the 7-day period (O3) ownership lapses at
    // the start of day 8: one lapsed yesterday, one lapses tonight (in 1 day), one in 5 days.
    now = today - 9 * DAY;
    const lapsed = await register('wang', '跟进测试甲');
    now = today - 7 * DAY;
    const inOne = await register('wang', '跟进测试乙');
    now = today - 3 * DAY;
    const inFive = await register('li', '跟进测试丙');
    now = today;

    const settings = (await ok('manager', Q.settings, { s: bj })).customerSettings;
    expect(settings).toMatchObject({ followUpDays: 7, followUpDueDays: 3 });

    const due = await list('manager', { q: '跟进测试', due: true });
    expect(due.rows.map((r) => r.id)).toEqual([inOne.id]);
    expect(due.total).toBe(1);
    expect(due.rows[0].followUpDue).toEqual({ state: 'DUE', inDays: 1, lapsesAt: new Date(shanghai(2025, 8, 5)).toISOString() });

    // The badge on every row of the plain list: due, overdue (lapsed) or nothing.
    const all = await list('manager', { q: '跟进测试' });
    const byId = new Map(all.rows.map((r) => [r.id, r]));
    expect(byId.get(lapsed.id)!.followUpDue).toEqual({ state: 'OVERDUE', inDays: null, lapsesAt: null });
    expect(byId.get(lapsed.id)!.ownership.rule).toBe('O3');
    expect(byId.get(inFive.id)!.followUpDue).toBeNull();

    // N is the site's: with 5 days both owned customers are due, the sooner first.
    await ok('admin', Q.updateSettings, { s: bj, i: { followUpDays: 7, dealLookbackDays: 7, followUpDueDays: 5 } });
    const wider = await list('wang', { q: '跟进测试', due: true });
    expect(wider.rows.map((r) => r.id)).toEqual([inOne.id, inFive.id]);
    expect(wider.rows[1].followUpDue).toMatchObject({ state: 'DUE', inDays: 5 });
    await ok('admin', Q.updateSettings, { s: bj, i: { followUpDays: 7, dealLookbackDays: 7, followUpDueDays: 3 } });
    expect((await list('manager', { q: '跟进测试', due: true })).rows.map((r) => r.id)).toEqual([inOne.id]);
  });

  it("O2: the owner and a manager set a customer's grade; a colleague is refused (FORBIDDEN)", async () => {
    now += 20 * DAY;
    const c = await register('wang', '评级测试甲');
    expect(c.intentGrade).toBeNull();
    const set = (await ok('wang', Q.grade, { c: c.id, g: 'A' })).setCustomerGrade as Customer;
    expect(set.intentGrade).toBe('A');

    const err = await refused('li', Q.grade, { c: c.id, g: 'D' });
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWNER' });

    expect(((await ok('manager', Q.grade, { c: c.id, g: 'B' })).setCustomerGrade as Customer).intentGrade).toBe('B');
    const after = (await ok('li', Q.list, { s: bj, q: '评级测试甲' })).customers.rows[0] as Customer;
    expect(after.intentGrade).toBe('B');
  });

  it('Issue 13: each grade change is an event on the customer timeline (who, from, to); setting the same grade again records nothing', async () => {
    now += DAY;
    const c = await register('wang', '评级测试乙');
    await ok('wang', Q.grade, { c: c.id, g: 'C' });
    now += 3600_000;
    await ok('manager', Q.grade, { c: c.id, g: 'A' });
    await ok('manager', Q.grade, { c: c.id, g: 'A' });
    now += 3600_000;
    await ok('wang', Q.grade, { c: c.id, g: null });
    const timeline = (await ok('manager', Q.detail, { id: c.id })).customer.timeline as Array<{ kind: string; details: any; actor: { id: string } | null }>;
    expect(timeline.filter((e) => e.kind === 'GRADE')).toEqual([
      { kind: 'GRADE', details: { from: null, to: 'C' }, actor: { id: id.wang } },
      { kind: 'GRADE', details: { from: 'C', to: 'A' }, actor: { id: id.manager } },
      { kind: 'GRADE', details: { from: 'A', to: null }, actor: { id: id.wang } },
    ]);
  });

  it('Issue 13: the grade filter lists only customers of that grade', async () => {
    now += DAY;
    const a = await register('wang', '评级筛选甲');
    const b = await register('wang', '评级筛选乙');
    await register('wang', '评级筛选丙');
    await ok('wang', Q.grade, { c: a.id, g: 'A' });
    await ok('wang', Q.grade, { c: b.id, g: 'D' });
    expect((await list('manager', { q: '评级筛选', g: 'A' })).rows.map((r) => r.id)).toEqual([a.id]);
    const d = await list('wang', { q: '评级筛选', g: 'D' });
    expect(d.rows.map((r) => r.id)).toEqual([b.id]);
    expect(d.total).toBe(1);
    expect((await list('manager', { q: '评级筛选' })).total).toBe(3);
  });

  it('Issue 13: the register export has an intent-grade column (意向等级): the grade, blank when not graded', async () => {
    now += DAY;
    const a = await register('wang', '导出评级甲');
    const b = await register('wang', '导出评级乙');
    await register('li', '导出评级丙');
    await ok('wang', Q.grade, { c: a.id, g: 'A' });
    await ok('manager', Q.grade, { c: b.id, g: 'C' });
    const { readTable } = await import('./customers.import.js');
    for (const as of ['manager', 'li']) {
      const table = await readTable('x.xlsx', Buffer.from((await ok(as, Q.export, { s: bj })).exportCustomers.contentBase64, 'base64'));
      const col = table[0].indexOf('意向等级');
      expect(col, 'grade column').toBeGreaterThan(0);
      const gradeOf = (name: string) => table.find((row) => row[0] === name)?.[col];
      expect([gradeOf('导出评级甲'), gradeOf('导出评级乙'), gradeOf('导出评级丙')], as).toEqual(['A', 'C', '']);
    }
  });

  it("O3: customers by id (the phone page's cards start from receptions) carry the badge from the record, one answer per id in order", async () => {
    now += DAY;
    const today = now;
    now = today - 7 * DAY;
    const lapsing = await register('wang', '卡片跟进甲');
    now = today;
    const fresh = await register('wang', '卡片跟进乙');
    const byIds = async (as: string, ids: string[]) => (await ok(as, Q.byIds, { s: bj, ids })).customersByIds as Array<Customer | null>;
    const rows = await byIds('wang', [fresh.id, lapsing.id, '99999999']);
    expect(rows.map((r) => r?.id ?? null)).toEqual([fresh.id, lapsing.id, null]);
    expect(rows[0]!.followUpDue).toBeNull();
    expect(rows[1]!.followUpDue).toMatchObject({ state: 'DUE', inDays: 1 });
    // A colleague serving the customer on the floor sees the same standing.
    expect((await byIds('li', [lapsing.id]))[0]).toMatchObject({ id: lapsing.id, followUpDue: { state: 'DUE', inDays: 1 } });
    expect((await byIds('wang', [])).length).toBe(0);
    const tooMany = await refused('wang', Q.byIds, { s: bj, ids: Array.from({ length: 51 }, (_, i) => String(i + 1)) });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it("Issue 13: the grades' wording is a site setting, recorded in the register settings history; blank goes back to the default", async () => {
    const before = (await ok('manager', Q.settings, { s: bj })).customerSettings;
    expect(before.grades.map((g: { grade: string }) => g.grade)).toEqual(['A', 'B', 'C', 'D']);
    const saved = (
      await ok('admin', Q.updateSettings, {
        s: bj,
        i: { followUpDays: 7, dealLookbackDays: 7, grades: [{ grade: 'A', label: '一月内', description: '一个月内购买' }] },
      })
    ).updateCustomerSettings;
    expect(saved.grades[0]).toEqual({ grade: 'A', label: '一月内', description: '一个月内购买' });
    expect(saved.grades[1]).toEqual({ grade: 'B', label: null, description: null });
    const [last] = (await ok('admin', Q.history, { s: bj })).settingsHistory as Array<{ before: any; after: any }>;
    expect(last.before).toMatchObject({ gradeALabel: null, gradeADescription: null });
    expect(last.after).toMatchObject({ gradeALabel: '一月内', gradeADescription: '一个月内购买' });
    const reset = (await ok('admin', Q.updateSettings, { s: bj, i: { followUpDays: 7, dealLookbackDays: 7, grades: [{ grade: 'A', label: ' ', description: '' }] } }))
      .updateCustomerSettings;
    expect(reset.grades[0]).toEqual({ grade: 'A', label: null, description: null });
    // Only the manager's and administrator's page: a consultant cannot change the wording.
    const err = await refused('wang', Q.updateSettings, { s: bj, i: { followUpDays: 7, dealLookbackDays: 7, grades: [{ grade: 'A', label: 'x' }] } });
    expect(err.extensions?.code).toBe('FORBIDDEN');
  });
});
