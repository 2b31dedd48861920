import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import { entities } from './entities.js';
import { migrations } from './migrations.js';

export interface DataSourceExtras {
  /** Tests only: build tables from entities instead of migrations. Never in production. */
  synchronize?: boolean;
  logging?: boolean;
  extraEntities?: MixedList<Function | string | EntitySchema>;
}

export function dataSourceOptions(db: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  const common = {
    entities: entities as Function[],
    migrations,
    migrationsRun: false,
    synchronize: extras.synchronize ?? false,
    logging: extras.logging ?? false,
  };
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: db.url,
      // Instants are stored in UTC; the site's time zone is applied by the domain.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      connectorPackage: 'mysql2',
      // For runTogether (issue 17: a floor batch's writes in one round trip). Every query is
      // built with parameters; none is concatenated from input.
      multipleStatements: true,
      extra: { connectionLimit: 20 },
    };
  }
  if (db.file !== ':memory:') mkdirSync(path.dirname(db.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    // WAL lets the board be read while a walk-in is written; busy_timeout covers a second process.
    prepareDatabase: (conn: { pragma(s: string): unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma('busy_timeout = 5000');
      conn.pragma('foreign_keys = ON');
    },
  };
}

export async function openDatabase(db: DatabaseConfig, extras: DataSourceExtras = {}): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(db, extras));
  await ds.initialize();
  if (!extras.synchronize) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
