import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * The subscription event bus. In one process it is in memory; with REDIS_URL every server
 * instance publishes to and hears from Redis, so a change made through one instance
 * reaches subscribers connected to another.
 */
export interface EventBus {
  pubSub: ReturnType<typeof createPubSub>;
  /** With REDIS_URL: a client for shared counters (sign-in and lookup limits). */
  redis?: Redis;
  close(): Promise<void>;
}

export function createEventBus(redisUrl: string | undefined, logger: Logger): EventBus {
  if (!redisUrl) return { pubSub: createPubSub(), close: async () => undefined };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  for (const c of [publishClient, subscribeClient]) c.on('error', (err) => logger.warn({ err }, 'redis error'));
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub({ eventTarget }),
    redis: publishClient,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
