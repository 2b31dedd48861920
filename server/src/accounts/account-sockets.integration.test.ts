import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';

const kinds = await databaseKinds();

/** A raw graphql-transport-ws socket subscribed to accountChanged; collects messages and the close code. */
async function watcher(wsUrl: string, token: string) {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
  const messages: any[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (d) => messages.push(JSON.parse(String(d))));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  while (!messages.some((m) => m.type === 'connection_ack')) await new Promise((r) => setTimeout(r, 10));
  ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { accountChanged { signedOut user { displayName } } }' } }));
  return { ws, messages, closed };
}

describe.each(kinds)('account changes reach every socket of a user on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('issue 17: 15 sockets of one user share one listener (no MaxListenersExceededWarning); a rename reaches all, a role change closes all (4403)', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const admin = await t.login('admin');
      const users = (await t.gql<{ users: Array<{ id: string; username: string }> }>('{ users { id username } }', {}, admin)).data!.users;
      const wangId = users.find((u) => u.username === 'wang')!.id;
      const token = await t.login('wang');
      const wsUrl = t.url.replace(/^http/, 'ws') + '/graphql';
      const sockets = [];
      for (let i = 0; i < 15; i++) sockets.push(await watcher(wsUrl, token));
      await new Promise((r) => setTimeout(r, 200));
      const UPDATE = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }';
      await t.gql(UPDATE, { id: wangId, i: { displayName: '王芳芳' } }, admin);
      for (const s of sockets) {
        for (let i = 0; i < 200 && !s.messages.some((m) => m.type === 'next'); i++) await new Promise((r) => setTimeout(r, 20));
        expect(s.messages.find((m) => m.type === 'next')?.payload.data.accountChanged).toEqual({ signedOut: false, user: { displayName: '王芳芳' } });
      }
      await t.gql(UPDATE, { id: wangId, i: { roles: ['CONSULTANT', 'MANAGER'] } }, admin);
      expect(await Promise.all(sockets.map((s) => s.closed))).toEqual(Array(15).fill(4403));
      await new Promise((r) => setTimeout(r, 100));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
