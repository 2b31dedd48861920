// Assignment benchmark: C concurrent desk clients record walk-ins (and end receptions, so the
// floor keeps moving) against the real server on MariaDB, then the stored event log is replayed
// to prove nobody was assigned twice. Baseline: the same transaction shape in bare mysql2.
//
//   pnpm --filter @reception/test bench:assign
//   BENCH_OPS=2000 BENCH_CONCURRENCY=50 pnpm --filter @reception/test bench:assign
import os from 'node:os';
import mysql from 'mysql2/promise';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startServer } from '../support/server.js';
import { checkLog, type EventRow } from './log-check.js';
import { fmt, machine, must, prepareFloor, profileEnv, summary, wallMs } from './support.js';

const OPS = Number(process.env.BENCH_OPS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** Walk-ins left waiting for a free consultant, at most (the desk waits for the floor to move). */
const MAX_WAITING = 10;
const DEADLINE = Date.now() + Number(process.env.BENCH_TIMEOUT_MS ?? 15 * 60_000);

interface Change {
  board: {
    seq: number;
    events: Array<{
      type: string;
      receptionId: string | null;
      explanation: { params?: { assigned?: string[] } };
    }>;
  };
  reception: { id: string; status: string } | null;
}
const CHANGE_FIELDS =
  'board { seq events { type receptionId explanation } } reception { id status }';

/** Runs `total` operations over `lanes` concurrent loops; returns per-operation latencies and the wall time. */
async function drive(lanes: number, total: number, op: () => Promise<void>) {
  const latencies: number[] = [];
  let started = 0;
  const t0 = wallMs();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (started < total && Date.now() < DEADLINE) {
        started += 1;
        const t = wallMs();
        await op();
        latencies.push(wallMs() - t);
      }
    }),
  );
  const seconds = (wallMs() - t0) / 1000;
  return { latencies, seconds, throughput: latencies.length / seconds, ...summary(latencies) };
}

/** The floor's traffic: end an active reception if there is one, else record a walk-in. */
function floorTraffic(url: string, token: string, siteId: string) {
  const active: string[] = [];
  let waiting = 0;
  const wake: Array<() => void> = [];
  const counts = { walkIns: 0, ends: 0, idle: 0 };
  const note = (c: Change) => {
    for (const e of c.board.events) {
      if (e.type !== 'WALK_IN_ASSIGNED') continue;
      const ids = e.explanation.params?.assigned ?? [];
      active.push(...ids);
      waiting -= ids.length;
    }
    if (active.length) for (const w of wake.splice(0)) w();
  };
  const op = async (): Promise<void> => {
    for (let tries = 0; tries < 1000; tries++) {
      const id = active.shift();
      if (id !== undefined) {
        counts.ends += 1;
        const d = await must<{ endReception: Change }>(
          gql(
            url,
            `mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { ${CHANGE_FIELDS} } }`,
            { s: siteId, r: id },
            token,
          ),
        );
        return note(d.endReception);
      }
      if (waiting < MAX_WAITING) {
        counts.walkIns += 1;
        waiting += 1;
        const d = await must<{ recordWalkIn: Change }>(
          gql(
            url,
            `mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: NEW }) { ${CHANGE_FIELDS} } }`,
            { s: siteId },
            token,
          ),
        );
        if (d.recordWalkIn.reception?.status === 'ACTIVE') {
          waiting -= 1;
          active.push(d.recordWalkIn.reception.id);
        }
        return note(d.recordWalkIn);
      }
      // Nothing to do until someone's reception ends: wait (bounded) for the floor to move.
      counts.idle += 1;
      await new Promise<void>((r) => {
        wake.push(r);
        setTimeout(r, 50);
      });
    }
    throw new Error('the floor stopped moving');
  };
  return { op, counts, reset: () => Object.assign(counts, { walkIns: 0, ends: 0, idle: 0 }) };
}

// ---- baseline: the same transaction shape in bare mysql2 -------------------------------------

async function baseline(
  url: string,
  snapshotBytes: { start: number; end: number },
  payloadBytes: number,
) {
  const admin = await mysql.createConnection({ uri: url });
  await admin.query(
    `CREATE TABLE bench_heads (site_id INT PRIMARY KEY, last_seq INT NOT NULL, snapshot MEDIUMTEXT NOT NULL, updated_at DATETIME(3) NOT NULL)`,
  );
  await admin.query(
    `CREATE TABLE bench_events (id INT AUTO_INCREMENT PRIMARY KEY, site_id INT NOT NULL, seq INT NOT NULL, type VARCHAR(64) NOT NULL, payload TEXT NOT NULL,
     actor_id INT NOT NULL, at DATETIME(3) NOT NULL, business_day VARCHAR(10) NOT NULL, UNIQUE KEY (site_id, seq))`,
  );
  await admin.query(`INSERT INTO bench_heads VALUES (1, 0, ?, NOW(3))`, [
    'x'.repeat(snapshotBytes.start),
  ]);
  await admin.end();
  const pool = mysql.createPool({ uri: url, connectionLimit: CONCURRENCY, timezone: 'Z' });
  const payload = JSON.stringify({
    type: 'WALK_IN_RECORDED',
    pad: 'y'.repeat(Math.max(0, payloadBytes - 40)),
  });
  let done = 0;
  // The snapshot grows as ours did over the run (today's receptions accumulate).
  const snapshotAt = (k: number) =>
    'x'.repeat(
      Math.round(
        snapshotBytes.start + ((snapshotBytes.end - snapshotBytes.start) * k) / (WARMUP + OPS),
      ),
    );
  const op = async () => {
    const c = await pool.getConnection();
    try {
      await c.beginTransaction();
      const [rows] = await c.query<mysql.RowDataPacket[]>(
        'SELECT site_id, last_seq, snapshot, updated_at FROM bench_heads WHERE site_id = 1 FOR UPDATE',
      );
      const seq = (rows[0].last_seq as number) + 1;
      const now = new Date();
      await c.query(
        'INSERT INTO bench_events (site_id, seq, type, payload, actor_id, at, business_day) VALUES (1, ?, ?, ?, 1, ?, ?)',
        [seq, 'WALK_IN_RECORDED', payload, now, '2026-01-01'],
      );
      await c.query(
        'UPDATE bench_heads SET last_seq = ?, snapshot = ?, updated_at = ? WHERE site_id = 1',
        [seq, snapshotAt(done++), now],
      );
      await c.commit();
    } catch (err) {
      await c.rollback();
      throw err;
    } finally {
      c.release();
    }
  };
  await drive(CONCURRENCY, WARMUP, op);
  const r = await drive(CONCURRENCY, OPS, op);
  await pool.end();
  return r;
}

async function main() {
  console.log(
    `assignment benchmark — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${CONCURRENCY} concurrent clients, ${OPS} operations (+${WARMUP} warm-up), MariaDB`,
  );
  if (!(await mariadbAvailable()))
    throw new Error('no MariaDB answers at 127.0.0.1:3306 (TEST_MARIADB_URL)');
  const db = await createMariadbDatabase();
  try {
    const server = await startServer({
      env: {
        DATABASE_URL: db.url,
        LOG_LEVEL: 'info',
        ...profileEnv(),
      },
    });
    let ours;
    let traffic;
    const c = await mysql.createConnection({ uri: db.url, dateStrings: true });
    const snapshotSize = async () => {
      const [rows] = await c.query<mysql.RowDataPacket[]>(
        'SELECT LENGTH(snapshot) AS n FROM rotation_heads',
      );
      return Number(rows[0]?.n ?? 0);
    };
    let snapshotBytes;
    try {
      const manager = await login(server.url, 'manager');
      const { siteId } = await prepareFloor(server.url, manager);
      const desk = await login(server.url, 'desk');
      traffic = floorTraffic(server.url, desk, siteId);
      const start = await snapshotSize();
      await drive(CONCURRENCY, WARMUP, traffic.op);
      traffic.reset();
      ours = await drive(CONCURRENCY, OPS, traffic.op);
      snapshotBytes = { start, end: await snapshotSize() };
    } finally {
      const code = await server.stop();
      if (code !== 0) console.log(`server exited with ${code}`);
    }
    const [rows] = await c.query<mysql.RowDataPacket[]>(
      'SELECT seq, payload, at FROM rotation_events ORDER BY seq',
    );
    // The head row must match the log's last event (seq and instant, as stored).
    const [[head]] = await c.query<mysql.RowDataPacket[]>(
      'SELECT lastSeq, updatedAt FROM rotation_heads',
    );
    const last = rows[rows.length - 1];
    const headOk = head.lastSeq === last.seq && head.updatedAt === last.at;
    const [[avg]] = await c.query<mysql.RowDataPacket[]>(
      'SELECT AVG(LENGTH(payload)) AS n FROM rotation_events',
    );
    await c.end();
    const check = checkLog(rows as EventRow[]);

    const base = await baseline(db.url, snapshotBytes, Math.round(Number(avg.n)));

    console.log(
      `\nours:     ${ours.n} ops in ${ours.seconds.toFixed(1)} s = ${ours.throughput.toFixed(0)} ops/s; latency p50 ${fmt(ours.p50)} p99 ${fmt(ours.p99)} max ${fmt(ours.max)}` +
        `\n          (${traffic.counts.walkIns} walk-ins, ${traffic.counts.ends} receptions ended; snapshot ${(snapshotBytes.start / 1024).toFixed(1)} → ${(snapshotBytes.end / 1024).toFixed(1)} KiB; event payload ≈ ${Math.round(Number(avg.n))} B)`,
    );
    console.log(
      `baseline: ${base.n} ops in ${base.seconds.toFixed(1)} s = ${base.throughput.toFixed(0)} ops/s; latency p50 ${fmt(base.p50)} p99 ${fmt(base.p99)} max ${fmt(base.max)}` +
        `\n          (bare mysql2: BEGIN; SELECT … FOR UPDATE; INSERT event; UPDATE head snapshot; COMMIT — ${CONCURRENCY} connections)`,
    );
    console.log(
      `ratio ours/baseline: throughput ${(ours.throughput / base.throughput).toFixed(2)}, p50 ${(ours.p50 / base.p50).toFixed(2)}, p99 ${(ours.p99 / base.p99).toFixed(2)}`,
    );
    console.log(
      `double assignments: ${check.problems.length === 0 ? 'none' : check.problems.length} (replayed ${check.events} stored events, ${check.assignments} assignments)`,
    );
    for (const p of check.problems.slice(0, 10)) console.log(`  ${p}`);
    console.log(
      `head row: lastSeq ${head.lastSeq}, updatedAt ${head.updatedAt} — ${headOk ? 'matches' : 'DOES NOT match'} the last event (${last.seq}, ${last.at})`,
    );
    if (check.problems.length || !headOk) process.exitCode = 1;
  } finally {
    await db.drop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
