import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { CustomerEntity, RegistrationEntity } from './customers.entity.js';

const kinds = await databaseKinds();
const LOOKUP = 'query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { id } }';
const CHECK = 'query($s: ID!, $n: String!, $p: String!) { registerCheck(siteId: $s, name: $n, phone: $p) { match } }';
const SEARCH = 'query($s: ID!, $q: String) { customers(siteId: $s, search: $q) { total } }';
const REGISTER = 'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match } }';
const NOTES = '{ notifications { rows { kind params } } }';

describe.each(kinds)('O9: phone lookups are limited per user on %s', (kind) => {
  let t: TestApp;
  let bj: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { env: { LOOKUP_LIMIT_CONSULTANT: '4', LOOKUP_LIMIT_DESK: '8' } });
    const admin = await t.login('admin');
    bj = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, admin)).data!.sites.find((s) => s.code === 'BJ')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('O9: a consultant gets a few lookups a minute over every path; the burst is refused, writes nothing, and reaches the managers once', async () => {
    const wang = await t.login('wang');
    const manager = await t.login('manager');
    const before = (await t.gql(NOTES, {}, manager)).data.notifications.rows.length;
    const guesses = ['13800000001', '13800000002', '13800000003', '13800000004'];
    expect((await t.gql(LOOKUP, { s: bj, q: guesses[0] }, wang)).errors).toBeUndefined();
    expect((await t.gql(CHECK, { s: bj, n: '某人', p: guesses[1] }, wang)).errors).toBeUndefined();
    expect((await t.gql(SEARCH, { s: bj, q: guesses[2] }, wang)).errors).toBeUndefined();
    expect((await t.gql(LOOKUP, { s: bj, q: guesses[3] }, wang)).errors).toBeUndefined();
    // The same number again costs nothing (the register form checks as the name is typed).
    expect((await t.gql(CHECK, { s: bj, n: '某人某', p: guesses[1] }, wang)).errors).toBeUndefined();
    const counts = async () => [await t.app.ds.getRepository(CustomerEntity).count(), await t.app.ds.getRepository(RegistrationEntity).count()];
    const written = await counts();
    for (const [q, v] of [
      [LOOKUP, { s: bj, q: '13800000005' }],
      [CHECK, { s: bj, n: '某人', p: '13800000006' }],
      [SEARCH, { s: bj, q: '13800000007' }],
      [REGISTER, { s: bj, i: { name: '猜测', phone: '13800000008' } }],
    ] as const) {
      const r = await t.gql(q, v, wang);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'LOOKUP_LIMITED' });
    }
    expect(await counts()).toEqual(written);
    const notes = (await t.gql(NOTES, {}, manager)).data.notifications.rows as Array<{ kind: string; params: Record<string, unknown> }>;
    const bursts = notes.slice(0, notes.length - before).filter((n) => n.kind === 'LOOKUP_BURST');
    expect(bursts).toHaveLength(1);
    expect(bursts[0].params).toMatchObject({ userName: '王芳', limit: 4 });
    // A name search is not a phone lookup.
    expect((await t.gql(SEARCH, { s: bj, q: '王' }, wang)).errors).toBeUndefined();
  });

  it('O9: the desk gets more, and its own count', async () => {
    const desk = await t.login('desk');
    for (let i = 0; i < 8; i++) expect((await t.gql(LOOKUP, { s: bj, q: `1390000000${i}` }, desk)).errors).toBeUndefined();
    const r = await t.gql(LOOKUP, { s: bj, q: '13900000009' }, desk);
    expect(r.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });
});
