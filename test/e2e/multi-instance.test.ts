import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createMariadbDatabase, mariadbAvailable, REDIS_URL } from '../support/mariadb.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';

const available = await mariadbAvailable();

// Two server processes on loopback sharing one MariaDB database and Redis: a change made
// through one instance reaches a subscriber connected to the other.
describe.skipIf(!available)('two instances sharing MariaDB and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    db = await createMariadbDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL, JWT_SECRET: 'shared-secret-shared-secret-shared-secret' };
    a = await startServer({ env });
    b = await startServer({ env: { ...env, DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('a token from instance A works on instance B', async () => {
    const token = await login(a.url, 'wang');
    const r = await gql<{ me: { username: string } }>(b.url, '{ me { username } }', {}, token);
    expect(r.data?.me.username).toBe('wang');
  });

  it('a subscriber on B hears a change made through A (Redis carries the event)', async () => {
    const admin = await login(a.url, 'admin');
    const token = await login(b.url, 'zhang');
    const id = (await gql<{ me: { id: string } }>(b.url, '{ me { id } }', {}, token)).data!.me.id;
    const client = createClient({ url: b.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const got = new Promise<string>((resolve, reject) => {
      client.subscribe<{ accountChanged: { user: { displayName: string } } }>(
        { query: 'subscription { accountChanged { user { displayName } } }' },
        { next: (m) => resolve(m.data!.accountChanged.user.displayName), error: reject, complete: () => {} },
      );
    });
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    await new Promise((r) => setTimeout(r, 200));
    await gql(a.url, 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "张伟（B）" }) { id } }', { id }, admin);
    expect(await got).toBe('张伟（B）');
    client.dispose();
  });
});
