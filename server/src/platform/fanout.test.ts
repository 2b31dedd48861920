import { describe, expect, it } from 'vitest';
import { Fanout } from './fanout.js';

/** A bus topic: push() publishes to the one upstream iterator. */
function topic() {
  const queue: number[] = [];
  let wake: (() => void) | undefined;
  return {
    push(v: number) {
      queue.push(v);
      wake?.();
    },
    async *iterate() {
      for (;;) {
        while (queue.length) yield queue.shift()!;
        await new Promise<void>((r) => (wake = r));
      }
    },
  };
}

/** What the request that published does next: a chain of awaits (resolvers, the reply's write). */
async function inFlight(log: string[]) {
  for (let i = 0; i < 50; i++) await Promise.resolve();
  log.push('reply');
}

describe('issue 17: Fanout handing values out later', () => {
  it('a deferred fan-out lets what is in flight finish first (the reply before the sends), in order', async () => {
    const t = topic();
    const log: string[] = [];
    const fanout = new Fanout<number>(() => t.iterate(), true);
    const stop = fanout.listen('k', (v) => log.push(`sink ${v}`));
    await new Promise((r) => setImmediate(r));
    t.push(1);
    t.push(2);
    await inFlight(log);
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['reply', 'sink 1', 'sink 2']);
    stop();
  });

  it('not deferred, the sinks run within the publishing turn', async () => {
    const t = topic();
    const log: string[] = [];
    const stop = new Fanout<number>(() => t.iterate()).listen('k', (v) => log.push(`sink ${v}`));
    await new Promise((r) => setImmediate(r));
    t.push(1);
    await inFlight(log);
    expect(log).toEqual(['sink 1', 'reply']);
    stop();
  });
});
