import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../app.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import type { Clock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { createTestDatabase, type DbKind, type TestDatabase } from './databases.js';

export interface GqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; reason?: string } }>;
}

export interface TestApp {
  app: App;
  db: TestDatabase;
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real server (HTTP on loopback, migrations, demo data) on a fresh database of `kind`. */
export async function startTestApp(kind: DbKind, opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reception-data-'));
  // A start that fails (its settings, a migration, a port) leaves no database or folder behind.
  const started = async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'true',
      // Tests build their own history; a test that wants the demo's passes DEMO_HISTORY_DAYS.
      DEMO_HISTORY_DAYS: '0',
      WEB_DIST: path.join(dataDir, 'no-web'),
      // Feature tests look numbers up freely; the O9 limits have tests of their own that set them.
      LOOKUP_LIMIT_CONSULTANT: '10000',
      LOOKUP_LIMIT_DESK: '10000',
      ...opts.env,
    });
    const app = await createApp(config, { clock: opts.clock });
    try {
      return { app, url: await app.listen() };
    } catch (err) {
      await app.stop();
      throw err;
    }
  };
  const { app, url } = await started().catch(async (err: unknown) => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
  return {
    app,
    db,
    url,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const r = await gql<{ login: { token: string } }>(
        'mutation($i: LoginInput!) { login(input: $i) { token } }',
        { i: { username, password } },
      );
      if (!r.data) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    },
    async close() {
      await app.stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
