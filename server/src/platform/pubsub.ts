import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { DatabaseConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * The subscription event bus. In one process it is in memory; with REDIS_URL every server
 * instance publishes to and hears from Redis, so a change made through one instance
 * reaches subscribers connected to another.
 *
 * Redis may go away. Meanwhile publishing fails at once (logged, never thrown at a request:
 * the change is committed, only its announcement is lost), subscriptions wait, and the
 * clients reconnect on their own. Once Redis is back and this process listens again,
 * `onReconnect` listeners run: whatever was announced meanwhile may have been lost, so they
 * re-announce from the database (the rotation board catches up by sequence number).
 */
export interface EventBus {
  pubSub: ReturnType<typeof createPubSub>;
  /** With REDIS_URL: a client for shared counters (sign-in and lookup limits). */
  redis?: Redis;
  /** Delivers to this process's subscribers only (not through Redis). */
  publishLocal(routingKey: string, id: string | number, payload: unknown): void;
  /**
   * Hears `publishLocal` of this process only: no Redis channel is subscribed, for a topic that
   * never travels between instances (issue 17: each instance builds its own boards).
   */
  subscribeLocal<T>(routingKey: string, id: string | number): AsyncIterable<T>;
  /** The namespace (REDIS_PREFIX or the database) of the Redis channels and the shared counters' keys. */
  namespace: string;
  /** "memory" without Redis; "up" or "down" with it. */
  status(): 'memory' | 'up' | 'down';
  /** Runs `listener` each time Redis is back after an outage; returns the unsubscribe. */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * The subscribing connection's options. No ready check: with ioredis 5 (redis/ioredis#2037) a
 * SUBSCRIBE made while the connection is being set up goes out before the ready check's INFO,
 * which is then refused in subscriber mode, and the connection delivers nothing (seen in CI: an
 * instance started under load never heard the bus). The check only waits for a Redis still
 * loading its data, which pub/sub does not need.
 */
export const SUBSCRIBER_OPTIONS = { lazyConnect: false, maxRetriesPerRequest: null, enableReadyCheck: false } as const;

/**
 * What the Redis channels and the shared counters' keys of this database start with: instances
 * of one database share them, another database on the same Redis has its own. REDIS_PREFIX, when
 * set, replaces the database's name (two MySQL servers may each have a database of that name).
 */
export function redisNamespace(config: { database: DatabaseConfig; redisPrefix?: string }): string {
  if (config.redisPrefix) return config.redisPrefix;
  const { database } = config;
  return `reception:${database.type === 'mysql' ? new URL(database.url).pathname.slice(1) : database.file}`;
}

/**
 * `namespace` prefixes the Redis channels: instances sharing a database share events, and
 * instances of another database on the same Redis (another deployment, a test run) hear none.
 */
export function createEventBus(redisUrl: string | undefined, logger: Logger, namespace = 'reception'): EventBus {
  if (!redisUrl) {
    const target = new EventTarget();
    const pubSub = createPubSub({ eventTarget: target as never });
    return {
      pubSub,
      namespace,
      subscribeLocal: <T>(key: string, id: string | number) => pubSub.subscribe(key, id) as AsyncIterable<T>,
      publishLocal: (key, id, payload) => target.dispatchEvent(new CustomEvent(`${key}:${id}`, { detail: payload })),
      status: () => 'memory',
      onReconnect: () => () => undefined,
      close: async () => undefined,
    };
  }
  // Publishing never queues while Redis is away (a stale announcement is worse than none);
  // subscribing waits for the connection, however long it takes.
  const publishClient = new Redis(redisUrl, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscribeClient = new Redis(redisUrl, SUBSCRIBER_OPTIONS);
  const clients = [publishClient, subscribeClient];
  const listeners = new Set<() => void>();
  let lost = false;
  let closing = false;
  for (const c of clients) {
    c.on('error', (err) => logger.warn({ err: String(err) }, 'redis error'));
    c.on('close', () => {
      if (!closing && !lost) logger.warn('redis connection lost; live updates resume when it is back');
      if (!closing) lost = true;
    });
    c.on('ready', () => void recovered());
  }
  async function recovered() {
    if (!lost || clients.some((c) => c.status !== 'ready')) return;
    lost = false;
    try {
      // Replies come in order: once this one is in, the channels are subscribed again.
      await subscribeClient.subscribe(channel('bus-probe'));
    } catch {
      lost = true;
      return;
    }
    logger.info('redis connection back; catching up');
    for (const l of listeners) {
      try {
        l();
      } catch (err) {
        logger.warn({ err }, 'catch-up after redis outage failed');
      }
    }
  }

  const redis = createRedisEventTarget({ publishClient, subscribeClient });
  const local = new EventTarget();
  const channel = (topic: string) => `${namespace}:${topic}`;
  const target = {
    addEventListener(topic: string, callback: (event: Event) => void) {
      redis.addEventListener(channel(topic), callback);
      local.addEventListener(topic, callback);
    },
    removeEventListener(topic: string, callback: (event: Event) => void) {
      redis.removeEventListener(channel(topic), callback);
      local.removeEventListener(topic, callback);
    },
    dispatchEvent(event: CustomEvent) {
      publishClient
        .publish(channel(event.type), event.detail === undefined ? '' : JSON.stringify(event.detail))
        .catch((err: unknown) => logger.warn({ err: String(err), topic: event.type }, 'event not published (redis unreachable)'));
      return true;
    },
  };
  const localPubSub = createPubSub({ eventTarget: local as never });
  return {
    pubSub: createPubSub({ eventTarget: target as never }),
    namespace,
    redis: publishClient,
    subscribeLocal: <T>(key: string, id: string | number) => localPubSub.subscribe(key, id) as AsyncIterable<T>,
    publishLocal: (key, id, payload) => local.dispatchEvent(new CustomEvent(`${key}:${id}`, { detail: payload })),
    status: () => (clients.every((c) => c.status === 'ready') ? 'up' : 'down'),
    onReconnect(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      closing = true;
      // quit() would wait for a reply that cannot come while Redis is away.
      await Promise.allSettled(clients.map((c) => (c.status === 'ready' ? c.quit() : c.disconnect())));
    },
  };
}
