// Floor benchmark (issue 17): "a realistic floor: 10 consultants, walk-ins arriving in bursts,
// receptions lasting minutes, a queue of waiting walk-ins that grows and drains", watched by
// dashboards on the board feed. The server keeps real time, so the floor runs in real time on
// short minutes: BENCH_MINUTE_MS (1000) is one floor minute, and BENCH_MINUTES (10) real
// minutes at that pace are a ten-hour floor day.
//
//   pnpm --filter @reception/test bench:floor
//   BENCH_MINUTES=3 BENCH_DB=mariadb pnpm --filter @reception/test bench:floor
//
// One desk records walk-ins one after another (looking a given phone up first, R7); each
// consultant signs in as themselves, ends their own receptions after 5–25 floor minutes and
// now and then goes away on business and comes back (R4). Then the stored log is replayed:
// exit code 1 if a consultant ever had two receptions at once, a dashboard missed a change or
// an action failed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, startServer, type RunningServer } from '../support/server.js';
import { connectAll, sizeProbe, Worker } from './fanout-support.js';
import { arrivals, between, customerName, seeded, sparkline, type Arrival } from './floor-model.js';
import {
  ACKNOWLEDGE,
  CHECK_IN,
  END_RECEPTION,
  GO_AWAY,
  LOOKUP,
  openSite,
  readLog,
  RECORD_WALK_IN,
  type BoardSeen,
  type Change,
} from './floor-site.js';
import { checkLog } from './log-check.js';
import {
  FEED_SUBSCRIPTION,
  fmt,
  machine,
  must,
  percentile,
  profileEnv,
  summary,
  wallMs,
} from './support.js';

const env = process.env;
const MINUTES = Number(env.BENCH_MINUTES ?? 10);
const MINUTE_MS = Number(env.BENCH_MINUTE_MS ?? 1000);
const FLOOR_MINUTES = (MINUTES * 60_000) / MINUTE_MS;
const CONSULTANTS = Number(env.BENCH_CONSULTANTS ?? 10);
const DASHBOARDS = Number(env.BENCH_DASHBOARDS ?? 200);
const WORKERS = Number(env.BENCH_WORKERS ?? 2);
const CUSTOMERS = Number(env.BENCH_CUSTOMERS ?? 40);
const SEED = Number(env.BENCH_SEED ?? 17);
const SHAPE = {
  minutes: FLOOR_MINUTES,
  busEvery: Number(env.BENCH_BUS_EVERY ?? 15),
  busSize: [4, 8] as [number, number],
  singleEvery: Number(env.BENCH_SINGLE_EVERY ?? 6),
};
/** A reception lasts this many floor minutes. */
const RECEPTION_MINUTES: [number, number] = [5, 25];
/** R4: an idle consultant goes away about once per this many idle floor minutes, for 10–40 of them. */
const AWAY_EVERY = 60;
const AWAY_MINUTES: [number, number] = [10, 40];
const MAX_AWAY = 2;
/** R5: the manager sees a second reception on the board and approves it after 1–3 floor minutes. */
const APPROVE_MINUTES: [number, number] = [1, 3];
/** BENCH_KEEP=1 leaves the database in place (its URL is printed), to read the log afterwards. */
const KEEP = env.BENCH_KEEP === '1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  console.log(
    `floor benchmark — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}); ${CONSULTANTS} consultants, ${DASHBOARDS} dashboards on the board feed, ` +
      `${MINUTES} real minutes at ${MINUTE_MS} ms per floor minute = ${FLOOR_MINUTES.toFixed(0)} floor minutes; seed ${SEED}`,
  );
  const rand = seeded(SEED);
  const cleanups: Array<() => unknown> = [];
  let failed = false;
  try {
    let databaseUrl: string;
    const mariadb = env.BENCH_DB === 'mariadb';
    let sqliteFile = '';
    if (mariadb) {
      if (!(await mariadbAvailable()))
        throw new Error('BENCH_DB=mariadb but no MariaDB answers at 127.0.0.1:3306');
      const db = await createMariadbDatabase();
      if (!KEEP) cleanups.push(() => db.drop());
      databaseUrl = db.url;
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'reception-floor-'));
      if (!KEEP) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      sqliteFile = path.join(dir, 'floor.sqlite');
      databaseUrl = `sqlite:${sqliteFile}`;
    }
    const server: RunningServer = await startServer({
      env: {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'info',
        // Every dashboard signs in as the manager: the per-user socket cap would close most.
        WS_MAX_SOCKETS_PER_USER: String(DASHBOARDS + 10),
        ...profileEnv(),
      },
    });
    let serverStopped = false;
    cleanups.push(() => (serverStopped ? undefined : server.stop()));
    const url = server.url;
    console.log(
      `database: ${mariadb ? 'MariaDB' : 'SQLite'}${KEEP ? ` kept at ${databaseUrl}` : ''}; server ${url}`,
    );

    const { siteId, desk, consultants, manager } = await openSite(url, CONSULTANTS);
    const tokenOf = new Map(consultants.map((c) => [c.id, c.token]));
    // The floor opens: each consultant checks in as themselves.
    for (const c of consultants) await must(gql(url, CHECK_IN, { s: siteId }, c.token));
    // The register before the day: customers of each consultant, some of whom come back (R7).
    const register: Array<{ id: string | null; name: string; phone: string }> = [];
    let phones = 10_000_000 + Math.floor(rand() * 50_000_000);
    const newPhone = () => `139${String(phones++)}`;
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = consultants[i % consultants.length];
      const input = { name: customerName(rand), phone: newPhone() };
      const d = await must<{ registerCustomer: { customer: { id: string } } }>(
        gql(
          url,
          'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { customer { id } } }',
          { s: siteId, i: input },
          c.token,
        ),
      );
      register.push({ id: d.registerCustomer.customer.id, ...input });
    }

    const workers = Array.from({ length: WORKERS }, () => new Worker());
    cleanups.push(() => workers.forEach((w) => w.kill()));
    const connectMs = await connectAll(
      workers,
      DASHBOARDS,
      server.wsUrl,
      manager,
      FEED_SUBSCRIPTION,
      { siteId, afterSeq: null },
    );
    // One more dashboard in this process keeps the byte size of every feed message.
    const probe = await sizeProbe(server.wsUrl, manager, FEED_SUBSCRIPTION, {
      siteId,
      afterSeq: null,
    });
    cleanups.push(() => probe.close());
    console.log(
      `site ${siteId}: ${CONSULTANTS} consultants checked in, ${CUSTOMERS} customers in the register; ${DASHBOARDS} dashboards connected in ${connectMs} ms (load ${os.loadavg()[0].toFixed(1)})`,
    );

    // ---- the floor ---------------------------------------------------------------------------
    const plan = arrivals(rand, SHAPE);
    const stats = new Map<string, { ms: number[]; failed: string[]; expected: number }>();
    const replied = new Map<number, number>();
    let latest: BoardSeen | null = null;
    // Read through a function: the loop below must not narrow what the replies keep replacing.
    const current = (): BoardSeen | null => latest;
    /** Active receptions, each with the consultant who ends it and when (floor minute). */
    const ends = new Map<string, { consultantId: string; at: number; ending: boolean }>();
    const away = new Map<string, number>();
    const approvals = new Map<string, number>();
    const inFlight = new Set<Promise<unknown>>();
    const t0 = Date.now();
    const floorNow = () => (Date.now() - t0) / MINUTE_MS;

    const seeBoard = (board: BoardSeen) => {
      if (latest && board.seq <= latest.seq) return;
      latest = board;
      for (const c of board.consultants)
        for (const r of c.busyWith)
          if (r.status === 'ACTIVE' && !ends.has(r.id))
            ends.set(r.id, {
              consultantId: c.consultant.id,
              at: floorNow() + between(rand, ...RECEPTION_MINUTES),
              ending: false,
            });
    };
    async function act<T>(
      name: string,
      call: Promise<{
        data?: unknown;
        errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      }>,
      expected?: string,
    ) {
      const s = stats.get(name) ?? { ms: [], failed: [], expected: 0 };
      stats.set(name, s);
      const t = wallMs();
      const r = await call;
      const at = wallMs();
      s.ms.push(at - t);
      if (r.errors?.length || !r.data) {
        const e = r.errors?.[0];
        if (expected && e?.extensions?.reason === expected) {
          s.expected += 1;
          return null;
        }
        s.failed.push(
          `${String(e?.extensions?.reason ?? e?.extensions?.code ?? '')} ${e?.message ?? 'no data'}`,
        );
        return null;
      }
      const change = Object.values(r.data as Record<string, unknown>)[0] as Partial<Change>;
      if (change?.board) {
        replied.set(change.board.seq, at);
        seeBoard(change.board);
      }
      return r.data as T;
    }
    const spawnAct = (p: Promise<unknown>) => {
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    };

    // The desk: one person, one walk-in after another, in order of arrival.
    const walkIns = { recorded: 0, bus: 0 };
    async function atDesk(a: Arrival) {
      const partySize = 'partySize' in a ? a.partySize : 1;
      const record = async (label: string, input: Record<string, unknown>) => {
        const d = await act<{ recordWalkIn: Change }>(
          `recordWalkIn ${label}`,
          gql(url, RECORD_WALK_IN, { s: siteId, i: input }, desk.token),
        );
        if (d) walkIns.recorded += 1;
        return d?.recordWalkIn ?? null;
      };
      if (a.kind === 'ASKING_WAY' || a.kind === 'LOOKING_FOR_SOMEONE')
        return void (await record(a.kind, { kind: a.kind }));
      if (a.kind === 'NEW') return void (await record('NEW', { kind: 'NEW', partySize }));
      if (a.kind === 'BROUGHT_ALONG') {
        const known = register.filter((c) => c.id !== null);
        const by = known[Math.floor(rand() * known.length)];
        return void (await record('BROUGHT_ALONG', {
          kind: 'BROUGHT_ALONG',
          broughtById: by.id,
          customerName: customerName(rand),
          partySize,
          newCustomerRegistered: false,
        }));
      }
      if (a.kind !== 'PHONE') return;
      // A phone is given: looked up in the register first (R7), as the desk page does.
      const phone = a.known ? register[Math.floor(rand() * register.length)].phone : newPhone();
      const found = await act<{ customerLookup: Array<{ id: string; name: string }> }>(
        'customerLookup',
        gql(url, LOOKUP, { s: siteId, q: phone }, desk.token),
      );
      const hit = found?.customerLookup[0];
      if (hit) {
        await record('RETURNING', {
          kind: 'RETURNING',
          customerId: hit.id,
          customerName: hit.name,
          partySize,
        });
        return;
      }
      // O1: not in the register: registered with the consultant who receives them.
      const name = customerName(rand);
      const c = await record('NEW + register', {
        kind: 'NEW',
        customerName: name,
        phone,
        registerCustomer: true,
        partySize,
      });
      if (c) register.push({ id: c.reception?.customerId ?? null, name, phone });
    }
    const deskLoop = (async () => {
      for (const a of plan) {
        const wait = t0 + a.at * MINUTE_MS - Date.now();
        if (wait > 0) await sleep(wait);
        if (a.bus) walkIns.bus += 1;
        await atDesk(a);
      }
    })();

    // Consultants and the clock: ends due, comings and goings (R4), and a reading per floor minute.
    const perMinute: Array<{
      waiting: number;
      busy: number;
      away: number;
      arrived: number;
      load: number;
    }> = [];
    let arrivedBefore = 0;
    for (let minute = 0; floorNow() < FLOOR_MINUTES;) {
      const now = floorNow();
      for (const [id, e] of ends) {
        if (e.ending || e.at > now) continue;
        e.ending = true;
        spawnAct(
          act(
            'endReception',
            gql(url, END_RECEPTION, { s: siteId, r: id }, tokenOf.get(e.consultantId)),
          ).then((d) => {
            if (d) ends.delete(id);
          }),
        );
      }
      for (const [id, back] of away) {
        if (back > now) continue;
        away.delete(id);
        spawnAct(act('checkIn (back, R4)', gql(url, CHECK_IN, { s: siteId }, tokenOf.get(id))));
      }
      for (const a of current()?.alerts ?? [])
        if (a.kind === 'SECOND_RECEPTION' && !approvals.has(a.id))
          approvals.set(a.id, now + between(rand, ...APPROVE_MINUTES));
      for (const [id, at] of approvals) {
        if (at > now || at < 0) continue;
        approvals.set(id, -1);
        // Cleared meanwhile (the customer left): the manager's board was a moment behind.
        spawnAct(
          act(
            'acknowledgeAlert (R5)',
            gql(url, ACKNOWLEDGE, { s: siteId, a: id }, manager),
            'ALERT_NOT_FOUND',
          ),
        );
      }
      if (now >= minute + 1) {
        minute = Math.floor(now);
        const board = current();
        const idle =
          board?.consultants.filter(
            (c) => !c.busyWith.length && c.state !== 'AWAY' && !away.has(c.consultant.id),
          ) ?? [];
        for (const c of idle) {
          if (away.size >= MAX_AWAY || rand() >= 1 / AWAY_EVERY) continue;
          away.set(c.consultant.id, now + between(rand, ...AWAY_MINUTES));
          spawnAct(
            act('goAway (R4)', gql(url, GO_AWAY, { s: siteId }, tokenOf.get(c.consultant.id))),
          );
        }
        // Baseline, same run: the cheapest signed-in request, once a floor minute.
        spawnAct(act('(baseline) query me', gql(url, '{ me { id } }', undefined, desk.token)));
        const arrived = plan.filter((a) => a.at < now).length;
        perMinute.push({
          waiting: board?.waiting.length ?? 0,
          busy: board?.consultants.filter((c) => c.busyWith.length).length ?? 0,
          away: away.size,
          arrived: arrived - arrivedBefore,
          load: os.loadavg()[0],
        });
        arrivedBefore = arrived;
      }
      await sleep(Math.min(50, MINUTE_MS / 10));
    }
    // Closing time: walk-ins still due are not recorded; what is in flight finishes.
    plan.length = 0;
    await deskLoop;
    await Promise.all([...inFlight]);

    // ---- the dashboards --------------------------------------------------------------------
    const until = Date.now() + 10_000;
    const missing = () =>
      [...replied.keys()].filter((seq) => !workers.every((w) => w.received.has(seq)));
    while (missing().length && Date.now() < until) await sleep(100);
    const toLast: number[] = [];
    for (const [seq, at] of replied) {
      const got = workers.map((w) => w.received.get(seq));
      if (got.every(Boolean)) toLast.push(Math.max(...got.map((g) => g!.last)) - at);
    }
    const lost = missing();
    const subscriberErrors = workers.flatMap((w) => w.errors);
    const loadEnd = os.loadavg();

    const code = await server.stop();
    serverStopped = true;
    if (code !== 0) console.log(`server exited with ${code}`);

    // ---- the log -------------------------------------------------------------------------------
    const check = checkLog(await readLog(mariadb ? databaseUrl : sqliteFile, Number(siteId)));

    // ---- figures -------------------------------------------------------------------------------
    console.log(
      `\nper action (latency of the HTTP request, as the app sends it: the whole board comes back):`,
    );
    let actionsFailed = 0;
    for (const [name, s] of [...stats].sort(([a], [b]) => a.localeCompare(b))) {
      const q = summary(s.ms);
      actionsFailed += s.failed.length;
      console.log(
        `  ${name.padEnd(28)} n ${String(q.n).padStart(4)}  p50 ${fmt(q.p50).padStart(9)}  p99 ${fmt(q.p99).padStart(9)}  max ${fmt(q.max).padStart(9)}` +
          (s.expected ? `  (${s.expected} already cleared)` : '') +
          (s.failed.length
            ? `  FAILED ${s.failed.length}: ${[...new Set(s.failed)].slice(0, 3).join(' | ')}`
            : ''),
      );
    }
    const waiting = perMinute.map((m) => m.waiting);
    const loads = perMinute.map((m) => m.load);
    console.log(
      `\nwalk-ins: ${walkIns.recorded} recorded (${walkIns.bus} off buses of ${SHAPE.busSize.join('–')}, one bus every ~${SHAPE.busEvery} floor minutes; singles every ~${SHAPE.singleEvery}); receptions ${RECEPTION_MINUTES.join('–')} floor minutes`,
    );
    console.log(
      `waiting queue, one reading per floor minute: max ${Math.max(0, ...waiting)}, mean ${(waiting.reduce((a, b) => a + b, 0) / Math.max(1, waiting.length)).toFixed(1)}, ` +
        `0 waiting in ${waiting.filter((w) => w === 0).length} of ${waiting.length} minutes`,
    );
    const width = 72;
    console.log(`  waiting  |${sparkline(waiting, width)}|`);
    console.log(
      `  arrivals |${sparkline(
        perMinute.map((m) => m.arrived),
        width,
      )}|`,
    );
    console.log(
      `  busy     |${sparkline(
        perMinute.map((m) => m.busy),
        width,
      )}| (of ${CONSULTANTS})`,
    );
    const step = Math.max(1, Math.round(perMinute.length / 12));
    console.log(
      `  per ${step} floor minutes (waiting/busy/away at the start): ` +
        perMinute
          .filter((_, i) => i % step === 0)
          .map((m, i) => `${i * step}′ ${m.waiting}/${m.busy}/${m.away}`)
          .join(', '),
    );
    const feed = summary(toLast);
    const wholeSizes = probe.sizes.filter((m) => m.whole).map((m) => m.bytes);
    const changeSizes = probe.sizes
      .filter((m) => !m.whole)
      .map((m) => m.bytes)
      .sort((a, b) => a - b);
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `\nboard feed to ${DASHBOARDS} dashboards: ${toLast.length} changes, reply→last receipt p50 ${fmt(feed.p50)} p99 ${fmt(feed.p99)} max ${fmt(feed.max)}; ` +
        `missed ${lost.length}${subscriberErrors.length ? `; subscriber errors: ${subscriberErrors.slice(0, 3).join(' | ')}` : ''}`,
    );
    console.log(
      `  messages: largest ${kib(Math.max(0, ...probe.sizes.map((m) => m.bytes)))}; whole board on connect ${kib(Math.max(0, ...wholeSizes))}; ` +
        `changes p50 ${kib(percentile(changeSizes, 50))}, p99 ${kib(percentile(changeSizes, 99))}, max ${kib(Math.max(0, ...changeSizes))}; over 64 KiB: ${probe.sizes.filter((m) => m.bytes > 64 * 1024).length}`,
    );
    console.log(
      `load average (1 min) over the run: min ${Math.min(...loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)}; at the end ${loadEnd.map((l) => l.toFixed(1)).join(' ')}`,
    );
    console.log(
      `\ncheck: ${check.problems.length === 0 ? 'no consultant had two receptions at once' : `${check.problems.length} PROBLEMS`} (replayed ${check.events} stored events, ${check.assignments} assignments, ${check.seconds} second receptions for the manager, R5)`,
    );
    for (const p of check.problems.slice(0, 10)) console.log(`  ${p}`);
    failed =
      check.problems.length > 0 ||
      lost.length > 0 ||
      subscriberErrors.length > 0 ||
      actionsFailed > 0;
    if (lost.length)
      console.log(
        `check: ${lost.length} changes never reached every dashboard (first seqs ${lost.slice(0, 5).join(', ')})`,
      );
    if (actionsFailed) console.log(`check: ${actionsFailed} actions failed`);
  } finally {
    for (const c of cleanups.reverse())
      await Promise.resolve(c()).catch((err: unknown) => console.error('cleanup:', err));
  }
  if (failed) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
