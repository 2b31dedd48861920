import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from './domain/roles.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { SessionEntity, UserEntity, UserSiteEntity } from './accounts.entity.js';

const kinds = await databaseKinds();

describe.each(kinds)('authentication on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The statements sent to the database while `fn` runs, and its result. */
  async function queries<T>(fn: () => Promise<T>): Promise<{ sql: string[]; result: T }> {
    const sql: string[] = [];
    const driver = t.app.ds.driver;
    const original = driver.createQueryRunner.bind(driver);
    const wrapped = new WeakSet<object>();
    driver.createQueryRunner = (mode: 'master' | 'slave') => {
      const qr = original(mode);
      // SQLite's driver hands out one runner: wrapped twice, it would count a statement twice.
      if (wrapped.has(qr)) return qr;
      wrapped.add(qr);
      const query = qr.query.bind(qr);
      qr.query = ((...args: Parameters<typeof query>) => {
        sql.push(args[0]);
        return query(...args);
      }) as typeof qr.query;
      return qr;
    };
    try {
      return { sql, result: await fn() };
    } finally {
      driver.createQueryRunner = original;
    }
  }

  const authenticate = (token: string) => queries(() => t.app.services.accounts.authenticate(token));
  const sessionOf = async (token: string) => (await t.app.services.accounts.authenticate(token))!.sessionId;

  it('issue 17: authentication is one query, with the same principal as before (sites sorted)', async () => {
    for (const username of ['admin', 'manager', 'wang', 'desk']) {
      const token = await t.login(username);
      const user = await t.app.ds.getRepository(UserEntity).findOneByOrFail({ username });
      const links = await t.app.ds.getRepository(UserSiteEntity).findBy({ userId: user.id });
      const { sql, result } = await authenticate(token);
      expect(sql).toHaveLength(1);
      expect(result).toMatchObject<Partial<Principal>>({
        userId: user.id,
        companyId: user.companyId,
        roles: user.roles,
        siteIds: links.map((l) => l.siteId).sort((a, b) => a - b),
      });
    }
  });

  it('issue 17: authentication is one query, and a user linked to no site has no sites', async () => {
    const token = await t.login('chen');
    const user = await t.app.ds.getRepository(UserEntity).findOneByOrFail({ username: 'chen' });
    await t.app.ds.getRepository(UserSiteEntity).delete({ userId: user.id });
    const { sql, result } = await authenticate(token);
    expect(sql).toHaveLength(1);
    expect(result).toMatchObject({ userId: user.id, siteIds: [] });
  });

  it('issue 17: authentication is one query, and still refuses a revoked session, an expired one, another user\'s, a disabled user', async () => {
    const sessions = t.app.ds.getRepository(SessionEntity);
    const users = t.app.ds.getRepository(UserEntity);

    const revoked = await t.login('li');
    await sessions.update({ id: await sessionOf(revoked) }, { revokedAt: new Date() });
    const r1 = await authenticate(revoked);
    expect(r1.result).toBeNull();
    expect(r1.sql).toHaveLength(1);

    // The token itself is still good: only the session row says it is over.
    const expired = await t.login('li');
    await sessions.update({ id: await sessionOf(expired) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await authenticate(expired)).result).toBeNull();

    // A session row that belongs to someone else than the token's user.
    const swapped = await t.login('li');
    const other = await users.findOneByOrFail({ username: 'yang' });
    await sessions.update({ id: await sessionOf(swapped) }, { userId: other.id });
    expect((await authenticate(swapped)).result).toBeNull();

    // Disabled in the table without ending the session (setUserDisabled also revokes).
    const disabled = await t.login('liu');
    expect(await t.app.services.accounts.authenticate(disabled)).not.toBeNull();
    await users.update({ username: 'liu' }, { disabled: true });
    const r4 = await authenticate(disabled);
    expect(r4.result).toBeNull();
    expect(r4.sql).toHaveLength(1);
    await users.update({ username: 'liu' }, { disabled: false });
    expect(await t.app.services.accounts.authenticate(disabled)).not.toBeNull();

    // An unknown session id: nothing found, still one statement.
    const good = await t.login('zhang');
    await sessions.delete({ id: await sessionOf(good) });
    expect((await authenticate(good)).result).toBeNull();
  });
  it('issue 17: the requests of one session arriving at the same moment share one read, and once the session is revoked the next ones are refused', async () => {
    const token = await t.login('zhang');
    const accounts = t.app.services.accounts;
    // The token's first check verifies its signature (asynchronously, so the calls would reach
    // the read at different moments); afterwards its claims are kept (platform/auth/tokens.ts).
    await accounts.authenticate(token);
    const together = await queries(() => Promise.all(Array.from({ length: 10 }, () => accounts.authenticate(token))));
    expect(together.sql).toHaveLength(1);
    const user = await t.app.ds.getRepository(UserEntity).findOneByOrFail({ username: 'zhang' });
    expect(together.result.map((p) => p?.userId)).toEqual(Array(10).fill(user.id));
    // Each caller gets its own principal (the shared rows are not handed out).
    expect(new Set(together.result).size).toBe(10);

    // Another session of the same user is read on its own.
    const other = await t.login('zhang');
    await accounts.authenticate(other);
    const two = await queries(() => Promise.all([accounts.authenticate(token), accounts.authenticate(other)]));
    expect(two.sql).toHaveLength(2);

    // A read answers only the requests that arrived before it was sent: once the session is
    // revoked, the next ones are refused.
    await t.app.ds.getRepository(SessionEntity).update({ id: await sessionOf(token) }, { revokedAt: new Date() });
    expect(await Promise.all([accounts.authenticate(token), accounts.authenticate(token)])).toEqual([null, null]);
    expect(await accounts.authenticate(other)).not.toBeNull();
  });
});
