import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteEntity } from '../accounts/accounts.entity.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { REDIS_URL, redisAvailable } from '../test-support/redis.js';

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
