import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { startServer, type RunningServer } from '../support/server.js';

// Issue 14: what an attacker tried against a production start, each refused on HTTP and on
// WebSocket, on SQLite and MariaDB, and nothing written. Runs the built server (pnpm build).

type Gql = { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };

const kinds: Array<'sqlite' | 'mariadb'> = ['sqlite', ...((await mariadbAvailable()) ? (['mariadb'] as const) : [])];

/** A raw graphql-transport-ws connection: every message and the close code. */
class Socket {
  readonly messages: any[] = [];
  closeCode: number | null = null;
  readonly closed: Promise<number>;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.messages.push(JSON.parse(String(d))));
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve((this.closeCode = code))));
    ws.on('error', () => undefined);
  }
  static async open(wsUrl: string, token: string): Promise<Socket> {
    const s = new Socket(new WebSocket(wsUrl, 'graphql-transport-ws'));
    await new Promise<void>((resolve, reject) => {
      s.ws.once('open', () => resolve());
      s.ws.once('error', reject);
    });
    s.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await s.until((m) => m.type === 'connection_ack');
    return s;
  }
  send(id: string, query: string, variables: Record<string, unknown> = {}) {
    this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }
  async until(pred: (m: any) => boolean, ms = 10_000): Promise<any> {
    const end = Date.now() + ms;
    for (;;) {
      const m = this.messages.find(pred);
      if (m) return m;
      if (this.closeCode !== null || Date.now() > end) throw new Error(`no such message (closed ${this.closeCode}): ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** A query or mutation over the socket: its result (errors included). */
  async run(id: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql> {
    this.send(id, query, variables);
    const m = await this.until((x) => x.id === id && (x.type === 'next' || x.type === 'error'));
    return m.type === 'error' ? { errors: m.payload } : m.payload;
  }
  close() {
    this.ws.close();
  }
}

describe.each(kinds)('hostile probes against a production start on %s', (kind) => {
  let server: RunningServer;
  let drop: (() => Promise<void>) | undefined;
  const post = async (query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<Gql> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Gql;
  };
  const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
  let n = 0;
  // Each sign-in from its own address (TRUST_PROXY), so the per-address limit is tested alone.
  const signIn = (username: string, password = 'demo1234', address = `10.9.${Math.floor(++n / 250)}.${n % 250}`) =>
    post(LOGIN, { i: { username, password } }, undefined, { 'x-forwarded-for': address });
  const token = async (username: string) => {
    const r = await signIn(username);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.login.token as string;
  };
  let admin: string;
  let bj: string;

  beforeAll(async () => {
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      JWT_SECRET: 'hostile-secret-hostile-secret-hostile-0123',
      DEMO_DATA: 'true',
      TRUST_PROXY: 'true',
      LOGIN_ACCOUNT_FAILURES: '3',
      LOGIN_ADDRESS_LIMIT: '5',
      LOOKUP_LIMIT_CONSULTANT: '3',
      LOOKUP_LIMIT_DESK: '60',
      WS_MAX_SUBSCRIPTIONS: '5',
      WS_MAX_SOCKETS_PER_USER: '3',
    };
    if (kind === 'mariadb') {
      const db = await createMariadbDatabase();
      drop = db.drop;
      env.DATABASE_URL = db.url;
    }
    server = await startServer({ env });
    admin = await token('admin');
    bj = (await post('{ sites { id code } }', {}, admin)).data.sites.find((s: { code: string }) => s.code === 'BJ').id;
  });
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  it('demo data in production only when asked, with a loud warning', () => {
    expect(server.output()).toMatch(/WARNING: DEMO_DATA=true in production/);
  });

  const ALIASES = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: sites { id }`).join(' ')} }`;
  const TOKENS = `{ ${Array.from({ length: 2500 }, () => '__typename').join(' ')} }`;
  const DIRECTIVES = `{ me { id ${Array.from({ length: 25 }, () => '@include(if: true)').join(' ')} } }`;

  it('limits: 16 aliases, too many tokens, too many directives, introspection and suggestions are refused on HTTP and WebSocket alike', async () => {
    const ws = await Socket.open(server.wsUrl, admin);
    const probes: Array<[string, string, RegExp]> = [
      ['aliases', ALIASES, /alias/i],
      ['tokens', TOKENS, /token/i],
      ['directives', DIRECTIVES, /directive/i],
      ['introspection', '{ __schema { types { name } } }', /introspection/i],
    ];
    for (const [name, query, message] of probes) {
      const http = await post(query, {}, admin);
      const viaWs = await ws.run(name, query);
      for (const r of [http, viaWs]) {
        expect(r.data ?? null, name).toBeNull();
        expect(r.errors?.[0].message, name).toMatch(message);
      }
    }
    const typo = '{ mee { id } }';
    for (const r of [await post(typo, {}, admin), await ws.run('typo', typo)]) {
      expect(r.errors?.[0].message).toMatch(/Cannot query field "mee"/);
      expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
    }
    // 15 aliases still work.
    const fifteen = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: sites { id }`).join(' ')} }`;
    expect((await post(fifteen, {}, admin)).errors).toBeUndefined();
    ws.close();
  });

  it('WebSocket: a message of 100 KB closes the socket (1009); subscriptions per socket and sockets per user are capped', async () => {
    const big = await Socket.open(server.wsUrl, admin);
    big.ws.send(JSON.stringify({ id: 'x', type: 'subscribe', payload: { query: `{ me { id } } #${'x'.repeat(100_000)}` } }));
    expect(await big.closed).toBe(1009);

    const s = await Socket.open(server.wsUrl, admin);
    for (let i = 0; i < 5; i++) s.send(`s${i}`, 'subscription { accountChanged { signedOut } }');
    s.send('s5', 'subscription { accountChanged { signedOut } }');
    const refused = await s.until((m) => m.id === 's5' && m.type === 'error');
    expect(refused.payload[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(s.messages.filter((m) => m.type === 'error' && m.id !== 's5')).toEqual([]);

    const more = [await Socket.open(server.wsUrl, admin), await Socket.open(server.wsUrl, admin)];
    // A fourth socket of this user (s is the oldest): the oldest makes way.
    const fourth = await Socket.open(server.wsUrl, admin);
    expect(await s.closed).toBe(4429);
    for (const x of [...more, fourth]) x.close();
  });

  it('sign-in: an account locks after repeated failures (refused even with the right password) until an administrator lifts it', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('li', 'wrong-password')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const locked = await signIn('li');
    expect(locked.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ACCOUNT_LOCKED' });
    const users = (await post('{ users { id username signInLockedUntil } }', {}, admin)).data.users;
    const li = users.find((u: { username: string }) => u.username === 'li');
    expect(li.signInLockedUntil).toBeTruthy();
    const ws = await Socket.open(server.wsUrl, admin);
    expect((await ws.run('unlock', 'mutation($id: ID!) { unlockUser(id: $id) { id } }', { id: li.id })).errors).toBeUndefined();
    ws.close();
    expect((await signIn('li')).data.login.token).toBeTruthy();
  });

  it('sign-in: failures from one address are limited over every account, before hashing', async () => {
    const address = '10.66.66.66';
    for (let i = 0; i < 5; i++) await signIn(`nobody${i}`, 'wrong-password', address);
    const r = await signIn('zhang', 'demo1234', address);
    expect(r.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ADDRESS_LIMITED' });
    expect((await signIn('zhang', 'demo1234', '10.66.66.67')).data.login.token).toBeTruthy();
  });

  it('O9: phone lookups by a consultant are limited on HTTP and WebSocket; the burst is refused, writes nothing, and the manager is told', async () => {
    const wang = await token('wang');
    const manager = await token('manager');
    const total = async () => (await post('query($s: ID!) { customers(siteId: $s) { total } }', { s: bj }, manager)).data.customers.total;
    const before = await total();
    const LOOKUP = 'query($s: ID!, $q: String!) { customerLookup(siteId: $s, query: $q) { id } }';
    const ws = await Socket.open(server.wsUrl, wang);
    expect((await post(LOOKUP, { s: bj, q: '13700000001' }, wang)).errors).toBeUndefined();
    expect((await ws.run('l2', LOOKUP, { s: bj, q: '13700000002' })).errors).toBeUndefined();
    expect((await post(LOOKUP, { s: bj, q: '13700000003' }, wang)).errors).toBeUndefined();
    const refusedWs = await ws.run('l4', LOOKUP, { s: bj, q: '13700000004' });
    const refusedHttp = await post('mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { match } }', { s: bj, i: { name: '试探', phone: '13700000005' } }, wang);
    for (const r of [refusedWs, refusedHttp]) expect(r.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'LOOKUP_LIMITED' });
    expect(await total()).toBe(before);
    const notes = (await post('{ notifications { rows { kind params } } }', {}, manager)).data.notifications.rows;
    expect(notes.filter((x: { kind: string }) => x.kind === 'LOOKUP_BURST')).toHaveLength(1);
    ws.close();
  });

  it('O9: corrections by a consultant count as phone lookups on HTTP and WebSocket; the burst is refused, writes nothing, and the manager is told', async () => {
    // A correction takes a phone: without the guard a consultant could try number after number.
    const desk = await token('desk');
    const zhang = await token('zhang');
    const manager = await token('manager');
    const zhangId = (await post('{ users { id username } }', {}, admin)).data.users.find((u: { username: string }) => u.username === 'zhang').id;
    const REGISTER = 'mutation($s: ID!, $i: RegisterCustomerInput!) { registerCustomer(siteId: $s, input: $i) { registrationId customer { id } } }';
    const regs: Array<{ registrationId: string; customerId: string }> = [];
    for (let i = 0; i < 5; i++) {
      const r = await post(REGISTER, { s: bj, i: { name: `更正${i}`, phone: `1360000100${i}`, consultantId: zhangId } }, desk);
      expect(r.errors).toBeUndefined();
      regs.push({ registrationId: r.data.registerCustomer.registrationId, customerId: r.data.registerCustomer.customer.id });
    }
    const registrations = async (customerId: string) =>
      (await post('query($id: ID!) { customer(id: $id) { registrations { id } } }', { id: customerId }, manager)).data.customer.registrations.length;
    const CORRECT = 'mutation($id: ID!, $n: String!, $p: String!) { correctRegistration(id: $id, name: $n, phone: $p) { id } }';
    const ws = await Socket.open(server.wsUrl, zhang);
    const guess = (i: number) => ({ id: regs[i].registrationId, n: `更正${i}`, p: `1370000200${i}` });
    expect((await post(CORRECT, guess(0), zhang)).errors).toBeUndefined();
    expect((await ws.run('c1', CORRECT, guess(1))).errors).toBeUndefined();
    expect((await post(CORRECT, guess(2), zhang)).errors).toBeUndefined();
    const refusedWs = await ws.run('c3', CORRECT, guess(3));
    const refusedHttp = await post(CORRECT, guess(4), zhang);
    for (const r of [refusedWs, refusedHttp]) expect(r.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'LOOKUP_LIMITED' });
    // Nothing written for the refused ones: each still has its single registration.
    expect(await registrations(regs[3].customerId)).toBe(1);
    expect(await registrations(regs[4].customerId)).toBe(1);
    expect(await registrations(regs[0].customerId)).toBe(2);
    const notes = (await post('{ notifications { rows { kind params } } }', {}, manager)).data.notifications.rows;
    expect(notes.filter((x: { kind: string; params: { userId: unknown } }) => x.kind === 'LOOKUP_BURST' && String(x.params.userId) === String(zhangId))).toHaveLength(1);
    ws.close();
  });

  it('rights change at once: a role change, a logout and a password change close the sockets opened before (4403)', async () => {
    const chen = await token('chen');
    const chenWs = await Socket.open(server.wsUrl, chen);
    const users = (await post('{ users { id username } }', {}, admin)).data.users;
    const chenId = users.find((u: { username: string }) => u.username === 'chen').id;
    await post('mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }', { id: chenId, i: { roles: ['CONSULTANT', 'MANAGER'] } }, admin);
    expect(await chenWs.closed).toBe(4403);

    const yang = await token('yang');
    const yangWs = await Socket.open(server.wsUrl, yang);
    expect((await post('mutation { logout }', {}, yang)).data.logout).toBe(true);
    expect(await yangWs.closed).toBe(4403);

    const liu = await token('liu');
    const liuOther = await token('liu');
    const otherWs = await Socket.open(server.wsUrl, liuOther);
    const r = await post('mutation($i: ChangePasswordInput!) { changeMyPassword(input: $i) }', { i: { currentPassword: 'demo1234', newPassword: 'a-new-password-1' } }, liu);
    expect(r.errors).toBeUndefined();
    expect(await otherWs.closed).toBe(4403);
  });

  it('security headers: CSP with frame-ancestors none, nosniff, Referrer-Policy; no HSTS over plain HTTP', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const https = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('every GraphQL answer is per user: Cache-Control no-store, so no proxy or browser cache keeps it', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
