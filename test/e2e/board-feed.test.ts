import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createMariadbDatabase, mariadbAvailable } from '../support/mariadb.js';
import { gql, login, startInstances, startServer, type Instances, type RunningServer } from '../support/server.js';

// Issue 17: a dashboard on the change feed (rotationBoardFeed) holds exactly the board a fresh
// rotationBoard query gives, after a burst of concurrent changes and after a reconnect with
// afterSeq. Real server processes, real graphql-ws clients.

const P = 'id displayName';
const RECEPTION = `id kind customerName customerId phoneMasked partySize unitsAsked consultant { ${P} } owner { ${P} } status arrivedAt startedAt endedAt
  counted credit { consultant { ${P} } share } rule explanation secondApproved nonBuyer sameDayDeal`;
const CONSULTANT = `consultant { ${P} } state position since inShift shiftStart shiftEnd phoneDuty next busyWith { ${RECEPTION} } priorityMakeUps makeUps counted reinstatable`;
const ALERT = `id kind at receptionId consultant { ${P} } params`;
const BOARD = `siteId seq day at round atDoor { ${P} } phoneDuty { ${P} } upNext { ${P} } consultants { ${CONSULTANT} } waiting { ${RECEPTION} }
  receptions { ${RECEPTION} } walkInsByKind { kind count } alerts { ${ALERT} } events { seq }`;
const rows = (row: string) => `removed upserted { index row { ${row} } }`;
const CHANGE = `siteId seq baseSeq day at round atDoor { ${P} } phoneDuty { ${P} } upNext { ${P} } walkInsByKind { kind count }
  consultants { ${rows(CONSULTANT)} } waiting { ${rows(RECEPTION)} } receptions { ${rows(RECEPTION)} } alerts { ${rows(ALERT)} } events { seq }`;
const FEED = `subscription($s: ID!, $after: Int) { rotationBoardFeed(siteId: $s, afterSeq: $after) { seq baseSeq complete board { ${BOARD} } change { ${CHANGE} } } }`;
const QUERY = `query($s: ID!) { rotationBoard(siteId: $s) { ${BOARD} } }`;
const WALK_IN = 'mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { seq } }';

type Row = Record<string, unknown>;
type Board = Record<string, unknown> & { seq: number; events: Array<{ seq: number }> };
interface RowsChange {
  removed: string[];
  upserted: Array<{ index: number; row: Row }>;
}
type Change = Record<string, unknown> & { seq: number; baseSeq: number; events: Array<{ seq: number }> };
interface Message {
  seq: number;
  baseSeq: number | null;
  complete: boolean;
  board: Board | null;
  change: Change | null;
}

const LISTS: Record<string, (r: Row) => string> = {
  consultants: (c) => String((c.consultant as Row).id),
  waiting: (r) => String(r.id),
  receptions: (r) => String(r.id),
  alerts: (a) => String(a.id),
};

/** The client's side of the feed, written from its description (independent of the server's code). */
function apply(board: Board, change: Change): Board {
  const out: Board = { ...board };
  for (const [k, v] of Object.entries(change)) if (!(k in LISTS) && k !== 'baseSeq') out[k] = v;
  for (const [list, key] of Object.entries(LISTS)) {
    const c = change[list] as RowsChange;
    const drop = new Set([...c.removed, ...c.upserted.map((u) => key(u.row))]);
    const next = (board[list] as Row[]).filter((r) => !drop.has(key(r)));
    for (const u of c.upserted) next.splice(u.index, 0, u.row);
    out[list] = next;
  }
  return out;
}

/** A dashboard on the feed: `board` is the last whole board; `gaps` counts changes that did not apply. */
function dashboard(wsUrl: string, token: string, siteId: string, afterSeq: number | null) {
  const client: Client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const state = { board: null as Board | null, held: null as Board | null, gaps: 0, wholeBoards: 0, changes: 0, covered: 0, failure: null as unknown };
  client.subscribe<{ rotationBoardFeed: Message }>(
    { query: FEED, variables: { s: siteId, after: afterSeq } },
    {
      next: (m) => {
        if (m.errors) return void (state.failure = m.errors);
        const msg = m.data!.rotationBoardFeed;
        if (msg.board) {
          state.held = msg.board;
          state.wholeBoards++;
        } else if (state.held && msg.change!.baseSeq === state.held.seq) {
          state.held = apply(state.held, msg.change!);
          if (msg.change!.baseSeq !== msg.seq) state.changes++;
          // The seqs a change moves the board over: a batch of commands comes as one change.
          state.covered += msg.seq - msg.change!.baseSeq;
        } else state.gaps++;
        if (msg.complete) state.board = state.held;
      },
      error: (e) => void (state.failure = e),
      complete: () => {},
    },
  );
  return { state, dispose: () => client.dispose() };
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** The board without what a later query reads differently: its time and the events of the change. */
const comparable = (b: Board | null) => (b ? { ...b, at: undefined, events: undefined } : null);

async function siteBJ(url: string, token: string): Promise<string> {
  const sites = (await gql<{ sites: Array<{ id: string; code: string }> }>(url, '{ sites { id code } }', {}, token)).data!.sites;
  return sites.find((s) => s.code === 'BJ')!.id;
}

/** A burst of concurrent walk-ins (some wait, some ask the way); the highest seq answered. */
async function burst(url: string, desk: string, siteId: string, n: number, tag: string): Promise<number> {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      gql<{ recordWalkIn: { seq: number } }>(url, WALK_IN, { s: siteId, i: i % 4 === 3 ? { kind: 'ASKING_WAY' } : { kind: 'NEW', customerName: `${tag}${i}` } }, desk),
    ),
  );
  for (const a of answers) expect(a.errors).toBeUndefined();
  return Math.max(...answers.map((a) => a.data!.recordWalkIn.seq));
}

async function expectSame(url: string, token: string, siteId: string, d: ReturnType<typeof dashboard>, seq: number) {
  await until(() => (d.state.board?.seq ?? 0) >= seq || d.state.failure !== null, `seq ${seq}`);
  expect(d.state.failure).toBeNull();
  const fresh = (await gql<{ rotationBoard: Board }>(url, QUERY, { s: siteId }, token)).data!.rotationBoard;
  expect(fresh.seq).toBe(d.state.board!.seq);
  expect(comparable(d.state.board)).toEqual(comparable(fresh));
}

describe('issue 17: a dashboard on the change feed over WebSocket', () => {
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

  it('stays identical to a fresh rotationBoard query after a burst and after a reconnect with afterSeq', async () => {
    const live = dashboard(server.wsUrl, manager, bj, null);
    await until(() => live.state.board !== null, 'the first board');
    await expectSame(server.url, manager, bj, live, await burst(server.url, desk, bj, 40, '突发'));
    expect(live.state).toMatchObject({ gaps: 0, wholeBoards: 1 });
    // Every walk-in reached it in a change (a group-committed batch is one change of several seqs).
    expect(live.state.changes).toBeGreaterThan(0);
    expect(live.state.covered).toBeGreaterThanOrEqual(40);
    const lastSeen = live.state.board!.seq;
    live.dispose();

    // Disconnected during a burst; back with afterSeq: a whole board, then changes again.
    const head = await burst(server.url, desk, bj, 20, '断线');
    const again = dashboard(server.wsUrl, manager, bj, lastSeen);
    await expectSame(server.url, manager, bj, again, head);
    await expectSame(server.url, manager, bj, again, await burst(server.url, desk, bj, 20, '重连'));
    expect(again.state).toMatchObject({ gaps: 0, wholeBoards: 1 });
    again.dispose();
  });
});

const available = await mariadbAvailable();

describe.skipIf(!available)('issue 17: the change feed across two instances (MariaDB + Redis)', () => {
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

  it('a dashboard on B replays every change made through A and B in a burst to exactly the board B serves', async () => {
    const deskA = await login(a.url, 'desk');
    const deskB = await login(b.url, 'desk');
    const manager = await login(b.url, 'manager');
    const bj = await siteBJ(a.url, deskA);
    const live = dashboard(b.wsUrl, manager, bj, null);
    await until(() => live.state.board !== null, 'the first board');
    const [ha, hb] = await Promise.all([burst(a.url, deskA, bj, 25, 'A'), burst(b.url, deskB, bj, 25, 'B')]);
    await expectSame(b.url, manager, bj, live, Math.max(ha, hb));
    expect(live.state.gaps).toBe(0);
    live.dispose();
  });
});
