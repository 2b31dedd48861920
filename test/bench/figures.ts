// Figures benchmark: the manager's siteFigures over a month and over a year, against the real
// server on MariaDB, for a site with BENCH_DAYS (365) days of floor history: BENCH_WALK_INS
// (200) walk-ins a day on average among 10 consultants, each day decided by the rotation engine
// (server/src/demo/floor-day.ts), with the registrations, follow-ups, deals and appointments
// that follow, written straight into the tables the server's migrations created.
//
//   pnpm --filter @reception/server build && pnpm --filter @reception/test bench:figures
//   BENCH_DAYS=365 BENCH_WALK_INS=200 BENCH_RUNS=30 pnpm --filter @reception/test bench:figures
import os from 'node:os';
import mysql from 'mysql2/promise';
import { seeded, weeklyShifts } from '../../server/src/demo/floor-day.js';
import { businessDay } from '../../server/src/rotation/domain/index.js';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startServer } from '../support/server.js';
import { EVENTS_INSERT, eventRows, floorHistory, insertRows as insert } from './history.js';
import { fmt, machine, must, profileEnv, summary, wallMs } from './support.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const WALK_INS = Number(process.env.BENCH_WALK_INS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const CONSULTANTS = 10;
const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;

const FIGURES = `query($s: ID!, $p: FiguresPeriod!, $d: String!, $to: String) { siteFigures(siteId: $s, period: $p, date: $d, to: $to) {
  from to
  days { day counted enquiries walkIns { new returning broughtAlong nonBuyer } }
  consultants { consultant { id displayName } counted walkIns { new returning broughtAlong nonBuyer } makeUpsGiven makeUpsUsed skips absences
    registrations followUps followUpsDue followUpsOnTime deals dealUnits conversion appointments appointmentsCompleted satisfaction satisfactionCount }
  fairness { spread rows { consultant { id } sharedDays counted expected deviation makeUpsGiven makeUpsUsed makeUpRules { rule count } } }
} }`;

/** A site of its own with ten consultants (copies of the demo's wang), the manager and the desk on it. */
async function makeSite(c: mysql.Connection) {
  const [[wang]] = await c.query<mysql.RowDataPacket[]>(
    "SELECT * FROM users WHERE username = 'wang'",
  );
  const [[people]] = await c.query<mysql.RowDataPacket[]>(
    "SELECT (SELECT id FROM users WHERE username = 'manager') AS manager, (SELECT id FROM users WHERE username = 'desk') AS desk",
  );
  const [site] = await c.query<mysql.ResultSetHeader>(
    'INSERT INTO sites (companyId, name, code, timezone, createdAt) VALUES (?, ?, ?, ?, NOW(3))',
    [wang.companyId, '基准售楼处', 'BENCH', TZ],
  );
  const siteId = site.insertId;
  const ids: number[] = [];
  for (let i = 0; i < CONSULTANTS; i++) {
    const [u] = await c.query<mysql.ResultSetHeader>(
      'INSERT INTO users (companyId, username, displayName, passwordHash, roles, disabled, departmentId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 0, ?, NOW(3), NOW(3))',
      [
        wang.companyId,
        `bench${i}`,
        `顾问${i + 1}`,
        wang.passwordHash,
        wang.roles,
        wang.departmentId,
      ],
    );
    ids.push(u.insertId);
  }
  await insert(
    c,
    'INSERT INTO user_sites (userId, siteId) VALUES ?',
    [...ids, Number(people.manager), Number(people.desk)].map((u) => [u, siteId]),
  );
  const templates = weeklyShifts(ids);
  await insert(
    c,
    'INSERT INTO shift_templates (siteId, consultantId, weekday, startTime, endTime) VALUES ?',
    templates.map((t) => [siteId, t.consultantId, t.weekday, t.startTime, t.endTime]),
  );
  return {
    siteId,
    ids,
    managerId: Number(people.manager),
    deskId: Number(people.desk),
    templates,
    companyId: Number(wang.companyId),
    departmentId: Number(wang.departmentId),
  };
}

async function seedYear(c: mysql.Connection, s: Awaited<ReturnType<typeof makeSite>>) {
  const rnd = seeded(2025);
  const now = Date.now();
  let events = 0;
  let customers = 0;
  let followUps = 0;
  let deals = 0;
  let appointments = 0;
  const [[category]] = await c.query<mysql.RowDataPacket[]>(
    "SELECT id FROM categories WHERE companyId = ? AND code = 'C'",
    [s.companyId],
  );
  const [[{ base }]] = await c.query<mysql.RowDataPacket[]>(
    'SELECT COALESCE(MAX(id), 0) AS base FROM customers',
  );
  let nextCustomer = Number(base) + 1;
  const days = floorHistory(
    {
      days: DAYS,
      walkIns: WALK_INS,
      consultants: s.ids,
      deskId: s.deskId,
      managerId: s.managerId,
      timezone: TZ,
      templates: s.templates,
      rnd,
    },
    now,
  );
  for (const { back, day, sim } of days) {
    await insert(c, EVENTS_INSERT, eventRows(s.siteId, day, sim));
    events += sim.events.length;
    const cs: unknown[][] = [];
    const regs: unknown[][] = [];
    const fus: unknown[][] = [];
    const ds: unknown[][] = [];
    for (const r of sim.registered) {
      const id = nextCustomer++;
      const phone = `15${String((id * 7919) % 1_000_000_000).padStart(9, '0')}`;
      cs.push([id, s.siteId, r.name, phone, phone.slice(-4), new Date(r.at)]);
      regs.push([
        s.siteId,
        id,
        r.consultantId,
        r.name,
        phone,
        new Date(r.at),
        null,
        '{"source":"bench"}',
        r.consultantId,
      ]);
      // Two or three follow-ups, each promising the next; one in five is late.
      let at = r.at + DAY;
      for (let k = 0; k < 2 + Math.floor(rnd() * 2) && at < now; k++) {
        const gap = (2 + Math.floor(rnd() * 4)) * DAY;
        fus.push([id, r.consultantId, new Date(at), 'CALL', null, new Date(at + gap)]);
        at += gap + (rnd() < 0.2 ? DAY : -3_600_000);
      }
      if (rnd() < 0.1 && r.at + 5 * DAY < now) {
        ds.push([
          s.siteId,
          id,
          r.name,
          new Date(r.at + 5 * DAY),
          1,
          JSON.stringify([{ consultantId: r.consultantId, share: 1 }]),
          '{"rule":"O7"}',
          s.managerId,
          new Date(r.at + 5 * DAY),
        ]);
      }
    }
    if (cs.length) {
      await insert(
        c,
        'INSERT INTO customers (id, siteId, name, phone, phoneLast4, createdAt) VALUES ?',
        cs,
      );
      await insert(
        c,
        'INSERT INTO registrations (siteId, customerId, consultantId, name, phone, at, correctsId, intent, createdBy) VALUES ?',
        regs,
      );
    }
    if (fus.length)
      await insert(
        c,
        'INSERT INTO follow_ups (customerId, consultantId, at, kind, note, nextAt) VALUES ?',
        fus,
      );
    if (ds.length)
      await insert(
        c,
        'INSERT INTO deals (siteId, customerId, buyerName, dealAt, units, credit, attribution, recordedBy, createdAt) VALUES ?',
        ds,
      );
    // Two appointments a day, most completed and rated (P4).
    const apps: unknown[][] = [];
    for (let k = 0; k < 2; k++) {
      const start = new Date(now - back * DAY + k * 3 * 3_600_000);
      const lead = s.ids[Math.floor(rnd() * s.ids.length)];
      const done = rnd() < 0.8;
      apps.push([
        s.siteId,
        category.id,
        done ? 'completed' : 'cancelled',
        1,
        '参观',
        '某公司',
        3,
        1,
        start,
        new Date(start.getTime() + 3_600_000),
        s.departmentId,
        '',
        lead,
        null,
        '',
        null,
        0,
        0,
        0,
        0,
        '',
        0,
        lead,
        start,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        done ? 3 + Math.floor(rnd() * 3) : null,
        null,
        start,
      ]);
    }
    await insert(
      c,
      'INSERT INTO appointments (siteId, categoryId, state, approvedOnce, purpose, visitorCompany, headcount, hosts, startAt, endAt, leadDepartmentId, supportingDepartmentIds, leadUserId, roomId, equipmentKinds, estimatedCost, catering, pickUp, lodging, gifts, notes, late, requestedById, requestedAt, decidedById, decidedAt, decisionReason, lateApproved, arrivedAt, outcome, cooperationIntent, feedback, satisfaction, completedAt, updatedAt) VALUES ?',
      apps,
    );
    customers += cs.length;
    followUps += fus.length;
    deals += ds.length;
    appointments += apps.length;
    if (back % 60 === 0) process.stdout.write(`  … ${DAYS - back} days, ${events} events\n`);
  }
  await c.query(
    'ANALYZE TABLE rotation_events, registrations, follow_ups, deals, appointments, customers',
  );
  return { events, customers, followUps, deals, appointments };
}

async function main() {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(
    `figures benchmark — ${machine()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load ${load}, ${DAYS} days × ~${WALK_INS} walk-ins, ${CONSULTANTS} consultants, MariaDB`,
  );
  if (!(await mariadbAvailable()))
    throw new Error('no MariaDB answers at 127.0.0.1:3306 (TEST_MARIADB_URL)');
  // BENCH_DB: a database seeded by an earlier run kept with BENCH_KEEP=1 (no seeding again).
  const reuse = process.env.BENCH_DB;
  const db = reuse ? { url: reuse, drop: async () => undefined } : await createMariadbDatabase();
  try {
    const env = {
      DATABASE_URL: db.url,
      LOG_LEVEL: 'info',
      FIGURES_KEEPER: 'true',
      ...profileEnv(),
    };
    let server = await startServer({ env, timeoutMs: 120_000 });
    const c = await mysql.createConnection({ uri: db.url });
    try {
      let siteId: number;
      if (reuse) {
        const [[row]] = await c.query<mysql.RowDataPacket[]>(
          "SELECT id FROM sites WHERE code = 'BENCH'",
        );
        siteId = Number(row.id);
      } else {
        const site = await makeSite(c);
        siteId = site.siteId;
        const t0 = wallMs();
        const seeded = await seedYear(c, site);
        const [[size]] = await c.query<mysql.RowDataPacket[]>(
          "SELECT ROUND(SUM(data_length + index_length) / 1048576) AS mib FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'rotation_events'",
        );
        console.log(
          `seeded in ${((wallMs() - t0) / 1000).toFixed(0)} s: ${seeded.events} floor events (${size.mib} MiB), ${seeded.customers} registrations, ${seeded.followUps} follow-ups, ${seeded.deals} deals, ${seeded.appointments} appointments`,
        );
      }
      // As after a year of use: the server starts on the history and its keeper folds every
      // closed day in the background (a server without one leaves them to the first query).
      await server.stop();
      await c.query('DELETE FROM figure_days WHERE siteId = ?', [siteId]);
      const [[span]] = await c.query<mysql.RowDataPacket[]>(
        'SELECT DATEDIFF(?, MIN(businessDay)) AS days FROM rotation_events WHERE siteId = ?',
        [businessDay(Date.now() - 10 * 60_000, TZ), siteId],
      );
      const closed = Number(span.days);
      const t1 = wallMs();
      server = await startServer({ env, timeoutMs: 120_000 });
      let kept = 0;
      let progress = wallMs();
      while (kept < closed && wallMs() - progress < 20_000) {
        await new Promise((r) => setTimeout(r, 250));
        const [[k]] = await c.query<mysql.RowDataPacket[]>(
          'SELECT COUNT(*) AS n FROM figure_days WHERE siteId = ?',
          [siteId],
        );
        if (Number(k.n) > kept) progress = wallMs();
        kept = Number(k.n);
      }
      console.log(
        kept >= closed
          ? `start-up catch-up kept ${kept} closed days in ${((wallMs() - t1) / 1000).toFixed(1)} s (server start included)`
          : `start-up catch-up: ${kept} of ${closed} closed days kept (no keeper?); the first queries fold the rest`,
      );
      const manager = await login(server.url, 'manager');
      const today = businessDay(Date.now(), TZ);
      const lastMonth = businessDay(Date.now() - 20 * DAY, TZ);
      const yearFrom = businessDay(Date.now() - (DAYS - 1) * DAY, TZ);
      const month = { s: String(siteId), p: 'MONTH', d: lastMonth };
      const year = { s: String(siteId), p: 'CUSTOM', d: yearFrom, to: today };
      const once = async (vars: Record<string, unknown>) => {
        const t = wallMs();
        const r = await must<{ siteFigures: { days: unknown[] } }>(
          gql(server.url, FIGURES, vars, manager),
        );
        if (!r.siteFigures.days.length) throw new Error('no days');
        return wallMs() - t;
      };
      // First query of a period: every closed day folded from the log and kept (figure_days).
      const coldMonth = await once(month);
      const coldYear = await once(year);
      const runs = async (vars: Record<string, unknown>) => {
        const xs: number[] = [];
        for (let i = 0; i < RUNS; i++) xs.push(await once(vars));
        return summary(xs);
      };
      const m = await runs(month);
      const y = await runs(year);
      console.log(
        `\nsiteFigures through the server (HTTP, auth, GraphQL), ${RUNS} runs each after the first:`,
      );
      console.log(
        `  month ${month.d.slice(0, 7)}   first ${fmt(coldMonth).padStart(10)}   p50 ${fmt(m.p50).padStart(9)}  p99 ${fmt(m.p99).padStart(9)}  max ${fmt(m.max).padStart(9)}   goal p99 < 200 ms`,
      );
      console.log(
        `  year ${yearFrom}…${today}   first ${fmt(coldYear).padStart(10)}   p50 ${fmt(y.p50).padStart(9)}  p99 ${fmt(y.p99).padStart(9)}  max ${fmt(y.max).padStart(9)}   goal p99 < 1 s`,
      );
      console.log(
        `  ("first" is the first query of the period after the start-up catch-up: it folds today, and any day not kept yet)`,
      );
      console.log(
        `load after: ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
    } finally {
      await c.end();
      await server.stop();
    }
  } finally {
    // BENCH_KEEP=1 leaves the seeded database in place (to EXPLAIN the queries on it).
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${db.url}`);
    else await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
