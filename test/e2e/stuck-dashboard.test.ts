import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket as NetSocket } from 'node:net';
import WebSocket from 'ws';
import { BOARD_SUBSCRIPTION } from '../bench/support.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';

// Issue 14: "a bounded send buffer per socket: a dashboard that stops reading is closed, others
// are not slowed". A real server, real sockets: one dashboard stops reading its TCP socket, the
// other keeps reading while the desk records walk-ins as fast as it can.

const WALK_IN = 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: ASKING_WAY }) { seq } }';
const STALL_MS = 2_000;
/** Past the stall bound, the server may take one more change and a sweep to notice. */
const CLOSE_WITHIN_MS = STALL_MS * 3;

/** A raw graphql-transport-ws dashboard subscribed to the board; arrival time per board seq. */
async function dashboard(wsUrl: string, token: string, siteId: string) {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
  const arrived = new Map<number, number>();
  let acked = false;
  let closed: number | null = null;
  const closedP = new Promise<number>((resolve) => ws.on('close', (code) => resolve((closed = code))));
  ws.on('error', () => undefined);
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as { type: string; payload?: { data?: { rotationBoard: { seq: number } } } };
    if (m.type === 'connection_ack') acked = true;
    if (m.type === 'next' && m.payload?.data) arrived.set(m.payload.data.rotationBoard.seq, Date.now());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  const start = Date.now();
  while (!acked) {
    if (closed !== null || Date.now() - start > 10_000) throw new Error(`no connection_ack (closed ${closed})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  ws.send(JSON.stringify({ id: 'board', type: 'subscribe', payload: { query: BOARD_SUBSCRIPTION, variables: { siteId, afterSeq: null } } }));
  while (!arrived.size) {
    if (closed !== null || Date.now() - start > 10_000) throw new Error(`no first board (closed ${closed})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    ws,
    arrived,
    closed: closedP,
    isClosed: () => closed !== null,
    /** Stops reading: the kernel buffers fill, then the server's send buffer. */
    stopReading: () => (ws as unknown as { _socket: NetSocket })._socket.pause(),
    resumeReading: () => (ws as unknown as { _socket: NetSocket })._socket.resume(),
  };
}

describe('issue 14: a dashboard that stops reading', () => {
  let server: RunningServer;
  let desk: string;
  let manager: string;
  let bj: string;
  beforeAll(async () => {
    server = await startServer({ env: { WS_MAX_BUFFERED: String(256 * 1024), WS_SEND_STALL_MS: String(STALL_MS) } });
    desk = await login(server.url, 'desk');
    manager = await login(server.url, 'manager');
    const sites = (await gql<{ sites: Array<{ id: string; code: string }> }>(server.url, '{ sites { id code } }', {}, manager)).data!.sites;
    bj = sites.find((s) => s.code === 'BJ')!.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is closed by the server within the bound; a dashboard that reads gets every change in time', async () => {
    const stuck = await dashboard(server.wsUrl, manager, bj);
    const reader = await dashboard(server.wsUrl, manager, bj);
    stuck.stopReading();

    const made: Array<{ seq: number; at: number }> = [];
    const started = Date.now();
    let closedAt: number | null = null;
    // Walk-ins until the server has closed the stuck one, and a few more after (bounded).
    for (let i = 0; i < 3000 && Date.now() - started < 90_000; i++) {
      const r = await gql<{ recordWalkIn: { seq: number } }>(server.url, WALK_IN, { s: bj }, desk);
      expect(r.errors).toBeUndefined();
      made.push({ seq: r.data!.recordWalkIn.seq, at: Date.now() });
      if (closedAt === null && server.output().includes('socket not reading')) closedAt = Date.now();
      if (closedAt !== null && Date.now() - closedAt > 1_000) break;
    }
    expect(closedAt, `the stuck dashboard was never closed (${made.length} walk-ins)`).not.toBeNull();

    // The stuck socket was closed by the server: once it reads again, it sees the end.
    stuck.resumeReading();
    await Promise.race([stuck.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('stuck socket still open')), 10_000))]);
    expect(stuck.isClosed()).toBe(true);
    // Within the bound: the server noticed the stall soon after the socket stopped draining.
    const line = server.output().split('\n').find((l) => l.includes('socket not reading'))!;
    const logged = JSON.parse(line) as { buffered: number; stalledMs: number };
    // What the server still held for it: at most the byte bound and one board.
    expect(logged.buffered).toBeLessThanOrEqual(256 * 1024 + 1024 * 1024);
    expect(logged.stalledMs).toBeLessThan(CLOSE_WITHIN_MS);

    // The reading dashboard: every change, each within a second of the desk's answer.
    const last = made[made.length - 1].seq;
    const end = Date.now() + 10_000;
    while (!reader.arrived.has(last) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(reader.isClosed()).toBe(false);
    const missing = made.filter((m) => !reader.arrived.has(m.seq)).map((m) => m.seq);
    expect(missing).toEqual([]);
    const lags = made.map((m) => reader.arrived.get(m.seq)! - m.at);
    expect(Math.max(...lags)).toBeLessThan(1_000);
    reader.ws.close();
  }, 150_000);
});
