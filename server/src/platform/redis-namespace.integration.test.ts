import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteEntity } from '../accounts/accounts.entity.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { REDIS_URL, redisAvailable } from '../test-support/redis.js';
import { redisNamespace } from './pubsub.js';

const available = await redisAvailable();

// Two deployments (two databases) on one Redis: the same usernames and user ids in both.
describe.skipIf(!available)('rate limits of two databases sharing a Redis (issue 17)', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;
  const env = { REDIS_URL, LOGIN_ACCOUNT_FAILURES: '2', LOOKUP_LIMIT_CONSULTANT: '2' };
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp('sqlite', { env }), startTestApp('sqlite', { env })]);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    for (const t of [a, b]) {
      if (!t) continue;
      const keys = await redis.keys(`${t.app.bus.namespace}:*`);
      if (keys.length) await redis.del(...keys);
    }
    redis?.disconnect();
    await Promise.all([a?.close(), b?.close()]);
  });

  it('issue 17: an account locked by wrong passwords on one database signs in on the other', async () => {
    for (let i = 0; i < 2; i++) {
      await expect(a.app.services.accounts.login('wang', 'wrong-password')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
    await expect(a.app.services.accounts.login('wang', DEMO_PASSWORD)).rejects.toMatchObject({
      extensions: { code: 'TOO_MANY_REQUESTS', reason: 'ACCOUNT_LOCKED' },
    });
    const signedIn = await b.app.services.accounts.login('wang', DEMO_PASSWORD);
    expect(signedIn.user.username).toBe('wang');
    // The counter is in Redis, under the locking database's namespace.
    expect(await redis.keys(`${a.app.bus.namespace}:signin:account:*`)).not.toEqual([]);
  });

  it('issue 17: phone lookups counted on one database leave the other\'s allowance whole', async () => {
    const lookup = async (t: TestApp, phone: string) => {
      const p = (await t.app.services.accounts.authenticate(await t.login('li')))!;
      const site = await t.app.ds.getRepository(SiteEntity).findOneByOrFail({ code: 'BJ' });
      return t.app.services.lookups.guard(p, site.id, 'DESK_LOOKUP', phone);
    };
    await lookup(a, '13800000001');
    await lookup(a, '13800000002');
    await expect(lookup(a, '13800000003')).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', reason: 'LOOKUP_LIMITED' } });
    await expect(lookup(b, '13800000003')).resolves.toBeUndefined();
    await expect(lookup(b, '13800000004')).resolves.toBeUndefined();
  });
});

// Two MySQL servers, each with a database named `reception`, on one Redis: without REDIS_PREFIX
// their namespaces are equal. One SQLite file opened by three servers stands in for them here.
describe.skipIf(!available)('REDIS_PREFIX: databases of the same name sharing a Redis (issue 17)', () => {
  let a: TestApp; // prefix one
  let b: TestApp; // prefix two
  let c: TestApp; // prefix one, like a
  let redis: Redis;
  const run = `t17-${process.pid}-${randomBytes(3).toString('hex')}`;
  const one = `${run}-one`;
  const two = `${run}-two`;
  const env = { REDIS_URL, LOGIN_ACCOUNT_FAILURES: '2', LOOKUP_LIMIT_CONSULTANT: '2' };
  beforeAll(async () => {
    a = await startTestApp('sqlite', { env: { ...env, REDIS_PREFIX: one } });
    // One after the other: the first migrates and seeds the file, the others find it ready.
    b = await startTestApp('sqlite', { env: { ...env, DATABASE_URL: a.db.url, REDIS_PREFIX: two } });
    c = await startTestApp('sqlite', { env: { ...env, DATABASE_URL: a.db.url, REDIS_PREFIX: one } });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = redis ? [...(await redis.keys(`${one}:*`)), ...(await redis.keys(`${two}:*`))] : [];
    if (keys.length) await redis.del(...keys);
    redis?.disconnect();
    // a last: its close removes the file the others use.
    await Promise.all([b?.close(), c?.close()]);
    await a?.close();
  });

  it('issue 17: the namespace is REDIS_PREFIX when set, the database\'s name otherwise', () => {
    expect([a, b, c].map((t) => t.app.bus.namespace)).toEqual([one, two, one]);
    const namespaces = [a, b, c].map((t) => redisNamespace({ database: t.app.config.database }));
    expect(new Set(namespaces).size).toBe(1);
  });

  it('issue 17: events reach the servers of the same prefix only', async () => {
    const topic = 'ISSUE17_PREFIX_PROBE';
    const onB = b.app.bus.pubSub.subscribe(topic, 1)[Symbol.asyncIterator]();
    const onC = c.app.bus.pubSub.subscribe(topic, 1)[Symbol.asyncIterator]();
    const [nextB, nextC] = [onB.next(), onC.next()];
    // Publish once both servers listen in Redis.
    const listening = async () => {
      const counts = (await redis.pubsub('NUMSUB', `${one}:${topic}:1`, `${two}:${topic}:1`)) as Array<string | number>;
      return Number(counts[1]) === 1 && Number(counts[3]) === 1;
    };
    // Up to 10 s: subscribing waits for each server's connection, slow on a loaded machine.
    for (let i = 0; i < 500 && !(await listening()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await listening()).toBe(true);

    a.app.bus.pubSub.publish(topic, 1, { from: 'a' });
    expect((await nextC).value).toEqual({ from: 'a' });
    // Redis has delivered a's event by now: b's first event is its own, c does not hear b.
    b.app.bus.pubSub.publish(topic, 1, { from: 'b' });
    expect((await nextB).value).toEqual({ from: 'b' });
    a.app.bus.pubSub.publish(topic, 1, { from: 'a, again' });
    expect((await onC.next()).value).toEqual({ from: 'a, again' });
    await Promise.all([onB.return?.(), onC.return?.()]);
  });

  it('issue 17: sign-in locks and lookup counters are shared by the same prefix only', async () => {
    for (let i = 0; i < 2; i++) {
      await expect(a.app.services.accounts.login('wang', 'wrong-password')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
    const locked = { extensions: { code: 'TOO_MANY_REQUESTS', reason: 'ACCOUNT_LOCKED' } };
    await expect(a.app.services.accounts.login('wang', DEMO_PASSWORD)).rejects.toMatchObject(locked);
    await expect(c.app.services.accounts.login('wang', DEMO_PASSWORD)).rejects.toMatchObject(locked);
    expect((await b.app.services.accounts.login('wang', DEMO_PASSWORD)).user.username).toBe('wang');

    const site = await a.app.ds.getRepository(SiteEntity).findOneByOrFail({ code: 'BJ' });
    const lookup = async (t: TestApp, phone: string) => {
      const p = (await t.app.services.accounts.authenticate(await t.login('li')))!;
      return t.app.services.lookups.guard(p, site.id, 'DESK_LOOKUP', phone);
    };
    const limited = { extensions: { code: 'TOO_MANY_REQUESTS', reason: 'LOOKUP_LIMITED' } };
    await lookup(a, '13800000001');
    await lookup(c, '13800000002');
    await expect(lookup(a, '13800000003')).rejects.toMatchObject(limited);
    await expect(lookup(c, '13800000003')).rejects.toMatchObject(limited);
    await expect(lookup(b, '13800000003')).resolves.toBeUndefined();
    await expect(lookup(b, '13800000004')).resolves.toBeUndefined();
    await expect(lookup(b, '13800000005')).rejects.toMatchObject(limited);
  });
});
