import { describe, expect, it } from 'vitest';
import { NextRead } from './next-read.js';

describe('NextRead (issue 17: one read for the callers that asked before it was sent)', () => {
  it('issue 17: callers before the read is sent share it; a caller after it was sent gets a read of its own', async () => {
    const reads = new NextRead<number, { n: number }>();
    let value = 1;
    let sent = 0;
    const read = async () => {
      sent += 1;
      const n = value;
      await new Promise((r) => setTimeout(r, 20));
      return { n };
    };
    const a = reads.get(1, read);
    const b = reads.get(1, read);
    const other = reads.get(2, read);
    await new Promise((r) => setImmediate(r));
    // The read of key 1 is under way: a change now must be seen by whoever asks now.
    value = 2;
    const c = reads.get(1, read);
    expect(await a).toBe(await b);
    expect((await a).n).toBe(1);
    expect((await other).n).toBe(1);
    expect((await c).n).toBe(2);
    expect(sent).toBe(3);
    // A failed read fails its callers only.
    const failed = reads.get(3, async () => Promise.reject(new Error('away')));
    await expect(failed).rejects.toThrow('away');
    expect((await reads.get(3, read)).n).toBe(2);
  });
});
