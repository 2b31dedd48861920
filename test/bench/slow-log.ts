// Aggregates mysql.slow_log (bench:assign with BENCH_SLOW_LOG=1) by normalized statement, for
// one database and time window: count, total and mean time, rows examined and sent.
//
//   node --import tsx bench/slow-log.ts <db> <from ISO> <to ISO> [<db> <from> <to>]
// With two windows the statements are side by side (e.g. the empty run and the history run).
import mysql from 'mysql2/promise';

const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';

interface Agg {
  count: number;
  seconds: number;
  examined: number;
  sent: number;
}

/** Literals out, so one statement shape is one row. */
export function normalize(sql: string): string {
  return sql
    .replace(/'(?:[^'\\]|\\.)*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\((\s*\?\s*,)+\s*\?\s*\)/g, '(?…)')
    .replace(/(\(\?…\)\s*,\s*)+\(\?…\)/g, '(?…)…')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
}

async function window(c: mysql.Connection, db: string, from: string, to: string) {
  const [rows] = await c.query<mysql.RowDataPacket[]>(
    `SELECT TIME_TO_SEC(query_time) + MICROSECOND(query_time) / 1e6 AS t, rows_examined, rows_sent, CONVERT(sql_text USING utf8mb4) AS q
       FROM mysql.slow_log WHERE db = ? AND start_time BETWEEN ? AND ?`,
    [db, from.replace('T', ' ').replace('Z', ''), to.replace('T', ' ').replace('Z', '')],
  );
  const by = new Map<string, Agg>();
  for (const r of rows) {
    const k = normalize(String(r.q));
    const a = by.get(k) ?? { count: 0, seconds: 0, examined: 0, sent: 0 };
    a.count += 1;
    a.seconds += Number(r.t);
    a.examined += Number(r.rows_examined);
    a.sent += Number(r.rows_sent);
    by.set(k, a);
  }
  return by;
}

async function main() {
  const args = process.argv.slice(2);
  const c = await mysql.createConnection({ uri: MARIADB_URL, timezone: 'Z' });
  const windows: Array<Map<string, Agg>> = [];
  for (let i = 0; i + 3 <= args.length; i += 3)
    windows.push(await window(c, args[i], args[i + 1], args[i + 2]));
  await c.end();
  const keys = [...new Set(windows.flatMap((w) => [...w.keys()]))];
  const total = (k: string) => windows.reduce((s, w) => s + (w.get(k)?.seconds ?? 0), 0);
  keys.sort((a, b) => total(b) - total(a));
  const cell = (a: Agg | undefined) =>
    a
      ? `${String(a.count).padStart(6)} ${a.seconds.toFixed(2).padStart(7)}s ${((a.seconds / a.count) * 1000).toFixed(2).padStart(7)}ms ex ${(a.examined / a.count).toFixed(1).padStart(7)} sent ${(a.sent / a.count).toFixed(1).padStart(6)}`
      : ' '.repeat(52);
  for (const w of windows) {
    const all = [...w.values()];
    console.log(
      `window: ${all.reduce((s, a) => s + a.count, 0)} statements, ${all.reduce((s, a) => s + a.seconds, 0).toFixed(2)} s, ${all.reduce((s, a) => s + a.examined, 0)} rows examined`,
    );
  }
  for (const k of keys.slice(0, 40))
    console.log(`${windows.map((w) => cell(w.get(k))).join(' | ')} | ${k}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
