import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserEntity } from '../accounts/accounts.entity.js';
import { Role } from '../accounts/domain/roles.js';
import { RotationSettingsEntity } from '../rotation/rotation.entity.js';
import type { RotationService } from '../rotation/rotation.service.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { SettingsChangeEntity } from './settings.entity.js';

const kinds = await databaseKinds();

// The history of a site's floor rules and register rules, over GraphQL, on each database.

const RULES = 'r7OpenRevisit r8BroughtAlong r9SameDay r11ColleagueCustomer undoWindowMinutes nonBuyerWindowMinutes bigBuyerUnits';
const Q = {
  rules: `query($s: ID!) { rotationSettings(siteId: $s) { ${RULES} } }`,
  saveRules: `mutation($s: ID!, $i: RotationSettingsInput!) { updateRotationSettings(siteId: $s, input: $i) { ${RULES} } }`,
  register: `query($s: ID!) { customerSettings(siteId: $s) { followUpDays dealLookbackDays } }`,
  saveRegister: `mutation($s: ID!, $i: CustomerSettingsInput!) { updateCustomerSettings(siteId: $s, input: $i) { followUpDays dealLookbackDays } }`,
  history: `query($s: ID!, $a: SettingsArea!, $l: Int) { settingsHistory(siteId: $s, area: $a, limit: $l) { id area at by { id displayName } before after changed } }`,
};

type Rules = Record<string, string | number>;
interface Change {
  id: string;
  area: string;
  at: string;
  by: { id: string; displayName: string };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  changed: string[];
}

describe.each(kinds)('settings history on %s', (kind) => {
  let t: TestApp;
  let now = Date.UTC(2025, 2, 10, 4);
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let cd: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '1000d' } });
    for (const u of ['admin', 'manager', 'wang', 'chen']) {
      tokens[u] = await t.login(u);
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    }
    const sites = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.admin)).data!.sites;
    bj = sites.find((s) => s.code === 'BJ')!.id;
    cd = sites.find((s) => s.code === 'CD')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function ok<T = any>(as: string, q: string, vars: Record<string, unknown>): Promise<T> {
    const r = await t.gql<T>(q, vars, tokens[as]);
    expect(r.errors, `${as}: ${q.slice(0, 60)}`).toBeUndefined();
    return r.data!;
  }
  const history = async (site: string, area: 'ROTATION' | 'CUSTOMERS', as = 'manager', limit?: number) =>
    (await ok<{ settingsHistory: Change[] }>(as, Q.history, { s: site, a: area, l: limit })).settingsHistory;
  const rules = async (site: string) => (await ok<{ rotationSettings: Rules }>('admin', Q.rules, { s: site })).rotationSettings;

  it('a rule change is kept with the values before and after, who saved it and when', async () => {
    now += 60_000;
    const before = await rules(bj);
    expect(await history(bj, 'ROTATION')).toEqual([]);
    const after = { ...before, r11ColleagueCustomer: before.r11ColleagueCustomer === 'A' ? 'B' : 'A', bigBuyerUnits: Number(before.bigBuyerUnits) + 2 };
    await ok('admin', Q.saveRules, { s: bj, i: after });

    const [change, ...rest] = await history(bj, 'ROTATION');
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ area: 'ROTATION', at: new Date(now).toISOString(), by: { id: id.admin }, before, after });
    expect(change.changed).toEqual(['r11ColleagueCustomer', 'bigBuyerUnits']);
    // Values only: the stored row is the two documents, no sentence.
    const row = await t.app.ds.getRepository(SettingsChangeEntity).findOneByOrFail({ id: Number(change.id) });
    expect([JSON.parse(row.before), JSON.parse(row.after)]).toEqual([before, after]);
    // The other site and the other area have no history of it.
    expect(await history(cd, 'ROTATION')).toEqual([]);
    expect(await history(bj, 'CUSTOMERS')).toEqual([]);

    // A second change comes first; the limit keeps the newest.
    now += 60_000;
    await ok('admin', Q.saveRules, { s: bj, i: { ...after, undoWindowMinutes: 10 } });
    const both = await history(bj, 'ROTATION');
    expect(both.map((c) => c.changed)).toEqual([['undoWindowMinutes'], ['r11ColleagueCustomer', 'bigBuyerUnits']]);
    expect(both[0].before).toEqual(after);
    expect((await history(bj, 'ROTATION', 'admin', 1)).map((c) => c.id)).toEqual([both[0].id]);
  });

  it('saving the values a site already has records nothing', async () => {
    const count = (await history(bj, 'ROTATION')).length;
    await ok('admin', Q.saveRules, { s: bj, i: await rules(bj) });
    expect(await history(bj, 'ROTATION')).toHaveLength(count);

    // The register rules start from the defaults (no row yet): saving them unchanged is no change.
    const register = (await ok<{ customerSettings: Rules }>('admin', Q.register, { s: cd })).customerSettings;
    await ok('admin', Q.saveRegister, { s: cd, i: register });
    expect(await history(cd, 'CUSTOMERS')).toEqual([]);
  });

  it('O3, O7: a register rule change is kept under CUSTOMERS', async () => {
    now += 60_000;
    const before = (await ok<{ customerSettings: Rules }>('admin', Q.register, { s: bj })).customerSettings;
    const after = { ...before, followUpDays: Number(before.followUpDays) + 7 };
    await ok('admin', Q.saveRegister, { s: bj, i: after });
    const [change, ...rest] = await history(bj, 'CUSTOMERS', 'admin');
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ area: 'CUSTOMERS', at: new Date(now).toISOString(), by: { id: id.admin }, before, after, changed: ['followUpDays'] });
  });

  it('a refused (invalid) update records nothing and changes nothing', async () => {
    const kept = await rules(bj);
    const count = (await history(bj, 'ROTATION')).length;
    const r = await t.gql(Q.saveRules, { s: bj, i: { ...kept, undoWindowMinutes: 1, bigBuyerUnits: 1 } }, tokens.admin);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rules(bj)).toEqual(kept);
    expect(await history(bj, 'ROTATION')).toHaveLength(count);

    const register = (await ok<{ customerSettings: Rules }>('admin', Q.register, { s: bj })).customerSettings;
    const registerCount = (await history(bj, 'CUSTOMERS')).length;
    const r2 = await t.gql(Q.saveRegister, { s: bj, i: { followUpDays: 0, dealLookbackDays: 3 } }, tokens.admin);
    expect(r2.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ok<{ customerSettings: Rules }>('admin', Q.register, { s: bj })).customerSettings).toEqual(register);
    expect(await history(bj, 'CUSTOMERS')).toHaveLength(registerCount);
  });

  it('the change and its history are one transaction: a history row that cannot be written leaves the rules as they were', async () => {
    const kept = await rules(bj);
    const stored = await t.app.ds.getRepository(RotationSettingsEntity).findOneBy({ siteId: Number(bj) });
    const { companyId } = await t.app.ds.getRepository(UserEntity).findOneByOrFail({ id: Number(id.admin) });
    // An administrator whose user row is gone: the history's foreign key refuses them.
    const ghost = { userId: 987654, companyId, roles: [Role.ADMIN], siteIds: [], sessionId: 'x', expiresAt: new Date(now + 3600_000) };
    const input = { ...kept, undoWindowMinutes: Number(kept.undoWindowMinutes) + 1 } as unknown as Parameters<RotationService['updateSettings']>[2];
    await expect(t.app.services.rotation.updateSettings(ghost, Number(bj), input)).rejects.toThrow(/foreign key/i);
    expect(await rules(bj)).toEqual(kept);
    expect(await t.app.ds.getRepository(RotationSettingsEntity).findOneBy({ siteId: Number(bj) })).toEqual(stored);
  });

  it('only administrators and managers of the site read the history', async () => {
    for (const as of ['wang', 'chen']) {
      const r = await t.gql(Q.history, { s: bj, a: 'ROTATION' }, tokens[as]);
      expect(r.errors?.[0]?.extensions?.code, as).toBe('FORBIDDEN');
      expect(r.data).toBeNull();
    }
    expect((await t.gql(Q.history, { s: bj, a: 'ROTATION' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A manager of the other site only.
    await ok('admin', 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: `cdmgr_${kind}`, displayName: '城东经理', password: 'secret123', roles: ['MANAGER'], siteIds: [cd] },
    });
    const cdManager = await t.login(`cdmgr_${kind}`, 'secret123');
    const r = await t.gql(Q.history, { s: bj, a: 'ROTATION' }, cdManager);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(Q.history, { s: cd, a: 'ROTATION' }, cdManager)).errors).toBeUndefined();
    // Consultants may not change the rules either, so nothing of theirs is ever recorded.
    const r2 = await t.gql(Q.saveRules, { s: bj, i: await rules(bj) }, tokens.wang);
    expect(r2.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('two saves at once: each change starts from what the other left', async () => {
    now += 60_000;
    // The other site's register rules have no row yet: both saves race to create it.
    await Promise.all(
      [20, 30].map((followUpDays) => ok('admin', Q.saveRegister, { s: cd, i: { followUpDays, dealLookbackDays: 7 } })),
    );
    const [newer, older] = await history(cd, 'CUSTOMERS');
    // The register's document also holds the follow-up-due window and the grades' wording (issue 13).
    expect(older.before).toMatchObject({ followUpDays: 7, dealLookbackDays: 7, followUpDueDays: 3 });
    expect(newer.before).toEqual(older.after);
    const kept = (await ok<{ customerSettings: Rules }>('admin', Q.register, { s: cd })).customerSettings;
    expect(newer.after).toMatchObject(kept);
  });
});
