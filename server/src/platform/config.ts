import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(mysql|mariadb):\/\/.+/.test(v) || /^sqlite:.+/.test(v), {
      message: 'must start with mysql://, mariadb:// or sqlite:<file path>',
    })
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), 'data')),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, 'must look like 30m, 12h or 7d')
    .default('12h'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must start with redis:// or rediss://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: boolish.default(true),
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(366).default(30),
  WEB_DIST: z.string().default(path.join(serverRoot, '..', 'web', 'dist')),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Env = z.infer<typeof EnvSchema>;

export type DatabaseConfig =
  | { type: 'mysql'; url: string }
  | { type: 'better-sqlite3'; file: string };

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  database: DatabaseConfig;
  dataDir: string;
  jwtSecret: string;
  jwtTtl: string;
  redisUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  demoData: boolean;
  /** Days of floor history (and registers) the demo data goes back, for the figures page. */
  demoHistoryDays: number;
  webDist: string;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The one place that reads process.env. Everything else receives a Config. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);

  let database: DatabaseConfig;
  if (!env.DATABASE_URL) database = { type: 'better-sqlite3', file: path.join(dataDir, 'reception.sqlite') };
  else if (env.DATABASE_URL.startsWith('sqlite:'))
    database = { type: 'better-sqlite3', file: path.resolve(env.DATABASE_URL.slice('sqlite:'.length)) };
  else database = { type: 'mysql', url: env.DATABASE_URL.replace(/^mariadb:/, 'mysql:') };

  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    if (env.NODE_ENV === 'production') {
      throw new ConfigError(['JWT_SECRET: required in production (at least 32 characters)']);
    }
    jwtSecret = developmentSecret(dataDir);
  }

  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    database,
    dataDir,
    jwtSecret,
    jwtTtl: env.JWT_TTL,
    redisUrl: env.REDIS_URL,
    logLevel: env.LOG_LEVEL,
    demoData: env.DEMO_DATA,
    demoHistoryDays: env.DEMO_HISTORY_DAYS,
    webDist: path.resolve(env.WEB_DIST),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Outside production a secret is generated once and kept in the data folder. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
