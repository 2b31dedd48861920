import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock.js';
import { Transactions } from '../platform/db/transaction.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { CompanyEntity, UserEntity } from './accounts.entity.js';
import { setAdministrator } from './first-admin.js';

const kinds = await databaseKinds();
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token user { username roles } } }';

describe.each(kinds)('first administrator in production on %s', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('ADMIN_USERNAME/ADMIN_PASSWORD create the first administrator on an empty database, no demo data', async () => {
    t = await startTestApp(kind, { env: { DEMO_DATA: 'false', ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'correct-horse-battery' } });
    expect(t.app.firstAdmin).toMatchObject({ username: 'root', created: true });
    expect(t.app.firstAdmin!.generatedPassword).toBeUndefined();
    const users = await t.app.ds.getRepository(UserEntity).find();
    expect(users.map((u) => [u.username, u.roles])).toEqual([['root', ['ADMIN']]]);
    const r = await t.gql(LOGIN, { i: { username: 'root', password: 'correct-horse-battery' } });
    expect(r.data.login.user.roles).toEqual(['ADMIN']);
    // The published demo password opens nothing.
    const demo = await t.gql(LOGIN, { i: { username: 'admin', password: 'demo1234' } });
    expect(demo.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('without ADMIN_PASSWORD a password is generated (shown once) and works; a second start creates nothing', async () => {
    t = await startTestApp(kind, { env: { DEMO_DATA: 'false' } });
    const first = t.app.firstAdmin!;
    expect(first.username).toBe('admin');
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const r = await t.gql(LOGIN, { i: { username: 'admin', password: first.generatedPassword } });
    expect(r.data.login.token).toBeTruthy();
    expect(await t.app.ds.getRepository(CompanyEntity).count()).toBe(1);
  });

  it('the admin command resets an existing user into an administrator with a new password', async () => {
    t = await startTestApp(kind);
    const tx = new Transactions(t.app.ds);
    const reset = await setAdministrator(t.app.ds, tx, systemClock, 'wang', 'a-brand-new-password');
    expect(reset).toMatchObject({ username: 'wang', created: false });
    const r = await t.gql(LOGIN, { i: { username: 'wang', password: 'a-brand-new-password' } });
    expect(r.data.login.user.roles).toEqual(['CONSULTANT', 'ADMIN']);
    const created = await setAdministrator(t.app.ds, tx, systemClock, 'ops');
    expect(created.created).toBe(true);
    expect((await t.gql(LOGIN, { i: { username: 'ops', password: created.generatedPassword } })).data.login.token).toBeTruthy();
    await expect(setAdministrator(t.app.ds, tx, systemClock, 'ops', 'short')).rejects.toThrow(/12/);
  });
});
