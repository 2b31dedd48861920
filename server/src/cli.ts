import 'reflect-metadata';
import { Redis } from 'ioredis';
import { setAdministrator } from './accounts/first-admin.js';
import { SignInGuard } from './accounts/sign-in-guard.js';
import { systemClock } from './platform/clock.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/data-source.js';
import { Transactions } from './platform/db/transaction.js';
import { redisNamespace } from './platform/pubsub.js';

const USAGE = `Usage: node server/dist/cli.js admin <username> [--password-stdin]

Creates an administrator, or resets an existing user into one (password set, administrator
role added, account enabled, sessions revoked). Without --password-stdin a password is
generated and printed once. Uses the same environment as the server (DATABASE_URL…).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const [command, username, ...flags] = argv;
  if (command !== 'admin' || !username || flags.some((f) => f !== '--password-stdin')) {
    console.error(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const password = flags.includes('--password-stdin') ? await readStdin() : undefined;
  const ds = await openDatabase(config.database);
  try {
    const r = await setAdministrator(ds, new Transactions(ds), systemClock, username, password);
    // A sign-in lock shared through Redis is lifted too (an in-memory one ends with its process).
    if (config.redisUrl) {
      const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
      try {
        await new SignInGuard(config.signIn, redis, redisNamespace(config)).unlock(r.username);
      } finally {
        redis.disconnect();
      }
    }
    console.log(`${r.created ? 'Created' : 'Reset'} administrator "${r.username}".`);
    if (r.generatedPassword) console.log(`Password (shown once): ${r.generatedPassword}`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
