import { describe, expect, it } from 'vitest';
import { bearerToken, TokenService } from './tokens.js';

const secret = 'x'.repeat(40);
const at = (iso: string) => ({ now: () => new Date(iso) });

describe('sign-in tokens', () => {
  it('verify what they issue, naming user and session', async () => {
    const t = new TokenService(secret, '12h', at('2026-11-23T08:00:00Z'));
    const { token, expiresAt } = await t.issue(7, 'session-1');
    expect(expiresAt.toISOString()).toBe('2026-11-23T20:00:00.000Z');
    expect(await t.verify(token)).toEqual({ userId: 7, sessionId: 'session-1', expiresAt });
  });

  it('are refused after expiry (the clock is injected)', async () => {
    const { token } = await new TokenService(secret, '30m', at('2026-11-23T08:00:00Z')).issue(7, 's');
    expect(await new TokenService(secret, '30m', at('2026-11-23T08:29:59Z')).verify(token)).not.toBeNull();
    expect(await new TokenService(secret, '30m', at('2026-11-23T08:30:01Z')).verify(token)).toBeNull();
  });

  it('are refused when signed with another secret or tampered with', async () => {
    const { token } = await new TokenService(secret, '1h', at('2026-11-23T08:00:00Z')).issue(7, 's');
    expect(await new TokenService('y'.repeat(40), '1h', at('2026-11-23T08:00:00Z')).verify(token)).toBeNull();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '1', jti: 's', iss: 'reception', exp: 9999999999 })).toString('base64url');
    expect(await new TokenService(secret, '1h', at('2026-11-23T08:00:00Z')).verify(`${h}.${forged}.${s}`)).toBeNull();
    expect(await new TokenService(secret, '1h', at('2026-11-23T08:00:00Z')).verify('garbage')).toBeNull();
  });

  it('issue 17: a token verified before is still refused after expiry, at the same second as a first check', async () => {
    let now = new Date('2026-11-23T08:00:00Z');
    const t = new TokenService(secret, '30m', { now: () => now });
    const { token } = await t.issue(7, 's');
    expect(await t.verify(token)).not.toBeNull();
    now = new Date('2026-11-23T08:29:59.999Z');
    expect(await t.verify(token)).not.toBeNull();
    now = new Date('2026-11-23T08:30:00.000Z');
    expect(await t.verify(token)).toBeNull();
    expect(await new TokenService(secret, '30m', { now: () => now }).verify(token)).toBeNull();
    // A tampered copy of a remembered token is checked, not remembered.
    now = new Date('2026-11-23T08:00:00Z');
    expect(await t.verify(token)).not.toBeNull();
    expect(await t.verify(`${token.slice(0, -2)}xx`)).toBeNull();
  });

  it('bearerToken reads the Authorization header', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
