// Fan-out over several instances (issue 17, "Several instances"): BENCH_SUBSCRIBERS (10,000) board
// subscribers split evenly over 1, 2 or 3 server instances that share one MariaDB database and
// Redis (Redis carries each change to the other instances). A floor change is posted to the first
// instance; the figure is the time from its HTTP reply to the last subscriber's receipt, on any
// instance. The single-instance figure of the same run is printed beside it.
//
//   pnpm --filter @reception/server build
//   pnpm --filter @reception/test bench:fanout-instances
//   BENCH_INSTANCES=1,3 BENCH_SUBSCRIBERS=2000 BENCH_MUTATIONS=10 pnpm --filter @reception/test bench:fanout-instances
import os from 'node:os';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startInstances } from '../support/server.js';
import { connectAll, measure, Worker } from './fanout-support.js';
import { BOARD_SUBSCRIPTION, FEED_SUBSCRIPTION, fmt, machine, must, prepareFloor } from './support.js';

const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2,3').split(',').map(Number);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 25);
// As the web's dashboards: the board feed (whole once, then changes); BENCH_FEED=0 for whole boards.
const FEED = process.env.BENCH_FEED !== '0';

async function main() {
  const max = Math.max(...INSTANCES);
  const workerCount = Math.max(2, max);
  console.log(
    `fan-out over instances — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${SUBSCRIBERS} subscribers, ` +
      `instances ${INSTANCES.join(', ')}, ${MUTATIONS} changes each, ${workerCount} subscriber processes, MariaDB + Redis`,
  );
  if (!(await mariadbAvailable())) throw new Error('needs MariaDB at 127.0.0.1:3306');
  const cleanups: Array<() => unknown> = [];
  try {
    const db = await createMariadbDatabase();
    cleanups.push(() => db.drop());
    // All subscribers are one manager's sockets: lift the per-user socket cap (issue 14) for the bench.
    const env = { DATABASE_URL: db.url, WS_MAX_SOCKETS_PER_USER: String(SUBSCRIBERS + 100) };
    const cluster = await startInstances(max, { env });
    cleanups.push(() => cluster.stop());
    const { servers } = cluster;
    const workers = Array.from({ length: workerCount }, () => new Worker());
    cleanups.push(() => workers.forEach((w) => w.kill()));

    const url = servers[0].url;
    const token = await login(url, 'manager');
    const { siteId } = await prepareFloor(url, token);
    const active: string[] = [];
    const walkInOrEnd = async (i: number): Promise<number> => {
      if (i % 2 === 1 && active.length) {
        const d = await must<{ endReception: { seq: number } }>(
          gql(url, 'mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { seq } }', { s: siteId, r: active.shift()! }, token),
        );
        return d.endReception.seq;
      }
      const d = await must<{ recordWalkIn: { seq: number; reception: { id: string; status: string } | null } }>(
        gql(url, 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: NEW }) { seq reception { id status } } }', { s: siteId }, token),
      );
      if (d.recordWalkIn.reception?.status === 'ACTIVE') active.push(d.recordWalkIn.reception.id);
      return d.recordWalkIn.seq;
    };

    const rows: string[] = [];
    for (const k of INSTANCES) {
      // Worker i connects to instance i mod k, so the subscribers are split evenly.
      const urls = servers.slice(0, k).map((s) => s.wsUrl);
      const connectMs = await connectAll(workers, SUBSCRIBERS, urls, token, FEED ? FEED_SUBSCRIPTION : BOARD_SUBSCRIPTION, { siteId, afterSeq: null });
      const r = await measure(workers, MUTATIONS, walkInOrEnd);
      await Promise.all(workers.map((w) => w.request({ cmd: 'closeAll' }, 'closed')));
      const errors = workers.flatMap((w) => w.errors.splice(0));
      rows.push(
        `instances ${k}: connect ${connectMs} ms; changes ${r.toLast.n} (lost ${r.lost}); ` +
          `reply→last p50 ${fmt(r.toLast.p50)} p99 ${fmt(r.toLast.p99)} (target p99 < 100 ms); sent→last p50 ${fmt(r.sentToLast.p50)} p99 ${fmt(r.sentToLast.p99)}` +
          (errors.length ? `\n  subscriber errors: ${errors.slice(0, 5).join(' | ')}` : ''),
      );
      console.log(rows[rows.length - 1]);
    }
    console.log(`\nsummary (${SUBSCRIBERS} subscribers split over the instances; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}):`);
    for (const r of rows) console.log(r);
  } finally {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((err: unknown) => console.error('cleanup:', err));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
