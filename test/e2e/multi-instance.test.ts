import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startInstances, type Instances, type RunningServer } from '../support/server.js';

const available = await mariadbAvailable();

// Two server processes on loopback sharing one MariaDB database and Redis: a change made
// through one instance reaches a subscriber connected to the other.
describe.skipIf(!available)('two instances sharing MariaDB and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let a: RunningServer;
  let b: RunningServer;
  let cluster: Instances;
  beforeAll(async () => {
    db = await createMariadbDatabase();
    cluster = await startInstances(2, { env: { DATABASE_URL: db.url } });
    [a, b] = cluster.servers;
  });
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
  });

  it('a token from instance A works on instance B', async () => {
    const token = await login(a.url, 'wang');
    const r = await gql<{ me: { username: string } }>(b.url, '{ me { username } }', {}, token);
    expect(r.data?.me.username).toBe('wang');
  });

  it('issue 16: a board token issued on A follows the board on B; revoking it on A closes its socket on B (4403)', async () => {
    const manager = await login(a.url, 'manager');
    const desk = await login(a.url, 'desk');
    const site = (await gql<{ sites: Array<{ id: string; code: string }> }>(a.url, '{ sites { id code } }', {}, manager)).data!.sites.find((x) => x.code === 'BJ')!.id;
    const issued = await gql<{ issueBoardToken: { secret: string; token: { id: string } } }>(
      a.url,
      'mutation($s: ID!) { issueBoardToken(siteId: $s, label: "B wall") { secret token { id } } }',
      { s: site },
      manager,
    );
    const { secret, token } = issued.data!.issueBoardToken;
    const ws = new WebSocket(b.wsUrl, 'graphql-transport-ws');
    const messages: Array<{ type: string; id?: string; payload?: any }> = [];
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${secret}` } }));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(check()).toBe(true);
    };
    await until(() => messages.some((m) => m.type === 'connection_ack'));
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription($s: ID!) { rotationBoard(siteId: $s) { seq receptions { customerName } } }', variables: { s: site } } }));
    const boards = () => messages.filter((m) => m.type === 'next').map((m) => m.payload.data.rotationBoard as { seq: number; receptions: Array<{ customerName: string | null }> });
    await until(() => boards().length === 1);
    // B joins the Redis channel with no message to tell: walk-ins through A until one arrives.
    for (let i = 0; i < 20 && boards().length < 2; i++) {
      const r = await gql(a.url, 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: NEW, customerName: "跨实例" }) { seq } }', { s: site }, desk);
      expect(r.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 100));
    }
    await until(() => boards().length >= 2);
    expect(boards().flatMap((x) => x.receptions).every((r) => r.customerName === null)).toBe(true);
    await gql(a.url, 'mutation($id: ID!) { revokeBoardToken(id: $id) { id } }', { id: token.id }, manager);
    expect(await closed).toBe(4403);
  });

  it('a subscriber on B hears a change made through A (Redis carries the event)', async () => {
    const admin = await login(a.url, 'admin');
    const token = await login(b.url, 'zhang');
    const id = (await gql<{ me: { id: string } }>(b.url, '{ me { id } }', {}, token)).data!.me.id;
    const client = createClient({ url: b.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const got = new Promise<string>((resolve, reject) => {
      client.subscribe<{ accountChanged: { user: { displayName: string } } }>(
        { query: 'subscription { accountChanged { user { displayName } } }' },
        { next: (m) => resolve(m.data!.accountChanged.user.displayName), error: reject, complete: () => {} },
      );
    });
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    await new Promise((r) => setTimeout(r, 200));
    await gql(a.url, 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "张伟（B）" }) { id } }', { id }, admin);
    expect(await got).toBe('张伟（B）');
    client.dispose();
  });

  it('P1: an approver subscribed on B is told of a request made through A (myNotifications over Redis)', async () => {
    const wang = await login(a.url, 'wang');
    const manager = await login(b.url, 'manager');
    const site = (await gql<{ sites: Array<{ id: string; code: string }> }>(a.url, '{ sites { id code } }', {}, wang)).data!.sites.find((x) => x.code === 'BJ')!.id;
    const depts = (await gql<{ departments: Array<{ id: string; name: string }> }>(a.url, '{ departments { id name } }', {}, wang)).data!.departments;
    const categories = (await gql<{ categories: Array<{ id: string; code: string }> }>(a.url, '{ categories { id code } }', {}, wang)).data!.categories;
    const client = createClient({ url: b.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${manager}` }, retryAttempts: 0 });
    const got = new Promise<{ kind: string; appointmentId: string }>((resolve, reject) => {
      client.subscribe<{ myNotifications: { kind: string; appointmentId: string } }>(
        { query: 'subscription { myNotifications { kind appointmentId } }' },
        { next: (m) => resolve(m.data!.myNotifications), error: reject, complete: () => {} },
      );
    });
    // The subscription is live once B has joined the Redis channel, which no message tells: request
    // until one notification arrives, then check it names one of these requests.
    const requested: string[] = [];
    let heard: { kind: string; appointmentId: string } | undefined;
    void got.then((n) => (heard = n));
    for (let i = 0; i < 20 && !heard; i++) {
      const start = Date.now() + (10 + i) * 24 * 3600_000;
      const r = await gql<{ requestAppointment: { id: string } }>(
        a.url,
        'mutation($s: ID!, $i: AppointmentRequestInput!) { requestAppointment(siteId: $s, input: $i) { id } }',
        {
          s: site,
          i: {
            categoryId: categories.find((c) => c.code === 'D')!.id,
            purpose: `multi-instance ${i}`,
            visitorCompany: 'Loopback Ltd',
            headcount: 2,
            hosts: 1,
            startAt: new Date(start).toISOString(),
            endAt: new Date(start + 3600_000).toISOString(),
            // 滨江销售部 has no head: the site's managers decide.
            leadDepartmentId: depts.find((d) => d.name === '滨江销售部')!.id,
          },
        },
        wang,
      );
      expect(r.errors).toBeUndefined();
      requested.push(r.data!.requestAppointment.id);
      await Promise.race([got, new Promise((resolve) => setTimeout(resolve, 250))]);
    }
    const n = await got;
    expect(n.kind).toBe('APPROVAL_REQUESTED');
    expect(requested).toContain(n.appointmentId);
    client.dispose();
  });
});
