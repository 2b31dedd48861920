import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import path from 'node:path';
import { createRequire } from 'node:module';
import mysql from 'mysql2/promise';
import type { DatabaseConfig } from './config.js';

/**
 * Backup and restore of the whole database, one command each (`pnpm backup <file>`,
 * `pnpm restore <file>`, see README).
 *
 * SQLite: SQLite's online backup (a consistent copy while the server runs), restored the same
 * way page by page into the data file; stop the server before a restore.
 * MySQL/MariaDB: `mysqldump --single-transaction` (a consistent snapshot without locking the
 * floor) replayed with `mysql`; without those tools on the PATH, the same thing in process
 * (every table's CREATE TABLE and rows, read in one consistent-snapshot transaction).
 */
/** The part of better-sqlite3 used here (the driver TypeORM uses; it ships no types). */
interface SqliteDatabase {
  backup(destination: string): Promise<unknown>;
  pragma(source: string, options: { simple: true }): unknown;
  close(): void;
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteDatabase;

export type MysqlTool = 'auto' | 'client' | 'node';

export interface BackupOptions {
  /** MySQL only: the mysqldump/mysql clients, the in-process dump, or the clients when present. */
  mysqlTool?: MysqlTool;
}

export async function backupDatabase(db: DatabaseConfig, file: string, opts: BackupOptions = {}): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (db.type === 'better-sqlite3') {
    if (!existsSync(db.file)) throw new Error(`No database at ${db.file}`);
    const source = new Database(db.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return;
  }
  if (await useClients(opts.mysqlTool)) await mysqldump(db.url, file);
  else await nodeDump(db.url, file);
}

export async function restoreDatabase(db: DatabaseConfig, file: string, opts: BackupOptions = {}): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}`);
  if (db.type === 'better-sqlite3') {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const check = source.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`The backup ${file} is damaged: ${String(check)}`);
      mkdirSync(path.dirname(db.file), { recursive: true });
      // A stale write-ahead log must not be replayed over the restored pages.
      for (const suffix of ['-wal', '-shm']) rmSync(db.file + suffix, { force: true });
      await source.backup(db.file);
    } finally {
      source.close();
    }
    return;
  }
  const head = readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 200);
  if (!/^(-- MariaDB dump|-- MySQL dump|\/\*|-- Reception)/.test(head)) throw new Error(`${file} is not a MySQL dump`);
  // The database becomes the backup: tables it does not know (created after it) go too.
  await dropAllTables(db.url);
  if (await useClients(opts.mysqlTool)) await mysqlClient(db.url, file);
  else await nodeRestore(db.url, file);
}

/** Whether `tool` runs (it is on the PATH). */
async function runs(tool: string): Promise<boolean> {
  const child = spawn(tool, ['--version'], { stdio: 'ignore' });
  return new Promise((resolve) => {
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

/** Whether mysqldump and mysql are on the PATH. */
export async function mysqlClientsPresent(): Promise<boolean> {
  return (await runs('mysqldump')) && (await runs('mysql'));
}

async function useClients(tool: MysqlTool = 'auto'): Promise<boolean> {
  if (tool === 'node') return false;
  const present = await mysqlClientsPresent();
  if (tool === 'client' && !present) throw new Error('mysqldump and mysql are not on the PATH');
  return present;
}

/**
 * Runs a mysql client against the database of `url`; the credentials go in an option file
 * readable by this user only (not on the command line, where `ps` would show the password).
 */
async function runClient(tool: 'mysqldump' | 'mysql', url: string, extra: string[], io: { stdin?: string; stdout?: string }): Promise<void> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  if (!database) throw new Error('DATABASE_URL names no database');
  const dir = mkdtempSync(path.join(tmpdir(), 'reception-backup-'));
  const options = path.join(dir, 'client.cnf');
  const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  writeFileSync(
    options,
    ['[client]', `host=${u.hostname}`, `port=${u.port || '3306'}`, `user=${quote(decodeURIComponent(u.username || 'root'))}`, `password=${quote(decodeURIComponent(u.password))}`, 'default-character-set=utf8mb4', ''].join('\n'),
    { mode: 0o600 },
  );
  try {
    const child = spawn(tool, [`--defaults-extra-file=${options}`, ...extra, database], { stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const out = io.stdout ? createWriteStream(io.stdout) : undefined;
    if (out) child.stdout!.pipe(out);
    if (io.stdin) createReadStream(io.stdin).pipe(child.stdin!);
    const [code] = (await once(child, 'close')) as [number];
    if (out && !out.closed) await once(out, 'close');
    if (code !== 0) throw new Error(`${tool} failed (${code}): ${err.trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mysqldump(url: string, file: string): Promise<void> {
  await runClient('mysqldump', url, ['--single-transaction', '--skip-lock-tables', '--no-tablespaces', '--routines', '--hex-blob'], { stdout: file });
}

async function mysqlClient(url: string, file: string): Promise<void> {
  await runClient('mysql', url, [], { stdin: file });
}

// ---- the in-process dump ------------------------------------------------------------------

async function connect(url: string) {
  return mysql.createConnection({ uri: url, multipleStatements: true, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, charset: 'utf8mb4' });
}

async function nodeDump(url: string, file: string): Promise<void> {
  const c = await connect(url);
  const lines = ['-- Reception dump (schema and rows)', 'SET NAMES utf8mb4;', 'SET FOREIGN_KEY_CHECKS = 0;', "SET SQL_MODE = 'NO_AUTO_VALUE_ON_ZERO';"];
  try {
    await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await c.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
    const [tables] = await c.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
    for (const { name } of tables as Array<{ name: string }>) {
      const [[create]] = (await c.query(`SHOW CREATE TABLE ${c.escapeId(name)}`)) as unknown as [[Record<string, string>]];
      lines.push(`DROP TABLE IF EXISTS ${c.escapeId(name)};`, `${create['Create Table']};`);
      const [rows] = await c.query(`SELECT * FROM ${c.escapeId(name)}`);
      const list = rows as Array<Record<string, unknown>>;
      for (let i = 0; i < list.length; i += 200) {
        const chunk = list.slice(i, i + 200);
        const columns = Object.keys(chunk[0]).map((k) => c.escapeId(k)).join(', ');
        lines.push(`INSERT INTO ${c.escapeId(name)} (${columns}) VALUES ${chunk.map((r) => `(${Object.values(r).map((v) => c.escape(v)).join(', ')})`).join(',\n')};`);
      }
    }
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
  lines.push('SET FOREIGN_KEY_CHECKS = 1;', '');
  writeFileSync(file, lines.join('\n'));
}

async function dropAllTables(url: string): Promise<void> {
  const c = await connect(url);
  try {
    const [tables] = await c.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
    const names = (tables as Array<{ name: string }>).map(({ name }) => c.escapeId(name));
    if (names.length) await c.query(`SET FOREIGN_KEY_CHECKS = 0; DROP TABLE IF EXISTS ${names.join(', ')}; SET FOREIGN_KEY_CHECKS = 1;`);
  } finally {
    await c.end();
  }
}

async function nodeRestore(url: string, file: string): Promise<void> {
  const c = await connect(url);
  try {
    await c.query(readFileSync(file, 'utf8'));
  } finally {
    await c.end();
  }
}
