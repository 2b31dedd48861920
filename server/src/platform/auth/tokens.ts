import { SignJWT, errors, jwtVerify } from 'jose';
import type { Clock } from '../clock.js';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export function parseTtl(ttl: string): number {
  const m = /^(\d+)([smhd])$/.exec(ttl);
  if (!m) throw new Error(`bad ttl ${ttl}`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

export interface TokenClaims {
  userId: number;
  sessionId: string;
  expiresAt: Date;
}

/** Distinct good tokens whose signature check is remembered (the oldest goes first): a few MiB. */
const VERIFIED_TOKENS = 20_000;

/** Signed, expiring JWTs (HS256). The session id (jti) lets a sign-out end the token early. */
export class TokenService {
  private readonly key: Uint8Array;
  readonly ttlMs: number;
  /**
   * Tokens whose signature and claims passed, with their claims: a dashboard's sockets all
   * present one token (issue 17). A token's text cannot change, so only its expiry is checked
   * again; the session behind it is read on every use by the caller.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(secret: string, ttl: string, private readonly clock: Clock) {
    this.key = new TextEncoder().encode(secret);
    this.ttlMs = parseTtl(ttl);
  }

  async issue(userId: number, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(userId))
      .setJti(sessionId)
      .setIssuer('reception')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Null for a missing, malformed, forged or expired token. */
  async verify(token: string | undefined | null): Promise<TokenClaims | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known) {
      // As jose decides it: expired once exp (seconds) is at or before now's whole second.
      if (known.expiresAt.getTime() > Math.floor(this.clock.now().getTime() / 1000) * 1000) return known;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: 'reception',
        currentDate: this.clock.now(),
      });
      const userId = Number(payload.sub);
      if (!Number.isInteger(userId) || !payload.jti || !payload.exp) return null;
      const claims = { userId, sessionId: payload.jti, expiresAt: new Date(payload.exp * 1000) };
      this.verified.set(token, claims);
      if (this.verified.size > VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      return claims;
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}

/** "Bearer abc" → "abc"; tolerant of case and extra spaces. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
