import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'reception-config-'));

describe('configuration', () => {
  it('defaults to SQLite in the data folder, port 4000, demo data on', () => {
    const dir = tmp();
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.database).toEqual({ type: 'better-sqlite3', file: path.join(dir, 'reception.sqlite') });
    expect(c.port).toBe(4000);
    expect(c.demoData).toBe(true);
  });

  it('DATABASE_URL=mysql:// (or mariadb://) selects MySQL', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mariadb://u:p@h:3306/db' }).database).toEqual({
      type: 'mysql',
      url: 'mysql://u:p@h:3306/db',
    });
  });

  it('names every wrong value', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', JWT_TTL: 'forever', DATA_DIR: tmp() });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join('\n');
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/DATABASE_URL/);
      expect(text).toMatch(/JWT_TTL/);
    }
  });

  it('refuses to start in production without JWT_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), JWT_SECRET: 'short' })).toThrow(/32/);
  });

  it('in development generates a secret once and keeps it in the data folder', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(existsSync(path.join(dir, 'jwt-secret'))).toBe(true);
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });

  it('demo data: on outside production, off in production unless asked for (then flagged for a loud warning)', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) } as const;
    expect(loadConfig({ DATA_DIR: tmp() }).demoData).toBe(true);
    expect(loadConfig({ ...prod, DATA_DIR: tmp() }).demoData).toBe(false);
    const asked = loadConfig({ ...prod, DATA_DIR: tmp(), DEMO_DATA: 'true' });
    expect(asked.demoData).toBe(true);
    expect(asked.demoDataInProduction).toBe(true);
    expect(loadConfig({ ...prod, DATA_DIR: tmp() }).introspection).toBe(false);
    expect(loadConfig({ ...prod, DATA_DIR: tmp(), GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('the first administrator: ADMIN_USERNAME with an optional ADMIN_PASSWORD of 12+ characters', () => {
    expect(loadConfig({ DATA_DIR: tmp(), ADMIN_USERNAME: 'root' }).admin).toEqual({ username: 'root', password: undefined });
    expect(() => loadConfig({ DATA_DIR: tmp(), ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'short' })).toThrow(/12/);
    expect(() => loadConfig({ DATA_DIR: tmp(), ADMIN_PASSWORD: 'long-enough-password' })).toThrow(/ADMIN_USERNAME/);
  });

  it('aliases are capped at 15 at most', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), GRAPHQL_MAX_ALIASES: '1000' })).toThrow(/GRAPHQL_MAX_ALIASES/);
  });

  it('issue 17: REDIS_PREFIX is optional, and refused with spaces or glob characters', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).redisPrefix).toBeUndefined();
    expect(loadConfig({ DATA_DIR: tmp(), REDIS_PREFIX: 'reception:site-b' }).redisPrefix).toBe('reception:site-b');
    expect(() => loadConfig({ DATA_DIR: tmp(), REDIS_PREFIX: 'site b' })).toThrow(/REDIS_PREFIX/);
    expect(() => loadConfig({ DATA_DIR: tmp(), REDIS_PREFIX: 'site*' })).toThrow(/REDIS_PREFIX/);
  });
});
