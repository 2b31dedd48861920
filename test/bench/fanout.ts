// Fan-out benchmark: how long after a floor change's HTTP reply the last of N board subscribers
// has it, against a bare graphql-ws server publishing the same board JSON to the same N.
//
//   pnpm --filter @reception/test bench:fanout
//   BENCH_N=100,1000 BENCH_MUTATIONS=20 BENCH_DB=mariadb pnpm --filter @reception/test bench:fanout
//
// Our subscribers take the board as changes (rotationBoardFeed, issue 17); BENCH_FEED=0 makes
// them take the whole board on every change (rotationBoard). The sizes of both kinds of message
// are printed first.
//
// Server, subscribers and this driver are separate processes; the subscribers are split over
// BENCH_WORKERS processes of raw `ws` clients (bench/subscribers.ts).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import type { FromWorker, ToWorker } from './subscribers.js';
import WebSocket from 'ws';
import {
  BOARD_QUERY,
  BOARD_SUBSCRIPTION,
  FEED_SUBSCRIPTION,
  fmt,
  machine,
  must,
  percentile,
  prepareFloor,
  profileEnv,
  summary,
  wallMs,
} from './support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const N_LIST = (process.env.BENCH_N ?? '100,1000,5000').split(',').map(Number);
const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 25);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const RECEIPT_TIMEOUT_MS = 20_000;
const PAUSE_MS = 100;
const BOARD_KIB = Number(process.env.BENCH_BOARD_KIB ?? 16);
const FEED = process.env.BENCH_FEED !== '0';
const SIZE_CHANGES = Number(process.env.BENCH_SIZE_CHANGES ?? 20);
const BENCH_DEADLINE = Date.now() + Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000);

// ---- subscriber processes -------------------------------------------------------------------

class Worker {
  private readonly child: ChildProcess;
  private waiters: Array<{ match: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }> =
    [];
  readonly received = new Map<number, Extract<FromWorker, { evt: 'received' }>>();
  errors: string[] = [];

  constructor() {
    this.child = fork(path.join(here, 'subscribers.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromWorker) => {
      if (m.evt === 'received') this.received.set(m.seq, m);
      if (m.evt === 'error' && this.errors.length < 20) this.errors.push(m.message);
      const i = this.waiters.findIndex((w) => w.match(m));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
    });
  }

  request<E extends FromWorker['evt']>(
    m: ToWorker,
    evt: E,
    timeoutMs = 300_000,
  ): Promise<Extract<FromWorker, { evt: E }>> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`worker: no ${evt} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match: (x) => x.evt === evt,
        resolve: (x) => {
          clearTimeout(t);
          resolve(x as Extract<FromWorker, { evt: E }>);
        },
      });
      this.child.send(m);
    });
  }

  kill() {
    if (this.child.connected) this.child.send({ cmd: 'exit' } satisfies ToWorker);
    setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
  }
}

async function waitReceipt(
  workers: Worker[],
  seq: number,
): Promise<{ first: number; last: number } | null> {
  const until = Date.now() + RECEIPT_TIMEOUT_MS;
  while (Date.now() < until) {
    const got = workers.map((w) => w.received.get(seq));
    if (got.every(Boolean)) {
      for (const w of workers) w.received.delete(seq);
      return {
        first: Math.min(...got.map((g) => g!.first)),
        last: Math.max(...got.map((g) => g!.last)),
      };
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  return null;
}

async function connectAll(
  workers: Worker[],
  n: number,
  wsUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const t0 = Date.now();
  const per = workers.map(
    (_, i) => Math.floor(n / workers.length) + (i < n % workers.length ? 1 : 0),
  );
  const res = await Promise.all(
    workers.map((w, i) =>
      w.request({ cmd: 'connect', wsUrl, token, query, variables, count: per[i] }, 'connected'),
    ),
  );
  const total = res.reduce((a, r) => a + r.total, 0);
  const failed = res.reduce((a, r) => a + r.failed, 0);
  if (total !== n)
    throw new Error(
      `only ${total} of ${n} subscribers connected (${failed} failed): ${workers.flatMap((w) => w.errors).join('; ')}`,
    );
  return Date.now() - t0;
}

/**
 * Runs `count` changes one after another. Per change: reply→last receipt (the figure asked for),
 * reply→first receipt, and request sent→last receipt (negative reply-based figures mean the
 * fan-out finished before the reply reached the driver: they share the server's event loop).
 */
async function measure(workers: Worker[], count: number, change: (i: number) => Promise<number>) {
  const toLast: number[] = [];
  const toFirst: number[] = [];
  const sentToLast: number[] = [];
  let lost = 0;
  for (let i = 0; i < count && Date.now() < BENCH_DEADLINE; i++) {
    const sent = wallMs();
    const seq = await change(i);
    const replied = wallMs();
    const r = await waitReceipt(workers, seq);
    if (!r) lost += 1;
    else {
      toLast.push(r.last - replied);
      toFirst.push(r.first - replied);
      sentToLast.push(r.last - sent);
    }
    await new Promise((res) => setTimeout(res, PAUSE_MS));
  }
  return {
    toLast: summary(toLast),
    toFirst: summary(toFirst),
    sentToLast: summary(sentToLast),
    lost,
  };
}

// ---- the two servers ----------------------------------------------------------------------------

async function startBaseline(): Promise<{ url: string; wsUrl: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'baseline-server.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('baseline server did not start')), 30_000);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return { url, wsUrl: `${url.replace(/^http/, 'ws')}/graphql`, stop: () => child.kill('SIGTERM') };
}

/** One raw subscriber that keeps the byte size of each `next` message, with its seq. */
async function sizeProbe(wsUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
  const sizes: Array<{ seq: number; bytes: number; whole: boolean }> = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString('utf8')) as { type: string; payload?: { data?: Record<string, { seq: number; board?: unknown }> } };
    if (m.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
    if (m.type !== 'next') return;
    const msg = Object.values(m.payload!.data!)[0];
    // A whole board: rotationBoard always; the feed's board and the rest of it (same seq).
    const whole = !('board' in msg) || msg.board !== null || sizes.at(-1)?.seq === msg.seq;
    sizes.push({ seq: msg.seq, bytes: data.length, whole });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  return { sizes, close: () => ws.close() };
}

/** Message sizes of the board feed (whole board on connect, then changes) and of whole boards per change. */
async function messageSizes(wsUrl: string, token: string, siteId: string, change: (i: number) => Promise<number>) {
  const feed = await sizeProbe(wsUrl, token, FEED_SUBSCRIPTION, { siteId, afterSeq: null });
  const whole = await sizeProbe(wsUrl, token, BOARD_SUBSCRIPTION, { siteId, afterSeq: null });
  const settle = () => new Promise((r) => setTimeout(r, 300));
  await settle();
  const connected = feed.sizes.length;
  let last = 0;
  for (let i = 0; i < SIZE_CHANGES; i++) last = await change(i);
  for (let i = 0; i < 100 && !(feed.sizes.at(-1)?.seq === last && whole.sizes.at(-1)?.seq === last); i++) await settle();
  feed.close();
  whole.close();
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `p50 ${(percentile(sorted, 50) / 1024).toFixed(1)} KiB, max ${(Math.max(...sorted) / 1024).toFixed(1)} KiB (${sorted.length} messages)`;
  };
  const onConnect = feed.sizes.slice(0, connected).filter((m) => m.whole).map((m) => m.bytes);
  const changes = feed.sizes.slice(connected).filter((m) => !m.whole).map((m) => m.bytes);
  const boards = whole.sizes.slice(1).map((m) => m.bytes);
  console.log(
    `message sizes over ${SIZE_CHANGES} changes:\n` +
      `  feed, whole board on connect: ${(onConnect.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KiB in ${onConnect.length} messages, ${stats(onConnect)}\n` +
      `  feed, change:                 ${stats(changes)}\n` +
      `  rotationBoard, whole board per change: ${stats(boards)}`,
  );
}

async function main() {
  console.log(
    `fan-out benchmark — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), N = ${N_LIST.join(', ')}, ${MUTATIONS} changes per N, ${WORKERS} subscriber processes, board filled to ≥ ${BOARD_KIB} KiB first, ours subscribe to ${FEED ? 'rotationBoardFeed (changes)' : 'rotationBoard (whole boards)'}`,
  );
  const cleanups: Array<() => unknown> = [];
  try {
    let databaseUrl: string | undefined;
    if (process.env.BENCH_DB === 'mariadb') {
      if (!(await mariadbAvailable()))
        throw new Error('BENCH_DB=mariadb but no MariaDB answers at 127.0.0.1:3306');
      const db = await createMariadbDatabase();
      cleanups.push(() => db.drop());
      databaseUrl = db.url;
    }
    const server: RunningServer = await startServer({
      env: {
        LOG_LEVEL: 'info',
        // Every subscriber signs in as the manager: the per-user socket cap would close most.
        WS_MAX_SOCKETS_PER_USER: String(Math.max(...N_LIST) + 10),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        // CPU_PROFILE_DIR=/tmp/prof: profile the server process (see bench/README.md).
        ...profileEnv(),
      },
    });
    cleanups.push(() => server.stop());
    const baseline = await startBaseline();
    cleanups.push(() => baseline.stop());
    const workers = Array.from({ length: WORKERS }, () => new Worker());
    cleanups.push(() => workers.forEach((w) => w.kill()));
    console.log(
      `database: ${databaseUrl ? 'MariaDB' : 'SQLite'}; server ${server.url}; baseline ${baseline.url}`,
    );

    const token = await login(server.url, 'manager');
    const { siteId } = await prepareFloor(server.url, token);

    // A change is a walk-in (assigned by the rotation) or the end of the oldest active reception.
    const active: string[] = [];
    const walkInOrEnd = async (i: number): Promise<number> => {
      if (i % 2 === 1 && active.length) {
        const id = active.shift()!;
        const d = await must<{ endReception: { board: { seq: number } } }>(
          gql(
            server.url,
            'mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { board { seq } } }',
            { s: siteId, r: id },
            token,
          ),
        );
        return d.endReception.board.seq;
      }
      const d = await must<{
        recordWalkIn: { board: { seq: number }; reception: { id: string; status: string } | null };
      }>(
        gql(
          server.url,
          'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: NEW }) { board { seq } reception { id status } } }',
          { s: siteId },
          token,
        ),
      );
      if (d.recordWalkIn.reception?.status === 'ACTIVE') active.push(d.recordWalkIn.reception.id);
      return d.recordWalkIn.board.seq;
    };

    // A board as large as a busy afternoon's: today's receptions are all on it.
    const boardBytes = async () =>
      Buffer.byteLength(
        JSON.stringify(
          (await must<{ rotationBoard: unknown }>(gql(server.url, BOARD_QUERY, { siteId }, token)))
            .rotationBoard,
        ),
      );
    for (let i = 0; i < 400 && (await boardBytes()) < BOARD_KIB * 1024; i++) await walkInOrEnd(i);
    await messageSizes(server.wsUrl, token, siteId, walkInOrEnd);

    const rows: string[] = [];
    for (const n of N_LIST) {
      // ours
      const connectMs = await connectAll(workers, n, server.wsUrl, token, FEED ? FEED_SUBSCRIPTION : BOARD_SUBSCRIPTION, {
        siteId,
        afterSeq: null,
      });
      const ours = await measure(workers, MUTATIONS, walkInOrEnd);
      await Promise.all(workers.map((w) => w.request({ cmd: 'closeAll' }, 'closed')));

      // baseline: the same board JSON, as our subscribers just received it
      const { rotationBoard: board } = await must<{ rotationBoard: { seq: number } }>(
        gql(server.url, BOARD_QUERY, { siteId }, token),
      );
      const bytes = Buffer.byteLength(
        JSON.stringify({ id: '1', type: 'next', payload: { data: { rotationBoard: board } } }),
      );
      const baseConnectMs = await connectAll(
        workers,
        n,
        baseline.wsUrl,
        '',
        'subscription($siteId: ID!, $afterSeq: Int) { rotationBoard(siteId: $siteId, afterSeq: $afterSeq) }',
        {
          siteId,
          afterSeq: null,
        },
      );
      let baseSeq = 1_000_000;
      const base = await measure(workers, MUTATIONS, async () => {
        baseSeq += 1;
        const d = await must<{ publish: number }>(
          gql(baseline.url, 'mutation($b: JSON!) { publish(board: $b) }', {
            b: { ...board, seq: baseSeq },
          }),
        );
        return d.publish;
      });
      await Promise.all(workers.map((w) => w.request({ cmd: 'closeAll' }, 'closed')));

      const ratio = (a: number, b: number) => (a > 0 && b > 0 ? (a / b).toFixed(2) : 'n/a');
      console.log(
        `N=${n}: baseline whole board ${(bytes / 1024).toFixed(1)} KiB/message; connect ${connectMs} ms (baseline ${baseConnectMs} ms); ` +
          `changes measured ${ours.toLast.n} (lost ${ours.lost}), baseline ${base.toLast.n} (lost ${base.lost})\n` +
          `  reply→last receipt   ours p50 ${fmt(ours.toLast.p50)} p99 ${fmt(ours.toLast.p99)} | baseline p50 ${fmt(base.toLast.p50)} p99 ${fmt(base.toLast.p99)}\n` +
          `  reply→first receipt  ours p50 ${fmt(ours.toFirst.p50)} | baseline p50 ${fmt(base.toFirst.p50)}\n` +
          `  sent→last receipt    ours p50 ${fmt(ours.sentToLast.p50)} p99 ${fmt(ours.sentToLast.p99)} | baseline p50 ${fmt(base.sentToLast.p50)} p99 ${fmt(base.sentToLast.p99)}`,
      );
      const row =
        `N=${String(n).padStart(5)}  reply→last p50 ${fmt(ours.toLast.p50)} p99 ${fmt(ours.toLast.p99)}  ` +
        `baseline p50 ${fmt(base.toLast.p50)} p99 ${fmt(base.toLast.p99)}  ratio p50 ${ratio(ours.toLast.p50, base.toLast.p50)} p99 ${ratio(ours.toLast.p99, base.toLast.p99)}  ` +
        `| sent→last ratio p50 ${ratio(ours.sentToLast.p50, base.sentToLast.p50)} p99 ${ratio(ours.sentToLast.p99, base.sentToLast.p99)}`;
      rows.push(row);
      const errors = workers.flatMap((w) => w.errors.splice(0));
      if (errors.length) console.log(`  subscriber errors: ${errors.slice(0, 5).join(' | ')}`);
    }
    console.log(
      '\nsummary (time from the mutation’s HTTP reply to the last subscriber’s receipt of that board seq):',
    );
    for (const r of rows) console.log(r);
  } finally {
    for (const c of cleanups.reverse())
      await Promise.resolve(c()).catch((err: unknown) => console.error('cleanup:', err));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
