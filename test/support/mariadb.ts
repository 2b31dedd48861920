import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';

export async function mariadbAvailable(): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ uri: MARIADB_URL, connectTimeout: 2000 });
    await c.end();
    return true;
  } catch (err) {
    if (process.env.REQUIRE_MARIADB === '1') throw new Error(`MariaDB required but unreachable: ${String(err)}`);
    return false;
  }
}

/** A fresh MariaDB database for one test file; drop() removes it. */
export async function createMariadbDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `reception_e2e_${randomBytes(4).toString('hex')}`;
  const c = await mysql.createConnection({ uri: MARIADB_URL });
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  return {
    url: `${MARIADB_URL}/${name}`,
    drop: async () => {
      const d = await mysql.createConnection({ uri: MARIADB_URL });
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    },
  };
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
