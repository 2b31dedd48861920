import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { evolve, initialState, replay, restoreState, type Reception, type RotationEvent, type RotationState } from '../../server/src/rotation/domain/index.js';
import { createMariadbDatabase, mariadbAvailable, REDIS_URL } from '../support/mariadb.js';
import { gql, login, startServer, type RunningServer } from '../support/server.js';

const available = await mariadbAvailable();

// The concurrency promise of the rotation: two requests at the same moment never give one
// walk-in to two consultants or one consultant two walk-ins, across server processes. Two
// real processes share one MariaDB database; 200 floor operations are fired at once over
// both; afterwards the log is read straight from the database, replayed with the domain,
// and every invariant is checked on every state of the fold.

type Reply = { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

const WALK_IN = `mutation($s: ID!, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) { seq reception { id status consultant { id } } } }`;
const END = `mutation($s: ID!, $r: ID!) { endReception(siteId: $s, receptionId: $r) { seq } }`;
const CHECK_IN = `mutation($s: ID!) { checkIn(siteId: $s) { seq } }`;
const GO_AWAY = `mutation($s: ID!) { goAway(siteId: $s) { seq } }`;
const SKIP = `mutation($s: ID!, $c: ID!, $reason: String!) { skipTurn(siteId: $s, consultantId: $c, reason: $reason) { seq } }`;
const BOARD = `query($s: ID!) { rotationBoard(siteId: $s) { seq consultants { consultant { id } counted } receptions { id status consultant { id } } } }`;

describe.skipIf(!available)('R1/R5 under load: 200 parallel floor operations from two processes on one MariaDB', () => {
  let db: { url: string; drop(): Promise<void> };
  let a: RunningServer;
  let b: RunningServer;
  let conn: mysql.Connection;
  const token: Record<string, string> = {};
  const userOf: Record<string, string> = {};
  let bj: string;
  let cd: string;

  beforeAll(async () => {
    db = await createMariadbDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL, JWT_SECRET: 'shared-secret-shared-secret-shared-secret' };
    a = await startServer({ env });
    b = await startServer({ env: { ...env, DEMO_DATA: 'false' } });
    conn = await mysql.createConnection({ uri: db.url });
    for (const u of ['manager', 'desk', 'wang', 'li', 'zhang', 'liu', 'chen', 'yang']) {
      token[u] = await login(a.url, u);
      const me = await gql<{ me: { id: string } }>(a.url, '{ me { id } }', {}, token[u]);
      userOf[me.data!.me.id] = u;
    }
    const sites = (await gql<{ sites: Array<{ id: string; code: string }> }>(a.url, '{ sites { id code } }', {}, token.manager)).data!.sites;
    bj = sites.find((s) => s.code === 'BJ')!.id;
    cd = sites.find((s) => s.code === 'CD')!.id;
  });
  afterAll(async () => {
    await conn?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const idOf = (u: string) => Object.keys(userOf).find((k) => userOf[k] === u)!;
  const codes = (replies: Reply[]) =>
    replies.reduce<Record<string, number>>((acc, r) => {
      const key = r.errors ? `${r.errors[0].extensions?.code}:${r.errors[0].extensions?.reason ?? ''}` : 'OK';
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});

  async function log(siteId: string) {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT seq, payload FROM rotation_events WHERE siteId = ? ORDER BY seq', [Number(siteId)]);
    // The snapshot is written after its commit: no row yet is the initial state at seq 0.
    const [heads] = await conn.query<mysql.RowDataPacket[]>(
      'SELECT h.lastSeq, s.seq AS snapshotSeq, s.snapshot FROM rotation_heads h LEFT JOIN rotation_snapshots s ON s.siteId = h.siteId WHERE h.siteId = ?',
      [Number(siteId)],
    );
    return {
      seqs: rows.map((r) => Number(r.seq)),
      events: rows.map((r) => JSON.parse(String(r.payload)) as RotationEvent),
      head: heads[0]
        ? {
            lastSeq: Number(heads[0].lastSeq),
            snapshotSeq: Number(heads[0].snapshotSeq ?? 0),
            snapshot: heads[0].snapshot === null ? initialState() : restoreState(String(heads[0].snapshot)),
          }
        : null,
    };
  }

  /** The snapshot (written every few events) is the fold up to snapshotSeq; folded forward, the fold of the whole log. */
  function expectSnapshotIsTheFold(events: RotationEvent[], head: { snapshotSeq: number; snapshot: RotationState }) {
    const plain = (s: RotationState): unknown => JSON.parse(JSON.stringify(s));
    expect(plain(head.snapshot)).toEqual(plain(replay(events.slice(0, head.snapshotSeq))));
    expect(plain(replay(events.slice(head.snapshotSeq), head.snapshot))).toEqual(plain(replay(events)));
  }

  it('the first two changes of a site, at once from both processes, create its lock row once', async () => {
    const replies = (await Promise.all([
      gql(a.url, CHECK_IN, { s: cd }, token.chen),
      gql(b.url, CHECK_IN, { s: cd }, token.yang),
    ])) as Reply[];
    expect(replies.map((r) => r.errors)).toEqual([undefined, undefined]);
    const { seqs, events, head } = await log(cd);
    expect(seqs).toEqual([1, 2]);
    expect(head!.lastSeq).toBe(2);
    expectSnapshotIsTheFold(events, head!);
  });

  it('R1, R5: no walk-in goes to two consultants, no consultant gets two, nothing is lost or doubled; the log replays to the snapshot', async () => {
    // R2: shifts all day, every day, so the time of the run does not matter.
    const consultants = ['wang', 'li', 'zhang', 'liu'];
    const rows = consultants.flatMap((u) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId: idOf(u), weekday, startTime: '00:00', endTime: '23:59' })));
    const set = await gql(a.url, 'mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }', { s: bj, rows }, token.manager);
    expect(set.errors).toBeUndefined();
    // The demo floor may already have them on it (or away): either way they end up on the floor.
    for (const u of consultants) {
      const r = (await gql(a.url, CHECK_IN, { s: bj }, token[u])) as Reply;
      if (r.errors) expect(r.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ON_FLOOR' });
    }
    const startSeq = (await log(bj)).head!.lastSeq;

    // 200 operations, all in flight at once, alternating between the two processes.
    const server = (i: number) => (i % 2 === 0 ? a.url : b.url);
    const walkIns: Array<Promise<Reply>> = [];
    const kinds: Record<string, Array<Promise<Reply>>> = { walkIn: walkIns, end: [], away: [], back: [], skip: [] };
    const names: string[] = [];
    for (let i = 0; i < 200; i++) {
      const url = server(i);
      const slot = i % 10;
      if (slot < 6) {
        const name = `并发客户${i}`;
        names.push(name);
        walkIns.push(gql(url, WALK_IN, { s: bj, i: { kind: 'NEW', customerName: name, phone: `139${String(i).padStart(8, '0')}` } }, token.desk) as Promise<Reply>);
      } else if (slot < 8) {
        // A customer leaves: once an earlier walk-in is in, its consultant ends some active
        // reception (picked from a fresh board; another process may have ended it first, then
        // the consultant looks again, up to eight times).
        const earlier = walkIns[walkIns.length - 1 - (i % 3)];
        kinds.end.push(
          earlier.then(async (): Promise<Reply> => {
            let last: Reply = { errors: [{ message: 'nothing to end', extensions: { code: 'SKIPPED_NOTHING_ACTIVE' } }] };
            for (let attempt = 0; attempt < 8; attempt++) {
              const board = await gql<{ rotationBoard: { receptions: Array<{ id: string; status: string; consultant: { id: string } | null }> } }>(url, BOARD, { s: bj }, token.manager);
              const active = board.data!.rotationBoard.receptions.filter((r) => r.status === 'ACTIVE' && r.consultant && userOf[r.consultant.id]);
              if (!active.length) return last;
              const target = active[(i * 7 + attempt * 13) % active.length];
              last = (await gql(url, END, { s: bj, r: target.id }, token[userOf[target.consultant!.id]])) as Reply;
              if (!last.errors) return last;
            }
            return last;
          }),
        );
      } else if (slot === 8) {
        const u = consultants[(i / 10) % 4 | 0];
        kinds[i % 20 === 8 ? 'away' : 'back'].push(gql(url, i % 20 === 8 ? GO_AWAY : CHECK_IN, { s: bj }, token[u]) as Promise<Reply>);
      } else {
        const u = consultants[(i / 10 + 1) % 4 | 0];
        kinds.skip.push(gql(url, SKIP, { s: bj, c: idOf(u), reason: '并发测试' }, token.manager) as Promise<Reply>);
      }
    }
    const replies: Record<string, Reply[]> = {};
    for (const [k, ps] of Object.entries(kinds)) replies[k] = await Promise.all(ps);
    // Bring everyone back so the board at the end has the whole line.
    for (const u of consultants) await gql(a.url, CHECK_IN, { s: bj }, token[u]);

    // Every refusal is a coded floor conflict, never an internal error or a lost walk-in.
    const all = Object.values(replies).flat();
    for (const r of all) if (r.errors) expect(['CONFLICT', 'SKIPPED_NOTHING_ACTIVE']).toContain(r.errors[0].extensions?.code);
    expect(codes(replies.walkIn)).toEqual({ OK: 120 });

    const { seqs, events, head } = await log(bj);
    // Seqs are 1..N, no gap, no duplicate; the head says N, its snapshot folds forward to the fold.
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(head!.lastSeq).toBe(seqs.length);
    expect(head!.lastSeq - head!.snapshotSeq).toBeLessThan(1000); // SNAPSHOT_EVERY (server/src/rotation/rotation.state.ts)
    expectSnapshotIsTheFold(events, head!);

    // Walk the fold and check every state on the way.
    let state = initialState();
    const assignedTo = new Map<string, number>();
    const recorded = new Map<string, number>();
    const MAY_MOVE = new Set(['HANDED_OVER', 'NON_BUYER_REPORTED', 'UNDONE']);
    let doubleHolds = 0;
    for (const [i, e] of events.entries()) {
      state = evolve(state, e);
      if (e.type === 'WALK_IN_RECORDED' && i >= startSeq) recorded.set(e.receptionId!, (recorded.get(e.receptionId!) ?? 0) + 1);
      for (const eff of e.effects) {
        if (eff.op !== 'reception' || !eff.value || eff.value.consultantId === null) continue;
        const key = `${e.day}/${eff.id}`;
        const before = assignedTo.get(key);
        // No reception was ever given to two consultants.
        if (before !== undefined && !MAY_MOVE.has(e.type)) expect(eff.value.consultantId, `${key} at seq ${i + 1}`).toBe(before);
        assignedTo.set(key, eff.value.consultantId);
      }
      // Nobody holds two active receptions unless a manager approved it (R5) or they serve both (R10).
      const active = new Map<number, Reception[]>();
      for (const r of state.receptions.values()) {
        if (r.status !== 'ACTIVE' || r.consultantId === null) continue;
        active.set(r.consultantId, [...(active.get(r.consultantId) ?? []), r]);
      }
      for (const [c, rs] of active) {
        const unapproved = rs.filter((r) => r.secondApprovedBy === null && r.explanation.params?.servesBoth !== true);
        if (rs.length > 1) doubleHolds += 1;
        expect(unapproved.length, `consultant ${c} after seq ${i + 1}: ${rs.map((r) => r.id).join(', ')}`).toBeLessThanOrEqual(1);
      }
    }

    // Every walk-in recorded exists exactly once, and the replies match the log.
    const okWalkIns = replies.walkIn.filter((r) => !r.errors);
    const replyIds = okWalkIns.map((r) => r.data!.recordWalkIn.reception.id as string);
    expect(new Set(replyIds).size).toBe(replyIds.length);
    expect([...recorded.keys()].sort()).toEqual([...replyIds].sort());
    expect([...recorded.values()].every((n) => n === 1)).toBe(true);
    const byName = new Map<string, number>();
    for (const r of state.receptions.values()) if (r.customerName?.startsWith('并发客户')) byName.set(r.customerName, (byName.get(r.customerName) ?? 0) + 1);
    expect([...byName.keys()].sort()).toEqual([...names].sort());
    expect([...byName.values()].every((n) => n === 1)).toBe(true);

    // Counted receptions per consultant equal the sum of the credits in the fold, and each
    // counted NEW walk-in is credited once, to the one who received it.
    const credits = new Map<number, number>();
    for (const r of state.receptions.values()) {
      if (r.status === 'UNDONE') continue;
      for (const c of r.credit) credits.set(c.consultantId, (credits.get(c.consultantId) ?? 0) + c.share);
      if (r.customerName?.startsWith('并发客户')) {
        expect(r.credit, r.id).toEqual(r.status === 'WAITING' ? [] : [{ consultantId: r.consultantId, share: 1 }]);
      }
    }
    const board = (await gql<{ rotationBoard: { seq: number; consultants: Array<{ consultant: { id: string }; counted: number }> } }>(b.url, BOARD, { s: bj }, token.manager)).data!
      .rotationBoard;
    expect(board.seq).toBe(seqs.length);
    for (const c of board.consultants) expect(c.counted, userOf[c.consultant.id]).toBe(credits.get(Number(c.consultant.id)) ?? 0);

    const after = events.slice(startSeq);
    const byType = after.reduce<Record<string, number>>((acc, e) => ((acc[e.type] = (acc[e.type] ?? 0) + 1), acc), {});
    const final = [...state.receptions.values()].filter((r) => r.customerName?.startsWith('并发客户'));
    const summary = {
      operations: all.length,
      replies: Object.fromEntries(Object.entries(replies).map(([k, rs]) => [k, codes(rs)])),
      events: after.length,
      eventsByType: byType,
      walkInsRecorded: recorded.size,
      walkInsFinally: Object.fromEntries(['ACTIVE', 'ENDED', 'WAITING'].map((s) => [s, final.filter((r) => r.status === s).length])),
      statesWithASecondApprovedReception: doubleHolds,
      counted: Object.fromEntries(board.consultants.map((c) => [userOf[c.consultant.id] ?? c.consultant.id, c.counted])),
    };
    console.log('rotation concurrency:', JSON.stringify(summary, null, 1));
    expect(recorded.size).toBe(okWalkIns.length);
    expect(byType.WALK_IN_RECORDED).toBe(okWalkIns.length);
  });
});
