import { describe, expect, it } from 'vitest';
import { endable } from './endable.js';

/** An event source with no event coming: next() waits until return() ends it. */
function quietSource() {
  let end: (() => void) | null = null;
  const it: AsyncIterator<number> = {
    next: () => new Promise((resolve) => (end = () => resolve({ done: true, value: undefined }))),
    return: async () => {
      end?.();
      return { done: true, value: undefined };
    },
  };
  return it;
}

async function* relay(source: AsyncIterator<number>) {
  for (;;) {
    const n = await source.next();
    if (n.done) return;
    yield n.value;
  }
}

const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('endable', () => {
  it('a subscription closed while it waits for the next event ends at once (a bare generator waits for that event)', async () => {
    const bareSource = quietSource();
    const bare = relay(bareSource);
    void bare.next();
    expect(await settlesWithin(bare.return(undefined), 50)).toBe(false);

    const source = quietSource();
    const wrapped = endable(relay(source), () => source);
    const pending = wrapped.next();
    expect(await settlesWithin(wrapped.return(undefined), 50)).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
    await bareSource.return!();
  });
});
