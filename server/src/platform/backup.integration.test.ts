import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { databaseKinds } from '../test-support/databases.js';
import { backupDatabase, mysqlClientsPresent, restoreDatabase, type MysqlTool } from './backup.js';

const kinds = await databaseKinds();

/** Every row of every table, in a stable order. */
async function contents(ds: DataSource): Promise<Record<string, string[]>> {
  const mysql = ds.options.type === 'mysql';
  const tables = (
    (await ds.query(
      mysql
        ? "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )) as Array<{ name: string }>
  )
    .map((t) => t.name)
    .sort();
  const out: Record<string, string[]> = {};
  for (const t of tables) out[t] = ((await ds.query(`SELECT * FROM ${mysql ? `\`${t}\`` : `"${t}"`}`)) as unknown[]).map((r) => JSON.stringify(r)).sort();
  return out;
}

// Issue 17: one command each to back up and restore (server/src/backup-cli.ts runs these), proven
// by a round trip: back up a running server's database, change it, stop, restore, compare.
describe.each(kinds)('backup and restore (%s)', (kind) => {
  let t: TestApp;
  let app: App | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'reception-backup-test-'));
  afterAll(async () => {
    await app?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a restore brings back exactly what the backup held, after floor changes and an edited user', async () => {
    t = await startTestApp(kind);
    app = t.app;
    const tools: MysqlTool[] = kind === 'sqlite' ? ['auto'] : (await mysqlClientsPresent()) ? ['client', 'node'] : ['node'];
    for (const tool of tools) {
      const url = app === t.app ? t.url : await app.listen();
      const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
        const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
        expect(body.errors).toBeUndefined();
        return body.data!;
      };
      const login = async (username: string) =>
        ((await gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { username, password: 'demo1234' } }, '')) as { login: { token: string } }).login.token;
      const desk = await login('desk');
      const admin = await login('admin');
      const sites = ((await gql('{ sites { id code } }', {}, desk)) as { sites: Array<{ id: string; code: string }> }).sites;
      const bj = sites.find((s) => s.code === 'BJ')!.id;
      const walkIn = () => gql('mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: ASKING_WAY }) { board { seq } } }', { s: bj }, desk);
      await walkIn();

      const file = path.join(dir, `backup-${tool}.${kind === 'sqlite' ? 'sqlite' : 'sql'}`);
      // Taken while the server runs.
      await backupDatabase(app.config.database, file, { mysqlTool: tool });
      const backedUp = await contents(app.ds);
      expect(statSync(file).size).toBeGreaterThan(0);

      await walkIn();
      await walkIn();
      const users = ((await gql('{ users { id username } }', {}, admin)) as { users: Array<{ id: string; username: string }> }).users;
      const wang = users.find((u) => u.username === 'wang')!.id;
      await gql('mutation($id: ID!) { updateUser(id: $id, input: { displayName: "王（改）" }) { id } }', { id: wang }, admin);
      expect(await contents(app.ds)).not.toEqual(backedUp);

      // A restore needs the server stopped; a new one starts on the restored database.
      const config = { ...app.config, port: 0 };
      await app.stop();
      await restoreDatabase(config.database, file, { mysqlTool: tool });
      app = await createApp(config, { logger: t.app.logger });
      const restored = await contents(app.ds);
      expect(Object.keys(restored)).toEqual(Object.keys(backedUp));
      for (const table of Object.keys(backedUp)) expect({ table, rows: restored[table] }).toEqual({ table, rows: backedUp[table] });
    }
    // Two round trips on MariaDB (mysqldump and in process), each with a server start.
  }, 180_000);
});
