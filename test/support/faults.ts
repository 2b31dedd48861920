import net from 'node:net';
import WebSocket from 'ws';
import { gql } from './server.js';

/**
 * A TCP proxy on a free loopback port in front of a real service (MariaDB, Redis). `cut()`
 * drops every open connection and refuses new ones (each is closed at once), as if the service
 * went away; `restore()` lets connections through again. The real service is never touched, so
 * other tests sharing it are not disturbed.
 */
export interface TcpProxy {
  port: number;
  /** Connections currently relayed. */
  open(): number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let up = true;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = () => {
    up = false;
    for (const [a, b] of [...pairs]) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    open: () => pairs.size,
    cut,
    restore: () => {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

/** A URL's host and port (mysql://…, redis://…). */
export function hostPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
}

/** The same URL with host and port swapped for the proxy's. */
export function viaProxy(url: string, proxy: TcpProxy): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
}

/**
 * A bare graphql-transport-ws socket (no client library): cheap enough to open a thousand.
 * Resolves once the server acknowledged the connection.
 */
export interface RawSocket {
  ws: WebSocket;
  /** The close code once closed. */
  closed: Promise<number>;
  /** Payloads of `next` messages received, in order. */
  messages: unknown[];
  subscribe(id: string, query: string, variables: Record<string, unknown>): void;
}

export function openRawSocket(wsUrl: string, token: string): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    const messages: unknown[] = [];
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; payload?: unknown };
      if (m.type === 'connection_ack') {
        resolve({
          ws,
          closed,
          messages,
          subscribe: (id, query, variables) => ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
        });
      } else if (m.type === 'next') messages.push(m.payload);
      else if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    });
    void closed.then((code) => reject(new Error(`closed with ${code} before ack`)));
  });
}

/** Opens `n` raw sockets, `batch` at a time. */
export async function openRawSockets(wsUrl: string, token: string, n: number, batch = 100): Promise<RawSocket[]> {
  const out: RawSocket[] = [];
  for (let i = 0; i < n; i += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => openRawSocket(wsUrl, token)))));
  }
  return out;
}

/** Every event of a site's floor log after `afterSeq`, oldest first (paged through rotationHistory). */
export async function logAfter(url: string, token: string, siteId: string, afterSeq: number): Promise<Array<{ seq: number; type: string }>> {
  const out: Array<{ seq: number; type: string }> = [];
  let before: number | null = null;
  for (;;) {
    type Page = { rotationHistory: { events: Array<{ seq: number; type: string }>; hasMore: boolean } };
    const r: { data?: Page; errors?: unknown } = await gql<Page>(
      url,
      'query($s: ID!, $b: Int) { rotationHistory(siteId: $s, beforeSeq: $b, limit: 200) { events { seq type } hasMore } }',
      { s: siteId, b: before },
      token,
    );
    if (!r.data) throw new Error(`history failed: ${JSON.stringify(r.errors)}`);
    const page = r.data.rotationHistory.events.filter((e) => e.seq > afterSeq);
    out.push(...page);
    const events: Array<{ seq: number; type: string }> = r.data.rotationHistory.events;
    if (!r.data.rotationHistory.hasMore || page.length < events.length || !events.length) break;
    before = events[events.length - 1].seq;
  }
  return out.reverse();
}

export async function siteId(url: string, token: string, code = 'BJ'): Promise<string> {
  const sites = (await gql<{ sites: Array<{ id: string; code: string }> }>(url, '{ sites { id code } }', {}, token)).data!.sites;
  return sites.find((s) => s.code === code)!.id;
}

export const WALK_IN = 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: ASKING_WAY }) { board { seq } } }';

/** The outcome of one mutation sent over HTTP. */
export type Outcome =
  | { kind: 'ok'; seq: number }
  | { kind: 'error'; code: string; message: string }
  /** No HTTP answer at all (refused, or the connection closed before a response). */
  | { kind: 'no-answer'; cause: string };

/** One walk-in over a fresh connection (no keep-alive, so a stopping server cannot reuse it). */
export async function walkIn(url: string, token: string, site: string): Promise<Outcome> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, connection: 'close' },
      body: JSON.stringify({ query: WALK_IN, variables: { s: site } }),
    });
    const body = (await res.json()) as { data?: { recordWalkIn: { board: { seq: number } } }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.data?.recordWalkIn) return { kind: 'ok', seq: body.data.recordWalkIn.board.seq };
    const e = body.errors?.[0];
    return { kind: 'error', code: String(e?.extensions?.code ?? `HTTP ${res.status}`), message: e?.message ?? '' };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'no-answer', cause: cause?.code ?? cause?.message ?? String(err) };
  }
}
