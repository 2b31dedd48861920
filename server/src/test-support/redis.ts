import { Redis } from 'ioredis';

// Test-only environment, like TEST_MARIADB_URL: the Redis shared with the other test runs.
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUIRE_REDIS = process.env.REQUIRE_REDIS === '1';

/** Whether Redis answers; the tests that need it are skipped when not (unless REQUIRE_REDIS=1). */
export async function redisAvailable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch (err) {
    if (REQUIRE_REDIS) throw new Error(`REQUIRE_REDIS=1 but ${REDIS_URL} is not reachable: ${String(err)}`);
    return false;
  } finally {
    r.disconnect();
  }
}
