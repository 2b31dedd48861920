import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource } from 'typeorm';
import type { Clock } from '../platform/clock.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import { NextRead } from '../platform/next-read.js';
import type { TokenService } from '../platform/auth/tokens.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, unauthenticated } from '../platform/errors.js';
import { SessionEntity, UserEntity, UserSiteEntity } from './accounts.entity.js';
import type { AccountChanges } from './accounts.changes.js';
import { requireUser } from './accounts.checks.js';
import { hashPassword, needsRehash, verifyPassword } from './domain/password.js';
import type { SignInGuard } from './sign-in-guard.js';
import type { Principal, Role } from './domain/roles.js';

/** What `authenticate` reads: result name → entity, alias in the statement, property. */
const AUTH_COLUMNS = {
  sessionUserId: [SessionEntity, 's', 'userId'],
  expiresAt: [SessionEntity, 's', 'expiresAt'],
  revokedAt: [SessionEntity, 's', 'revokedAt'],
  companyId: [UserEntity, 'u', 'companyId'],
  roles: [UserEntity, 'u', 'roles'],
  disabled: [UserEntity, 'u', 'disabled'],
  siteId: [UserSiteEntity, 'l', 'siteId'],
} as const;
/** Built once (building it per call cost as much as running it): see Prebuilt. */
const AUTH_STATEMENT = new Prebuilt<Record<keyof typeof AUTH_COLUMNS, unknown>, 'id'>(['id'], AUTH_COLUMNS, (qb) =>
  qb.from(SessionEntity, 's').innerJoin(UserEntity, 'u', 'u.id = s.userId').leftJoin(UserSiteEntity, 'l', 'l.userId = u.id').where('s.id = :id'),
);

// A hash of a random password, verified against when the user does not exist, so a
// wrong username takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Sessions: sign-in, the token's principal on every request, sign-out, a new password. */
export class Sessions {
  private readonly sessionReads = new NextRead<string, Array<Record<keyof typeof AUTH_COLUMNS, unknown>>>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly changes: AccountChanges,
    private readonly signIn: SignInGuard,
  ) {}

  /** `address`: the client's, for the per-address limit (see SignInGuard). */
  async login(username: string, password: string, address = 'unknown') {
    dummyHash ??= hashPassword(randomUUID());
    const stored = await dummyHash;
    // The limits are checked before the password is hashed.
    const { ok, user } = await this.signIn.attempt(username, address, async () => {
      const user = await this.ds.getRepository(UserEntity).findOneBy({ username: username.trim() });
      const ok = (await verifyPassword(password, user?.passwordHash ?? stored)) && Boolean(user);
      return { ok, user };
    });
    if (!user || !ok) throw unauthenticated('Wrong username or password');
    if (user.disabled) throw unauthenticated('This account is disabled');
    if (needsRehash(user.passwordHash)) {
      // Hashed with older parameters: store today's, now that the password is known.
      const passwordHash = await hashPassword(password);
      await this.tx.run((em) => em.update(UserEntity, { id: user.id, passwordHash: user.passwordHash }, { passwordHash }));
    }
    const sessionId = randomUUID();
    const issued = await this.tokens.issue(user.id, sessionId);
    await this.tx.run((em) =>
      em.insert(SessionEntity, {
        id: sessionId,
        userId: user.id,
        createdAt: this.clock.now(),
        expiresAt: issued.expiresAt,
        revokedAt: null,
      }),
    );
    return { ...issued, user };
  }

  /** Token → principal, or null when the token or its session is no longer good. */
  async authenticate(token: string | null | undefined): Promise<Principal | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    // One statement (issue 17): the session, its user, and one row per site link. Read after
    // each request arrived, so a logout or a role change refuses the next one; the requests of
    // one session arriving at the same moment (a busy desk's) share the read.
    const rows = await this.sessionReads.get(claims.sessionId, () => AUTH_STATEMENT.rows(this.ds.manager, { id: claims.sessionId }));
    const first = rows[0];
    if (!first || first.sessionUserId !== claims.userId || first.revokedAt) return null;
    if ((first.expiresAt as Date).getTime() <= this.clock.now().getTime()) return null;
    if (first.disabled) return null;
    return {
      userId: first.sessionUserId,
      companyId: first.companyId as number,
      roles: first.roles as Role[],
      siteIds: rows.flatMap((r) => (r.siteId == null ? [] : [r.siteId as number])).sort((a, b) => a - b),
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt,
    };
  }

  async logout(p: Principal): Promise<boolean> {
    await this.tx.run((em) => em.update(SessionEntity, { id: p.sessionId }, { revokedAt: this.clock.now() }));
    this.changes.publish({ userId: p.userId, signedOut: true, closeSockets: true, sessionId: p.sessionId });
    return true;
  }

  async changeMyPassword(p: Principal, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await requireUser(this.ds.manager, p.userId);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw badInput('currentPassword', 'The current password is wrong');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.tx.run(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: this.clock.now() });
      // Other devices are signed out; this session stays.
      const others = await em.findBy(SessionEntity, { userId: user.id, revokedAt: IsNull() });
      const ids = others.map((s) => s.id).filter((id) => id !== p.sessionId);
      if (ids.length) await em.update(SessionEntity, { id: In(ids) }, { revokedAt: this.clock.now() });
    });
    this.changes.publish({ userId: user.id, signedOut: true, closeSockets: true, exceptSessionId: p.sessionId });
    return true;
  }
}
