import { backupDatabase, restoreDatabase, type MysqlTool } from './platform/backup.js';
import { ConfigError, loadConfig } from './platform/config.js';

// `pnpm backup <file>` / `pnpm restore <file>`: the database the server would use (DATABASE_URL,
// DATA_DIR), backed up to or restored from one file. Stop the server before a restore.
const USAGE = 'usage: backup <file> | restore <file>  [--mysql-tool=auto|client|node]';

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const [command, file] = argv.filter((a) => !a.startsWith('--'));
  const tool = (flags.find((f) => f.startsWith('--mysql-tool='))?.slice('--mysql-tool='.length) ?? 'auto') as MysqlTool;
  if (!['auto', 'client', 'node'].includes(tool) || flags.some((f) => !f.startsWith('--mysql-tool=')) || !file || (command !== 'backup' && command !== 'restore')) {
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
  const where = config.database.type === 'mysql' ? config.database.url.replace(/\/\/[^@]*@/, '//') : config.database.file;
  const t0 = Date.now();
  if (command === 'backup') await backupDatabase(config.database, file, { mysqlTool: tool });
  else await restoreDatabase(config.database, file, { mysqlTool: tool });
  console.log(`${command === 'backup' ? 'Backed up' : 'Restored'} ${where} ${command === 'backup' ? 'to' : 'from'} ${file} in ${Date.now() - t0} ms`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
