import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';
import {
  ConflictEntity,
  CustomerEntity,
  CustomerFamilyEntity,
  RegistrationEntity,
} from './customers.entity.js';

const kinds = await databaseKinds();

// Registration and ownership (SPEC O1–O9) over GraphQL, end to end, on each database, with
// the walk-in desk consulting the register (R7, R8). Time is a test clock in the site's
// zone (Asia/Shanghai): every test starts on a day of its own, far enough from the last
// that earlier customers' periods (O3) and floors do not reach into it.

const CUSTOMER =
  'id name phone phoneMasked dealClosed ownership { owner { id } rule since lapsesAt lapsesSoon }';
const Q = {
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match registrationId customer { ${CUSTOMER} } } }`,
  check: `query($s: ID!, $n: String!, $p: String!) { registerCheck(siteId: $s, name: $n, phone: $p) { match customers { ${CUSTOMER} } } }`,
  lookup: `query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { ${CUSTOMER} } }`,
  list: `query($s: ID!, $scope: CustomerScope!, $search: String) { customers(siteId: $s, scope: $scope, search: $search, limit: 200) { total rows { ${CUSTOMER} } } }`,
  detail: `query($id: ID!) { customer(id: $id) { customer { ${CUSTOMER} }
    family { name phone relation }
    registrations { id name phone at correctsId consultant { id } intent }
    followUps { kind consultant { id } }
    decisions { kind reason consultant { id } decidedBy { id } }
    deals { id buyerName credit { share consultant { id } } attribution }
    conflicts { id kind resolvedAt } } }`,
  correct: `mutation($id: ID!, $n: String!, $p: String!) { correctRegistration(id: $id, name: $n, phone: $p) { id name phone correctsId } }`,
  followUp: `mutation($c: ID!, $i: FollowUpInput!) { logFollowUp(customerId: $c, input: $i) { ${CUSTOMER} } }`,
  conflicts: `query($s: ID!) { customerConflicts(siteId: $s) { id kind customerId customerName details resolvedAt } }`,
  decide: `mutation($i: DecisionInput!) { decideOwnership(input: $i) { ${CUSTOMER} } }`,
  deal: `mutation($i: DealInput!) { recordDeal(input: $i) { id customerId buyerName units credit { share consultant { id } } attribution } }`,
  walkIn: `mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { reception { id kind status counted rule owner { id } consultant { id } phoneMasked explanation } } }`,
  checkIn: `mutation($s: ID!) { checkIn(siteId: $s) { board { seq } } }`,
  board: `query($s: ID!) { rotationBoard(siteId: $s) { seq atDoor { id } receptions { id kind customerName phoneMasked owner { id } consultant { id } counted rule explanation } events { seq explanation } } }`,
  history: `query($s: ID!) { rotationHistory(siteId: $s, limit: 200) { events { seq type explanation } } }`,
  export: `query($s: ID!) { exportCustomers(siteId: $s) { fileName contentBase64 } }`,
};

interface Customer {
  id: string;
  name: string;
  phone: string | null;
  phoneMasked: string;
  dealClosed: boolean;
  ownership: {
    owner: { id: string } | null;
    rule: string;
    since: string | null;
    lapsesAt: string | null;
    lapsesSoon: boolean;
  };
}

const DAY = 24 * 3600_000;
/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8, no DST). */
const shanghai = (y: number, m: number, d: number, h = 0, mi = 0) =>
  Date.UTC(y, m - 1, d, h - 8, mi);

describe.each(kinds)('customers over GraphQL on %s', (kind) => {
  let t: TestApp;
  // 12:00 Asia/Shanghai, Monday 10 March 2025: the demo seed fills this day's floor.
  let now = shanghai(2025, 3, 10, 12);
  /** 10:00 site time on the first day of this test's own stretch of time. */
  let day0 = now;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let phoneSeq = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      clock: { now: () => new Date(now) },
      env: { JWT_TTL: '1000d' },
    });
    for (const u of ['admin', 'manager', 'desk', 'wang', 'li', 'zhang', 'liu']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    bj = (
      await t.gql<{ sites: Array<{ id: string; code: string }> }>(
        '{ sites { id code } }',
        {},
        tokens.manager,
      )
    ).data!.sites.find((s) => s.code === 'BJ')!.id;
    // Shifts for every weekday, so walk-in tests have a floor on whatever day they land.
    const rows = ['wang', 'li', 'zhang', 'liu'].flatMap((u) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        consultantId: id[u],
        weekday,
        startTime: '09:00',
        endTime: '21:00',
      })),
    );
    const r = await t.gql(
      'mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }',
      { s: bj, rows },
      tokens.manager,
    );
    expect(r.errors).toBeUndefined();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A stretch of time of this test's own: 10:00 site time, 30 days after the last one began. */
  function newStretch() {
    day0 = (day0 === shanghai(2025, 3, 10, 12) ? shanghai(2025, 3, 11, 10) : day0) + 30 * DAY;
    now = day0;
  }
  /** Moves the clock to `d` days after this test's first day, at hh:mm site time. */
  const at = (d: number, hh = 10, mm = 0) => {
    now = day0 - 10 * 3600_000 + d * DAY + hh * 3600_000 + mm * 60_000;
    return now;
  };
  const phone = () => `139${String(kinds.indexOf(kind))}${String(++phoneSeq).padStart(7, '0')}`;

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown>): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  async function refused(as: string, q: string, vars: Record<string, unknown>) {
    const r: GqlResult<unknown> = await t.gql(q, vars, tokens[as]);
    expect(r.errors, `${as} should be refused: ${q.slice(0, 60)}`).toBeDefined();
    return r.errors![0];
  }
  const register = async (
    as: string,
    name: string,
    ph: string,
    extra: Record<string, unknown> = {},
  ) =>
    (
      await ok<{ registerCustomer: { match: string; registrationId: string; customer: Customer } }>(
        as,
        Q.register,
        { s: bj, i: { name, phone: ph, ...extra } },
      )
    ).registerCustomer;
  /** Check-ins a minute apart, so the line is in this order (R1). */
  const checkIn = async (...users: string[]) => {
    for (const u of users) {
      now += 60_000;
      await ok(u, Q.checkIn, { s: bj });
    }
  };
  const detail = async (as: string, customerId: string) =>
    (await ok(as, Q.detail, { id: customerId })).customer;
  const owner = async (customerId: string) =>
    (await detail('manager', customerId)).customer.ownership as Customer['ownership'];
  const counts = async () => ({
    customers: await t.app.ds.getRepository(CustomerEntity).count(),
    registrations: await t.app.ds.getRepository(RegistrationEntity).count(),
    family: await t.app.ds.getRepository(CustomerFamilyEntity).count(),
    conflicts: await t.app.ds.getRepository(ConflictEntity).count(),
  });

  // ---- O1, O4 -------------------------------------------------------------------------------

  it('O1: a consultant registers a customer with name and phone; they own it (O2) and the phone is normalized', async () => {
    newStretch();
    const p = phone();
    const r = await register(
      'wang',
      ' 张三 ',
      `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`,
      { intent: { budget: '300万', size: '90㎡', source: '路过' } },
    );
    expect(r.match).toBe('NEW');
    expect(r.customer).toMatchObject({
      name: '张三',
      phone: p,
      phoneMasked: `${p.slice(0, 3)}****${p.slice(7)}`,
      ownership: { owner: { id: id.wang }, rule: 'O2' },
    });
    expect(new Date(r.customer.ownership.since!).getTime()).toBe(now);
    const d = await detail('wang', r.customer.id);
    expect(d.registrations).toEqual([
      expect.objectContaining({
        id: r.registrationId,
        name: '张三',
        phone: p,
        correctsId: null,
        consultant: { id: id.wang },
        intent: { budget: '300万', size: '90㎡', source: '路过' },
      }),
    ]);
    // The desk registers for a named consultant.
    const byDesk = await register('desk', '李四', phone(), { consultantId: id.li });
    expect(byDesk.customer.ownership.owner).toEqual({ id: id.li });
  });

  it('O1/O4: a registration without name, phone or consultant is BAD_USER_INPUT naming the field, and writes nothing', async () => {
    newStretch();
    const before = await counts();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['wang', { name: '   ', phone: phone() }, 'name'],
      ['wang', { name: '', phone: phone() }, 'name'],
      ['wang', { name: '王五', phone: 'no number' }, 'phone'],
      ['wang', { name: '王五', phone: '' }, 'phone'],
      ['desk', { name: '王五', phone: phone() }, 'consultantId'],
      ['desk', { name: '王五', phone: phone(), consultantId: id.desk }, 'consultantId'],
      [
        'manager',
        {
          name: '王五',
          phone: phone(),
          consultantId: id.wang,
          family: [{ name: ' ', relation: 'SPOUSE' }],
        },
        'family.0.name',
      ],
    ];
    for (const [as, input, field] of cases) {
      const e = await refused(as, Q.register, { s: bj, i: input });
      expect(e.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: expect.stringMatching(new RegExp(`(^|\\.)${field.replace(/\./g, '\\.')}$`)),
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('O4: an incomplete registration (legacy data without a phone) never wins against a later valid one', async () => {
    newStretch();
    const p = phone();
    // li registers the customer on day 2; a blank registration by wang from day 0 sits in the register.
    at(2);
    const r = await register('li', '周七', p);
    await t.app.ds.getRepository(RegistrationEntity).insert({
      siteId: Number(bj),
      customerId: Number(r.customer.id),
      consultantId: Number(id.wang),
      name: '周七',
      phone: null,
      at: new Date(day0),
      correctsId: null,
      intent: '{}',
      createdBy: Number(id.wang),
    });
    expect(await owner(r.customer.id)).toMatchObject({ owner: { id: id.li }, rule: 'O2' });
    expect(new Date((await owner(r.customer.id)).since!).getTime()).toBe(at(2));
  });

  it('O1: a correction is a new registration pointing at the old one; the old one stays as it was', async () => {
    newStretch();
    const p = phone();
    const r = await register('wang', '张山', p);
    at(0, 11);
    const fixed = (await ok('wang', Q.correct, { id: r.registrationId, n: '张三', p }))
      .correctRegistration;
    expect(fixed).toMatchObject({ name: '张三', phone: p, correctsId: r.registrationId });
    expect(fixed.id).not.toBe(r.registrationId);
    const regs = (await detail('manager', r.customer.id)).registrations;
    expect(
      regs.map((x: { id: string; name: string; correctsId: string | null }) => [
        x.id,
        x.name,
        x.correctsId,
      ]),
    ).toEqual([
      [r.registrationId, '张山', null],
      [fixed.id, '张三', r.registrationId],
    ]);
    // A typo fix keeps the original's place in time (O2): still owned since 10:00.
    expect(new Date((await owner(r.customer.id)).since!).getTime()).toBe(at(0, 10));
    at(0, 12);
    expect((await refused('li', Q.correct, { id: fixed.id, n: '张三', p })).extensions!.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await refused('wang', Q.correct, { id: r.registrationId, n: '张三丰', p })).extensions!.code,
    ).toBe('CONFLICT');
    expect(
      (await refused('wang', Q.correct, { id: fixed.id, n: '张三', p: 'x' })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });

  // ---- O2, O3, O5, O6 -----------------------------------------------------------------------

  it('O5/O6: the live check tells NEW, SAME, SAME_NAME (O5) and PHONE_CONFLICT (O6) before anything is written', async () => {
    newStretch();
    const p = phone();
    const r = await register('wang', '陈八', p);
    const before = await counts();
    const check = async (n: string, ph: string) =>
      (await ok('li', Q.check, { s: bj, n, p: ph })).registerCheck as {
        match: string;
        customers: Customer[];
      };
    expect((await check('陈八', p)).match).toBe('SAME');
    expect((await check('陈 八', `+86${p}`)).match).toBe('SAME');
    const sameName = await check('陈八', phone());
    expect(sameName.match).toBe('SAME_NAME');
    expect(sameName.customers.map((c) => c.id)).toContain(r.customer.id);
    const samePhone = await check('陈九', p);
    expect(samePhone).toMatchObject({
      match: 'PHONE_CONFLICT',
      customers: [{ id: r.customer.id, phone: null, phoneMasked: r.customer.phoneMasked }],
    });
    expect((await check('无名氏', phone())).match).toBe('NEW');
    expect(await counts()).toEqual(before);
  });

  it('O2: the earliest valid registration wins; a colleague registering the owned customer again is refused as already registered, and nothing is written', async () => {
    newStretch();
    const p = phone();
    const first = await register('wang', '林一', p);
    at(1);
    const before = await counts();
    const e = await refused('li', Q.register, { s: bj, i: { name: '林一', phone: p } });
    expect(e.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'O2_ALREADY_REGISTERED',
      customerId: first.customer.id,
    });
    // O9: the refusal does not give the colleague the number.
    expect(JSON.stringify(e)).not.toContain(p.slice(3, 7));
    expect(await counts()).toEqual(before);
    expect(await owner(first.customer.id)).toMatchObject({ owner: { id: id.wang }, rule: 'O2' });
    const regs = (await detail('manager', first.customer.id)).registrations;
    expect(regs.map((x: { consultant: { id: string } }) => x.consultant.id)).toEqual([id.wang]);
  });

  it('O3: ownership lapses at the start of day 8 (site time) without a follow-up; the customer is then free to the next registration', async () => {
    newStretch();
    const p = phone();
    const r = await register('wang', '何二', p);
    // Day 7, 23:59 site time: still wang's, lapsing at midnight.
    at(7, 23, 59);
    const o7 = await owner(r.customer.id);
    expect(o7).toMatchObject({ owner: { id: id.wang }, rule: 'O2', lapsesSoon: true });
    expect(new Date(o7.lapsesAt!).getTime()).toBe(at(8, 0, 0));
    // Day 8, 00:00 site time (16:00 UTC the day before): free.
    at(8, 0, 0);
    expect(await owner(r.customer.id)).toMatchObject({ owner: null, rule: 'O3' });
    const free = (await ok('manager', Q.list, { s: bj, scope: 'FREE', search: p })).customers;
    expect(free.rows.map((c: Customer) => c.id)).toEqual([r.customer.id]);
    // A follow-up after the lapse does not revive wang's claim.
    await ok('wang', Q.followUp, { c: r.customer.id, i: { kind: 'CALL' } });
    expect((await owner(r.customer.id)).owner).toBeNull();
    // The next valid registration takes the customer.
    at(8, 10);
    const next = await register('li', '何二', p);
    expect(next.customer.ownership).toMatchObject({ owner: { id: id.li }, rule: 'O2' });
  });

  it('O3: a follow-up restarts the 7-day period from its own day', async () => {
    newStretch();
    const r = await register('wang', '吕三', phone());
    at(5, 15);
    const after = (
      await ok('wang', Q.followUp, { c: r.customer.id, i: { kind: 'VISIT', note: '看了样板间' } })
    ).logFollowUp as Customer;
    expect(new Date(after.ownership.lapsesAt!).getTime()).toBe(at(13, 0, 0));
    at(8, 10);
    expect((await owner(r.customer.id)).owner).toEqual({ id: id.wang });
    at(12, 23, 59);
    expect((await owner(r.customer.id)).owner).toEqual({ id: id.wang });
    at(13, 0, 0);
    expect(await owner(r.customer.id)).toMatchObject({ owner: null, rule: 'O3' });
    // A colleague's follow-up does not keep wang's claim alive.
    const other = await register('wang', '吕四', phone());
    at(18);
    await ok('li', Q.followUp, { c: other.customer.id, i: { kind: 'CALL' } });
    at(21, 0, 0);
    expect((await owner(other.customer.id)).owner).toBeNull();
    // MINE lists wang's customers by how soon they lapse.
    const third = await register('wang', '吕五', phone());
    const mine = (await ok('wang', Q.list, { s: bj, scope: 'MINE', search: '吕' })).customers
      .rows as Customer[];
    expect(mine.map((c) => c.id)).toEqual([third.customer.id]);
  });

  it('O6: the same phone under another name is a conflict for the manager, who settles it with a reason; consultants may not', async () => {
    newStretch();
    const p = phone();
    const original = await register('wang', '宋一', p);
    at(0, 11);
    const other = await register('li', '宋二', p);
    expect(other.match).toBe('PHONE_CONFLICT');
    expect(other.customer.id).not.toBe(original.customer.id);
    const waiting = (await ok('manager', Q.conflicts, { s: bj })).customerConflicts as Array<{
      id: string;
      kind: string;
      customerId: string;
      customerName: string;
      details: { rule: string };
    }>;
    const mine = waiting.find((c) => c.customerId === other.customer.id)!;
    expect(mine).toMatchObject({ kind: 'O6', customerName: '宋二', details: { rule: 'O6' } });
    expect((await refused('li', Q.conflicts, { s: bj })).extensions!.code).toBe('FORBIDDEN');
    const decision = {
      customerId: other.customer.id,
      conflictId: mine.id,
      kind: 'ASSIGN',
      consultantId: id.wang,
      reason: '同一家庭，电话核实',
    };
    expect((await refused('li', Q.decide, { i: decision })).extensions!.code).toBe('FORBIDDEN');
    expect(
      (await refused('manager', Q.decide, { i: { ...decision, reason: '   ' } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    at(0, 12);
    const settled = (await ok('manager', Q.decide, { i: decision })).decideOwnership as Customer;
    expect(settled.ownership).toMatchObject({ owner: { id: id.wang }, rule: 'DECISION' });
    const still = (await ok('manager', Q.conflicts, { s: bj })).customerConflicts as Array<{
      id: string;
    }>;
    expect(still.map((c) => c.id)).not.toContain(mine.id);
    const d = await detail('manager', other.customer.id);
    expect(d.decisions).toEqual([
      {
        kind: 'ASSIGN',
        reason: '同一家庭，电话核实',
        consultant: { id: id.wang },
        decidedBy: { id: id.manager },
      },
    ]);
    expect(d.conflicts[0]).toMatchObject({
      id: mine.id,
      kind: 'O6',
      resolvedAt: expect.any(String),
    });
    // Settled once: a second answer is a CONFLICT.
    expect((await refused('manager', Q.decide, { i: decision })).extensions!.code).toBe('CONFLICT');
  });

  it('O6: immediate family (spouse, parents) on the same phone stays with the owner, without a conflict', async () => {
    newStretch();
    const p = phone();
    const original = await register('wang', '韩一', p, {
      family: [{ name: '韩母', relation: 'PARENT' }],
    });
    const before = await counts();
    at(1);
    const spouse = await register('li', '韩妻', p, { relation: 'SPOUSE' });
    expect(spouse.match).toBe('FAMILY');
    expect(spouse.customer.id).toBe(original.customer.id);
    expect(spouse.customer.ownership.owner).toEqual({ id: id.wang });
    const mother = await register('zhang', '韩母', p);
    expect(mother.match).toBe('FAMILY');
    expect(mother.customer.ownership.owner).toEqual({ id: id.wang });
    const after = await counts();
    expect(after.customers).toBe(before.customers);
    expect(after.conflicts).toBe(before.conflicts);
    const family = (await detail('manager', original.customer.id)).family.map(
      (f: { name: string; relation: string }) => [f.name, f.relation],
    );
    expect(family).toEqual(
      expect.arrayContaining([
        ['韩母', 'PARENT'],
        ['韩妻', 'SPOUSE'],
      ]),
    );
  });

  // ---- O7, O8 -------------------------------------------------------------------------------

  it('O7: a deal looks back 7 days for its owner; a family buyer matches; beyond the window nobody is credited and the manager is asked', async () => {
    newStretch();
    const r = await register('wang', '曹一', phone(), {
      family: [{ name: '曹妻', relation: 'SPOUSE' }],
    });
    // li's customer, registered the same day: its claim too lapses at the start of day 8.
    const late = await register('li', '曹二', phone());
    // wang's claim lapses at the start of day 8; a deal on day 10 still looks back to it.
    at(10);
    expect((await owner(r.customer.id)).owner).toBeNull();
    const deal = (
      await ok('manager', Q.deal, {
        i: {
          customerId: r.customer.id,
          buyerName: '曹妻',
          dealAt: new Date(at(10)).toISOString(),
          units: 1,
        },
      })
    ).recordDeal;
    expect(deal.credit).toEqual([{ share: 1, consultant: { id: id.wang } }]);
    expect(deal.attribution).toMatchObject({
      rule: 'O7',
      consultantId: Number(id.wang),
      lookedBack: true,
      buyerMatches: true,
      lookbackDays: 7,
    });
    expect((await detail('manager', r.customer.id)).customer.dealClosed).toBe(true);

    // A deal on day 16 looks back to the start of day 9: li's claim ended before that.
    at(16);
    const before = (await ok('manager', Q.conflicts, { s: bj })).customerConflicts.length;
    const stranger = (
      await ok('manager', Q.deal, {
        i: {
          customerId: late.customer.id,
          buyerName: '路人甲',
          dealAt: new Date(at(16)).toISOString(),
          units: 2,
        },
      })
    ).recordDeal;
    expect(stranger.credit).toEqual([]);
    expect(stranger.attribution).toMatchObject({
      consultantId: null,
      lookedBack: false,
      buyerMatches: false,
    });
    const conflicts = (await ok('manager', Q.conflicts, { s: bj })).customerConflicts as Array<{
      kind: string;
      customerId: string;
    }>;
    expect(conflicts.length).toBe(before + 1);
    expect(conflicts.filter((c) => c.customerId === late.customer.id).map((c) => c.kind)).toEqual([
      'DEAL',
    ]);
    // A deal in the future is bad input; a consultant may not record one.
    const future = {
      customerId: r.customer.id,
      buyerName: '曹一',
      dealAt: new Date(now + DAY).toISOString(),
      units: 1,
    };
    expect((await refused('manager', Q.deal, { i: future })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dealAt',
    });
    expect(
      (await refused('wang', Q.deal, { i: { ...future, dealAt: new Date(now).toISOString() } }))
        .extensions!.code,
    ).toBe('FORBIDDEN');
  });

  it('O8: a deal closed with a helper records the credit as two halves', async () => {
    newStretch();
    const r = await register('wang', '严一', phone());
    at(1, 15);
    const deal = (
      await ok('manager', Q.deal, {
        i: {
          customerId: r.customer.id,
          buyerName: '严一',
          dealAt: new Date(now).toISOString(),
          units: 1,
          helperId: id.li,
        },
      })
    ).recordDeal;
    expect(deal.credit).toEqual([
      { share: 0.5, consultant: { id: id.wang } },
      { share: 0.5, consultant: { id: id.li } },
    ]);
    expect(deal.attribution).toMatchObject({
      consultantId: Number(id.wang),
      lookedBack: false,
      buyerMatches: true,
    });
    // The helper must be a consultant of the site.
    expect(
      (
        await refused('manager', Q.deal, {
          i: {
            customerId: r.customer.id,
            buyerName: '严一',
            dealAt: new Date(now).toISOString(),
            units: 1,
            helperId: id.desk,
          },
        })
      ).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'helperId',
    });
  });

  // ---- O9 -----------------------------------------------------------------------------------

  it('O9: a consultant can not read a colleague’s customer’s number through any query; the owner and the manager can', async () => {
    newStretch();
    const p = phone();
    const spousePhone = phone();
    const r = await register('wang', '隐私一', p, {
      family: [{ name: '隐私妻', phone: spousePhone, relation: 'SPOUSE' }],
    });
    const cid = r.customer.id;
    // The number must appear nowhere in li's answers, in any spelling the server could use.
    const leaks = (answer: unknown) => {
      const s = JSON.stringify(answer);
      return [p, spousePhone, `+86${p}`].filter((x) => s.includes(x));
    };
    const asLi: Array<[string, string, Record<string, unknown>]> = [
      ['lookup by last 4', Q.lookup, { s: bj, q: p.slice(-4) }],
      ['lookup by full phone', Q.lookup, { s: bj, q: p }],
      ['register ALL', Q.list, { s: bj, scope: 'ALL', search: null }],
      ['register ALL search', Q.list, { s: bj, scope: 'ALL', search: p }],
      ['register MINE', Q.list, { s: bj, scope: 'MINE', search: null }],
      ['register FREE', Q.list, { s: bj, scope: 'FREE', search: null }],
      ['customer(id)', Q.detail, { id: cid }],
      ['registerCheck', Q.check, { s: bj, n: '隐私一', p }],
      ['registerCheck O6', Q.check, { s: bj, n: '别人', p }],
    ];
    for (const [what, q, vars] of asLi) {
      const answer = await ok('li', q, vars);
      expect(leaks(answer), what).toEqual([]);
    }
    // Nor digit by digit: a search by the visible prefix plus a guess at the hidden digits
    // must not tell li whether the guess is right (O9). The manager's search does match.
    const guess = p.slice(0, 5);
    const probe = (await ok('li', Q.list, { s: bj, scope: 'ALL', search: guess })).customers
      .rows as Customer[];
    expect(probe.map((c) => c.id)).not.toContain(cid);
    const managerProbe = (await ok('manager', Q.list, { s: bj, scope: 'ALL', search: guess }))
      .customers.rows as Customer[];
    expect(managerProbe.map((c) => c.id)).toContain(cid);
    // Whole numbers and last four digits still find it, masked, as at the desk.
    for (const q of [p, p.slice(-4)]) {
      const rows = (await ok('li', Q.list, { s: bj, scope: 'ALL', search: q })).customers
        .rows as Customer[];
      expect(
        rows.find((c) => c.id === cid),
        q,
      ).toMatchObject({ phone: null });
    }
    // The answers did find the customer, masked, so the check above is not vacuous.
    const found = (await ok('li', Q.lookup, { s: bj, q: p })).customerLookup as Customer[];
    expect(found).toEqual([
      expect.objectContaining({
        id: cid,
        phone: null,
        phoneMasked: `${p.slice(0, 3)}****${p.slice(-4)}`,
      }),
    ]);
    const d = await detail('li', cid);
    expect(d.registrations[0].phone).toBe(`${p.slice(0, 3)}****${p.slice(-4)}`);
    expect(d.family[0].phone).toBe(`${spousePhone.slice(0, 3)}****${spousePhone.slice(-4)}`);
    // li registering the same person is refused (O2) without the number.
    at(0, 11);
    const again = await refused('li', Q.register, { s: bj, i: { name: '隐私一', phone: p } });
    expect(again.extensions).toMatchObject({ reason: 'O2_ALREADY_REGISTERED', customerId: cid });
    expect(leaks(again)).toEqual([]);
    // The desk looks up but does not read full numbers either.
    expect(leaks(await ok('desk', Q.lookup, { s: bj, q: p }))).toEqual([]);
    // The export of the register, by li: masked.
    const xlsx = Buffer.from(
      (await ok('li', Q.export, { s: bj })).exportCustomers.contentBase64,
      'base64',
    );
    const { readTable } = await import('./customers.import.js');
    const table = await readTable('x.xlsx', xlsx);
    expect(leaks(table)).toEqual([]);
    expect(table.find((row) => row[0] === '隐私一')?.[1]).toBe(
      `${p.slice(0, 3)}****${p.slice(-4)}`,
    );

    // The owner and the manager read it.
    for (const as of ['wang', 'manager']) {
      const lookup = (await ok(as, Q.lookup, { s: bj, q: p.slice(-4) }))
        .customerLookup as Customer[];
      expect(lookup.find((c) => c.id === cid)?.phone, as).toBe(p);
      const dd = await detail(as, cid);
      expect(dd.customer.phone, as).toBe(p);
      expect(dd.family[0].phone, as).toBe(spousePhone);
      const all = (await ok(as, Q.list, { s: bj, scope: 'ALL', search: p })).customers
        .rows as Customer[];
      expect(
        all.map((c) => c.phone),
        as,
      ).toEqual([p]);
      const ownTable = await readTable(
        'x.xlsx',
        Buffer.from((await ok(as, Q.export, { s: bj })).exportCustomers.contentBase64, 'base64'),
      );
      expect(ownTable.find((row) => row[0] === '隐私一')?.[1], as).toBe(p);
    }

    // On the floor: the desk records the customer's walk-in by phone; the board masks it for everyone.
    await checkIn('li', 'wang');
    at(0, 12);
    const w = (
      await ok('desk', Q.walkIn, { s: bj, i: { kind: 'NEW', customerName: '隐私一', phone: p } })
    ).recordWalkIn.reception;
    expect(w.phoneMasked).toBe(`${p.slice(0, 3)}****${p.slice(-4)}`);
    for (const as of ['li', 'wang', 'manager', 'desk']) {
      expect(leaks(await ok(as, Q.board, { s: bj })), `board as ${as}`).toEqual([]);
    }
    expect(leaks(await ok('li', Q.history, { s: bj })), 'history').toEqual([]);
  });

  // ---- R7, R8: the walk-in desk consults the register -----------------------------------------

  it('R7: a new walk-in whose phone is in the register goes to its owner as RETURNING, outside the rotation; so does one named by customerId', async () => {
    newStretch();
    const p = phone();
    const wangs = await register('wang', '回头客', p);
    const zhangs = await register('zhang', '老朋友', phone());
    // The next day: registered today, they would be that day's customers of wang (R9).
    at(1, 10);
    await checkIn('li', 'zhang', 'wang', 'liu');
    at(1, 11);
    const byPhone = (
      await ok('desk', Q.walkIn, {
        s: bj,
        i: { kind: 'NEW', customerName: '回头客', phone: `+86 ${p}` },
      })
    ).recordWalkIn.reception;
    expect(byPhone).toMatchObject({
      kind: 'RETURNING',
      rule: 'R7',
      owner: { id: id.wang },
      consultant: { id: id.wang },
      counted: false,
      status: 'ACTIVE',
    });
    // R7 (variant A, the default): not counted and li is still at the door.
    expect((await ok('manager', Q.board, { s: bj })).rotationBoard.atDoor).toEqual({ id: id.li });

    at(1, 11, 5);
    const byId = (
      await ok('desk', Q.walkIn, {
        s: bj,
        i: { kind: 'RETURNING', customerId: zhangs.customer.id },
      })
    ).recordWalkIn.reception;
    expect(byId).toMatchObject({
      kind: 'RETURNING',
      rule: 'R7',
      owner: { id: id.zhang },
      consultant: { id: id.zhang },
      counted: false,
    });

    // A phone that is not in the register is a NEW walk-in for the consultant at the door (R1).
    at(1, 11, 10);
    const stranger = (
      await ok('desk', Q.walkIn, {
        s: bj,
        i: { kind: 'NEW', customerName: '新面孔', phone: phone() },
      })
    ).recordWalkIn.reception;
    expect(stranger).toMatchObject({
      kind: 'NEW',
      rule: 'R1',
      consultant: { id: id.li },
      counted: true,
      owner: null,
    });
    expect(wangs.customer.ownership.owner).toEqual({ id: id.wang });
  });

  it('R7: once ownership lapsed (O3) the phone is found but the walk-in is NEW again, for the rotation', async () => {
    newStretch();
    const p = phone();
    await register('wang', '久未联系', p);
    at(9, 10);
    await checkIn('li', 'wang');
    at(9, 11);
    const w = (
      await ok('desk', Q.walkIn, { s: bj, i: { kind: 'NEW', customerName: '久未联系', phone: p } })
    ).recordWalkIn.reception;
    expect(w).toMatchObject({ kind: 'NEW', rule: 'R1', consultant: { id: id.li }, counted: true });
  });

  it('R8: an old customer who closed a deal brings someone along: counted only when the new customer is registered (variant B)', async () => {
    newStretch();
    const old = await register('wang', '老业主', phone());
    await ok('manager', Q.deal, {
      i: {
        customerId: old.customer.id,
        buyerName: '老业主',
        dealAt: new Date(now).toISOString(),
        units: 1,
      },
    });
    const friendPhone = phone();
    await register('wang', '业主朋友', friendPhone);
    await checkIn('li', 'wang', 'zhang');
    at(0, 11);
    const registered = (
      await ok('desk', Q.walkIn, {
        s: bj,
        i: {
          kind: 'BROUGHT_ALONG',
          ownerId: id.wang,
          dealClosed: true,
          customerName: '业主朋友',
          phone: friendPhone,
        },
      })
    ).recordWalkIn.reception;
    expect(registered).toMatchObject({
      kind: 'BROUGHT_ALONG',
      rule: 'R8',
      consultant: { id: id.wang },
      counted: true,
    });
    expect(registered.explanation).toMatchObject({
      rule: 'R8',
      params: { variant: 'B', dealClosed: true, registered: true, counted: true },
    });

    at(0, 11, 5);
    const unregistered = (
      await ok('desk', Q.walkIn, {
        s: bj,
        i: {
          kind: 'BROUGHT_ALONG',
          ownerId: id.zhang,
          dealClosed: true,
          customerName: '陌生人',
          phone: phone(),
        },
      })
    ).recordWalkIn.reception;
    expect(unregistered).toMatchObject({ kind: 'BROUGHT_ALONG', rule: 'R8', counted: false });
    expect(unregistered.explanation).toMatchObject({
      params: { registered: false, counted: false },
    });
  });
});
