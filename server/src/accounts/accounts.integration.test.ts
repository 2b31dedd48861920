import { randomBytes, scrypt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { UserEntity } from './accounts.entity.js';
import { UsersAllSites1733100000000 } from './migrations/1733100000000-users-all-sites.js';

const kinds = await databaseKinds();

/** A hash in the stored format with another N than today's (what an older release wrote). */
async function hashWith(password: string, N: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await new Promise<Buffer>((ok, ko) =>
    scrypt(password.normalize('NFKC'), salt, 64, { N, r: 8, p: 1, maxmem: 128 * 1024 * 1024 }, (e, k) => (e ? ko(e) : ok(k))),
  );
  return ['scrypt', N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe.each(kinds)('accounts over GraphQL on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const siteIds = async () =>
    (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, admin)).data!.sites;

  it('demo data: one company, two sites, admin, manager, desk and six consultants', async () => {
    const r = await t.gql<{ users: Array<{ username: string; roles: string[] }> }>('{ users { username roles } }', {}, admin);
    expect(r.data!.users.map((u) => u.username)).toEqual(['admin', 'manager', 'desk', 'wang', 'li', 'zhang', 'liu', 'chen', 'yang']);
    expect((await siteIds()).map((s) => s.code)).toEqual(['BJ', 'CD']);
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const users = await t.app.ds.getRepository(UserEntity).find();
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(u.passwordHash).not.toContain('demo1234');
    }
  });

  it('a password hashed with older scrypt parameters still signs in, and is rehashed with today\'s', async () => {
    const repo = t.app.ds.getRepository(UserEntity);
    const old = await hashWith('demo1234', 32768);
    await repo.update({ username: 'chen' }, { passwordHash: old });
    await t.login('chen');
    const after = (await repo.findOneByOrFail({ username: 'chen' })).passwordHash;
    expect(after).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(after).not.toBe(old);
    await t.login('chen');
  });

  it('a wrong password is UNAUTHENTICATED, and so is an unknown user', async () => {
    const q = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
    const wrong = await t.gql(q, { i: { username: 'admin', password: 'nope-nope' } });
    const unknown = await t.gql(q, { i: { username: 'nobody', password: 'nope-nope' } });
    expect(wrong.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('every operation but login needs a token', async () => {
    for (const q of ['{ me { id } }', '{ sites { id } }', '{ departments { id } }', '{ users { id } }', 'mutation { logout }']) {
      const r = await t.gql(q);
      expect(r.errors![0].extensions!.code, q).toBe('UNAUTHENTICATED');
    }
  });

  it('administration is for administrators: a consultant gets FORBIDDEN', async () => {
    const wang = await t.login('wang');
    const r = await t.gql('{ users { id } }', {}, wang);
    expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
    const c = await t.gql(
      'mutation($i: SiteInput!) { createSite(input: $i) { id } }',
      { i: { name: 'X', code: 'X', timezone: 'Asia/Shanghai' } },
      wang,
    );
    expect(c.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('a consultant sees only the sites they belong to', async () => {
    const yang = await t.login('yang');
    const r = await t.gql<{ sites: Array<{ code: string }> }>('{ sites { code } }', {}, yang);
    expect(r.data!.sites.map((s) => s.code)).toEqual(['CD']);
  });

  it('sitePeople: the active people of a site for pickers, only for those who belong to it', async () => {
    const [bj] = await siteIds();
    const q = 'query($s: ID!) { sitePeople(siteId: $s) { id displayName } }';
    const wang = await t.login('wang');
    const r = await t.gql<{ sitePeople: Array<{ displayName: string }> }>(q, { s: bj.id }, wang);
    expect(r.errors).toBeUndefined();
    const names = r.data!.sitePeople.map((p) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['周经理', '前台小赵', '王芳']));
    expect(names).not.toContain('杨磊');
    const yang = await t.login('yang');
    const f = await t.gql(q, { s: bj.id }, yang);
    expect(f.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('an administrator creates a user who can then sign in with the given roles and sites', async () => {
    const [bj] = await siteIds();
    const r = await t.gql<{ createUser: { username: string; roles: string[]; sites: Array<{ code: string }> } }>(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { username roles sites { code } } }`,
      { i: { username: 'sun', displayName: '孙悦', password: 'longenough', roles: ['CONSULTANT'], siteIds: [bj.id] } },
      admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createUser).toEqual({ username: 'sun', roles: ['CONSULTANT'], sites: [{ code: 'BJ' }] });
    const token = await t.login('sun', 'longenough');
    const me = await t.gql<{ me: { displayName: string } }>('{ me { displayName } }', {}, token);
    expect(me.data!.me.displayName).toBe('孙悦');
  });

  it('bad input is BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await t.app.ds.getRepository(UserEntity).count();
    const short = await t.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'zhou', displayName: '周', password: 'short', roles: ['CONSULTANT'], siteIds: [] } },
      admin,
    );
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const badSite = await t.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'zhou', displayName: '周', password: 'longenough', roles: ['CONSULTANT'], siteIds: ['999999'] } },
      admin,
    );
    expect(badSite.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteIds' });
    const badTz = await t.gql(
      'mutation($i: SiteInput!) { createSite(input: $i) { id } }',
      { i: { name: 'Y', code: 'Y', timezone: 'Mars/Olympus' } },
      admin,
    );
    expect(badTz.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timezone' });
    expect(await t.app.ds.getRepository(UserEntity).count()).toBe(before);
  });

  it('a taken username is a CONFLICT', async () => {
    const r = await t.gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'wang', displayName: '王', password: 'longenough', roles: ['CONSULTANT'], siteIds: [] } },
      admin,
    );
    expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
  });

  it('an unknown id is NOT_FOUND; a malformed one BAD_USER_INPUT', async () => {
    const q = 'mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }';
    expect((await t.gql(q, { id: '424242' }, admin)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(q, { id: 'abc' }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('disabling a user ends their sessions at once; enabling lets them sign in again', async () => {
    const token = await t.login('zhang');
    const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
    const id = me.data!.me.id;
    await t.gql('mutation($id: ID!) { setUserDisabled(id: $id, disabled: true) { id } }', { id }, admin);
    expect((await t.gql('{ me { id } }', {}, token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await expect(t.login('zhang')).rejects.toThrow(/disabled/);
    await t.gql('mutation($id: ID!) { setUserDisabled(id: $id, disabled: false) { id } }', { id }, admin);
    expect(await t.login('zhang')).toBeTruthy();
  });

  it('logout ends the session; reset password signs the user out everywhere', async () => {
    const token = await t.login('liu');
    expect((await t.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    expect((await t.gql('{ me { id } }', {}, token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const again = await t.login('liu');
    const id = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, again)).data!.me.id;
    await t.gql('mutation($id: ID!) { resetUserPassword(id: $id, password: "newpassword1") }', { id }, admin);
    expect((await t.gql('{ me { id } }', {}, again)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await t.login('liu', 'newpassword1')).toBeTruthy();
  });

  it('changeMyPassword checks the current password', async () => {
    const token = await t.login('chen');
    const q = 'mutation($i: ChangePasswordInput!) { changeMyPassword(input: $i) }';
    const bad = await t.gql(q, { i: { currentPassword: 'wrong-one', newPassword: 'brandnew123' } }, token);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const ok = await t.gql(q, { i: { currentPassword: 'demo1234', newPassword: 'brandnew123' } }, token);
    expect(ok.data).toEqual({ changeMyPassword: true });
    expect(await t.login('chen', 'brandnew123')).toBeTruthy();
  });

  it('departments: create, rename, refuse deleting one with members, delete an empty one', async () => {
    const [bj] = await siteIds();
    const created = await t.gql<{ createDepartment: { id: string; site: { code: string } } }>(
      'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id site { code } } }',
      { i: { name: '客服部', siteId: bj.id } },
      admin,
    );
    const id = created.data!.createDepartment.id;
    expect(created.data!.createDepartment.site.code).toBe('BJ');
    const renamed = await t.gql<{ updateDepartment: { name: string } }>(
      'mutation($id: ID!, $i: DepartmentInput!) { updateDepartment(id: $id, input: $i) { name } }',
      { id, i: { name: '客户服务部' } },
      admin,
    );
    expect(renamed.data!.updateDepartment.name).toBe('客户服务部');
    const depts = await t.gql<{ departments: Array<{ id: string; name: string }> }>('{ departments { id name } }', {}, admin);
    const withMembers = depts.data!.departments.find((d) => d.name === '行政部')!;
    const refused = await t.gql('mutation($id: ID!) { deleteDepartment(id: $id) }', { id: withMembers.id }, admin);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEPARTMENT_HAS_MEMBERS' });
    expect((await t.gql('mutation($id: ID!) { deleteDepartment(id: $id) }', { id }, admin)).data).toEqual({ deleteDepartment: true });
  });

  it('sites: a duplicate code is a CONFLICT; an update keeps the id', async () => {
    const created = await t.gql<{ createSite: { id: string } }>(
      'mutation($i: SiteInput!) { createSite(input: $i) { id } }',
      { i: { name: '江北展厅', code: 'JB', timezone: 'Asia/Shanghai' } },
      admin,
    );
    const id = created.data!.createSite.id;
    const dup = await t.gql('mutation($i: SiteInput!) { createSite(input: $i) { id } }', { i: { name: 'dup', code: 'JB', timezone: 'UTC' } }, admin);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const upd = await t.gql<{ updateSite: { id: string; name: string } }>(
      'mutation($id: ID!, $i: SiteInput!) { updateSite(id: $id, input: $i) { id name } }',
      { id, i: { name: '江北新展厅', code: 'JB', timezone: 'Asia/Shanghai' } },
      admin,
    );
    expect(upd.data!.updateSite).toEqual({ id, name: '江北新展厅' });
  });

  it('R15: a company-wide manager sees sites created after their account was made; a per-site manager does not', async () => {
    const [bj] = await siteIds();
    const create = async (username: string, input: Record<string, unknown>) => {
      const r = await t.gql<{ createUser: { allSites: boolean; sites: Array<{ code: string }> } }>(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { allSites sites { code } } }`,
        { i: { username, displayName: username, password: 'longenough', roles: ['MANAGER'], ...input } },
        admin,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.createUser;
    };
    const wide = await create('gmgr', { siteIds: [], allSites: true });
    expect(wide.allSites).toBe(true);
    expect(wide.sites.map((s) => s.code)).toEqual((await siteIds()).map((s) => s.code));
    expect((await create('bjmgr', { siteIds: [bj.id] })).allSites).toBe(false);

    const created = await t.gql<{ createSite: { id: string } }>(
      'mutation($i: SiteInput!) { createSite(input: $i) { id } }',
      { i: { name: '南山展厅', code: 'NS', timezone: 'Asia/Shanghai' } },
      admin,
    );
    const ns = created.data!.createSite.id;
    const codes = async (token: string) => (await t.gql<{ sites: Array<{ code: string }> }>('{ sites { code } }', {}, token)).data!.sites.map((s) => s.code);
    expect(await codes(await t.login('gmgr', 'longenough'))).toContain('NS');
    // The demo's sales manager is company-wide too.
    expect(await codes(await t.login('manager'))).toContain('NS');
    expect(await codes(await t.login('bjmgr', 'longenough'))).toEqual(['BJ']);
    const managers = await t.app.ds.transaction((em) => t.app.services.notifications.managersOf(em, Number(ns)));
    const byName = await t.app.ds.getRepository(UserEntity).findBy({});
    const names = managers.map((id) => byName.find((u) => u.id === id)!.username).sort();
    expect(names).toEqual(['gmgr', 'manager']);
  });

  it('internal failures never leak SQL or stacks', async () => {
    const r = await t.gql('{ me { id } }', {}, 'garbage');
    expect(JSON.stringify(r)).not.toMatch(/SELECT|stack|at \//);
  });

  it('listing users costs a fixed number of queries whatever their count (DataLoader)', async () => {
    const count = async () => {
      let n = 0;
      const original = t.app.ds.driver.createQueryRunner.bind(t.app.ds.driver);
      const spy = (mode: 'master' | 'slave') => {
        const qr = original(mode);
        const query = qr.query.bind(qr);
        qr.query = ((...args: Parameters<typeof query>) => {
          n += 1;
          return query(...args);
        }) as typeof qr.query;
        return qr;
      };
      t.app.ds.driver.createQueryRunner = spy;
      await t.gql('{ users { id sites { id } department { id } } }', {}, admin);
      t.app.ds.driver.createQueryRunner = original;
      return n;
    };
    const before = await count();
    for (let i = 0; i < 5; i++) {
      await t.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { username: `extra${i}`, displayName: `Extra ${i}`, password: 'longenough', roles: ['RECEPTION'], siteIds: [] } },
        admin,
      );
    }
    expect(await count()).toBe(before);
  });

  it('R15: the migration makes a manager linked to every site company-wide, and nobody else', async () => {
    const q = t.app.ds.createQueryRunner();
    try {
      // As the migration runner does (SQLite rebuilds the table without foreign key checks).
      await q.beforeMigration();
      const migration = new UsersAllSites1733100000000();
      await migration.down(q);
      await migration.up(q);
    } finally {
      await q.afterMigration();
      await q.release();
    }
    const wide = (await t.app.ds.getRepository(UserEntity).findBy({ allSites: true })).map((u) => u.username).sort();
    // The demo manager and the company-wide manager made above are linked to every site; the admin is no manager.
    expect(wide).toEqual(['gmgr', 'manager']);
  });
});
