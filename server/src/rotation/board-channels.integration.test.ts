import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteEntity } from '../accounts/accounts.entity.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { REDIS_URL, redisAvailable } from '../test-support/redis.js';
import { BOARD_ANNOUNCED, BOARD_CHANGED } from './rotation.service.js';
import type { RotationBoardView } from './rotation.types.js';

const available = await redisAvailable();

describe.skipIf(!available)('board watchers on a Redis bus (issue 17)', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { env: { REDIS_URL } });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await t?.close();
  });

  /** This server's subscribed Redis channels (its namespace only: Redis is shared). */
  async function channels(): Promise<string[]> {
    const all = (await redis.pubsub('CHANNELS', '*ROTATION_BOARD*')) as string[];
    return all.filter((c) => c.startsWith(`${t.app.bus.namespace}:`));
  }

  it('issue 17: a board watcher subscribes to no BOARD_CHANGED Redis channel, and local changes still reach it', async () => {
    const { services } = t.app;
    const site = await t.app.ds.getRepository(SiteEntity).findOneByOrFail({ code: 'BJ' });
    const manager = (await services.accounts.authenticate(await t.login('manager')))!;
    const desk = (await services.accounts.authenticate(await t.login('desk')))!;
    const feed = services.rotation.watch(manager, site.id, null);
    const first = (await feed.next()).value as RotationBoardView;

    // The announcements' channel shows the bus subscribes through Redis at all.
    const announced = `${t.app.bus.namespace}:${BOARD_ANNOUNCED}`;
    for (let i = 0; i < 100 && !(await channels()).includes(announced); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await channels()).toContain(announced);
    expect((await channels()).filter((c) => c.includes(BOARD_CHANGED))).toEqual([]);

    const next = feed.next();
    const done = await services.rotation.execute(desk, site.id, { type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: '频道' } });
    const change = (await next).value as RotationBoardView;
    expect(done.seq).toBeGreaterThan(first.seq);
    expect(change.seq).toBe(done.seq);
    expect((await channels()).filter((c) => c.includes(BOARD_CHANGED))).toEqual([]);
    await feed.return(undefined);
  });
});
