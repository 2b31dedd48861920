import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type GqlResult, type TestApp } from '../test-support/harness.js';
import { CustomerEntity } from './customers.entity.js';

const kinds = await databaseKinds();

// The manager's answers to conflicts take effect (SPEC O5, O6 with O2, O7): "same person"
// merges two records, "family" puts the person in the owner's family, "not family" keeps the
// conflict open with the O2 outcome stated. Over GraphQL, on each database.

const CUSTOMER = 'id name ownership { owner { id } rule }';
const Q = {
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match customer { ${CUSTOMER} } } }`,
  conflicts: 'query($s: ID!) { customerConflicts(siteId: $s) { id kind customerId details } }',
  decide: `mutation($i: DecisionInput!) { decideOwnership(input: $i) { ${CUSTOMER} } }`,
  detail: `query($id: ID!) { customer(id: $id) { customer { ${CUSTOMER} } family { name relation }
    registrations { name consultant { id } } followUps { consultant { id } }
    decisions { kind reason details } conflicts { id kind resolvedAt } } }`,
  followUp: `mutation($c: ID!) { logFollowUp(customerId: $c, input: { kind: CALL }) { id } }`,
  list: `query($s: ID!, $q: String) { customers(siteId: $s, scope: ALL, search: $q, limit: 50) { total rows { id } } }`,
  lookup: `query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { id } }`,
  notifications: '{ notifications(limit: 50) { rows { kind params } } }',
  deal: `mutation($i: DealInput!) { recordDeal(input: $i) { credit { consultant { id } } attribution } }`,
};

const DAY = 24 * 3600_000;

describe.each(kinds)('conflict decisions that take effect on %s', (kind) => {
  let t: TestApp;
  let now = Date.UTC(2025, 5, 2, 2); // 10:00 Asia/Shanghai
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let seq = 0;
  const phone = () => `137${String(kinds.indexOf(kind))}8${String(++seq).padStart(6, '0')}`;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      clock: { now: () => new Date(now) },
      env: { JWT_TTL: '1000d' },
    });
    for (const u of ['manager', 'wang', 'li', 'zhang']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    const sites = await t.gql<{ sites: Array<{ id: string; code: string }> }>(
      '{ sites { id code } }',
      {},
      tokens.manager,
    );
    bj = sites.data!.sites.find((s) => s.code === 'BJ')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function ok<T = any>(
    as: string,
    q: string,
    vars: Record<string, unknown> = {},
  ): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  async function refused(as: string, q: string, vars: Record<string, unknown>) {
    const r: GqlResult<unknown> = await t.gql(q, vars, tokens[as]);
    expect(r.errors, `${as} should be refused`).toBeDefined();
    return r.errors![0];
  }
  const register = async (
    as: string,
    name: string,
    ph: string,
    extra: Record<string, unknown> = {},
  ) =>
    (await ok(as, Q.register, { s: bj, i: { name, phone: ph, ...extra } })).registerCustomer as {
      match: string;
      customer: { id: string; ownership: { owner: { id: string } | null; rule: string } };
    };
  const conflictOf = async (customerId: string) =>
    (
      (await ok('manager', Q.conflicts, { s: bj })).customerConflicts as Array<{
        id: string;
        kind: string;
        customerId: string;
        details: any;
      }>
    ).find((c) => c.customerId === customerId);
  const detail = async (as: string, customerId: string) =>
    (await ok(as, Q.detail, { id: customerId })).customer;
  const lost = async (as: string) =>
    (
      (await ok(as, Q.notifications)).notifications.rows as Array<{ kind: string; params: any }>
    ).filter((n) => n.kind === 'CUSTOMER_OWNERSHIP_LOST');

  it('O5: "same person" makes the two records one: both histories kept, the earliest valid registration owns (O2), the consultant who loses it is notified, the merge explained', async () => {
    now += 30 * DAY;
    const pa = phone();
    const pb = phone();
    const a = await register('wang', '王五', pa);
    now += 3600_000;
    const b = await register('li', '王五', pb);
    expect(b.match).toBe('SAME_NAME');
    expect(b.customer.ownership.owner).toEqual({ id: id.li });
    await ok('li', Q.followUp, { c: b.customer.id });
    const c = (await conflictOf(b.customer.id))!;
    expect(c.kind).toBe('O5');
    const lostBefore = (await lost('li')).length;
    const customersBefore = await t.app.ds.getRepository(CustomerEntity).count();

    now += 3600_000;
    const merged = (
      await ok('manager', Q.decide, {
        i: {
          customerId: b.customer.id,
          conflictId: c.id,
          kind: 'SAME_PERSON',
          reason: '身份证核实为同一人',
        },
      })
    ).decideOwnership;
    // The older record carries on, owned by the earliest valid registration.
    expect(merged).toMatchObject({
      id: a.customer.id,
      ownership: { owner: { id: id.wang }, rule: 'O2' },
    });

    const d = await detail('manager', a.customer.id);
    expect(
      d.registrations.map((r: { name: string; consultant: { id: string } }) => r.consultant.id),
    ).toEqual([id.wang, id.li]);
    expect(d.followUps.map((f: { consultant: { id: string } }) => f.consultant.id)).toEqual([
      id.li,
    ]);
    expect(d.conflicts).toEqual([
      expect.objectContaining({ id: c.id, kind: 'O5', resolvedAt: expect.any(String) }),
    ]);
    expect(d.decisions).toEqual([
      {
        kind: 'SAME_PERSON',
        reason: '身份证核实为同一人',
        details: expect.objectContaining({
          rule: 'O5',
          merged: { customerId: Number(b.customer.id), name: '王五', phoneLast4: pb.slice(-4) },
          into: { customerId: Number(a.customer.id), name: '王五' },
          ownersBefore: [
            { customerId: Number(a.customer.id), ownerId: Number(id.wang) },
            { customerId: Number(b.customer.id), ownerId: Number(id.li) },
          ],
          ownerAfter: Number(id.wang),
          ownerRule: 'O2',
        }),
      },
    ]);
    // Nothing deleted: the merged row stays, pointing at the record it joined.
    expect(await t.app.ds.getRepository(CustomerEntity).count()).toBe(customersBefore);
    expect(
      (await t.app.ds.getRepository(CustomerEntity).findOneByOrFail({ id: Number(b.customer.id) }))
        .mergedIntoId,
    ).toBe(Number(a.customer.id));
    // One record wherever it is looked for: the old id, the list, either phone.
    expect((await detail('manager', b.customer.id)).customer.id).toBe(a.customer.id);
    expect((await ok('manager', Q.list, { s: bj, q: '王五' })).customers.rows).toEqual([
      { id: a.customer.id },
    ]);
    expect((await ok('manager', Q.lookup, { s: bj, q: pb })).customerLookup).toEqual([
      { id: a.customer.id },
    ]);
    // The consultant who lost the customer is told; the one who keeps it is not.
    const told = await lost('li');
    expect(told).toHaveLength(lostBefore + 1);
    expect(told[0].params).toMatchObject({
      rule: 'O5',
      customerId: Number(a.customer.id),
      customerName: '王五',
      ownerId: Number(id.wang),
    });
    expect((await lost('wang')).some((n) => n.params.customerId === Number(a.customer.id))).toBe(
      false,
    );
    // Registering the merged number again finds the owned customer: already registered (O2).
    const again = await refused('zhang', Q.register, { s: bj, i: { name: '王五', phone: pb } });
    expect(again.extensions).toMatchObject({
      reason: 'O2_ALREADY_REGISTERED',
      customerId: a.customer.id,
    });
  });

  it('O5: "different people" leaves both records with their owners', async () => {
    now += 30 * DAY;
    const a = await register('wang', '赵六', phone());
    const b = await register('li', '赵六', phone());
    const c = (await conflictOf(b.customer.id))!;
    const kept = (
      await ok('manager', Q.decide, {
        i: { customerId: b.customer.id, conflictId: c.id, kind: 'DIFFERENT', reason: '不同的人' },
      })
    ).decideOwnership;
    expect(kept).toMatchObject({ id: b.customer.id, ownership: { owner: { id: id.li } } });
    expect((await ok('manager', Q.list, { s: bj, q: '赵六' })).customers.total).toBe(2);
    expect((await detail('manager', a.customer.id)).customer.ownership.owner).toEqual({
      id: id.wang,
    });
    expect(await conflictOf(b.customer.id)).toBeUndefined();
  });

  it("O6: confirmed immediate family joins the owner's family and stays with the owner; O7 credits the owner for a deal in that name; the registrant who loses it is notified", async () => {
    now += 30 * DAY;
    const p = phone();
    const owner = await register('wang', '宋一', p);
    now += 3600_000;
    const other = await register('li', '宋母', p);
    expect(other.match).toBe('PHONE_CONFLICT');
    const c = (await conflictOf(other.customer.id))!;
    expect(c.kind).toBe('O6');
    // "Family" answers only a same-phone conflict, and only with immediate family.
    expect(
      (
        await refused('manager', Q.decide, {
          i: {
            customerId: other.customer.id,
            conflictId: c.id,
            kind: 'FAMILY',
            relation: 'CHILD',
            reason: 'x',
          },
        })
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const lostBefore = (await lost('li')).length;
    const settled = (
      await ok('manager', Q.decide, {
        i: {
          customerId: other.customer.id,
          conflictId: c.id,
          kind: 'FAMILY',
          relation: 'PARENT',
          reason: '宋一的母亲',
        },
      })
    ).decideOwnership;
    expect(settled).toMatchObject({
      id: owner.customer.id,
      ownership: { owner: { id: id.wang }, rule: 'O2' },
    });
    const d = await detail('manager', owner.customer.id);
    expect(d.family).toEqual([{ name: '宋母', relation: 'PARENT' }]);
    expect(d.decisions[0]).toMatchObject({
      kind: 'FAMILY',
      details: {
        rule: 'O6',
        relation: 'PARENT',
        merged: { customerId: Number(other.customer.id), name: '宋母' },
        ownerAfter: Number(id.wang),
      },
    });
    expect((await ok('manager', Q.list, { s: bj, q: p })).customers.rows).toEqual([
      { id: owner.customer.id },
    ]);
    expect((await lost('li')).length).toBe(lostBefore + 1);
    // O7: a deal bought in the mother's name is the owner's, matched through immediate family.
    now += 3600_000;
    const deal = (
      await ok('manager', Q.deal, {
        i: {
          customerId: owner.customer.id,
          buyerName: '宋母',
          dealAt: new Date(now - 60_000).toISOString(),
          units: 1,
        },
      })
    ).recordDeal;
    expect(deal.credit).toEqual([{ consultant: { id: id.wang } }]);
    expect(deal.attribution).toMatchObject({ buyerMatches: true });
  });

  it('O6: "not family" keeps the conflict for the manager, stating the O2 outcome; an assignment then settles it', async () => {
    now += 30 * DAY;
    const p = phone();
    const owner = await register('wang', '钱一', p);
    now += 3600_000;
    const other = await register('li', '钱二', p);
    const c = (await conflictOf(other.customer.id))!;
    const answer = {
      customerId: other.customer.id,
      conflictId: c.id,
      kind: 'DIFFERENT',
      reason: '不是直系亲属',
    };
    const kept = (await ok('manager', Q.decide, { i: answer })).decideOwnership;
    expect(kept).toMatchObject({
      id: other.customer.id,
      ownership: { owner: { id: id.li }, rule: 'O2' },
    });
    const open = (await conflictOf(other.customer.id))!;
    expect(open.id).toBe(c.id);
    const o2 = [
      { customerId: Number(other.customer.id), ownerId: Number(id.li) },
      { customerId: Number(owner.customer.id), ownerId: Number(id.wang) },
    ];
    expect(open.details).toMatchObject({ rule: 'O6', notFamily: { by: Number(id.manager) }, o2 });
    expect((await detail('manager', other.customer.id)).decisions).toEqual([
      { kind: 'DIFFERENT', reason: '不是直系亲属', details: { rule: 'O6', family: false, o2 } },
    ]);
    expect((await refused('manager', Q.decide, { i: answer })).extensions).toMatchObject({
      code: 'CONFLICT',
    });
    const assigned = (
      await ok('manager', Q.decide, {
        i: {
          customerId: other.customer.id,
          conflictId: c.id,
          kind: 'ASSIGN',
          consultantId: id.wang,
          reason: '归原顾问',
        },
      })
    ).decideOwnership;
    expect(assigned.ownership).toMatchObject({ owner: { id: id.wang }, rule: 'DECISION' });
    expect(await conflictOf(other.customer.id)).toBeUndefined();
  });
});
