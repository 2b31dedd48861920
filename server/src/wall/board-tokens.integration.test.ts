import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { socket, until } from '../test-support/ws.js';

const kinds = await databaseKinds();

const ISSUE = 'mutation($s: ID!, $l: String!) { issueBoardToken(siteId: $s, label: $l) { secret wallPath token { id siteId label createdByName revokedAt } } }';
const REVOKE = 'mutation($id: ID!) { revokeBoardToken(id: $id) { id revokedAt revokedByName } }';
const LIST = 'query($s: ID!) { boardTokens(siteId: $s) { id label createdByName revokedAt lastUsedAt } }';
const RECEPTION = 'id customerName customerId phoneMasked unitsAsked explanation consultant { displayName }';
const BOARD_FIELDS = `seq consultants { consultant { displayName } state busyWith { ${RECEPTION} } } waiting { ${RECEPTION} } receptions { ${RECEPTION} }
  alerts { kind params } events { reason explanation }`;
const BOARD = `query($s: ID!) { rotationBoard(siteId: $s) { ${BOARD_FIELDS} } }`;
const WALL_SITE = 'query($s: ID!) { wallSite(siteId: $s) { id name timezone } }';
const WALK_IN = 'mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { board { seq } } }';

interface Reception {
  customerName: string | null;
  customerId: string | null;
  phoneMasked: string | null;
  unitsAsked: number | null;
  explanation: Record<string, unknown>;
}
interface Board {
  seq: number;
  consultants: Array<{ consultant: { displayName: string }; state: string; busyWith: Reception[] }>;
  waiting: Reception[];
  receptions: Reception[];
  alerts: Array<{ kind: string; params: Record<string, unknown> }>;
  events: Array<{ reason: string | null; explanation: Record<string, unknown> }>;
}

/** Nothing that names or counts for a customer: the wall's privacy, enforced by the server. */
function expectPrivate(board: Board) {
  const all = [...board.receptions, ...board.waiting, ...board.consultants.flatMap((c) => c.busyWith)];
  for (const r of all) {
    expect(r).toMatchObject({ customerName: null, customerId: null, phoneMasked: null, unitsAsked: null });
    expect(Object.keys(r.explanation)).toEqual(['rule']);
  }
  for (const a of board.alerts) expect(a.params).toEqual({});
  for (const e of board.events) {
    expect(e.reason).toBeNull();
    expect(Object.keys(e.explanation).filter((k) => k !== 'rule')).toEqual([]);
  }
  expect(JSON.stringify(board)).not.toContain('张先生');
  expect(JSON.stringify(board)).not.toContain('5678');
}

describe.each(kinds)('wall-screen board tokens on %s', (kind) => {
  let t: TestApp;
  // 12:00 Asia/Shanghai, Monday 10 March 2025: the demo seed fills this day's floor.
  let now = Date.UTC(2025, 2, 10, 4, 0);
  const tokens: Record<string, string> = {};
  let bj: string;
  let cd: string;
  let wsUrl: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '60d' } });
    for (const u of ['manager', 'admin', 'desk', 'wang']) tokens[u] = await t.login(u);
    const sites = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.manager)).data!.sites;
    bj = sites.find((s) => s.code === 'BJ')!.id;
    cd = sites.find((s) => s.code === 'CD')!.id;
    wsUrl = t.url.replace(/^http/, 'ws') + '/graphql';
  });
  afterAll(async () => {
    await t?.close();
  });

  async function issue(site = bj, label = '大厅屏') {
    const r = await t.gql<{ issueBoardToken: { secret: string; wallPath: string; token: { id: string; siteId: string; label: string; createdByName: string } } }>(
      ISSUE,
      { s: site, l: label },
      tokens.manager,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.issueBoardToken;
  }
  async function walkIn() {
    now += 20_000;
    const r = await t.gql(WALK_IN, { s: bj, i: { kind: 'NEW', customerName: '张先生', phone: '13912345678', unitsAsked: 9 } }, tokens.desk);
    expect(r.errors).toBeUndefined();
  }

  it('issue 16: a manager issues a token; its secret is shown once and only its SHA-256 is stored', async () => {
    const issued = await issue();
    expect(issued.secret).toMatch(/^rbt_[A-Za-z0-9_-]{43}$/);
    expect(issued.wallPath).toBe(`/wall/t/${bj}/${issued.secret}`);
    expect(issued.token).toMatchObject({ siteId: bj, label: '大厅屏', createdByName: '周经理' });
    const rows = await t.app.ds.query('SELECT * FROM board_tokens');
    expect(JSON.stringify(rows)).not.toContain(issued.secret);
    expect(rows.find((r: { id: number }) => String(r.id) === issued.token.id).tokenHash).toBe(createHash('sha256').update(issued.secret).digest('hex'));
    const list = await t.gql<{ boardTokens: Array<{ id: string; label: string }> }>(LIST, { s: bj }, tokens.manager);
    expect(list.data!.boardTokens.map((b) => b.id)).toContain(issued.token.id);
    // The list has no secret to give: the type has no such field.
    const asked = await t.gql('query($s: ID!) { boardTokens(siteId: $s) { secret } }', { s: bj }, tokens.manager);
    expect(asked.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('issue 16: only a manager of the site or an administrator issues, lists and revokes', async () => {
    for (const who of ['desk', 'wang']) {
      const r = await t.gql(ISSUE, { s: bj, l: 'x' }, tokens[who]);
      expect(r.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await t.gql(LIST, { s: bj }, tokens[who])).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const mine = await issue();
    expect((await t.gql(REVOKE, { id: mine.token.id }, tokens.desk)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const byAdmin = await t.gql<{ issueBoardToken: { token: { createdByName: string } } }>(ISSUE, { s: cd, l: '展厅' }, tokens.admin);
    expect(byAdmin.data!.issueBoardToken.token.createdByName).toBe('系统管理员');
    expect((await t.gql(ISSUE, { s: bj, l: '   ' }, tokens.manager)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });
  });

  it('issue 16: a token reads the board of its site with privacy forced on (no names, phones, units)', async () => {
    const { secret } = await issue();
    await walkIn();
    const full = await t.gql<{ rotationBoard: Board }>(BOARD, { s: bj }, tokens.manager);
    expect(JSON.stringify(full.data!.rotationBoard)).toContain('张先生');
    const r = await t.gql<{ rotationBoard: Board }>(BOARD, { s: bj }, secret);
    expect(r.errors).toBeUndefined();
    const board = r.data!.rotationBoard;
    expect(board.seq).toBe(full.data!.rotationBoard.seq);
    expect(board.consultants.map((c) => c.consultant.displayName)).toEqual(full.data!.rotationBoard.consultants.map((c) => c.consultant.displayName));
    expect(board.receptions.length).toBeGreaterThan(0);
    expectPrivate(board);
  });

  it("issue 16: a token reads its own site's name and time zone (wallSite); another site is FORBIDDEN", async () => {
    const { secret } = await issue();
    const own = await t.gql<{ wallSite: { id: string; name: string; timezone: string } }>(WALL_SITE, { s: bj }, secret);
    expect(own.errors).toBeUndefined();
    const site = (await t.gql<{ sites: Array<{ id: string; name: string; timezone: string }> }>('{ sites { id name timezone } }', {}, tokens.manager)).data!.sites.find((x) => x.id === bj)!;
    expect(own.data!.wallSite).toEqual({ id: bj, name: site.name, timezone: site.timezone });
    const other = await t.gql(WALL_SITE, { s: cd }, secret);
    expect(other.data?.wallSite ?? null).toBeNull();
    expect(other.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BOARD_TOKEN' });
    // Signed in, the same query answers for a site of the user's own.
    expect((await t.gql<{ wallSite: { name: string } }>(WALL_SITE, { s: bj }, tokens.wang)).data!.wallSite.name).toBe(site.name);
    // Over the socket too: the query is allowed, the site still its own.
    const s = await socket(wsUrl, secret);
    await until(() => s.messages.some((m) => m.type === 'connection_ack'));
    s.ws.send(JSON.stringify({ id: 'w', type: 'subscribe', payload: { query: WALL_SITE, variables: { s: bj } } }));
    s.ws.send(JSON.stringify({ id: 'x', type: 'subscribe', payload: { query: 'query($s: ID!) { wallSite(siteId: $s) { name } rotationBoard(siteId: $s) { seq } }', variables: { s: bj } } }));
    await until(() => s.messages.some((m) => m.id === 'w' && m.type === 'next') && s.messages.some((m) => m.id === 'x' && m.type === 'error'));
    expect(s.messages.find((m) => m.id === 'w' && m.type === 'next').payload.data.wallSite.name).toBe(site.name);
    expect(s.messages.find((m) => m.id === 'x').payload[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BOARD_TOKEN' });
    s.ws.close();
  });

  it('issue 16: a token is refused mutations, other sites and every other query (FORBIDDEN, reason BOARD_TOKEN)', async () => {
    const { secret } = await issue();
    const refusals = [
      await t.gql(WALK_IN, { s: bj, i: { kind: 'NEW' } }, secret),
      await t.gql(BOARD, { s: cd }, secret),
      await t.gql('{ sites { id } }', {}, secret),
      await t.gql('{ me { id } }', {}, secret),
      await t.gql(LIST, { s: bj }, secret),
      await t.gql(ISSUE, { s: bj, l: 'more' }, secret),
      await t.gql('query($s: ID!) { rotationHistory(siteId: $s, limit: 5) { hasMore } }', { s: bj }, secret),
    ];
    for (const r of refusals) {
      expect(r.data?.[Object.keys(r.data ?? {})[0]] ?? null).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BOARD_TOKEN' });
    }
    // A secret of the right shape that was never issued is nobody.
    const forged = await t.gql(BOARD, { s: bj }, `rbt_${'A'.repeat(43)}`);
    expect(forged.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('issue 16: the board subscription with a token receives changes privately; other subscriptions are refused; revoking closes it (4403) and refuses the token', async () => {
    const issued = await issue();
    const s = await socket(wsUrl, issued.secret);
    await until(() => s.messages.some((m) => m.type === 'connection_ack'));
    s.ws.send(JSON.stringify({ id: 'n', type: 'subscribe', payload: { query: 'subscription { accountChanged { signedOut } }' } }));
    await until(() => s.messages.some((m) => m.id === 'n' && m.type === 'error'));
    expect(s.messages.find((m) => m.id === 'n').payload[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BOARD_TOKEN' });
    s.ws.send(JSON.stringify({ id: 'b', type: 'subscribe', payload: { query: `subscription($s: ID!) { rotationBoard(siteId: $s) { ${BOARD_FIELDS} } }`, variables: { s: bj } } }));
    const boards = () => s.messages.filter((m) => m.id === 'b' && m.type === 'next').map((m) => m.payload.data.rotationBoard as Board);
    await until(() => boards().length === 1);
    await walkIn();
    await until(() => boards().length === 2);
    expect(boards()[1].seq).toBeGreaterThan(boards()[0].seq);
    expect(boards()[1].receptions.length).toBe(boards()[0].receptions.length + 1);
    boards().forEach(expectPrivate);

    const revoked = await t.gql<{ revokeBoardToken: { revokedAt: string | null; revokedByName: string } }>(REVOKE, { id: issued.token.id }, tokens.manager);
    expect(revoked.data!.revokeBoardToken).toMatchObject({ revokedByName: '周经理' });
    expect(revoked.data!.revokeBoardToken.revokedAt).not.toBeNull();
    expect(await s.closed).toBe(4403);
    expect((await t.gql(BOARD, { s: bj }, issued.secret)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const again = await socket(wsUrl, issued.secret);
    expect(await again.closed).toBe(4403);
    const list = await t.gql<{ boardTokens: Array<{ id: string; revokedAt: string | null; lastUsedAt: string | null }> }>(LIST, { s: bj }, tokens.manager);
    const row = list.data!.boardTokens.find((b) => b.id === issued.token.id)!;
    expect(row.revokedAt).not.toBeNull();
    expect(row.lastUsedAt).not.toBeNull();
  });
});
