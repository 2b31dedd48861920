import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startInstances, startServer, type Instances, type RunningServer } from '../support/server.js';

// SPEC section 6: the board updates live, and after a lost connection it catches up without
// missing or repeating a change. Real server processes, real graphql-ws clients.

interface BoardMessage {
  seq: number;
  events: Array<{ seq: number; type: string }>;
}

const SUBSCRIPTION = 'subscription($s: ID!, $after: Int) { rotationBoard(siteId: $s, afterSeq: $after) { seq events { seq type } } }';
const WALK_IN = 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: ASKING_WAY }) { seq } }';

/** A rotationBoard subscription whose messages are taken one at a time, in arrival order. */
function watchBoard(wsUrl: string, token: string, siteId: string, afterSeq: number | null) {
  const client: Client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: BoardMessage[] = [];
  const waiters: Array<() => void> = [];
  let failure: unknown = null;
  client.subscribe<{ rotationBoard: BoardMessage }>(
    { query: SUBSCRIPTION, variables: { s: siteId, after: afterSeq } },
    {
      next: (m) => {
        if (m.errors) failure = m.errors;
        else received.push(m.data!.rotationBoard);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        failure = e;
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => {},
    },
  );
  let taken = 0;
  return {
    /** The next message (waits for it). */
    async next(): Promise<BoardMessage> {
      while (received.length <= taken) {
        if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return received[taken++];
    },
    /** Messages until one reaches `seq`. */
    async until(seq: number): Promise<BoardMessage[]> {
      const out: BoardMessage[] = [];
      for (;;) {
        const m = await this.next();
        out.push(m);
        if (m.seq >= seq) return out;
      }
    },
    /** Everything received, taken or not. */
    all: () => received,
    dispose: () => client.dispose(),
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The event seqs a run of messages carried, in order. */
const carried = (ms: BoardMessage[]) => ms.flatMap((m) => m.events.map((e) => e.seq));

async function siteBJ(url: string, token: string): Promise<string> {
  const sites = (await gql<{ sites: Array<{ id: string; code: string }> }>(url, '{ sites { id code } }', {}, token)).data!.sites;
  return sites.find((s) => s.code === 'BJ')!.id;
}

describe('SPEC 6: the live board over WebSocket', () => {
  let server: RunningServer;
  let desk: string;
  let manager: string;
  let bj: string;
  beforeAll(async () => {
    server = await startServer();
    desk = await login(server.url, 'desk');
    manager = await login(server.url, 'manager');
    bj = await siteBJ(server.url, manager);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A change that always succeeds whatever the floor: someone asking the way (R6). */
  const change = async () => {
    const r = await gql<{ recordWalkIn: { seq: number } }>(server.url, WALK_IN, { s: bj }, desk);
    expect(r.errors).toBeUndefined();
    return r.data!.recordWalkIn.seq;
  };

  it('sends the current board, then every change exactly once in seq order; a reconnect with afterSeq gets exactly the missed events, then live changes without repeats', async () => {
    const live = watchBoard(server.wsUrl, manager, bj, null);
    const first = await live.next();
    const s0 = first.seq;
    expect(first.events).toEqual([]);

    const made: number[] = [];
    for (let i = 0; i < 4; i++) made.push(await change());
    expect(made).toEqual(range(s0 + 1, s0 + 4));
    const messages = await live.until(s0 + 4);
    // One message per change, each carrying its own event, in order.
    expect(messages.map((m) => m.seq)).toEqual(made);
    expect(messages.map((m) => carried([m]))).toEqual(made.map((s) => [s]));
    expect(messages.every((m) => m.events[0].type === 'WALK_IN_RECORDED')).toBe(true);
    live.dispose();
    const lastSeen = messages[messages.length - 1].seq;

    // Disconnected: three changes happen meanwhile.
    const missed = [await change(), await change(), await change()];
    const again = watchBoard(server.wsUrl, manager, bj, lastSeen);
    const catchUp = await again.next();
    expect(catchUp.seq).toBe(missed[2]);
    expect(carried([catchUp])).toEqual(missed);
    // Then live again, without repeating anything.
    const more = [await change(), await change()];
    const after = await again.until(more[1]);
    expect(carried(after)).toEqual(more);
    expect(again.all().map((m) => m.seq)).toEqual([missed[2], ...more]);
    again.dispose();
  });

  it('a client already at the head gets no stale board first: its first message is exactly the next change', async () => {
    const head = await change();
    const client = watchBoard(server.wsUrl, manager, bj, head);
    // Made while the subscription starts: the first message must carry exactly this change.
    const next = client.next();
    const seq = await change();
    const m = await next;
    // Either the catch-up (if the change landed before the subscription read the head) or
    // the live message: both carry exactly the one change.
    expect(m.seq).toBe(seq);
    expect(carried([m])).toEqual([seq]);
    client.dispose();
  });

  it('a bad token closes the socket with 4403 and no board is sent', async () => {
    const code = await new Promise<number>((resolve) => {
      const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer not.a.token' }, retryAttempts: 0 });
      client.on('closed', (e) => resolve((e as { code: number }).code));
      client.subscribe({ query: SUBSCRIPTION, variables: { s: bj, after: null } }, { next: () => resolve(-1), error: () => {}, complete: () => {} });
    });
    expect(code).toBe(4403);
  });

  it('a consultant of another site cannot watch this board (FORBIDDEN)', async () => {
    const yang = await login(server.url, 'yang');
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${yang}` }, retryAttempts: 0 });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: SUBSCRIPTION, variables: { s: bj, after: null } },
        { next: (m) => resolve(m.errors ?? m.data), error: (e) => resolve(e), complete: () => resolve('complete') },
      );
    });
    client.dispose();
    expect(JSON.stringify(outcome)).toContain('FORBIDDEN');
  });
});

const available = await mariadbAvailable();

describe.skipIf(!available)('SPEC 6: a subscriber on instance B hears changes made through instance A (MariaDB + Redis)', () => {
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

  it('every change made through A reaches the subscriber on B once, in order; a reconnect to B catches up what A did meanwhile', async () => {
    const desk = await login(a.url, 'desk');
    const manager = await login(b.url, 'manager');
    const bj = await siteBJ(a.url, desk);
    const change = async () => {
      const r = await gql<{ recordWalkIn: { seq: number } }>(a.url, WALK_IN, { s: bj }, desk);
      expect(r.errors).toBeUndefined();
      return r.data!.recordWalkIn.seq;
    };
    const live = watchBoard(b.wsUrl, manager, bj, null);
    const s0 = (await live.next()).seq;
    const made: number[] = [];
    for (let i = 0; i < 5; i++) made.push(await change());
    expect(made).toEqual(range(s0 + 1, s0 + 5));
    // Redis may deliver the very first change before B's channel subscription is confirmed;
    // then B fills the gap from the log. Either way: every event once, in order.
    const got = await live.until(made[4]);
    expect(carried(got)).toEqual(made);
    live.dispose();

    const missed = [await change(), await change(), await change()];
    const again = watchBoard(b.wsUrl, manager, bj, made[4]);
    const catchUp = await again.next();
    expect(carried([catchUp])).toEqual(missed);
    const more = [await change(), await change()];
    expect(carried(await again.until(more[1]))).toEqual(more);
    again.dispose();
  });
});
