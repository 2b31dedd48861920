import { offerDirect, type Take } from './direct.js';

/**
 * One upstream subscription per key, fanned out in memory to every local subscriber of that
 * key. The event bus (an EventTarget, or Redis) then holds one listener per key however many
 * sockets a user opens (no MaxListenersExceededWarning, one Redis channel per user).
 */
export class Fanout<T> {
  private readonly topics = new Map<string, { sinks: Set<(value: T) => void>; upstream: AsyncIterator<T> }>();

  constructor(
    private readonly source: (key: string) => AsyncIterable<T>,
    /**
     * Hand each value out in a later turn of the event loop (setImmediate), in order: whatever
     * is in flight when it is published (the reply to the request that made the change) leaves
     * first, not after thousands of sockets' sends (issue 17).
     */
    private readonly defer = false,
  ) {}

  /** Whether anyone listens to `key`. */
  has(key: string): boolean {
    return this.topics.has(key);
  }

  /** How many keys hold an upstream subscription (for tests). */
  get size(): number {
    return this.topics.size;
  }

  /** Calls `sink` for every value of `key` until the returned function is called. */
  listen(key: string, sink: (value: T) => void): () => void {
    let topic = this.topics.get(key);
    if (!topic) {
      const upstream = this.source(key)[Symbol.asyncIterator]();
      const created = { sinks: new Set<(value: T) => void>(), upstream };
      this.topics.set(key, created);
      topic = created;
      void (async () => {
        for (;;) {
          const next = await upstream.next();
          if (next.done) return;
          if (this.defer) await new Promise<void>((resolve) => setImmediate(resolve));
          for (const s of [...created.sinks]) s(next.value);
        }
      })().catch(() => undefined);
    }
    const t = topic;
    t.sinks.add(sink);
    return () => {
      t.sinks.delete(sink);
      if (t.sinks.size === 0 && this.topics.get(key) === t) {
        this.topics.delete(key);
        void t.upstream.return?.();
      }
    };
  }

  /** The values of `key` as an async iterable (for a GraphQL subscription). */
  subscribe(key: string, accept: (value: T) => boolean = () => true): AsyncIterable<T> {
    const listen = (sink: (value: T) => void) => this.listen(key, sink);
    return {
      [Symbol.asyncIterator](): AsyncIterator<T> {
        const queue: T[] = [];
        let wake: (() => void) | undefined;
        let done = false;
        let take: Take<T> | undefined;
        const stop = listen((v) => {
          if (!accept(v)) return;
          // A consumer waiting with nothing queued may take the value directly (see direct.ts).
          if (!queue.length && wake && take?.(v)) return;
          queue.push(v);
          wake?.();
        });
        const finish = (): IteratorReturnResult<undefined> => {
          if (!done) {
            done = true;
            stop();
            wake?.();
          }
          return { done: true, value: undefined };
        };
        const iterator: AsyncIterator<T> = {
          async next() {
            while (!done) {
              if (queue.length) return { done: false, value: queue.shift()! };
              await new Promise<void>((r) => (wake = r));
              wake = undefined;
            }
            return { done: true, value: undefined };
          },
          async return() {
            return finish();
          },
          async throw(err) {
            finish();
            throw err;
          },
        };
        offerDirect<Take<T>>(iterator, (t) => (take = t));
        return iterator;
      },
    };
  }
}
