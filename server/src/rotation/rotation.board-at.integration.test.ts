import { loadavg } from 'node:os';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../accounts/domain/roles.js';
import { Transactions } from '../platform/db/transaction.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';
import { replay, type RotationEvent } from './domain/index.js';
import { RotationEventEntity } from './rotation.entity.js';
import { RotationService } from './rotation.service.js';
import type { RotationBoardView } from './rotation.types.js';

const kinds = await databaseKinds();

// Issue 17: "`rotationBoardAt` and `explain` start from the nearest snapshot, not from the first
// event." The board at a past seq is folded from the start of that seq's business day; the
// oracle is the code it replaced, which folded the site's whole log from its first event.

/** The old boardAt: every event of the site up to seq, folded from the first. */
class WholeLogRotation extends RotationService {
  protected override async stateAfter(siteId: number, seq: number) {
    const upto = await this.log.find({
      where: { siteId, seq: LessThanOrEqual(seq) },
      order: { seq: 'ASC' },
    });
    const last = upto[upto.length - 1];
    const state = replay(upto.map((r) => JSON.parse(r.payload) as RotationEvent));
    return {
      state,
      last: { seq: last.seq, event: JSON.parse(last.payload) as RotationEvent },
      at: last.at,
    };
  }
  constructor(
    private readonly log: Repository<RotationEventEntity>,
    ...deps: ConstructorParameters<typeof RotationService>
  ) {
    super(...deps);
  }
}

const BOARD = `seq day round atDoor { id } upNext { id }
  consultants { consultant { id } state position makeUps priorityMakeUps counted inShift }
  waiting { id status } receptions { id status kind consultant { id } counted rule } alerts { id kind receptionId } events { seq type }`;

/** A view as the BOARD selection shows it over GraphQL. */
function shown(v: RotationBoardView) {
  const person = (p: { id: number } | null) => (p ? { id: String(p.id) } : null);
  return {
    seq: v.seq,
    day: v.day,
    round: v.round,
    atDoor: person(v.atDoor),
    upNext: v.upNext.map(person),
    consultants: v.consultants.map((c) => ({
      consultant: person(c.consultant),
      state: c.state,
      position: c.position,
      makeUps: c.makeUps,
      priorityMakeUps: c.priorityMakeUps,
      counted: c.counted,
      inShift: c.inShift,
    })),
    waiting: v.waiting.map((r) => ({ id: r.id, status: r.status })),
    receptions: v.receptions.map((r) => ({
      id: r.id,
      status: r.status,
      kind: r.kind,
      consultant: person(r.consultant),
      counted: r.counted,
      rule: r.rule,
    })),
    alerts: v.alerts.map((a) => ({ id: a.id, kind: a.kind, receptionId: a.receptionId })),
    events: v.events.map((e) => ({ seq: e.seq, type: e.type })),
  };
}

describe.each(kinds)('the board at a past seq on %s (issue 17)', (kind) => {
  let t: TestApp;
  // 12:00 Asia/Shanghai, Monday 10 March 2025, after 30 days of demo history.
  let now = Date.UTC(2025, 2, 10, 4, 0);
  let dayIndex = 0;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};
  let bj: number;
  let manager: Principal;
  let oracle: WholeLogRotation;
  const staff = ['wang', 'li', 'zhang', 'liu'];

  beforeAll(async () => {
    t = await startTestApp(kind, {
      clock: { now: () => new Date(now) },
      env: { JWT_TTL: '60d', DEMO_HISTORY_DAYS: '30' },
    });
    for (const u of ['manager', 'desk', ...staff]) tokens[u] = await t.login(u);
    for (const u of ['manager', 'desk', ...staff])
      id[u] = (await t.gql<{ me: { id: string } }>('{ me { id } }', {}, tokens[u])).data!.me.id;
    const sites = (
      await t.gql<{ sites: Array<{ id: string; code: string }> }>(
        '{ sites { id code } }',
        {},
        tokens.manager,
      )
    ).data!.sites;
    bj = Number(sites.find((s) => s.code === 'BJ')!.id);
    const { ds, bus, services } = t.app;
    manager = (await services.accounts.authenticate(tokens.manager))!;
    oracle = new WholeLogRotation(
      ds.getRepository(RotationEventEntity),
      ds,
      new Transactions(ds),
      { now: () => new Date(now) },
      bus,
      services.accounts,
      services.customers,
      services.settings,
      services.notifications,
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function newDay() {
    dayIndex += 1;
    now = Date.UTC(2025, 2, 10 + dayIndex, 2, 0);
    const rows = staff.flatMap((u) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        consultantId: id[u],
        weekday,
        startTime: '09:00',
        endTime: '21:00',
      })),
    );
    const r = await t.gql(
      'mutation($s: ID!, $rows: [ShiftTemplateInput!]!) { setShiftTemplates(siteId: $s, shifts: $rows) { id } }',
      { s: String(bj), rows },
      tokens.manager,
    );
    expect(r.errors).toBeUndefined();
  }

  type Change = {
    board: { seq: number; events: Array<{ seq: number; type: string }> };
    reception: { id: string; consultant: { id: string } | null } | null;
  };
  async function act(
    as: string,
    mutation: string,
    vars: Record<string, unknown> = {},
  ): Promise<Change> {
    now += 20_000;
    const r = await t.gql<Record<string, Change>>(
      `mutation($s: ID!${mutation}`,
      { s: String(bj), ...vars },
      tokens[as],
    );
    expect(r.errors, `${as} ${mutation}`).toBeUndefined();
    return Object.values(r.data!)[0];
  }
  const CHANGE = '{ board { seq events { seq type } } reception { id consultant { id } } }';
  const checkIn = (u: string) => act(u, `) { checkIn(siteId: $s) ${CHANGE} }`);
  const goAway = (u: string) => act(u, `) { goAway(siteId: $s) ${CHANGE} }`);
  const walkIn = (name: string) =>
    act('desk', `, $i: WalkInInput!) { recordWalkIn(siteId: $s, input: $i) ${CHANGE} }`, {
      i: { kind: 'NEW', customerName: name },
    });
  const end = (c: Change) =>
    act(
      staff.find((u) => id[u] === c.reception!.consultant!.id)!,
      `, $r: ID!) { endReception(siteId: $s, receptionId: $r) ${CHANGE} }`,
      { r: c.reception!.id },
    );
  const undo = (seq: number) =>
    act(
      'desk',
      `, $seq: Int!) { undoFloorChange(siteId: $s, seq: $seq, reason: "点错了") ${CHANGE} }`,
      { seq },
    );

  /** Rows of the floor log a call reads (find and findOne on rotation_events). */
  async function rowsRead(run: () => Promise<unknown>): Promise<number> {
    const em = t.app.ds.manager;
    const [find, findOne] = [em.find.bind(em), em.findOne.bind(em)];
    let rows = 0;
    const spies = [
      vi.spyOn(em, 'find').mockImplementation((async (target: unknown, opts: never) => {
        const r = await find(target as never, opts);
        if (target === RotationEventEntity) rows += r.length;
        return r;
      }) as typeof em.find),
      vi.spyOn(em, 'findOne').mockImplementation((async (target: unknown, opts: never) => {
        const r = await findOne(target as never, opts);
        if (target === RotationEventEntity && r) rows += 1;
        return r;
      }) as typeof em.findOne),
    ];
    try {
      await run();
    } finally {
      for (const s of spies) s.mockRestore();
    }
    return rows;
  }

  const log = async () =>
    t.app.ds
      .getRepository(RotationEventEntity)
      .find({
        where: { siteId: bj },
        order: { seq: 'ASC' },
        select: { seq: true, businessDay: true },
      });

  it('issue 17: rotationBoardAt at any seq starts from its business day and equals the fold of the whole log', async () => {
    const historyEnd = (await log()).length;
    // Three business days: walk-ins, ends, someone away on business, an undo.
    for (let d = 0; d < 3; d++) {
      await newDay();
      for (const u of staff) await checkIn(u);
      const first = await walkIn(`甲${d}`);
      await goAway(d === 1 ? 'li' : 'zhang');
      const second = await walkIn(`乙${d}`);
      const third = await walkIn(`丙${d}`);
      await undo(third.board.events.find((e) => e.type === 'WALK_IN_RECORDED')!.seq);
      await end(first);
      await walkIn(`丁${d}`);
      await end(second);
    }
    const rows = await log();
    const driven = rows.filter((r) => r.seq > historyEnd);
    expect(new Set(driven.map((r) => r.businessDay)).size).toBe(3);
    expect(driven.map((r) => r.seq)).toEqual(driven.map((_, i) => historyEnd + 1 + i));
    // Every seq of the driven days; the first and last of each day of the history before them.
    const bounds = rows.filter(
      (r, i) =>
        r.seq <= historyEnd &&
        (rows[i - 1]?.businessDay !== r.businessDay || rows[i + 1]?.businessDay !== r.businessDay),
    );
    expect(bounds.length).toBeGreaterThanOrEqual(60);
    // The driven days first, over GraphQL too: a long pause between two requests (the history's
    // folds) would meet the server closing the idle keep-alive socket.
    for (const { seq } of [...driven, ...bounds]) {
      const want = await oracle.boardAt(manager, bj, seq);
      expect(await t.app.services.rotation.boardAt(manager, bj, seq), `seq ${seq}`).toEqual(want);
      if (seq <= historyEnd) continue;
      const r = await t.gql<{ rotationBoardAt: unknown }>(
        `query($s: ID!, $seq: Int!) { rotationBoardAt(siteId: $s, seq: $seq) { ${BOARD} } }`,
        { s: String(bj), seq },
        tokens.manager,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.rotationBoardAt, `seq ${seq}`).toEqual(shown(want));
    }

    // Rows of the log read for the board at the end of the history and at the last seq.
    for (const seq of [historyEnd, rows.length]) {
      const day = rows[seq - 1].businessDay;
      const ofDay = rows.filter((r) => r.businessDay === day && r.seq <= seq).length;
      const before = await rowsRead(() => oracle.boardAt(manager, bj, seq));
      const after = await rowsRead(() => t.app.services.rotation.boardAt(manager, bj, seq));
      console.log(
        `issue 17 ${kind}: rotationBoardAt(${seq}) over ${new Set(rows.map((r) => r.businessDay)).size} business days read ${before} log rows from the first event, ${after} from its day (${day}); load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
      expect(before).toBe(seq);
      // The day's events up to seq, and the lookup of seq's day.
      expect(after).toBe(ofDay + 1);
      expect(after * 10).toBeLessThan(before);
    }
  }, 300_000);
});
