import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { attachDirect, directPath } from './direct.js';
import { Fanout } from './fanout.js';
import { directSender, sendSerializedResults, serializedOnce, sharedSubscribe } from './shared-subscribe.js';
import { SendGuard } from './ws-guard.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Board { seq: Int!, name: String!, tags: [String!]! }
  type Subscription { board: Board!, other: Board! }
`);

/** A graphql-ws server whose `board` is shared and serialized once, fed by `publish`. */
function boardServer() {
  const listeners = new Set<(b: unknown) => void>();
  const source = () =>
    (async function* () {
      const queue: unknown[] = [];
      let wake: (() => void) | undefined;
      const l = (b: unknown) => {
        queue.push(b);
        wake?.();
      };
      listeners.add(l);
      try {
        for (;;) {
          while (queue.length) yield queue.shift();
          await new Promise<void>((r) => (wake = r));
        }
      } finally {
        listeners.delete(l);
      }
    })();
  const roots = { board: source, other: source };
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', sendSerializedResults);
  useServer(
    {
      schema,
      roots: {
        subscription: Object.fromEntries(
          Object.entries(roots).map(([k, f]) => [k, () => mapRoot(f(), k)]),
        ),
      },
      subscribe: sharedSubscribe(['board']),
      onNext: (_ctx, _id, _payload, _args, result) =>
        serializedOnce(result) as FormattedExecutionResult | undefined,
    },
    wss,
  );
  return { http, publish: (b: unknown) => listeners.forEach((l) => l(b)) };
}

async function* mapRoot(source: AsyncIterable<unknown>, field: string) {
  for await (const b of source) yield { [field]: b };
}

/** Raw client: every text message as received, unparsed. */
async function client(url: string, query: string, id: string) {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  sockets.push(ws);
  const messages: string[] = [];
  let subscribed!: () => void;
  const ready = new Promise<void>((r) => (subscribed = r));
  ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const text = data.toString('utf8');
    if (isBinary) messages.push(`binary:${text}`);
    else if (text.includes('"connection_ack"')) {
      ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      // The server registers the subscription before reading the next message.
      setTimeout(subscribed, 50);
    } else messages.push(text);
  });
  await ready;
  return { ws, messages };
}

let server: Server | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

describe('sharedSubscribe, serialized once', () => {
  it('sends each subscriber the exact graphql-transport-ws message, its own id included', async () => {
    const s = boardServer();
    server = s.http;
    await new Promise<void>((r) => s.http.listen(0, '127.0.0.1', r));
    const url = `ws://127.0.0.1:${(s.http.address() as AddressInfo).port}`;
    const a = await client(url, 'subscription { board { seq name tags } }', 'a-1');
    const b = await client(url, 'subscription { board { seq name tags } }', 'b "2"');
    const other = await client(url, 'subscription { other { seq name } }', 'c');

    s.publish({ seq: 7, name: '周经理 "quoted" \u2028', tags: ['x'] });
    await expect.poll(() => a.messages.length + b.messages.length + other.messages.length).toBe(3);

    const board = { seq: 7, name: '周经理 "quoted" \u2028', tags: ['x'] };
    expect(a.messages).toEqual([
      JSON.stringify({ id: 'a-1', type: 'next', payload: { data: { board } } }),
    ]);
    expect(b.messages).toEqual([
      JSON.stringify({ id: 'b "2"', type: 'next', payload: { data: { board } } }),
    ]);
    // A field that is not shared goes through graphql-ws as usual.
    expect(other.messages).toEqual([
      JSON.stringify({
        id: 'c',
        type: 'next',
        payload: { data: { other: { seq: 7, name: board.name } } },
      }),
    ]);
  });
});

describe('issue 17: sharedSubscribe as a plain iterator', () => {
  it('shares one result per event, and a subscription closed while it waits ends at once with its source', async () => {
    let ended = false;
    let wake: ((r: IteratorResult<unknown>) => void) | undefined;
    const queue: unknown[] = [];
    const source = {
      next: () => (queue.length ? Promise.resolve({ done: false, value: queue.shift() }) : new Promise<IteratorResult<unknown>>((r) => (wake = r))),
      return: async () => {
        ended = true;
        wake?.({ done: true, value: undefined });
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    const event = { board: { seq: 3, name: 'n', tags: [] } };
    queue.push(event, event);
    const subscribe = sharedSubscribe(['board']);
    const document = parse('subscription { board { seq } }');
    const results = (await subscribe({ schema, document, rootValue: { board: () => source } })) as AsyncGenerator<ExecutionResult>;
    const one = await results.next();
    const two = await results.next();
    expect(one.value).toEqual({ data: { board: { seq: 3 } } });
    // The same event gives the same result object (executed and serialized once).
    expect(two.value).toBe(one.value);
    const pending = results.next();
    const closed = await Promise.race([results.return(undefined).then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);
    expect(closed).toBe(true);
    expect(ended).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

/**
 * The fan-out's queue straight under the shared execution, as in the product (where the live
 * board and the feed sit between): a subscription on a `plain` connection has no direct path.
 */
function directServer(bounds = { maxBuffered: 64_000_000, maxStallMs: 10_000 }) {
  const pushed: unknown[] = [];
  let wake: (() => void) | undefined;
  const upstream: AsyncIterable<unknown> = {
    [Symbol.asyncIterator]: () => ({
      async next() {
        while (!pushed.length) await new Promise<void>((r) => (wake = r));
        return { done: false, value: pushed.shift() };
      },
      async return() {
        return { done: true, value: undefined };
      },
    }),
  };
  const fanout = new Fanout<unknown>(() => upstream);
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const overflows: Array<{ buffered: number; stalledMs: number }> = [];
  const guard = new SendGuard(bounds, (i) => overflows.push(i));
  wss.on('connection', (s) => guard.install(s));
  const sweep = setInterval(() => guard.sweep(wss.clients), 50);
  http.on('close', () => clearInterval(sweep));
  wss.on('connection', sendSerializedResults);
  /** While true, every socket reports a send pending: the direct path must step aside. */
  const held = { on: false };
  useServer<Record<string, unknown>, { socket: WebSocket }>(
    {
      schema,
      roots: { subscription: { board: () => fanout.subscribe('site') } },
      subscribe: sharedSubscribe(['board']),
      onNext: (_ctx, _id, _payload, _args, result) => serializedOnce(result) as FormattedExecutionResult | undefined,
      onOperation: (ctx, id, _payload, _args, result) => {
        if (!ctx.connectionParams?.plain) attachDirect(result, directSender(ctx.extra.socket, id, (s) => held.on || guard.busy(s)));
      },
    },
    wss,
  );
  /** `slow`: the name resolves later, so the shared result is a promise for a while. */
  const publish = (seq: number, name = 'n', slow = false) => {
    pushed.push({ board: { seq, name: slow ? () => new Promise((r) => setTimeout(() => r(name), 5)) : name, tags: ['t'] } });
    wake?.();
  };
  return { http, publish, held, overflows };
}

async function directClient(url: string, plain: boolean) {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  sockets.push(ws);
  const messages: string[] = [];
  let subscribed!: () => void;
  const ready = new Promise<void>((r) => (subscribed = r));
  ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: plain ? { plain: true } : {} })));
  ws.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    if (!text.includes('"connection_ack"')) return void messages.push(text);
    ws.send(JSON.stringify({ id: 'x', type: 'subscribe', payload: { query: 'subscription { board { seq name tags } }' } }));
    setTimeout(subscribed, 50);
  });
  await ready;
  return { ws, messages };
}

describe('issue 17: the direct path', () => {
  const seqs = (messages: string[]) => messages.map((m) => (JSON.parse(m) as { payload: { data: { board: { seq: number } } } }).payload.data.board.seq);

  it('sends the bytes graphql-ws sends, in order; with a send pending or values queued it leaves them to the iterators', async () => {
    const s = directServer();
    server = s.http;
    await new Promise<void>((r) => s.http.listen(0, '127.0.0.1', r));
    const url = `ws://127.0.0.1:${(s.http.address() as AddressInfo).port}`;
    const plain = await directClient(url, true);
    const direct = await directClient(url, false);

    let taken = directPath.taken;
    s.publish(1, '周 "q" \u2028');
    await expect.poll(() => plain.messages.length + direct.messages.length).toBe(2);
    expect(directPath.taken - taken).toBe(1);

    // A send pending: the iterators take these, and the queue keeps them in order.
    taken = directPath.taken;
    s.held.on = true;
    for (let seq = 2; seq <= 6; seq++) s.publish(seq);
    await expect.poll(() => direct.messages.length).toBe(6);
    expect(directPath.taken).toBe(taken);
    s.held.on = false;

    // Published back to back: each goes direct or, if the one before is still on its way, by the queue.
    for (let seq = 7; seq <= 40; seq++) s.publish(seq);
    await expect.poll(() => plain.messages.length + direct.messages.length).toBe(80);
    expect(directPath.taken).toBeGreaterThan(taken);
    expect(seqs(direct.messages)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(direct.messages).toEqual(plain.messages);
    expect(direct.messages[0]).toBe(JSON.stringify({ id: 'x', type: 'next', payload: { data: { board: { seq: 1, name: '周 "q" \u2028', tags: ['t'] } } } }));
  });

  it('keeps the order when a shared result is computed asynchronously (its send waits, and so does what follows)', async () => {
    const s = directServer();
    server = s.http;
    await new Promise<void>((r) => s.http.listen(0, '127.0.0.1', r));
    const url = `ws://127.0.0.1:${(s.http.address() as AddressInfo).port}`;
    const plain = await directClient(url, true);
    const direct = await directClient(url, false);
    const taken = directPath.taken;
    for (let seq = 1; seq <= 30; seq++) {
      s.publish(seq, `n${seq}`, seq % 3 !== 0);
      if (seq % 5 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    await expect.poll(() => plain.messages.length + direct.messages.length).toBe(60);
    expect(directPath.taken).toBeGreaterThan(taken);
    expect(seqs(direct.messages)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(direct.messages).toEqual(plain.messages);
  });

  it('sends nothing more to a socket whose peer stopped reading (its messages wait in the queue) until the stall guard closes it; others get everything', async () => {
    const s = directServer({ maxBuffered: 64_000_000, maxStallMs: 300 });
    server = s.http;
    await new Promise<void>((r) => s.http.listen(0, '127.0.0.1', r));
    const url = `ws://127.0.0.1:${(s.http.address() as AddressInfo).port}`;
    const reading = await directClient(url, false);
    const stuck = await directClient(url, false);
    (stuck.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(256 * 1024);
    for (let seq = 1; seq <= 60; seq++) {
      s.publish(seq, big);
      await new Promise((r) => setImmediate(r));
    }
    // The paused peer does not see the close: the guard's report tells.
    await expect.poll(() => s.overflows.length, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => reading.messages.length, { timeout: 10_000 }).toBe(60);
    expect(seqs(reading.messages)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // Closed for the stall, with at most about one message waiting in `ws` (not 15 MB).
    expect(s.overflows[0].buffered).toBeLessThan(600 * 1024);
  });
});
