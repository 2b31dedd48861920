import { describe, expect, it } from 'vitest';
import { SignInGuard } from './sign-in-guard.js';

const config = { addressLimit: 5, accountFailures: 3, lockMinutes: 15, hashConcurrency: 2 };
const wrong = async () => ({ ok: false });
const right = async () => ({ ok: true });
const code = (err: unknown) => (err as { extensions?: { code?: string; reason?: string } }).extensions;

describe('sign-in guard (before hashing)', () => {
  it('locks an account after repeated failures: further attempts are refused without hashing, until lifted', async () => {
    const g = new SignInGuard(config);
    for (let i = 0; i < 3; i++) await g.attempt('Wang', `10.0.0.${i}`, wrong);
    let hashed = 0;
    const err = await g.attempt('wang ', '10.0.0.9', async () => ((hashed += 1), { ok: true })).catch((e) => e);
    expect(code(err)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ACCOUNT_LOCKED' });
    expect(hashed).toBe(0);
    expect(await g.lockedUntil('wang')).toBeInstanceOf(Date);
    await g.unlock('WANG');
    expect(await g.lockedUntil('wang')).toBeNull();
    expect((await g.attempt('wang', '10.0.0.9', right)).ok).toBe(true);
  });

  it('a success clears the failures in a row', async () => {
    const g = new SignInGuard(config);
    await g.attempt('li', 'a', wrong);
    await g.attempt('li', 'a', wrong);
    await g.attempt('li', 'a', right);
    await g.attempt('li', 'a', wrong);
    await g.attempt('li', 'a', wrong);
    expect(await g.lockedUntil('li')).toBeNull();
  });

  it('limits failures per address, over every account, before hashing', async () => {
    const g = new SignInGuard(config);
    for (let i = 0; i < 5; i++) await g.attempt(`user${i}`, '10.1.1.1', wrong);
    let hashed = 0;
    const err = await g.attempt('other', '10.1.1.1', async () => ((hashed += 1), { ok: true })).catch((e) => e);
    expect(code(err)).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ADDRESS_LIMITED' });
    expect(hashed).toBe(0);
    // Another address is not affected.
    expect((await g.attempt('other', '10.1.1.2', right)).ok).toBe(true);
  });

  it('a parallel flood from one address hashes one at a time and stops hashing at the limit', async () => {
    const g = new SignInGuard(config);
    let running = 0;
    let peak = 0;
    let hashed = 0;
    const slow = async () => {
      running++;
      hashed++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return { ok: false };
    };
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => g.attempt(`u${i}`, '6.6.6.6', slow)));
    expect(peak).toBe(1);
    expect(hashed).toBe(5);
    // Five wrong passwords were checked; the 95 others were refused without a hash.
    expect(results.filter((r) => r.status === 'rejected').length).toBe(95);
  });

  it('at most LOGIN_HASH_CONCURRENCY hashes run at once across addresses', async () => {
    const g = new SignInGuard(config);
    let running = 0;
    let peak = 0;
    const slow = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return { ok: true };
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => g.attempt(`u${i}`, `10.2.0.${i}`, slow)));
    expect(peak).toBe(2);
  });
});
