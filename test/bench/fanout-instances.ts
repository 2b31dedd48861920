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
import { connectAll, cpuMeter, measure, Worker } from './fanout-support.js';
import { BOARD_SUBSCRIPTION, FEED_SUBSCRIPTION, fmt, machine, must, prepareFloor, profileEnv, summary } from './support.js';

const INSTANCES = (process.env.BENCH_INSTANCES ?? '1,2,3').split(',').map(Number);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 25);
// As the web's dashboards: the board feed (whole once, then changes); BENCH_FEED=0 for whole boards.
const FEED = process.env.BENCH_FEED !== '0';

async function main() {
  const max = Math.max(...INSTANCES);
  // Subscriber processes share the machine's cores with the servers (BENCH_WORKERS); their CPU
  // time per change is printed, so a saturated rig shows as such.
  const workerCount = Number(process.env.BENCH_WORKERS ?? Math.max(2, max));
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
    const env = { DATABASE_URL: db.url, WS_MAX_SOCKETS_PER_USER: String(SUBSCRIBERS + 100), FANOUT_TRACE: 'true', ...profileEnv() };
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
      const outputFrom = servers.map((s) => s.output().length);
      const serverCpu = cpuMeter(servers.slice(0, k).map((s) => s.process.pid));
      const workerCpu = cpuMeter(workers.map((w) => w.pid));
      // With CPU_PROFILE_DIR, each server's profile is cut at the start and the end of the changes.
      const cut = () => process.env.CPU_PROFILE_DIR && servers.forEach((s) => s.process.kill('SIGUSR2'));
      cut();
      const r = await measure(workers, MUTATIONS, walkInOrEnd);
      cut();
      const n = Math.max(1, r.toLast.n + r.lost);
      const perChange = (ms: number[]) => ms.map((x) => fmt(x / n)).join(' ');
      const cpu = `CPU per change: servers ${perChange(serverCpu())}; subscriber processes ${perChange(workerCpu())}`;
      await new Promise((res) => setTimeout(res, 1200)); // the last change's trace line
      const traces = servers.slice(0, k).map((s, i) => traceSummary(s.output().slice(outputFrom[i])));
      await Promise.all(workers.map((w) => w.request({ cmd: 'closeAll' }, 'closed')));
      const errors = workers.flatMap((w) => w.errors.splice(0));
      rows.push(
        `instances ${k}: connect ${connectMs} ms; changes ${r.toLast.n} (lost ${r.lost}); ` +
          `reply→last p50 ${fmt(r.toLast.p50)} p99 ${fmt(r.toLast.p99)} (target p99 < 100 ms); sent→last p50 ${fmt(r.sentToLast.p50)} p99 ${fmt(r.sentToLast.p99)}; reply→first p50 ${fmt(r.toFirst.p50)}\n  ${cpu}\n${traces.map((t, i) => `  instance ${i + 1}: ${t}`).join('\n')}` +
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

/** An instance's FANOUT_TRACE lines: heard→published (rebuilds), published→first and →last send. */
function traceSummary(output: string): string {
  type Mark = { seq: number; how: string; heard?: number; published: number; first?: number; last?: number; sockets: number };
  const marks = output
    .split('\n')
    .filter((l) => l.startsWith('{"fanoutTrace"'))
    .map((l) => (JSON.parse(l) as { fanoutTrace: Mark }).fanoutTrace)
    .filter((m) => m.first !== undefined);
  if (!marks.length) return 'no trace';
  const p = (xs: number[]) => { const s = summary(xs); return `p50 ${fmt(s.p50)} p99 ${fmt(s.p99)}`; };
  const rebuilds = marks.filter((m) => m.heard !== undefined);
  return (
    `${marks.length} changes (${rebuilds.length} rebuilt), ${Math.max(...marks.map((m) => m.sockets))} sockets; ` +
    (rebuilds.length ? `heard→published ${p(rebuilds.map((m) => m.published - m.heard!))}; ` : '') +
    `published→first send ${p(marks.map((m) => m.first! - m.published))}; published→last send ${p(marks.map((m) => m.last! - m.published))}`
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
