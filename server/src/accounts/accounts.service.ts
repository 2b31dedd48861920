import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Clock } from '../platform/clock.js';
import { Fanout } from '../platform/fanout.js';
import { NextRead } from '../platform/next-read.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import type { TokenService } from '../platform/auth/tokens.js';
import type { EventBus } from '../platform/pubsub.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import {
  CompanyEntity,
  DepartmentEntity,
  SessionEntity,
  SiteEntity,
  UserEntity,
  UserSiteEntity,
} from './accounts.entity.js';
import { hashPassword, needsRehash, verifyPassword } from './domain/password.js';
import type { SignInGuard } from './sign-in-guard.js';
import { canActOnSite, hasRole, Role, type Principal } from './domain/roles.js';

export const ACCOUNT_CHANGED = 'ACCOUNT_CHANGED';
export interface AccountChangedPayload {
  userId: number;
  /** The session(s) it applies to are over: the client drops to the sign-in page. */
  signedOut: boolean;
  /** Rights changed or sessions ended: the user's open sockets close (4403) on every instance. */
  closeSockets: boolean;
  /** Only this session (logout). */
  sessionId?: string | null;
  /** Every session but this one (a password changed by its owner). */
  exceptSessionId?: string | null;
}

/** Whether a change concerns a socket or subscription opened by this session. */
export function changeApplies(change: AccountChangedPayload, sessionId: string): boolean {
  if (change.sessionId && change.sessionId !== sessionId) return false;
  return change.exceptSessionId !== sessionId;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  siteIds: string[];
  /** Company-wide: every site, including those created later. */
  allSites?: boolean | null;
  departmentId?: string | null;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  siteIds?: string[];
  allSites?: boolean | null;
  departmentId?: string | null;
}

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
/** A site's row by id, for the per-request check of requireSiteShared. */
const SITE_ROW = new Prebuilt<SiteEntity, 'id'>(
  ['id'],
  { id: [SiteEntity, 's', 'id'], companyId: [SiteEntity, 's', 'companyId'], name: [SiteEntity, 's', 'name'], code: [SiteEntity, 's', 'code'], timezone: [SiteEntity, 's', 'timezone'], createdAt: [SiteEntity, 's', 'createdAt'] },
  (qb) => qb.from(SiteEntity, 's').where('s.id = :id'),
);

// A hash of a random password, verified against when the user does not exist, so a
// wrong username takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export class AccountsService {
  /** One bus listener per user, however many sockets they have open (issue 17). */
  private readonly changes = new Fanout<AccountChangedPayload>(
    (key) => this.bus.pubSub.subscribe(ACCOUNT_CHANGED, Number(key)) as AsyncIterable<AccountChangedPayload>,
  );

  private readonly siteReads = new NextRead<number, SiteEntity | null>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    readonly signIn: SignInGuard,
  ) {}

  // ---- sessions ----------------------------------------------------------------------

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
    // One statement per request or socket (issue 17): the session, its user, and one row per
    // site link. Read every time, so a logout or a role change refuses the next one.
    const rows = await AUTH_STATEMENT.rows(this.ds.manager, { id: claims.sessionId });
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
    this.publish({ userId: p.userId, signedOut: true, closeSockets: true, sessionId: p.sessionId });
    return true;
  }

  async changeMyPassword(p: Principal, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.requireUser(p.userId);
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
    this.publish({ userId: user.id, signedOut: true, closeSockets: true, exceptSessionId: p.sessionId });
    return true;
  }

  // ---- users ---------------------------------------------------------------------------

  me(p: Principal) {
    return this.requireUser(p.userId);
  }

  listUsers(p: Principal) {
    return this.ds.getRepository(UserEntity).find({ where: { companyId: p.companyId }, order: { id: 'ASC' } });
  }

  async createUser(p: Principal, input: NewUser): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    const user = await this.tx.run(async (em) => {
      const allSites = input.allSites === true;
      const siteIds = allSites ? await this.companySiteIds(em, p.companyId) : await this.checkSites(em, p, input.siteIds, 'siteIds');
      const departmentId = await this.checkDepartment(em, p, input.departmentId, 'departmentId');
      if (await em.existsBy(UserEntity, { username: input.username })) {
        throw conflict('This username is taken', { field: 'username' });
      }
      const now = this.clock.now();
      const created = await em.save(
        em.create(UserEntity, {
          companyId: p.companyId,
          username: input.username,
          displayName: input.displayName.trim(),
          passwordHash,
          roles: input.roles,
          disabled: false,
          allSites,
          departmentId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (siteIds.length) await em.insert(UserSiteEntity, siteIds.map((siteId) => ({ userId: created.id, siteId })));
      return created;
    });
    return user;
  }

  async updateUser(p: Principal, id: string, changes: UserChanges): Promise<UserEntity> {
    const userId = parseId('id', id);
    let rightsChanged = false;
    const sameSet = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x) => b.includes(x));
    const user = await this.tx.run(async (em) => {
      rightsChanged = false;
      const user = await this.companyUser(em, p, userId);
      if (changes.roles && userId === p.userId && !changes.roles.includes(Role.ADMIN)) {
        throw badInput('roles', 'You cannot remove your own administrator role');
      }
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.roles && !sameSet(user.roles, changes.roles)) rightsChanged = true;
      if (changes.roles) user.roles = changes.roles;
      if (changes.departmentId !== undefined) {
        user.departmentId = await this.checkDepartment(em, p, changes.departmentId, 'departmentId');
      }
      if (changes.allSites != null) user.allSites = changes.allSites;
      if (changes.siteIds || changes.allSites) {
        const siteIds = user.allSites ? await this.companySiteIds(em, p.companyId) : await this.checkSites(em, p, changes.siteIds ?? [], 'siteIds');
        const before = (await em.findBy(UserSiteEntity, { userId })).map((l) => l.siteId);
        if (!sameSet(before, siteIds)) rightsChanged = true;
        await em.delete(UserSiteEntity, { userId });
        if (siteIds.length) await em.insert(UserSiteEntity, siteIds.map((siteId) => ({ userId, siteId })));
      }
      user.updatedAt = this.clock.now();
      return em.save(user);
    });
    // New roles or sites: sockets opened with the old rights close; the client reconnects.
    // A form that sends the same roles and sites again changes no right (a new name is told live).
    this.publish({ userId, signedOut: false, closeSockets: rightsChanged });
    return user;
  }

  async setUserDisabled(p: Principal, id: string, disabled: boolean): Promise<UserEntity> {
    const userId = parseId('id', id);
    if (userId === p.userId && disabled) throw badInput('id', 'You cannot disable yourself');
    const user = await this.tx.run(async (em) => {
      const user = await this.companyUser(em, p, userId);
      user.disabled = disabled;
      user.updatedAt = this.clock.now();
      if (disabled) await this.revokeSessions(em, userId);
      return em.save(user);
    });
    this.publish({ userId, signedOut: disabled, closeSockets: disabled });
    return user;
  }

  async resetUserPassword(p: Principal, id: string, password: string): Promise<boolean> {
    const userId = parseId('id', id);
    if (password.length < 8) throw badInput('password', 'password must be at least 8 characters');
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (em) => {
      const user = await this.companyUser(em, p, userId);
      await em.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: this.clock.now() });
      await this.revokeSessions(em, userId);
    });
    this.publish({ userId, signedOut: true, closeSockets: true });
    return true;
  }

  /** Lifts a sign-in lock (repeated wrong passwords) before its time. */
  async unlockUser(p: Principal, id: string): Promise<UserEntity> {
    const user = await this.companyUser(this.ds.manager, p, parseId('id', id));
    await this.signIn.unlock(user.username);
    return user;
  }

  // ---- sites and departments -----------------------------------------------------------

  /** The sites a user may see: all of the company's for administrators, else their own. */
  listSites(p: Principal) {
    const repo = this.ds.getRepository(SiteEntity);
    if (hasRole(p, Role.ADMIN)) return repo.find({ where: { companyId: p.companyId }, order: { id: 'ASC' } });
    return repo.find({ where: { companyId: p.companyId, id: In(p.siteIds) }, order: { id: 'ASC' } });
  }

  /** For other features: the site, if this principal may act on it. */
  /** Every id is a consultant of the site (not the desk or a manager), inside the caller's transaction. */
  async requireConsultants(em: EntityManager, siteId: number, ids: number[], field = 'consultantId'): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const links = await em.findBy(UserSiteEntity, { siteId, userId: In(unique) });
    const users = links.length ? await em.find(UserEntity, { where: { id: In(links.map((l) => l.userId)) }, select: { id: true, roles: true } }) : [];
    if (links.length !== unique.length || users.some((u) => !u.roles.includes(Role.CONSULTANT))) {
      throw badInput(field, 'Not a consultant of this site');
    }
  }

  /** The active users of a site, for pickers: an appointment's lead, task owners, equipment, escalation. */
  async sitePeople(p: Principal, siteId: number): Promise<UserEntity[]> {
    await this.requireSite(p, siteId);
    const links = await this.ds.getRepository(UserSiteEntity).findBy({ siteId });
    if (!links.length) return [];
    const users = await this.ds.getRepository(UserEntity).findBy({ id: In(links.map((l) => l.userId)), companyId: p.companyId, disabled: false });
    return users.sort((a, b) => a.id - b.id);
  }

  async requireSite(p: Principal, siteId: number): Promise<SiteEntity> {
    return this.checkSite(p, await this.ds.getRepository(SiteEntity).findOneBy({ id: siteId }));
  }

  /**
   * `requireSite` for a subscription's start, checked the same way; the row is read once for
   * every subscriber asking at the same moment (issue 17), so it must not be changed.
   */
  async requireSiteShared(p: Principal, siteId: number): Promise<Readonly<SiteEntity>> {
    return this.checkSite(p, await this.siteReads.get(siteId, () => SITE_ROW.first(this.ds.manager, { id: siteId })));
  }

  private checkSite(p: Principal, site: SiteEntity | null): SiteEntity {
    if (!site || site.companyId !== p.companyId) throw notFound('Site');
    if (!canActOnSite(p, site)) throw forbidden('You do not belong to this site');
    return site;
  }

  async createSite(p: Principal, input: { name: string; code: string; timezone: string }) {
    return this.tx.run(async (em) => {
      if (await em.existsBy(SiteEntity, { companyId: p.companyId, code: input.code })) {
        throw conflict('A site with this code exists', { field: 'code' });
      }
      const site = await em.save(em.create(SiteEntity, { ...input, name: input.name.trim(), companyId: p.companyId, createdAt: this.clock.now() }));
      // Company-wide users work at every site, this new one included.
      const wide = await em.find(UserEntity, { where: { companyId: p.companyId, allSites: true }, select: { id: true } });
      if (wide.length) await em.insert(UserSiteEntity, wide.map((u) => ({ userId: u.id, siteId: site.id })));
      return site;
    });
  }

  private async companySiteIds(em: EntityManager, companyId: number): Promise<number[]> {
    return (await em.find(SiteEntity, { where: { companyId }, select: { id: true }, order: { id: 'ASC' } })).map((s) => s.id);
  }

  async updateSite(p: Principal, id: string, input: { name: string; code: string; timezone: string }) {
    const siteId = parseId('id', id);
    return this.tx.run(async (em) => {
      const site = await em.findOneBy(SiteEntity, { id: siteId, companyId: p.companyId });
      if (!site) throw notFound('Site');
      const clash = await em.findOneBy(SiteEntity, { companyId: p.companyId, code: input.code });
      if (clash && clash.id !== site.id) throw conflict('A site with this code exists', { field: 'code' });
      Object.assign(site, { ...input, name: input.name.trim() });
      return em.save(site);
    });
  }

  listDepartments(p: Principal) {
    return this.ds.getRepository(DepartmentEntity).find({ where: { companyId: p.companyId }, order: { id: 'ASC' } });
  }

  async createDepartment(p: Principal, input: { name: string; siteId?: string | null; headUserId?: string | null }) {
    return this.tx.run(async (em) => {
      const siteId = input.siteId ? (await this.checkSites(em, p, [input.siteId], 'siteId'))[0] : null;
      const headUserId = await this.checkHead(em, p, input.headUserId);
      return em.save(
        em.create(DepartmentEntity, { companyId: p.companyId, siteId, headUserId, name: input.name.trim(), createdAt: this.clock.now() }),
      );
    });
  }

  async updateDepartment(p: Principal, id: string, input: { name: string; siteId?: string | null; headUserId?: string | null }) {
    const departmentId = parseId('id', id);
    return this.tx.run(async (em) => {
      const dept = await em.findOneBy(DepartmentEntity, { id: departmentId, companyId: p.companyId });
      if (!dept) throw notFound('Department');
      dept.name = input.name.trim();
      dept.siteId = input.siteId ? (await this.checkSites(em, p, [input.siteId], 'siteId'))[0] : null;
      dept.headUserId = await this.checkHead(em, p, input.headUserId);
      return em.save(dept);
    });
  }

  async deleteDepartment(p: Principal, id: string): Promise<boolean> {
    const departmentId = parseId('id', id);
    await this.tx.run(async (em) => {
      const dept = await em.findOneBy(DepartmentEntity, { id: departmentId, companyId: p.companyId });
      if (!dept) throw notFound('Department');
      if (await em.existsBy(UserEntity, { departmentId })) {
        throw conflict('Move the members of this department first', { reason: 'DEPARTMENT_HAS_MEMBERS' });
      }
      await em.delete(DepartmentEntity, { id: departmentId });
    });
    return true;
  }

  // ---- for loaders ---------------------------------------------------------------------

  async sitesOfUsers(userIds: readonly number[]): Promise<SiteEntity[][]> {
    const links = await this.ds.getRepository(UserSiteEntity).findBy({ userId: In([...userIds]) });
    const sites = links.length
      ? await this.ds.getRepository(SiteEntity).findBy({ id: In([...new Set(links.map((l) => l.siteId))]) })
      : [];
    const byId = new Map(sites.map((s) => [s.id, s]));
    return userIds.map((u) =>
      links
        .filter((l) => l.userId === u)
        .map((l) => byId.get(l.siteId)!)
        .sort((a, b) => a.id - b.id),
    );
  }

  async departmentsByIds(ids: readonly number[]): Promise<(DepartmentEntity | null)[]> {
    const rows = await this.ds.getRepository(DepartmentEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async sitesByIds(ids: readonly number[]): Promise<(SiteEntity | null)[]> {
    const rows = await this.ds.getRepository(SiteEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async usersByIds(ids: readonly number[]): Promise<(UserEntity | null)[]> {
    const rows = await this.ds.getRepository(UserEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** This user's account changes that concern this session, from one shared listener per user. */
  accountChanges(userId: number, sessionId: string): AsyncIterable<AccountChangedPayload> {
    return this.changes.subscribe(String(userId), (c) => changeApplies(c, sessionId));
  }

  /** Calls `sink` on each change of this user (the socket watch in app.ts); returns a stop. */
  watchAccount(userId: number, sink: (change: AccountChangedPayload) => void): () => void {
    return this.changes.listen(String(userId), sink);
  }

  async company(p: Principal) {
    return this.ds.getRepository(CompanyEntity).findOneByOrFail({ id: p.companyId });
  }

  // ---- internals -----------------------------------------------------------------------

  private async requireUser(userId: number) {
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    return user;
  }

  private async companyUser(em: EntityManager, p: Principal, userId: number) {
    const user = await em.findOneBy(UserEntity, { id: userId, companyId: p.companyId });
    if (!user) throw notFound('User');
    return user;
  }

  private async checkSites(em: EntityManager, p: Principal, ids: string[], field: string): Promise<number[]> {
    const siteIds = ids.map((id) => parseId(field, id));
    if (!siteIds.length) return [];
    const found = await em.findBy(SiteEntity, { id: In(siteIds), companyId: p.companyId });
    if (found.length !== new Set(siteIds).size) throw badInput(field, 'Unknown site');
    return siteIds;
  }

  private async checkHead(em: EntityManager, p: Principal, id: string | null | undefined) {
    if (id === null || id === undefined || id === '') return null;
    const userId = parseId('headUserId', id);
    const user = await em.findOneBy(UserEntity, { id: userId, companyId: p.companyId });
    if (!user || user.disabled) throw badInput('headUserId', 'The head must be an active user of this company');
    return userId;
  }

  private async checkDepartment(em: EntityManager, p: Principal, id: string | null | undefined, field: string) {
    if (id === null || id === undefined || id === '') return null;
    const departmentId = parseId(field, id);
    if (!(await em.existsBy(DepartmentEntity, { id: departmentId, companyId: p.companyId }))) {
      throw badInput(field, 'Unknown department');
    }
    return departmentId;
  }

  private async revokeSessions(em: EntityManager, userId: number) {
    await em.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private publish(change: AccountChangedPayload) {
    this.bus.pubSub.publish(ACCOUNT_CHANGED, change.userId, change);
  }
}
