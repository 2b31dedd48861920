import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

export type DbKind = 'sqlite' | 'mariadb';

export interface TestDatabase {
  kind: DbKind;
  /** What DATABASE_URL would say. */
  url: string;
  drop(): Promise<void>;
}

// Test-only environment: which MariaDB to use and whether it must be there (CI sets it).
const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const REQUIRE_MARIADB = process.env.REQUIRE_MARIADB === '1';

let reachable: Promise<boolean> | undefined;
async function mariadbReachable(): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ uri: MARIADB_URL, connectTimeout: 2000 });
    await c.end();
    return true;
  } catch (err) {
    if (REQUIRE_MARIADB) throw new Error(`REQUIRE_MARIADB=1 but ${MARIADB_URL} is not reachable: ${String(err)}`);
    return false;
  }
}

/** The databases every integration test runs on: SQLite always, MariaDB when present (required in CI). */
export async function databaseKinds(): Promise<DbKind[]> {
  reachable ??= mariadbReachable();
  return (await reachable) ? ['sqlite', 'mariadb'] : ['sqlite'];
}

export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'reception-test-'));
    return {
      kind,
      url: `sqlite:${path.join(dir, 'test.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `reception_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: MARIADB_URL });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    kind,
    url: `${MARIADB_URL.replace(/\/$/, '')}/${name}`,
    drop: async () => {
      const c = await mysql.createConnection({ uri: MARIADB_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
