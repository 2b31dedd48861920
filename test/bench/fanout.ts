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
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';
import { connectAll, measure, sizeProbe, Worker } from './fanout-support.js';
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
} from './support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const N_LIST = (process.env.BENCH_N ?? '100,1000,5000').split(',').map(Number);
const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 25);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const BOARD_KIB = Number(process.env.BENCH_BOARD_KIB ?? 16);
const FEED = process.env.BENCH_FEED !== '0';
const SIZE_CHANGES = Number(process.env.BENCH_SIZE_CHANGES ?? 20);

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

/** The machine is shared: every figure is printed with the load it was measured under. */
const load = () => `load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;

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
        const d = await must<{ endReception: { seq: number } }>(
          gql(
            server.url,
            'mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { seq } }',
            { s: siteId, r: id },
            token,
          ),
        );
        return d.endReception.seq;
      }
      const d = await must<{
        recordWalkIn: { seq: number; reception: { id: string; status: string } | null };
      }>(
        gql(
          server.url,
          'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: NEW }) { seq reception { id status } } }',
          { s: siteId },
          token,
        ),
      );
      if (d.recordWalkIn.reception?.status === 'ACTIVE') active.push(d.recordWalkIn.reception.id);
      return d.recordWalkIn.seq;
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
        `N=${n}: baseline whole board ${(bytes / 1024).toFixed(1)} KiB/message; connect ${connectMs} ms (baseline ${baseConnectMs} ms, ratio ${ratio(connectMs, baseConnectMs)}; ${load()}); ` +
          `changes measured ${ours.toLast.n} (lost ${ours.lost}), baseline ${base.toLast.n} (lost ${base.lost})\n` +
          `  reply→last receipt   ours p50 ${fmt(ours.toLast.p50)} p99 ${fmt(ours.toLast.p99)} | baseline p50 ${fmt(base.toLast.p50)} p99 ${fmt(base.toLast.p99)}\n` +
          `  reply→first receipt  ours p50 ${fmt(ours.toFirst.p50)} | baseline p50 ${fmt(base.toFirst.p50)}\n` +
          `  sent→last receipt    ours p50 ${fmt(ours.sentToLast.p50)} p99 ${fmt(ours.sentToLast.p99)} | baseline p50 ${fmt(base.sentToLast.p50)} p99 ${fmt(base.sentToLast.p99)}`,
      );
      const row =
        `N=${String(n).padStart(5)}  connect ${connectMs} ms, baseline ${baseConnectMs} ms, ratio ${ratio(connectMs, baseConnectMs)}  reply→last p50 ${fmt(ours.toLast.p50)} p99 ${fmt(ours.toLast.p99)}  ` +
        `baseline p50 ${fmt(base.toLast.p50)} p99 ${fmt(base.toLast.p99)}  ratio p50 ${ratio(ours.toLast.p50, base.toLast.p50)} p99 ${ratio(ours.toLast.p99, base.toLast.p99)}  ` +
        `| sent→last ratio p50 ${ratio(ours.sentToLast.p50, base.sentToLast.p50)} p99 ${ratio(ours.sentToLast.p99, base.sentToLast.p99)}  (${load()})`;
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
