// Desk lookup benchmark: customerLookup (R7: the desk types a phone number or its last four
// digits and gets the owner) against the real server on MariaDB with a register of
// BENCH_CUSTOMERS (100,000) customers. Baseline: the bare indexed SELECT in mysql2.
//
//   pnpm --filter @reception/test bench:lookup
//   BENCH_CUSTOMERS=100000 BENCH_LOOKUPS=500 pnpm --filter @reception/test bench:lookup
import os from 'node:os';
import mysql from 'mysql2/promise';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startServer } from '../support/server.js';
import { fmt, machine, must, profileEnv, summary, wallMs } from './support.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
/** Rows per multi-row INSERT while seeding. */
const BATCH = 5_000;

const LOOKUP = `query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) {
  id name phone phoneMasked dealClosed ownership { owner { id displayName } rule since lapsesAt lapsesSoon } } }`;

/** The i-th customer's mobile number: distinct for i < 10^8 (7919 is prime to 10^8). */
const phoneOf = (i: number) => `138${String((i * 7919) % 100_000_000).padStart(8, '0')}`;

/**
 * Writes the register straight into the tables the server's migrations created: customers,
 * each with one registration by one of the site's consultants, registered over the last 20
 * days (so some are owned, some lapsed, O3), and a follow-up for every third.
 */
async function seedRegister(
  c: mysql.Connection,
  siteId: number,
  consultants: number[],
  createdBy: number,
) {
  const now = Date.now();
  const [[{ base }]] = await c.query<mysql.RowDataPacket[]>(
    'SELECT COALESCE(MAX(id), 0) AS base FROM customers',
  );
  const first = Number(base) + 1;
  for (let start = 0; start < CUSTOMERS; start += BATCH) {
    const n = Math.min(BATCH, CUSTOMERS - start);
    const customers: unknown[][] = [];
    const registrations: unknown[][] = [];
    const followUps: unknown[][] = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const id = first + i;
      const phone = phoneOf(i);
      const at = new Date(now - ((i * 37) % (20 * 24 * 60)) * 60_000);
      const consultant = consultants[i % consultants.length];
      customers.push([id, siteId, `客户${i}`, phone, phone.slice(-4), at]);
      registrations.push([
        siteId,
        id,
        consultant,
        `客户${i}`,
        phone,
        at,
        null,
        '{"source":"bench"}',
        createdBy,
      ]);
      if (i % 3 === 0)
        followUps.push([id, consultant, new Date(at.getTime() + 3_600_000), 'CALL', null, null]);
    }
    await c.query(
      'INSERT INTO customers (id, siteId, name, phone, phoneLast4, createdAt) VALUES ?',
      [customers],
    );
    await c.query(
      'INSERT INTO registrations (siteId, customerId, consultantId, name, phone, at, correctsId, intent, createdBy) VALUES ?',
      [registrations],
    );
    if (followUps.length)
      await c.query(
        'INSERT INTO follow_ups (customerId, consultantId, at, kind, note, nextAt) VALUES ?',
        [followUps],
      );
  }
  await c.query('ANALYZE TABLE customers, registrations, follow_ups');
}

/** `count` queries spread over the register: by full number and by its last four digits. */
function queries(count: number, seed: number) {
  const full: string[] = [];
  const last4: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = (seed + k * 104_729) % CUSTOMERS;
    full.push(phoneOf(i));
    last4.push(phoneOf(i).slice(-4));
  }
  return { full, last4 };
}

async function timed(qs: string[], run: (q: string) => Promise<number>) {
  const latencies: number[] = [];
  let found = 0;
  const t0 = wallMs();
  for (const q of qs) {
    const t = wallMs();
    found += await run(q);
    latencies.push(wallMs() - t);
  }
  const seconds = (wallMs() - t0) / 1000;
  return { ...summary(latencies), perSecond: qs.length / seconds, found: found / qs.length };
}

const line = (name: string, r: Awaited<ReturnType<typeof timed>>) =>
  `  ${name.padEnd(34)} p50 ${fmt(r.p50).padStart(9)}  p99 ${fmt(r.p99).padStart(9)}  max ${fmt(r.max).padStart(9)}  ${r.perSecond.toFixed(0).padStart(5)}/s  ${r.found.toFixed(1)} rows/lookup`;

async function main() {
  console.log(
    `desk lookup benchmark — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${CUSTOMERS} customers, ${LOOKUPS} lookups each (+${WARMUP} warm-up), one desk client, MariaDB`,
  );
  if (!(await mariadbAvailable()))
    throw new Error('no MariaDB answers at 127.0.0.1:3306 (TEST_MARIADB_URL)');
  const db = await createMariadbDatabase();
  try {
    // The server runs its migrations (and loads the demo company) on the empty database.
    const server = await startServer({
      // The O9 per-user lookup limit would refuse the benchmark's hundreds of lookups.
      env: { DATABASE_URL: db.url, LOG_LEVEL: 'info', LOOKUP_LIMIT_DESK: '1000000', LOOKUP_LIMIT_CONSULTANT: '1000000', ...profileEnv() },
    });
    const c = await mysql.createConnection({ uri: db.url });
    try {
      const manager = await login(server.url, 'manager');
      const { sites } = await must<{ sites: Array<{ id: string; name: string }> }>(
        gql(server.url, '{ sites { id name } }', undefined, manager),
      );
      const siteId = sites.find((s) => s.name === '滨江售楼处')!.id;
      const { siteConsultants } = await must<{ siteConsultants: Array<{ id: string }> }>(
        gql(
          server.url,
          'query($s: ID!) { siteConsultants(siteId: $s) { id } }',
          { s: siteId },
          manager,
        ),
      );
      const [[me]] = await c.query<mysql.RowDataPacket[]>(
        "SELECT id FROM users WHERE username = 'manager'",
      );

      const seedStart = wallMs();
      await seedRegister(
        c,
        Number(siteId),
        siteConsultants.map((x) => Number(x.id)),
        Number(me.id),
      );
      console.log(
        `seeded ${CUSTOMERS} customers, registrations and ${Math.ceil(CUSTOMERS / 3)} follow-ups in ${((wallMs() - seedStart) / 1000).toFixed(1)} s`,
      );

      for (const [what, sql, arg] of [
        [
          'by phone',
          'SELECT id FROM customers WHERE siteId = ? AND phone = ? LIMIT 20',
          phoneOf(12_345),
        ],
        [
          'by last 4',
          'SELECT id FROM customers WHERE siteId = ? AND phoneLast4 = ? LIMIT 20',
          phoneOf(12_345).slice(-4),
        ],
      ] as const) {
        const [plan] = await c.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, [
          Number(siteId),
          arg,
        ]);
        console.log(`plan ${what}: key=${plan[0].key} rows=${plan[0].rows}`);
      }

      const desk = await login(server.url, 'desk');
      const viaServer = async (q: string) => {
        const r = await must<{ customerLookup: unknown[] }>(
          gql(server.url, LOOKUP, { s: siteId, q }, desk),
        );
        return r.customerLookup.length;
      };
      const warm = queries(WARMUP, 7);
      await timed([...warm.full, ...warm.last4], viaServer);

      const { full, last4 } = queries(LOOKUPS, 1);
      const ours = { full: await timed(full, viaServer), last4: await timed(last4, viaServer) };
      const bare = (column: string) => async (q: string) => {
        const [rows] = await c.query<mysql.RowDataPacket[]>(
          `SELECT id FROM customers WHERE siteId = ? AND ${column} = ? LIMIT 20`,
          [Number(siteId), q],
        );
        return rows.length;
      };
      const base = {
        full: await timed(full, bare('phone')),
        last4: await timed(last4, bare('phoneLast4')),
      };

      console.log(
        '\ncustomerLookup through the server (HTTP, auth, ownership of each match, O9 masking):',
      );
      console.log(line('full phone', ours.full));
      console.log(line('last 4 digits', ours.last4));
      console.log('baseline: bare indexed SELECT of the ids in mysql2:');
      console.log(line('full phone', base.full));
      console.log(line('last 4 digits', base.last4));
      if (ours.full.found !== 1)
        throw new Error(
          `a full-phone lookup should find exactly one customer, found ${ours.full.found} on average`,
        );
    } finally {
      await c.end();
      const code = await server.stop();
      if (code !== 0) console.log(`server exited with ${code}`);
    }
  } finally {
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
