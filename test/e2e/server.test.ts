import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, login, startServer, type RunningServer } from '../support/server.js';

/** Opens a raw graphql-ws socket and resolves with how the server closed it. */
function closeOf(wsUrl: string, connectionParams: Record<string, unknown>) {
  return new Promise<{ code: number; reason: string }>((resolve) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

function wsClient(wsUrl: string, token: string): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
}

describe('the real server process over HTTP and WebSocket', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves health, readiness and the web app with history fallback', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const deep = await fetch(`${server.url}/admin/users`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="app">');
  });

  it('prints the URL and the demo logins at start', () => {
    expect(server.output()).toContain('Reception is running at http://127.0.0.1:');
    expect(server.output()).toMatch(/ADMIN\s+admin/);
  });

  it('signs in over HTTP and answers `me` with the token', async () => {
    const token = await login(server.url, 'manager');
    const r = await gql<{ me: { username: string; roles: string[] } }>(server.url, '{ me { username roles } }', {}, token);
    expect(r.data?.me).toEqual({ username: 'manager', roles: ['MANAGER'] });
  });

  it('refuses `me` without a token with UNAUTHENTICATED', async () => {
    const r = await gql(server.url, '{ me { username } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('closes the WebSocket with 4403 for a missing, forged or signed-out token', async () => {
    expect((await closeOf(server.wsUrl, {})).code).toBe(4403);
    expect((await closeOf(server.wsUrl, { authorization: 'Bearer not.a.jwt' })).code).toBe(4403);
    const token = await login(server.url, 'wang');
    const [h, p] = token.split('.');
    expect((await closeOf(server.wsUrl, { authorization: `Bearer ${h}.${p}.forgedsignature` })).code).toBe(4403);
    await gql(server.url, 'mutation { logout }', {}, token);
    expect((await closeOf(server.wsUrl, { authorization: `Bearer ${token}` })).code).toBe(4403);
  });

  it('delivers an authenticated subscription and closes it when the user is disabled', async () => {
    const admin = await login(server.url, 'admin');
    const token = await login(server.url, 'li');
    const me = await gql<{ me: { id: string } }>(server.url, '{ me { id } }', {}, token);
    const client = wsClient(server.wsUrl, token);
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    const received: Array<{ signedOut: boolean; user: { displayName: string } }> = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ accountChanged: { signedOut: boolean; user: { displayName: string } } }>(
        { query: 'subscription { accountChanged { signedOut user { displayName } } }' },
        {
          next: (m) => {
            received.push(m.data!.accountChanged);
            if (received.length === 2) resolve();
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    // Wait until the server has the subscription: the first change must arrive.
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    await new Promise((r) => setTimeout(r, 100));
    const upd = await gql(server.url, 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "李强强" }) { id } }', { id: me.data!.me.id }, admin);
    expect(upd.errors).toBeUndefined();
    await gql(server.url, 'mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id: me.data!.me.id }, admin);
    await done;
    expect(received).toEqual([
      { signedOut: false, user: { displayName: '李强强' } },
      { signedOut: true, user: { displayName: '李强强' } },
    ]);
    expect(await closed).toBe(4403);
    const after = await gql(server.url, '{ me { id } }', {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    client.dispose();
  });

  it('stops gracefully on SIGTERM: open sockets get 1001 and the process exits 0', async () => {
    const other = await startServer();
    const token = await login(other.url, 'chen');
    const client = wsClient(other.wsUrl, token);
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
    client.subscribe({ query: 'subscription { accountChanged { signedOut } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const code = await other.stop();
    expect(await closed).toBe(1001);
    expect(code).toBe(0);
    client.dispose();
  });
});
