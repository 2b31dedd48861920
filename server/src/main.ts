import 'reflect-metadata';
import { createApp } from './app.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo/seed.js';
import { ConfigError, loadConfig } from './platform/config.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(config);
  const url = await app.listen();
  app.logger.info({ url, database: config.database.type, redis: Boolean(config.redisUrl) }, 'listening');
  // A person starting the product sees where to go and how to sign in.
  const lines = [`\n  Reception is running at ${url}`, `  GraphQL: ${url}/graphql`];
  if (app.firstAdmin) {
    lines.push(`  First administrator: ${app.firstAdmin.username}`);
    if (app.firstAdmin.generatedPassword) {
      lines.push(`  Password (shown once, change it after signing in): ${app.firstAdmin.generatedPassword}`);
    }
  }
  if (config.demoDataInProduction) {
    lines.push(
      '',
      '  !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '  !!  WARNING: DEMO_DATA=true in production. The demo accounts have a PUBLISHED  !!',
      '  !!  password. Never expose this server; unset DEMO_DATA on a real deployment.  !!',
      '  !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    );
  }
  if (config.demoData) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of DEMO_LOGINS) lines.push(`    ${l.role.padEnd(11)} ${l.username}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5000).unref();
    try {
      await app.stop();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      app.logger.error({ err }, 'stop failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
