// CPU per `authenticate` (token → principal, the reads of every request and socket), for one or
// more builds of the server in one sitting (issue 17, session 24):
//   pnpm --filter @reception/test bench:authenticate [server/dist-before server/dist] [sqlite|mariadb]
// Each build runs in its own process, alternating, BENCH_ROUNDS (2) times; BENCH_CALLS (10,000)
// calls, BENCH_CONCURRENCY (50) at a time, on a fresh database with the demo company.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const repo = path.resolve(path.dirname(self), '../..');
const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';

if (process.argv[2] === '--child') {
  const [dist, kind] = process.argv.slice(3);
  const require = createRequire(path.join(repo, 'server', 'package.json'));
  require('reflect-metadata');
  const mysql = require('mysql2/promise');
  const { createApp } = await import(path.join(dist, 'app.js'));
  const { loadConfig } = await import(path.join(dist, 'platform/config.js'));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-auth-'));
  let url = `sqlite:${path.join(dir, 'bench.sqlite')}`;
  const name = `reception_bench_auth_${process.pid}`;
  if (kind === 'mariadb') {
    const c = await mysql.createConnection({ uri: MARIADB_URL });
    await c.query(`CREATE DATABASE \`${name}\``);
    await c.end();
    url = `${MARIADB_URL}/${name}`;
  }
  const env = { NODE_ENV: 'test', PORT: '0', DATA_DIR: dir, DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_DATA: 'true', DEMO_HISTORY_DAYS: '0' };
  const app = await createApp(loadConfig({ ...env, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01', WEB_DIST: path.join(dir, 'no-web') }));
  try {
    const { token } = await app.services.accounts.login('manager', 'demo1234');
    const calls = Number(process.env.BENCH_CALLS ?? 10_000);
    const at = Number(process.env.BENCH_CONCURRENCY ?? 50);
    for (let i = 0; i < 500; i++) await app.services.accounts.authenticate(token); // warm-up
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < calls; i += at) await Promise.all(Array.from({ length: at }, () => app.services.accounts.authenticate(token)));
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`${path.relative(repo, dist)} ${kind}: ${calls} calls, ${wall.toFixed(0)} ms wall, ${((cpuMs * 1000) / calls).toFixed(0)} µs CPU per call (load ${load})`);
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'mariadb') {
      const d = await mysql.createConnection({ uri: MARIADB_URL });
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    }
  }
} else {
  const args = process.argv.slice(2);
  const kind = ['sqlite', 'mariadb'].includes(args.at(-1)) ? args.pop() : 'sqlite';
  const builds = (args.length ? args : ['server/dist']).map((b) => path.resolve(repo, b));
  for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 2); round++) {
    for (const dist of builds) execFileSync(process.execPath, [self, '--child', dist, kind], { stdio: 'inherit' });
  }
}
