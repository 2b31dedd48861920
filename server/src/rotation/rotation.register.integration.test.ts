import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';
import { RotationReceptionEntity } from './rotation.entity.js';

const kinds = await databaseKinds();

// The customer record on the floor (issue 13), over GraphQL on each database: the desk finds
// the walk-in by phone or registers them in the same step, the reception keeps the customer's
// id, R7–R11 and O2 are decided on it, and the customer's page tells the whole story.

const CUSTOMER = 'id name phone phoneMasked dealClosed ownership { owner { id } rule }';
const RECEPTION = 'id kind status counted rule customerId customerName owner { id } consultant { id } explanation';
const Q = {
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match registrationId customer { ${CUSTOMER} } } }`,
  lookup: `query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { ${CUSTOMER} } }`,
  walkIn: `mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { reception { ${RECEPTION} } } }`,
  end: `mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { board { seq } } }`,
  handOver: `mutation($s: ID!, $r: ID!, $c: ID) { handOver(siteId: $s, receptionId: $r, customerId: $c) { reception { ${RECEPTION} } } }`,
  checkIn: `mutation($s: ID!) { checkIn(siteId: $s) { board { seq } } }`,
  board: `query($s: ID!) { rotationBoard(siteId: $s) { atDoor { id } consultants { consultant { id } counted makeUps priorityMakeUps } } }`,
  deal: `mutation($i: DealInput!) { recordDeal(input: $i) { id } }`,
  followUp: `mutation($c: ID!, $i: FollowUpInput!) { logFollowUp(customerId: $c, input: $i) { id } }`,
  link: `mutation($s: ID!, $r: ID!, $c: ID!) { linkReceptionToCustomer(siteId: $s, receptionId: $r, customerId: $c) }`,
  unlinked: `query($s: ID!) { unlinkedReceptions(siteId: $s) { id customerName } }`,
  timeline: `query($id: ID!) { customer(id: $id) { customer { id name } timeline { at kind counted rule details consultant { id } actor { id } people { id } } } }`,
};

interface Reception {
  id: string;
  kind: string;
  status: string;
  counted: boolean;
  rule: string;
  customerId: string | null;
  customerName: string | null;
  owner: { id: string } | null;
  consultant: { id: string } | null;
  explanation: { rule: string; params?: Record<string, unknown> };
}
interface Entry {
  at: string;
  kind: string;
  counted: boolean | null;
  rule: string | null;
  details: Record<string, unknown>;
  consultant: { id: string } | null;
  actor: { id: string } | null;
  people: Array<{ id: string }>;
}

const DAY = 24 * 3600_000;
/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8, no DST). */
const shanghai = (y: number, m: number, d: number, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h - 8, mi);

describe.each(kinds)('the customer record on the floor on %s', (kind) => {
  let t: TestApp;
  let now = shanghai(2025, 3, 10, 12);
  let day0 = now;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let phoneSeq = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '1000d' } });
    for (const u of ['manager', 'desk', 'wang', 'li', 'zhang', 'liu']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    bj = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.manager)).data!.sites.find((s) => s.code === 'BJ')!.id;
    const rows = ['wang', 'li', 'zhang', 'liu'].flatMap((u) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId: id[u], weekday, startTime: '09:00', endTime: '21:00' })));
    const r = await t.gql('mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }', { s: bj, rows }, tokens.manager);
    expect(r.errors).toBeUndefined();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A stretch of 30 days of this test's own, starting 10:00 site time. */
  function newStretch() {
    day0 = (day0 === shanghai(2025, 3, 10, 12) ? shanghai(2025, 4, 20, 10) : day0) + 30 * DAY;
    now = day0;
  }
  const at = (d: number, hh = 10, mm = 0) => {
    now = day0 - 10 * 3600_000 + d * DAY + hh * 3600_000 + mm * 60_000;
    return now;
  };
  const phone = () => `137${String(kinds.indexOf(kind))}${String(++phoneSeq).padStart(7, '0')}`;

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown>): Promise<T> {
    now += 1000;
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  async function refused(as: string, q: string, vars: Record<string, unknown>) {
    const r: GqlResult<unknown> = await t.gql(q, vars, tokens[as]);
    expect(r.errors, `${as} should be refused: ${q.slice(0, 60)}`).toBeDefined();
    return r.errors![0];
  }
  const checkIn = async (...users: string[]) => {
    for (const u of users) await ok(u, Q.checkIn, { s: bj });
  };
  const walkIn = async (i: Record<string, unknown>, as = 'desk'): Promise<Reception> => (await ok(as, Q.walkIn, { s: bj, i })).recordWalkIn.reception;
  const counted = async (u: string) => (await ok('manager', Q.board, { s: bj })).rotationBoard.consultants.find((c: { consultant: { id: string } }) => c.consultant.id === id[u]);
  const timeline = async (customerId: string, as = 'manager'): Promise<Entry[]> => (await ok(as, Q.timeline, { id: customerId })).customer.timeline;

  it('O1/O9: the desk types a phone not in the register and registers the walk-in in the same step; the reception keeps the id; the desk sees the number masked', async () => {
    newStretch();
    await checkIn('li', 'wang');
    const p = phone();
    expect((await ok('desk', Q.lookup, { s: bj, q: p })).customerLookup).toEqual([]);
    const r = await walkIn({ kind: 'NEW', customerName: '新客户', phone: p, registerCustomer: true });
    expect(r).toMatchObject({ kind: 'NEW', rule: 'R1', counted: true, consultant: { id: id.li } });
    expect(r.customerId).not.toBeNull();
    const found = (await ok('desk', Q.lookup, { s: bj, q: p })).customerLookup;
    // O2: registered with the consultant who received them; O9: masked for the desk.
    expect(found).toMatchObject([{ id: r.customerId, name: '新客户', phone: null, ownership: { owner: { id: id.li }, rule: 'O2' } }]);
    expect(found[0].phoneMasked).not.toContain(p.slice(3, 7));
    expect((await ok('li', Q.lookup, { s: bj, q: p })).customerLookup[0].phone).toBe(p);
    const row = await t.app.ds.getRepository(RotationReceptionEntity).findOneBy({ siteId: Number(bj), id: r.id });
    expect(row?.customerId).toBe(Number(r.customerId));
    // O1: registering needs the real name.
    const e = await refused('desk', Q.walkIn, { s: bj, i: { kind: 'NEW', phone: phone(), registerCustomer: true } });
    expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("R9: a new customer registered today by the consultant who received them comes back today: theirs again, counted once, no make-up; typing the phone or picking the record decides the same", async () => {
    newStretch();
    await checkIn('li', 'wang', 'zhang');
    const p = phone();
    const first = await walkIn({ kind: 'NEW', customerName: '当天回访', phone: p, registerCustomer: true });
    expect(first).toMatchObject({ consultant: { id: id.li }, counted: true });
    await ok('desk', Q.end, { s: bj, r: first.id });
    at(0, 15);
    // Typed phone (the desk pressed "returning", as a customer in the register is).
    const typed = await walkIn({ kind: 'RETURNING', phone: p });
    expect(typed).toMatchObject({ kind: 'RETURNING', rule: 'R9', counted: false, consultant: { id: id.li }, customerId: first.customerId });
    await ok('desk', Q.end, { s: bj, r: typed.id });
    at(0, 16);
    const picked = await walkIn({ kind: 'RETURNING', customerId: first.customerId });
    expect(picked).toMatchObject({ rule: 'R9', counted: false, consultant: { id: id.li }, customerId: first.customerId });
    expect(await counted('li')).toMatchObject({ counted: 1, makeUps: 0, priorityMakeUps: 0 });

    // Registered today on the register page by zhang (the first visit was a typed name): zhang's.
    const q = phone();
    at(0, 16, 30);
    const reg = (await ok('zhang', Q.register, { s: bj, i: { name: '登记客户', phone: q } })).registerCustomer;
    at(0, 17);
    const back = await walkIn({ kind: 'NEW', phone: q });
    expect(back).toMatchObject({ rule: 'R9', counted: false, consultant: { id: id.zhang }, customerId: reg.customer.id });
    expect((await counted('zhang')).makeUps + (await counted('zhang')).priorityMakeUps).toBe(0);
  });

  it('R7/O2: an old customer found by phone goes to the owner their record names, decided on the id', async () => {
    newStretch();
    const p = phone();
    const c = (await ok('wang', Q.register, { s: bj, i: { name: '老客户', phone: p } })).registerCustomer.customer;
    at(1);
    await checkIn('li', 'wang');
    const r = await walkIn({ kind: 'NEW', customerName: '随便写的名字', phone: p });
    expect(r).toMatchObject({ kind: 'RETURNING', rule: 'R7', owner: { id: id.wang }, consultant: { id: id.wang }, customerId: c.id, counted: false });
  });

  it('R8: the old customer picked from the register decides the variant: their owner and their deal', async () => {
    newStretch();
    const old = (await ok('wang', Q.register, { s: bj, i: { name: '老业主', phone: phone() } })).registerCustomer.customer;
    await ok('manager', Q.deal, { i: { customerId: old.id, buyerName: '老业主', dealAt: new Date(now).toISOString(), units: 1 } });
    at(1);
    await checkIn('li', 'wang');
    // Variant B (default): after a deal, counted only when the new customer is registered (here: in the same step).
    const unregistered = await walkIn({ kind: 'BROUGHT_ALONG', broughtById: old.id, customerName: '朋友甲' });
    expect(unregistered).toMatchObject({ rule: 'R8', counted: false, consultant: { id: id.wang }, owner: { id: id.wang }, customerId: null });
    expect(unregistered.explanation.params).toMatchObject({ dealClosed: true, registered: false });
    await ok('desk', Q.end, { s: bj, r: unregistered.id });
    const registered = await walkIn({ kind: 'BROUGHT_ALONG', broughtById: old.id, customerName: '朋友乙', phone: phone(), registerCustomer: true });
    expect(registered).toMatchObject({ rule: 'R8', counted: true, consultant: { id: id.wang } });
    expect(registered.customerId).not.toBeNull();
    // The old customer's timeline shows the walk-ins they brought.
    const story = await timeline(old.id);
    expect(story.filter((e) => e.kind === 'RECEPTION' && e.details.broughtAlong === true)).toHaveLength(2);
  });

  it("R11: a consultant who finds their walk-in in the register hands over to the customer's owner; the reception keeps the id", async () => {
    newStretch();
    const c = (await ok('zhang', Q.register, { s: bj, i: { name: '同事的客户', phone: phone() } })).registerCustomer.customer;
    at(1);
    await checkIn('li', 'zhang');
    const r = await walkIn({ kind: 'NEW', customerName: '没说电话' });
    expect(r.consultant).toEqual({ id: id.li });
    const handed = (await ok('li', Q.handOver, { s: bj, r: r.id, c: c.id })).handOver.reception;
    expect(handed).toMatchObject({ rule: 'R11', consultant: { id: id.zhang }, owner: { id: id.zhang }, customerId: c.id });
    expect(await counted('li')).toMatchObject({ priorityMakeUps: 1 });
    // A customer nobody owns is no colleague's.
    const free = (await ok('manager', Q.register, { s: bj, i: { name: '无主', phone: phone(), consultantId: id.liu } })).registerCustomer.customer;
    await ok('manager', `mutation($i: DecisionInput!) { decideOwnership(input: $i) { id } }`, { i: { customerId: free.id, kind: 'RELEASE', reason: '测试' } });
    const other = await walkIn({ kind: 'NEW', customerName: '另一位' });
    expect((await refused('manager', Q.handOver, { s: bj, r: other.id, c: free.id })).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a typed name linked to the record later: nothing is decided again; the timeline shows the reception and the link', async () => {
    newStretch();
    await checkIn('li', 'wang');
    const r = await walkIn({ kind: 'NEW', customerName: '只留了姓' });
    expect(r).toMatchObject({ counted: true, consultant: { id: id.li }, customerId: null });
    at(0, 14);
    const c = (await ok('li', Q.register, { s: bj, i: { name: '只留了姓', phone: phone() } })).registerCustomer.customer;
    expect((await ok('desk', Q.unlinked, { s: bj })).unlinkedReceptions.map((x: { id: string }) => x.id)).toContain(r.id);
    at(1);
    // The serving consultant (or the desk, a manager) may link; another consultant may not.
    expect((await refused('wang', Q.link, { s: bj, r: r.id, c: c.id })).extensions?.code).toBe('FORBIDDEN');
    await ok('li', Q.link, { s: bj, r: r.id, c: c.id });
    expect((await refused('desk', Q.link, { s: bj, r: r.id, c: c.id })).extensions?.code).toBe('CONFLICT');
    expect((await ok('desk', Q.unlinked, { s: bj })).unlinkedReceptions.map((x: { id: string }) => x.id)).not.toContain(r.id);
    const story = await timeline(c.id);
    const reception = story.find((e) => e.kind === 'RECEPTION')!;
    expect(reception).toMatchObject({ counted: true, rule: 'R1', consultant: { id: id.li }, details: { receptionId: r.id, linked: true } });
    expect(story.find((e) => e.kind === 'LINKED')).toMatchObject({ actor: { id: id.li }, details: { receptionId: r.id } });
    // Linking re-decides nothing: li's turn still counted once, on the day it happened.
    expect(story.map((e) => e.kind)).toEqual(['RECEPTION', 'REGISTRATION', 'LINKED']);
  });

  it('a link made during the reception stays when the floor changes the reception afterwards (its end)', async () => {
    newStretch();
    await checkIn('li');
    const r = await walkIn({ kind: 'NEW', customerName: '先接待后登记' });
    at(0, 11);
    const c = (await ok('li', Q.register, { s: bj, i: { name: '先接待后登记', phone: phone() } })).registerCustomer.customer;
    await ok('li', Q.link, { s: bj, r: r.id, c: c.id });
    at(0, 12);
    await ok('li', Q.end, { s: bj, r: r.id });
    expect((await ok('desk', Q.unlinked, { s: bj })).unlinkedReceptions.map((x: { id: string }) => x.id)).not.toContain(r.id);
    expect((await timeline(c.id)).find((e) => e.kind === 'RECEPTION')).toMatchObject({ details: { receptionId: r.id, linked: true } });
  });

  it("the customer's timeline: receptions (who, counted or not and why), registrations, follow-ups, disputes, deals, oldest first", async () => {
    newStretch();
    const p = phone();
    const c = (await ok('wang', Q.register, { s: bj, i: { name: '完整故事', phone: p } })).registerCustomer.customer;
    at(0, 11);
    await ok('wang', Q.followUp, { c: c.id, i: { kind: 'CALL', note: '约了周末' } });
    at(2);
    await checkIn('li', 'wang');
    const visit = await walkIn({ kind: 'NEW', phone: p });
    expect(visit).toMatchObject({ rule: 'R7', counted: false });
    at(2, 13);
    // O7: a buyer who is neither the customer nor immediate family: a dispute for the manager.
    await ok('manager', Q.deal, { i: { customerId: c.id, buyerName: '别的买主', dealAt: new Date(now).toISOString(), units: 2 } });
    const story = await timeline(c.id);
    expect(story.map((e) => e.kind)).toEqual(['REGISTRATION', 'FOLLOW_UP', 'RECEPTION', 'DEAL', 'DISPUTE_OPENED']);
    expect(story.find((e) => e.kind === 'DEAL')).toMatchObject({ consultant: { id: id.wang }, details: { units: 2 } });
    expect(story.find((e) => e.kind === 'DISPUTE_OPENED')).toMatchObject({ rule: 'O7', details: { conflictKind: 'DEAL' } });
    const reception = story.find((e) => e.kind === 'RECEPTION')!;
    expect(reception).toMatchObject({ counted: false, rule: 'R7', consultant: { id: id.wang }, details: { walkInKind: 'RETURNING' } });
    expect(reception.people.map((x) => x.id)).toContain(id.wang);
    expect(story.map((e) => Date.parse(e.at))).toEqual([...story.map((e) => Date.parse(e.at))].sort((a, b) => a - b));
    // The consultant sees the same story of their own customer.
    expect((await timeline(c.id, 'wang')).length).toBe(story.length);
  });
});
