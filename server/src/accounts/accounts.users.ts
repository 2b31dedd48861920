import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { SessionEntity, UserEntity, UserSiteEntity } from './accounts.entity.js';
import type { AccountChanges } from './accounts.changes.js';
import { checkDepartment, checkSites, companySiteIds, companyUser, requireUser } from './accounts.checks.js';
import { hashPassword } from './domain/password.js';
import type { SignInGuard } from './sign-in-guard.js';
import { Role, type Principal } from './domain/roles.js';

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

/** A company's users: created, changed, disabled, a password reset, a sign-in lock lifted. */
export class Users {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly changes: AccountChanges,
    private readonly signIn: SignInGuard,
  ) {}

  me(p: Principal) {
    return requireUser(this.ds.manager, p.userId);
  }

  listUsers(p: Principal) {
    return this.ds.getRepository(UserEntity).find({ where: { companyId: p.companyId }, order: { id: 'ASC' } });
  }

  async createUser(p: Principal, input: NewUser): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    const user = await this.tx.run(async (em) => {
      const allSites = input.allSites === true;
      const siteIds = allSites ? await companySiteIds(em, p.companyId) : await checkSites(em, p, input.siteIds, 'siteIds');
      const departmentId = await checkDepartment(em, p, input.departmentId, 'departmentId');
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
      const user = await companyUser(em, p, userId);
      if (changes.roles && userId === p.userId && !changes.roles.includes(Role.ADMIN)) {
        throw badInput('roles', 'You cannot remove your own administrator role');
      }
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.roles && !sameSet(user.roles, changes.roles)) rightsChanged = true;
      if (changes.roles) user.roles = changes.roles;
      if (changes.departmentId !== undefined) {
        user.departmentId = await checkDepartment(em, p, changes.departmentId, 'departmentId');
      }
      if (changes.allSites != null) user.allSites = changes.allSites;
      if (changes.siteIds || changes.allSites) {
        const siteIds = user.allSites ? await companySiteIds(em, p.companyId) : await checkSites(em, p, changes.siteIds ?? [], 'siteIds');
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
    this.changes.publish({ userId, signedOut: false, closeSockets: rightsChanged });
    return user;
  }

  async setUserDisabled(p: Principal, id: string, disabled: boolean): Promise<UserEntity> {
    const userId = parseId('id', id);
    if (userId === p.userId && disabled) throw badInput('id', 'You cannot disable yourself');
    const user = await this.tx.run(async (em) => {
      const user = await companyUser(em, p, userId);
      user.disabled = disabled;
      user.updatedAt = this.clock.now();
      if (disabled) await this.revokeSessions(em, userId);
      return em.save(user);
    });
    this.changes.publish({ userId, signedOut: disabled, closeSockets: disabled });
    return user;
  }

  async resetUserPassword(p: Principal, id: string, password: string): Promise<boolean> {
    const userId = parseId('id', id);
    if (password.length < 8) throw badInput('password', 'password must be at least 8 characters');
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (em) => {
      const user = await companyUser(em, p, userId);
      await em.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: this.clock.now() });
      await this.revokeSessions(em, userId);
    });
    this.changes.publish({ userId, signedOut: true, closeSockets: true });
    return true;
  }

  /** Lifts a sign-in lock (repeated wrong passwords) before its time. */
  async unlockUser(p: Principal, id: string): Promise<UserEntity> {
    const user = await companyUser(this.ds.manager, p, parseId('id', id));
    await this.signIn.unlock(user.username);
    return user;
  }
  private async revokeSessions(em: EntityManager, userId: number) {
    await em.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
