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
  /** Unset: from the database (redisNamespace). No glob characters: its keys are listed with `PREFIX:*`. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:/-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ : / -')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: on outside production, off in production (asked for there explicitly, it warns loudly).
  DEMO_DATA: boolish.optional(),
  ADMIN_USERNAME: z.string().trim().min(1).max(64).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  TRUST_PROXY: boolish.default(false),
  FRAME_ANCESTORS: z.string().default(''),
  GRAPHQL_INTROSPECTION: boolish.optional(),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(15).default(15),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(20),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(30000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(2000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(20),
  WS_MAX_PAYLOAD: z.coerce.number().int().min(1024).default(64 * 1024),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).default(50),
  WS_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(20),
  WS_MAX_BUFFERED: z.coerce.number().int().min(64 * 1024).default(4 * 1024 * 1024),
  WS_SEND_STALL_MS: z.coerce.number().int().min(500).default(20_000),
  LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(30),
  LOGIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  LOOKUP_LIMIT_CONSULTANT: z.coerce.number().int().min(1).default(6),
  LOOKUP_LIMIT_DESK: z.coerce.number().int().min(1).default(60),
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(366).default(30),
  WEB_DIST: z.string().default(path.join(serverRoot, '..', 'web', 'dist')),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Timing marks of each board change's fan-out on stdout (benchmarks; platform/fanout-trace.ts). */
  FANOUT_TRACE: boolish.default(false),
  /** The reminder scheduler: on by default, off by default under NODE_ENV=test (tests tick it by hand). */
  REMINDERS: boolish.optional(),
  REMINDERS_CRON: z
    .string()
    .regex(/^\S+( \S+){4,5}$/, 'must be a cron pattern such as "* * * * *"')
    .default('* * * * *'),
  /** The figures keeper (folds closed days ahead): on by default, off under NODE_ENV=test. */
  FIGURES_KEEPER: boolish.optional(),
  FIGURES_KEEPER_CRON: z
    .string()
    .regex(/^\S+( \S+){4,5}$/, 'must be a cron pattern such as "* * * * *"')
    .default('*/10 * * * *'),
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
  /** What the Redis channels and shared counters start with; unset: from the database (redisNamespace). */
  redisPrefix?: string;
  logLevel: Env['LOG_LEVEL'];
  demoData: boolean;
  /** DEMO_DATA was set to true in production: start, but warn loudly. */
  demoDataInProduction: boolean;
  /** The first administrator, created on an empty database (password generated when unset). */
  admin?: { username: string; password?: string };
  trustProxy: boolean;
  /** CSP frame-ancestors of the wall screen (/wall), e.g. `https://tv.example.com`; empty: not framed. */
  frameAncestors: string[];
  introspection: boolean;
  limits: {
    maxAliases: number;
    maxDepth: number;
    maxCost: number;
    maxTokens: number;
    maxDirectives: number;
    wsMaxPayload: number;
    wsMaxSubscriptions: number;
    wsMaxSocketsPerUser: number;
    wsMaxBuffered: number;
    wsSendStallMs: number;
  };
  signIn: { addressLimit: number; accountFailures: number; lockMinutes: number; hashConcurrency: number };
  /** Phone lookups and registration checks per user per minute (O9). */
  lookups: { consultant: number; desk: number };
  /** Days of floor history (and registers) the demo data goes back, for the figures page. */
  demoHistoryDays: number;
  webDist: string;
  shutdownTimeoutMs: number;
  fanoutTrace: boolean;
  reminders: { enabled: boolean; cron: string };
  figuresKeeper: { enabled: boolean; cron: string };
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
  if (env.ADMIN_PASSWORD && !env.ADMIN_USERNAME) throw new ConfigError(['ADMIN_PASSWORD: set ADMIN_USERNAME with it']);

  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    database,
    dataDir,
    jwtSecret,
    jwtTtl: env.JWT_TTL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
    demoData: env.DEMO_DATA ?? env.NODE_ENV !== 'production',
    demoDataInProduction: env.NODE_ENV === 'production' && env.DEMO_DATA === true,
    admin: env.ADMIN_USERNAME ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD } : undefined,
    trustProxy: env.TRUST_PROXY,
    frameAncestors: env.FRAME_ANCESTORS.split(/[\s,]+/).filter(Boolean),
    introspection: env.GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== 'production',
    limits: {
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      wsMaxPayload: env.WS_MAX_PAYLOAD,
      wsMaxSubscriptions: env.WS_MAX_SUBSCRIPTIONS,
      wsMaxSocketsPerUser: env.WS_MAX_SOCKETS_PER_USER,
      wsMaxBuffered: env.WS_MAX_BUFFERED,
      wsSendStallMs: env.WS_SEND_STALL_MS,
    },
    signIn: {
      addressLimit: env.LOGIN_ADDRESS_LIMIT,
      accountFailures: env.LOGIN_ACCOUNT_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      hashConcurrency: env.LOGIN_HASH_CONCURRENCY,
    },
    lookups: { consultant: env.LOOKUP_LIMIT_CONSULTANT, desk: env.LOOKUP_LIMIT_DESK },
    demoHistoryDays: env.DEMO_HISTORY_DAYS,
    webDist: path.resolve(env.WEB_DIST),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    fanoutTrace: env.FANOUT_TRACE,
    reminders: { enabled: env.REMINDERS ?? env.NODE_ENV !== 'test', cron: env.REMINDERS_CRON },
    figuresKeeper: { enabled: env.FIGURES_KEEPER ?? env.NODE_ENV !== 'test', cron: env.FIGURES_KEEPER_CRON },
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
