import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { socket, until } from '../test-support/ws.js';
import { directPath } from '../platform/direct.js';
import { SiteEntity } from '../accounts/accounts.entity.js';
import { applyBoardChange } from './rotation.feed.js';
import { BOARD_CHANGED, type FloorResult } from './rotation.service.js';
import type { RotationBoardChangeView, RotationBoardFeedMessage } from './rotation.feed.types.js';
import type { RotationBoardView, RotationEventView } from './rotation.types.js';

const kinds = await databaseKinds();

// Issue 17: the board travels as changes. Over a real WebSocket, a dashboard that replays the
// change feed from its first whole board holds exactly the board a fresh query gives, at every
// seq; and a change costs the same whether 3 or 300 walk-ins wait.

const P = 'id displayName';
const RECEPTION = `id kind customerName customerId phoneMasked partySize unitsAsked consultant { ${P} } owner { ${P} } status arrivedAt startedAt endedAt
  counted credit { consultant { ${P} } share } rule explanation secondApproved nonBuyer sameDayDeal`;
const CONSULTANT = `consultant { ${P} } state position since inShift shiftStart shiftEnd phoneDuty next busyWith { ${RECEPTION} } priorityMakeUps makeUps counted reinstatable`;
const ALERT = `id kind at receptionId consultant { ${P} } params`;
const EVENT = `seq type at day actor { ${P} } actingFor { ${P} } consultant { ${P} } receptionId reason rule explanation undoable`;
const BOARD = `siteId seq day at round atDoor { ${P} } phoneDuty { ${P} } upNext { ${P} } consultants { ${CONSULTANT} } waiting { ${RECEPTION} }
  receptions { ${RECEPTION} } walkInsByKind { kind count } alerts { ${ALERT} } events { ${EVENT} }`;
const rows = (row: string) => `removed upserted { index row { ${row} } }`;
const CHANGE = `siteId seq baseSeq day at round atDoor { ${P} } phoneDuty { ${P} } upNext { ${P} } walkInsByKind { kind count }
  consultants { ${rows(CONSULTANT)} } waiting { ${rows(RECEPTION)} } receptions { ${rows(RECEPTION)} } alerts { ${rows(ALERT)} } events { ${EVENT} }`;
const FEED = `subscription($s: ID!, $after: Int) { rotationBoardFeed(siteId: $s, afterSeq: $after) { seq baseSeq complete board { ${BOARD} } change { ${CHANGE} } } }`;
const QUERY = `query($s: ID!) { rotationBoard(siteId: $s) { ${BOARD} } }`;
const HISTORY = `query($s: ID!, $limit: Int!) { rotationHistory(siteId: $s, limit: $limit) { events { ${EVENT} } } }`;

type Board = RotationBoardView;
type Socket = Awaited<ReturnType<typeof socket>>;

/** A dashboard: replays the feed's messages as the web store does; `board` is set when whole. */
function dashboard(s: Socket, id = 'f') {
  const state = { held: null as Board | null, board: null as Board | null, gaps: 0, read: 0 };
  const pump = () => {
    const feed = s.messages.filter((m) => m.id === id && m.type === 'next');
    for (; state.read < feed.length; state.read++) {
      const m = feed[state.read].payload.data.rotationBoardFeed as RotationBoardFeedMessage;
      if (m.board) state.held = m.board;
      else if (state.held && m.change!.baseSeq === state.held.seq) state.held = applyBoardChange(state.held, m.change as RotationBoardChangeView);
      else state.gaps++;
      state.board = m.complete ? state.held : state.board;
    }
    return state;
  };
  return pump;
}

/** The board without its events (a change's events are the change's, a query's none). */
const comparable = (b: Board | null) => (b ? { ...b, events: undefined } : null);

describe.each(kinds)('the board as a change feed on %s', (kind) => {
  let t: TestApp;
  let now = Date.UTC(2025, 2, 10, 4, 0);
  let dayIndex = 0;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: string;
  let wsUrl: string;
  const staff = ['wang', 'li', 'zhang', 'liu'];

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { JWT_TTL: '60d' } });
    for (const u of ['manager', 'desk', ...staff]) tokens[u] = await t.login(u);
    for (const u of ['manager', 'desk', ...staff]) id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    const sites = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, tokens.manager)).data!.sites;
    bj = sites.find((s) => s.code === 'BJ')!.id;
    wsUrl = t.url.replace(/^http/, 'ws') + '/graphql';
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newDay() {
    dayIndex += 1;
    now = Date.UTC(2025, 2, 10 + dayIndex, 2, 0);
    const rows = staff.flatMap((u) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId: id[u], weekday, startTime: '09:00', endTime: '21:00' })));
    const r = await t.gql('mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }', { s: bj, rows }, tokens.manager);
    expect(r.errors).toBeUndefined();
  }

  /** A floor action 20 s after the last; the new seq, or null when the floor refused it. */
  async function act(as: string, mutation: string, vars: Record<string, unknown>): Promise<number | null> {
    now += 20_000;
    const r = await t.gql<Record<string, { seq: number }>>(`mutation($s: ID!${mutation}`, { s: bj, ...vars }, tokens[as]);
    return r.errors ? null : Object.values(r.data!)[0].seq;
  }
  const WALK_IN = ', $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { seq } }';
  const END = ', $r: ID!) { endReception(siteId: $s, receptionId: $r) { seq } }';
  const CHECK_IN = ', $c: ID) { checkIn(siteId: $s, consultantId: $c) { seq } }';
  const GO_AWAY = ', $c: ID) { goAway(siteId: $s, consultantId: $c) { seq } }';
  const CHECK_OUT = ', $c: ID) { checkOut(siteId: $s, consultantId: $c) { seq } }';
  const ABSENT = ', $c: ID!) { markAbsent(siteId: $s, consultantId: $c) { seq } }';
  const SKIP = ', $c: ID!) { skipTurn(siteId: $s, consultantId: $c, reason: "test") { seq } }';
  const query = async (token: string) => (await t.gql<{ rotationBoard: Board }>(QUERY, { s: bj }, token)).data!.rotationBoard;

  it('issue 17: replaying the change feed from the first whole board gives exactly the board at every seq (manager and wall token)', async () => {
    await newDay();
    const issued = await t.gql<{ issueBoardToken: { secret: string } }>('mutation($s: ID!) { issueBoardToken(siteId: $s, label: "feed") { secret } }', { s: bj }, tokens.manager);
    const wall = issued.data!.issueBoardToken.secret;
    const sockets = [await socket(wsUrl, tokens.manager), await socket(wsUrl, wall)];
    for (const s of sockets) {
      await until(() => s.messages.some((m) => m.type === 'connection_ack'), 'ack');
      s.ws.send(JSON.stringify({ id: 'f', type: 'subscribe', payload: { query: FEED, variables: { s: bj } } }));
    }
    const [manager, token] = sockets.map((s) => dashboard(s));
    await until(() => manager().board !== null && token().board !== null, 'first boards');

    // A scripted floor (a fixed pseudo-random walk): walk-ins that wait, ends, leaves and
    // returns (make-ups), absences, skips.
    let seed = 17;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const u of staff) await act(u, CHECK_IN, {});
    let changes = 0;
    for (let step = 0; step < 60; step++) {
      const b = await query(tokens.manager);
      const who = staff[rnd(staff.length)];
      const active = b.receptions.filter((r) => r.status === 'ACTIVE');
      const roll = rnd(10);
      let seq: number | null;
      if (roll < 4) seq = await act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `客${step}`, partySize: 1 + rnd(3) } });
      else if (roll < 7 && active.length) {
        const r = active[rnd(active.length)];
        seq = await act('manager', END, { r: r.id });
      } else if (roll === 7) seq = await act(who, rnd(2) ? GO_AWAY : CHECK_OUT, {});
      else if (roll === 8) seq = await act(who, CHECK_IN, {});
      else seq = await act('manager', rnd(2) ? ABSENT : SKIP, { c: id[who] });
      if (seq === null) continue;
      changes++;
      await until(() => manager().board?.seq === seq && token().board?.seq === seq, `seq ${seq}`);
      expect(comparable(manager().board), `manager at ${seq}`).toEqual(comparable(await query(tokens.manager)));
      expect(comparable(token().board), `wall at ${seq}`).toEqual(comparable(await query(wall)));
    }
    expect(changes).toBeGreaterThan(30);
    expect(manager().gaps + token().gaps).toBe(0);
    // After the first board, every message was a change.
    const feed = sockets[0].messages.filter((m) => m.type === 'next').map((m) => m.payload.data.rotationBoardFeed as RotationBoardFeedMessage);
    expect(feed.slice(1).every((m) => m.change && !m.board)).toBe(true);
    expect(JSON.stringify(token().board)).not.toContain('客');
    for (const s of sockets) s.ws.close();
  });

  it('issue 17: the direct path sends each change byte for byte as the iterators do, in order, with the same replay', async () => {
    await newDay();
    for (const u of staff) await act(u, CHECK_IN, {});
    /** A feed subscriber whose messages are kept as received, unparsed. */
    const issued = await t.gql<{ issueBoardToken: { secret: string } }>('mutation($s: ID!) { issueBoardToken(siteId: $s, label: "direct") { secret } }', { s: bj }, tokens.manager);
    const wall = issued.data!.issueBoardToken.secret;
    const subscriber = async (token = tokens.manager) => {
      const s = await socket(wsUrl, token);
      const raw: string[] = [];
      s.ws.on('message', (d) => raw.push(String(d)));
      await until(() => s.messages.some((m) => m.type === 'connection_ack'), 'ack');
      s.ws.send(JSON.stringify({ id: 'f', type: 'subscribe', payload: { query: FEED, variables: { s: bj } } }));
      const replay = dashboard(s);
      await until(() => replay().board !== null, 'first board');
      return { s, raw, replay };
    };
    directPath.enabled = false;
    let plain: Awaited<ReturnType<typeof subscriber>>;
    let wallPlain: Awaited<ReturnType<typeof subscriber>>;
    try {
      plain = await subscriber();
      wallPlain = await subscriber(wall);
    } finally {
      directPath.enabled = true;
    }
    const direct = await subscriber();
    const wallDirect = await subscriber(wall);
    const all = [plain, wallPlain, direct, wallDirect];
    const taken = directPath.taken;
    let seq = 0;
    for (let step = 0; step < 24; step++) {
      const active = (await query(tokens.manager)).receptions.filter((r) => r.status === 'ACTIVE');
      // Every fourth step two changes at once: the second may find the first still on its way.
      const acts =
        step % 4 === 3
          ? [act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `直${step}`, partySize: 1 } }), act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `回${step}`, partySize: 2 } })]
          : [active.length && step % 2 ? act('manager', END, { r: active[0].id }) : act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `客${step}`, partySize: 1 } })];
      seq = Math.max(seq, ...((await Promise.all(acts)).filter((n) => n !== null) as number[]));
      await until(() => all.every((d) => d.replay().board?.seq === seq), `seq ${seq}`);
    }
    expect(comparable(direct.replay().board)).toEqual(comparable(await query(tokens.manager)));
    expect(comparable(wallDirect.replay().board)).toEqual(comparable(await query(wall)));
    expect(all.reduce((n, d) => n + d.replay().gaps, 0)).toBe(0);
    // After the first board (each socket's own), the same messages, byte for byte.
    const changes = (raw: string[]) => raw.filter((m) => m.includes('"change":{'));
    expect(changes(direct.raw).length).toBeGreaterThanOrEqual(24);
    expect(changes(direct.raw)).toEqual(changes(plain.raw));
    expect(changes(wallDirect.raw)).toEqual(changes(wallPlain.raw));
    expect(JSON.stringify(changes(wallDirect.raw))).not.toContain('客');
    // And most of them went the direct way.
    expect(directPath.taken - taken).toBeGreaterThanOrEqual(changes(direct.raw).length);
    for (const d of all) d.s.ws.close();
  });

  it('issue 17: with 300 walk-ins waiting a change is under 4 KiB and no message is over 64 KiB; a late dashboard gets the whole board in bounded pieces', async () => {
    await newDay();
    const early = await socket(wsUrl, tokens.manager);
    await until(() => early.messages.some((m) => m.type === 'connection_ack'), 'ack');
    early.ws.send(JSON.stringify({ id: 'f', type: 'subscribe', payload: { query: FEED, variables: { s: bj } } }));
    const replay = dashboard(early);
    await until(() => replay().board !== null, 'first board');
    // Nobody on the floor: every walk-in waits.
    for (let i = 0; i < 300; i++) expect(await act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `排队客人${i}`, partySize: 2 } })).not.toBeNull();
    const assigned = await act('wang', CHECK_IN, {});
    await until(() => replay().board?.seq === assigned, 'the assignment');
    const ended = await act('wang', END, { r: replay().board!.consultants.find((c) => String(c.consultant.id) === id.wang)!.busyWith[0].id });
    await until(() => replay().board?.seq === ended, 'the end');
    expect(replay().board!.waiting.length).toBeGreaterThanOrEqual(298);

    const sized = early.messages.map((m, i) => ({ m, size: early.sizes[i] })).filter(({ m }) => m.type === 'next');
    const changeSizes = sized.filter(({ m }) => m.id === 'f' && m.payload.data.rotationBoardFeed.change).map(({ size }) => size);
    // What the whole-board subscription sends on each change now (its query answer's size).
    const oldSize = Buffer.byteLength(JSON.stringify({ data: { rotationBoard: await query(tokens.manager) } }));
    expect(changeSizes.length).toBeGreaterThanOrEqual(302);
    expect(Math.max(...changeSizes)).toBeLessThan(4096);
    expect(Math.max(...sized.filter(({ m }) => m.id === 'f').map(({ size }) => size))).toBeLessThanOrEqual(65536);

    // A dashboard that connects now: the whole board, in messages of at most 64 KiB.
    const late = await socket(wsUrl, tokens.manager);
    await until(() => late.messages.some((m) => m.type === 'connection_ack'), 'ack');
    late.ws.send(JSON.stringify({ id: 'f', type: 'subscribe', payload: { query: FEED, variables: { s: bj } } }));
    const lateReplay = dashboard(late);
    await until(() => lateReplay().board !== null, 'the late board');
    const wholeSizes = late.messages.map((m, i) => ({ m, size: late.sizes[i] })).filter(({ m }) => m.type === 'next').map(({ size }) => size);
    expect(wholeSizes.length).toBeGreaterThan(1);
    expect(Math.max(...wholeSizes)).toBeLessThanOrEqual(65536);
    expect(comparable(lateReplay().board)).toEqual(comparable(await query(tokens.manager)));
    expect(comparable(replay().board)).toEqual(comparable(await query(tokens.manager)));
    console.log(
      `[${kind}] 300 waiting: change max ${Math.max(...changeSizes)} B (last ${changeSizes.at(-1)} B); whole board ${wholeSizes.reduce((a, b) => a + b, 0)} B in ${wholeSizes.length} messages (max ${Math.max(...wholeSizes)} B); whole-board message of rotationBoard ${oldSize} B`,
    );
    early.ws.close();
    late.ws.close();
  }, 240_000);

  it('issue 17: dashboards connecting at one seq share one first board, built once; each still gets every change once, in order', async () => {
    await newDay();
    for (const u of staff) await act(u, CHECK_IN, {});
    const seq = (await query(tokens.manager)).seq;
    const { accounts, rotation } = t.app.services;
    const p = (await accounts.authenticate(tokens.manager))!;
    const watches = [rotation.watch(p, Number(bj), null), rotation.watch(p, Number(bj), null), rotation.watch(p, Number(bj), seq - 1)];
    const firsts = await Promise.all(watches.map((w) => w.next()));
    expect(firsts[0].value).toBe(firsts[1].value);
    // Another catch-up point is another board: it carries the missed event.
    expect(firsts[2].value).not.toBe(firsts[0].value);
    expect((firsts[2].value as Board).events.map((e) => e.seq)).toEqual([seq]);
    // A new day (the clock moved, the week saved again): a board of its own.
    await newDay();
    const later = rotation.watch(p, Number(bj), null);
    expect((await later.next()).value).not.toBe(firsts[0].value);
    for (const w of [...watches, later]) await w.return(undefined);

    // Over sockets: the same first board and then every change exactly once, in order.
    const sockets = await Promise.all([0, 1, 2, 3, 4].map(() => socket(wsUrl, tokens.manager)));
    for (const s of sockets) await until(() => s.messages.some((m) => m.type === 'connection_ack'), 'ack');
    for (const s of sockets) s.ws.send(JSON.stringify({ id: 'f', type: 'subscribe', payload: { query: FEED, variables: { s: bj } } }));
    const boards = sockets.map((s) => dashboard(s));
    await until(() => boards.every((b) => b().board !== null), 'first boards');
    const at = boards[0]().board!.seq;
    const seqs: Array<number | null> = [];
    for (let i = 0; i < 3; i++) seqs.push(await act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `共${i}`, partySize: 1 } }));
    await until(() => boards.every((b) => b().board?.seq === seqs[2]), 'every change');
    const fresh = comparable(await query(tokens.manager));
    for (const [i, s] of sockets.entries()) {
      const feed = s.messages.filter((m) => m.type === 'next').map((m) => m.payload.data.rotationBoardFeed as RotationBoardFeedMessage);
      expect(feed.filter((m) => m.board).map((m) => m.seq)).toEqual([at]);
      expect(feed.filter((m) => m.change && m.baseSeq !== m.seq).map((m) => m.seq)).toEqual(seqs);
      expect(boards[i]().gaps).toBe(0);
      expect(comparable(boards[i]().board)).toEqual(fresh);
      s.ws.close();
    }
  });
  it('issue 17: a floor action answers with its seq, its events and its reception, not the whole board; the log holds the same; `board` (deprecated) still gives the board of rotationBoard', async () => {
    await newDay();
    // Nobody on the floor: 300 walk-ins wait (sent a few at a time: they go in batches).
    for (let i = 0; i < 300; i += 30) {
      const seqs = await Promise.all(Array.from({ length: 30 }, (_, j) => act('desk', WALK_IN, { i: { kind: 'NEW', customerName: `排队客人${i + j}`, partySize: 2 } })));
      expect(seqs).not.toContain(null);
    }
    await act('wang', CHECK_IN, {});
    const busy = (b: Board) => b.consultants.find((c) => String(c.consultant.id) === id.wang)!.busyWith[0].id;
    const before = await query(tokens.manager);
    now += 20_000;
    const ANSWER = `seq events { ${EVENT} } reception { ${RECEPTION} }`;
    type Answer = { seq: number; events: RotationEventView[]; reception: Board['receptions'][number] | null };
    // Wang's customer leaves; the next waiting walk-in is his at once (two events).
    const r = await t.gql<{ endReception: Answer }>(`mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { ${ANSWER} } }`, { s: bj, r: busy(before) }, tokens.wang);
    expect(r.errors).toBeUndefined();
    const answer = r.data!.endReception;
    const bytes = Buffer.byteLength(JSON.stringify(r));
    expect(bytes).toBeLessThan(8192);
    // What the log holds after the seq before it.
    const board = await query(tokens.manager);
    expect(answer.seq).toBe(board.seq);
    expect(answer.events.map((e) => e.type)).toEqual(['RECEPTION_ENDED', 'WALK_IN_ASSIGNED']);
    const logged = (await t.gql<{ rotationHistory: { events: RotationEventView[] } }>(HISTORY, { s: bj, limit: 20 }, tokens.manager)).data!.rotationHistory.events;
    expect(answer.events).toEqual(logged.filter((e) => e.seq > before.seq).reverse());
    expect(answer.events.map((e) => e.seq)).toEqual(Array.from({ length: answer.seq - before.seq }, (_, i) => before.seq + 1 + i));
    expect(answer.reception?.id).toBe(busy(before));
    expect(answer.reception?.status).toBe('ENDED');
    expect(answer.reception).toEqual(board.receptions.find((x) => x.id === answer.reception!.id));
    expect(board.waiting).toHaveLength(298);

    // The whole board is still there for a client that selects it: the board a query gives.
    now += 20_000;
    const old = await t.gql<{ endReception: Answer & { board: Board } }>(
      `mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { ${ANSWER} board { ${BOARD} } } }`,
      { s: bj, r: busy(board) },
      tokens.wang,
    );
    expect(old.errors).toBeUndefined();
    const whole = old.data!.endReception;
    expect(comparable(whole.board)).toEqual(comparable(await query(tokens.manager)));
    expect(whole.board.seq).toBe(whole.seq);
    expect(whole.board.events).toEqual(whole.events);
    const oldBytes = Buffer.byteLength(JSON.stringify(old));
    expect(oldBytes).toBeGreaterThan(65536);
    console.log(`[${kind}] 300 waiting: a floor action's answer ${bytes} B; with the deprecated board ${oldBytes} B`);
  }, 240_000);

  it('issue 17: a batch of commands publishes one board with all its events in order, only when someone here watches the site', async () => {
    await newDay();
    for (const u of staff) await act(u, CHECK_IN, {});
    const { accounts, rotation } = t.app.services;
    const bus = t.app.bus;
    const published: Board[] = [];
    const publishLocal = bus.publishLocal;
    bus.publishLocal = (key, siteId, payload) => {
      if (key === BOARD_CHANGED) published.push(payload as Board);
      publishLocal.call(bus, key, siteId, payload);
    };
    try {
      const site = (await t.app.ds.getRepository(SiteEntity).findOneByOrFail({ id: Number(bj) }))!;
      const desk = (await accounts.authenticate(tokens.desk))!;
      const manager = (await accounts.authenticate(tokens.manager))!;
      const commit = (rotation as unknown as { commitBatch(siteId: number, jobs: unknown[]): Promise<Array<{ ok: boolean; value?: FloorResult }>> }).commitBatch.bind(rotation);
      const batch = (tag: string) =>
        commit(
          Number(bj),
          Array.from({ length: 5 }, (_, i) => ({
            p: desk,
            site,
            registration: null,
            command: { type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: `${tag}${i}` }, actor: { userId: desk.userId, supervisor: false, desk: true } },
          })),
        );

      const watch = rotation.watch(manager, Number(bj), null);
      const first = (await watch.next()).value as Board;
      now += 20_000;
      const outcomes = await batch('批');
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const answered = outcomes.flatMap((o) => o.value!.events);
      expect(answered.map((e) => e.seq)).toEqual(Array.from({ length: answered.length }, (_, i) => first.seq + 1 + i));
      expect(answered.length).toBeGreaterThanOrEqual(5);
      // One board for the batch: at its last seq, with every command's events in order.
      expect(published).toHaveLength(1);
      expect(published[0].seq).toBe(outcomes.at(-1)!.value!.seq);
      expect(published[0].events.map((e) => [e.seq, e.type, e.receptionId])).toEqual(answered.map((e) => [e.seq, e.type, e.receptionId]));
      const heard = (await watch.next()).value as Board;
      expect(heard.events.map((e) => e.seq)).toEqual(answered.map((e) => e.seq));
      expect(comparable(heard)).toEqual(comparable(await rotation.board(manager, Number(bj))));
      // Each answer's board (built on demand) is the board after its own command.
      expect(outcomes[2].value!.board().seq).toBe(outcomes[2].value!.seq);
      expect(outcomes[2].value!.board().events).toEqual(outcomes[2].value!.events);
      await watch.return(undefined);

      // Nobody watches: no board is built or published.
      now += 20_000;
      const unwatched = await batch('无人');
      expect(unwatched.every((o) => o.ok)).toBe(true);
      expect(published).toHaveLength(1);
      // A dashboard connecting now starts at the head.
      const late = rotation.watch(manager, Number(bj), null);
      expect(((await late.next()).value as Board).seq).toBe(unwatched.at(-1)!.value!.seq);
      await late.return(undefined);
    } finally {
      bus.publishLocal = publishLocal;
    }
  });
});
