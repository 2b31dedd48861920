import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMariadbDatabase, mariadbAvailable, REDIS_URL } from '../support/mariadb.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';

const available = await mariadbAvailable();

// O2 under concurrency: two server processes on one MariaDB database register the same
// person at the same instant. The database decides (a locked key row per number), so there
// is one customer and one owner, and every other attempt is told "already registered".
describe.skipIf(!available)('O2: simultaneous registrations of one number over two instances', () => {
  let db: { url: string; drop(): Promise<void> };
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    db = await createMariadbDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL, JWT_SECRET: 'shared-secret-shared-secret-shared-secret' };
    a = await startServer({ env });
    b = await startServer({ env: { ...env, DEMO_DATA: 'false' } });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('O2: 20 registrations of one phone fired in parallel over both instances give one customer, one owner and 19 "already registered" errors', async () => {
    const consultants = ['wang', 'li', 'zhang', 'liu'];
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    for (const u of [...consultants, 'manager']) {
      tokens[u] = await login(a.url, u);
      ids[u] = (await gql<{ me: { id: string } }>(a.url, '{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    const site = (await gql<{ sites: Array<{ id: string; code: string }> }>(a.url, '{ sites { id code } }', {}, tokens.manager)).data!.sites.find(
      (s) => s.code === 'BJ',
    )!.id;
    const phone = '13712340000';
    const register = 'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match customer { id ownership { owner { id } } } } }';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const who = consultants[i % consultants.length];
        const server = i % 2 === 0 ? a : b;
        // Spaces and a +86 prefix on some: one number however it is typed.
        const typed = i % 3 === 0 ? `+86 137 1234 0000` : phone;
        return gql<{ registerCustomer: { match: string; customer: { id: string; ownership: { owner: { id: string } | null } } } }>(
          server.url,
          register,
          { s: site, i: { name: '并发一', phone: typed } },
          tokens[who],
        ).then((r) => ({ who, r }));
      }),
    );
    const won = results.filter((x) => !x.r.errors);
    const refused = results.filter((x) => x.r.errors);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const x of refused) {
      expect(x.r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'O2_ALREADY_REGISTERED' });
      expect(x.r.errors![0].message).toMatch(/already registered/i);
    }
    const customerId = won[0].r.data!.registerCustomer.customer.id;
    expect(won[0].r.data!.registerCustomer.customer.ownership.owner?.id).toBe(ids[won[0].who]);
    expect(refused.every((x) => x.r.errors![0].extensions?.customerId === customerId)).toBe(true);

    // Read back through the other instance: one customer on the number, one registration, one owner.
    const list = await gql<{ customers: { total: number; rows: Array<{ id: string; ownership: { owner: { id: string } | null } }> } }>(
      b.url,
      'query($s: ID!, $q: String) { customers(siteId: $s, scope: ALL, search: $q, limit: 50) { total rows { id ownership { owner { id } } } } }',
      { s: site, q: phone },
      tokens.manager,
    );
    expect(list.data!.customers.total).toBe(1);
    expect(list.data!.customers.rows[0]).toEqual({ id: customerId, ownership: { owner: { id: ids[won[0].who] } } });
    const detail = await gql<{ customer: { registrations: Array<{ consultant: { id: string } }> } }>(
      b.url,
      'query($id: ID!) { customer(id: $id) { registrations { consultant { id } } } }',
      { id: customerId },
      tokens.manager,
    );
    expect(detail.data!.customer.registrations).toEqual([{ consultant: { id: ids[won[0].who] } }]);
  }, 120_000);
});
