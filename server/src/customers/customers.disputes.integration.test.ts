import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';

const kinds = await databaseKinds();

// The floor board's disputes alert (SPEC section 6): the count of a site's open conflicts,
// live over a real WebSocket, on each database.

const SUB = 'subscription($s: ID!) { customerDisputes(siteId: $s) { siteId open } }';
const Q = {
  disputes: 'query($s: ID!) { customerDisputes(siteId: $s) { siteId open } }',
  register: `mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match customer { id } } }`,
  conflicts: 'query($s: ID!) { customerConflicts(siteId: $s) { id customerId } }',
  decide: 'mutation($i: DecisionInput!) { decideOwnership(input: $i) { id } }',
};
type Message = { customerDisputes: { siteId: string; open: number } };

describe.each(kinds)('customer disputes on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { env: { JWT_TTL: '1000d' } });
    for (const u of ['manager', 'desk', 'wang', 'li']) {
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

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown>): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }

  /** A real graphql-ws client; messages are kept in arrival order. */
  function subscribe(as: string) {
    const client: Client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[as]}` },
      retryAttempts: 0,
    });
    const received: Message[] = [];
    const waiters: Array<() => void> = [];
    let failure: unknown = null;
    const wake = () => waiters.splice(0).forEach((w) => w());
    client.subscribe<Message>(
      { query: SUB, variables: { s: bj } },
      {
        next: (m) => {
          if (m.errors) failure = m.errors;
          else received.push(m.data as Message);
          wake();
        },
        error: (e) => {
          failure = e ?? 'error';
          wake();
        },
        complete: wake,
      },
    );
    let taken = 0;
    return {
      async next(): Promise<Message> {
        while (received.length <= taken) {
          if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
        return received[taken++];
      },
      async failed(): Promise<unknown> {
        while (!failure) {
          if (received.length)
            throw new Error(`expected a refusal, got ${JSON.stringify(received)}`);
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
        return failure;
      },
      dispose: () => client.dispose(),
    };
  }

  it('§6, O5/O6: the manager sees the open conflicts now, one more after an O6 registration and one fewer once settled', async () => {
    const manager = subscribe('manager');
    try {
      // The first message is the current count, sent after the server listens for changes.
      const first = (await manager.next()).customerDisputes;
      expect(first.siteId).toBe(bj);
      expect((await ok<Message>('manager', Q.disputes, { s: bj })).customerDisputes).toEqual(first);

      const phone = `1380${kinds.indexOf(kind)}${String(Date.now()).slice(-6)}`;
      expect(
        (await ok('wang', Q.register, { s: bj, i: { name: '韩一', phone } })).registerCustomer
          .match,
      ).toBe('NEW');
      const other = (await ok('li', Q.register, { s: bj, i: { name: '韩二', phone } }))
        .registerCustomer;
      expect(other.match).toBe('PHONE_CONFLICT');
      expect((await manager.next()).customerDisputes).toEqual({ siteId: bj, open: first.open + 1 });
      expect((await ok<Message>('manager', Q.disputes, { s: bj })).customerDisputes.open).toBe(
        first.open + 1,
      );

      const conflicts = (await ok('manager', Q.conflicts, { s: bj })).customerConflicts as Array<{
        id: string;
        customerId: string;
      }>;
      const conflict = conflicts.find((c) => c.customerId === other.customer.id)!;
      await ok('manager', Q.decide, {
        i: {
          customerId: other.customer.id,
          conflictId: conflict.id,
          kind: 'FAMILY',
          relation: 'SPOUSE',
          reason: '夫妻，电话核实',
        },
      });
      expect((await manager.next()).customerDisputes).toEqual({ siteId: bj, open: first.open });
    } finally {
      await manager.dispose();
    }
  });

  it('consultants and the desk are refused, by subscription and by query', async () => {
    for (const u of ['wang', 'desk']) {
      const s = subscribe(u);
      try {
        expect(JSON.stringify(await s.failed()), u).toContain('FORBIDDEN');
      } finally {
        await s.dispose();
      }
      const r = await t.gql(Q.disputes, { s: bj }, tokens[u]);
      expect(r.errors?.[0]?.extensions?.code, u).toBe('FORBIDDEN');
    }
  });
});
