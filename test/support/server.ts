import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REDIS_URL } from './mariadb.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// SERVER_MAIN: another build of the server (a benchmark comparing two builds in one run).
const serverMain = process.env.SERVER_MAIN ? path.resolve(process.env.SERVER_MAIN) : path.join(repoRoot, 'server', 'dist', 'main.js');

export interface RunningServer {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real built server (server/dist/main.js, serving web/dist) as a child process
 * on a free port, with a fresh SQLite database and demo data unless `env` says otherwise.
 */
export async function startServer(opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningServer> {
  if (!existsSync(serverMain)) throw new Error('server/dist/main.js is missing: run `pnpm build` first');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reception-e2e-'));
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // Tests that want the demo's weeks of history (the figures page) ask for them.
      DEMO_HISTORY_DAYS: '0',
      // O9's per-user lookup limits are proven by test/hostile; feature tests (a desk firing
      // a hundred walk-ins with phones at once) must not trip over them.
      LOOKUP_LIMIT_CONSULTANT: '10000',
      LOOKUP_LIMIT_DESK: '10000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), opts.timeoutMs ?? 60_000);
    const onData = () => {
      const m = /"url":"(http:\/\/[^"]+)".*"msg":"listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/graphql',
    process: child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

export interface Instances {
  servers: RunningServer[];
  /** Stops every instance (in parallel); returns their exit codes. */
  stop(): Promise<Array<number | null>>;
}

/**
 * `n` built servers on one database (`env.DATABASE_URL`, MariaDB) and Redis, sharing a JWT
 * secret so a token from one works on all. The first migrates and seeds the demo company; the
 * others start after it (no migration race) without demo data. The server names its Redis
 * channels after its database, so instances of other databases on the same Redis hear none.
 */
export async function startInstances(n: number, opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Instances> {
  const env = { REDIS_URL, JWT_SECRET: 'shared-secret-shared-secret-shared-secret', ...opts.env };
  const servers: RunningServer[] = [];
  const stop = () => Promise.all(servers.map((s) => s.stop()));
  try {
    servers.push(await startServer({ env, timeoutMs: opts.timeoutMs }));
    const rest = await Promise.allSettled(
      Array.from({ length: n - 1 }, () => startServer({ env: { ...env, DEMO_DATA: 'false' }, timeoutMs: opts.timeoutMs })),
    );
    for (const r of rest) if (r.status === 'fulfilled') servers.push(r.value);
    const failed = rest.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    await stop();
    throw err;
  }
  return { servers, stop };
}

/** POST a GraphQL operation; returns the parsed body (data and errors). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}

export async function login(url: string, username: string, password = 'demo1234'): Promise<string> {
  const r = await gql<{ login: { token: string } }>(
    url,
    'mutation($input: LoginInput!) { login(input: $input) { token } }',
    { input: { username, password } },
  );
  if (!r.data) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token;
}
