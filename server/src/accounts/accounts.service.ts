import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Clock } from '../platform/clock.js';
import { NextRead } from '../platform/next-read.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import type { TokenService } from '../platform/auth/tokens.js';
import type { EventBus } from '../platform/pubsub.js';
import type { Transactions } from '../platform/db/transaction.js';
import { badInput, conflict, forbidden, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { CompanyEntity, DepartmentEntity, SiteEntity, UserEntity, UserSiteEntity } from './accounts.entity.js';
import { AccountChanges, type AccountChangedPayload } from './accounts.changes.js';
import { checkHead, checkSites } from './accounts.checks.js';
import { Sessions } from './accounts.sessions.js';
import { Users, type NewUser, type UserChanges } from './accounts.users.js';
import type { SignInGuard } from './sign-in-guard.js';
import { canActOnSite, hasRole, Role, type Principal } from './domain/roles.js';

export { ACCOUNT_CHANGED, changeApplies, type AccountChangedPayload } from './accounts.changes.js';
export type { NewUser, UserChanges } from './accounts.users.js';

/** A site's row by id, for the per-request check of requireSiteShared; built once (see Prebuilt). */
const SITE_ROW = new Prebuilt<SiteEntity, 'id'>(
  ['id'],
  { id: [SiteEntity, 's', 'id'], companyId: [SiteEntity, 's', 'companyId'], name: [SiteEntity, 's', 'name'], code: [SiteEntity, 's', 'code'], timezone: [SiteEntity, 's', 'timezone'], createdAt: [SiteEntity, 's', 'createdAt'] },
  (qb) => qb.from(SiteEntity, 's').where('s.id = :id'),
);

/**
 * Companies, sites, departments, users and sign-in. Here: sites and departments, and the
 * loaders' reads. Beside it: sessions (accounts.sessions.ts), users (accounts.users.ts), the
 * account-change bus (accounts.changes.ts), shared lookups and checks (accounts.checks.ts).
 */
export class AccountsService {
  private readonly changes: AccountChanges;
  private readonly sessions: Sessions;
  private readonly users: Users;

  private readonly siteReads = new NextRead<number, SiteEntity | null>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    tokens: TokenService,
    private readonly clock: Clock,
    bus: EventBus,
    readonly signIn: SignInGuard,
  ) {
    this.changes = new AccountChanges(bus);
    this.sessions = new Sessions(ds, tx, tokens, clock, this.changes, signIn);
    this.users = new Users(ds, tx, clock, this.changes, signIn);
  }

  // ---- sessions: accounts.sessions.ts ------------------------------------------------

  /** `address`: the client's, for the per-address limit (see SignInGuard). */
  login(username: string, password: string, address = 'unknown') {
    return this.sessions.login(username, password, address);
  }

  /** Token → principal, or null when the token or its session is no longer good. */
  authenticate(token: string | null | undefined): Promise<Principal | null> {
    return this.sessions.authenticate(token);
  }

  logout(p: Principal): Promise<boolean> {
    return this.sessions.logout(p);
  }

  changeMyPassword(p: Principal, currentPassword: string, newPassword: string): Promise<boolean> {
    return this.sessions.changeMyPassword(p, currentPassword, newPassword);
  }

  // ---- users: accounts.users.ts ----------------------------------------------------------

  me(p: Principal) {
    return this.users.me(p);
  }

  listUsers(p: Principal) {
    return this.users.listUsers(p);
  }

  createUser(p: Principal, input: NewUser): Promise<UserEntity> {
    return this.users.createUser(p, input);
  }

  updateUser(p: Principal, id: string, changes: UserChanges): Promise<UserEntity> {
    return this.users.updateUser(p, id, changes);
  }

  setUserDisabled(p: Principal, id: string, disabled: boolean): Promise<UserEntity> {
    return this.users.setUserDisabled(p, id, disabled);
  }

  resetUserPassword(p: Principal, id: string, password: string): Promise<boolean> {
    return this.users.resetUserPassword(p, id, password);
  }

  /** Lifts a sign-in lock (repeated wrong passwords) before its time. */
  unlockUser(p: Principal, id: string): Promise<UserEntity> {
    return this.users.unlockUser(p, id);
  }

  // ---- sites and departments -----------------------------------------------------------

  /** The sites a user may see: all of the company's for administrators, else their own. */
  listSites(p: Principal) {
    const repo = this.ds.getRepository(SiteEntity);
    if (hasRole(p, Role.ADMIN)) return repo.find({ where: { companyId: p.companyId }, order: { id: 'ASC' } });
    return repo.find({ where: { companyId: p.companyId, id: In(p.siteIds) }, order: { id: 'ASC' } });
  }

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

  /** For other features: the site, if this principal may act on it. */
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
      const siteId = input.siteId ? (await checkSites(em, p, [input.siteId], 'siteId'))[0] : null;
      const headUserId = await checkHead(em, p, input.headUserId);
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
      dept.siteId = input.siteId ? (await checkSites(em, p, [input.siteId], 'siteId'))[0] : null;
      dept.headUserId = await checkHead(em, p, input.headUserId);
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
    return this.changes.subscribe(userId, sessionId);
  }

  /** Calls `sink` on each change of this user (the socket watch in app.ts); returns a stop. */
  watchAccount(userId: number, sink: (change: AccountChangedPayload) => void): () => void {
    return this.changes.listen(userId, sink);
  }

  async company(p: Principal) {
    return this.ds.getRepository(CompanyEntity).findOneByOrFail({ id: p.companyId });
  }

}
