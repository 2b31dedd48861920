// The rotation rules of SPEC section 1, given → when → then, with no database and no clock.
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  decide,
  DEFAULT_ROTATION_SETTINGS,
  evolve,
  initialState,
  lineOrder,
  projectBoard,
  replay,
  activeDeputyship,
  deputyPeriodProblem,
  shiftsForDay,
  shiftLength,
  shiftsOverlap,
  type Actor,
  type RotationCommand,
  type RotationEvent,
  type RotationSettings,
  type RotationState,
  type ShiftWindow,
  type WalkInInput,
} from './index.js';

const TZ = 'Asia/Shanghai';
const at = (hhmm: string, day = 24) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new TZDate(2026, 10, day, h, m, 0, 0, TZ).getTime();
};
const DESK: Actor = { userId: 100, supervisor: false, desk: true };
const MANAGER: Actor = { userId: 200, supervisor: true, desk: false };
const self = (id: number): Actor => ({ userId: id, supervisor: false, desk: false });
const [WANG, LI, ZHANG, LIU, CHEN] = [1, 2, 3, 4, 5];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type Cmd = RotationCommand extends infer C ? (C extends RotationCommand ? Omit<C, 'actor'> : never) : never;

class Floor {
  state: RotationState = initialState();
  log: RotationEvent[] = [];
  now = at('10:00');
  settings: RotationSettings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
  shifts: ShiftWindow[] = [WANG, LI, ZHANG, LIU, CHEN].map((id) => ({ consultantId: id, start: at('09:00'), end: at('21:00') }));

  constructor(settings: Partial<RotationSettings> = {}) {
    this.settings = { ...this.settings, ...settings };
  }

  tick(minutes: number) {
    this.now += minutes * 60_000;
    return this;
  }

  attempt(cmd: Cmd, actor?: Actor) {
    const who = actor ?? ('consultantId' in cmd && (cmd.type === 'CHECK_IN' || cmd.type === 'GO_AWAY' || cmd.type === 'CHECK_OUT') ? self(cmd.consultantId) : DESK);
    return decide(this.state, { ...cmd, actor: who } as RotationCommand, { now: this.now, settings: this.settings, shifts: this.shifts });
  }

  run(cmd: Cmd, actor?: Actor): RotationEvent[] {
    const d = this.attempt(cmd, actor);
    if (!d.ok) throw new Error(`${d.rejection.code}: ${d.rejection.message}`);
    for (const e of d.events) {
      // Frozen: the service keeps one state between commands, so nothing may change it.
      this.state = deepFreeze(evolve(this.state, e));
      this.log.push(e);
    }
    return d.events;
  }

  rejection(cmd: Cmd, actor?: Actor) {
    const d = this.attempt(cmd, actor);
    if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
    return d.rejection.code;
  }

  checkIn(...ids: number[]) {
    for (const id of ids) {
      this.run({ type: 'CHECK_IN', consultantId: id });
      this.tick(1);
    }
    return this;
  }

  /** Records a walk-in; returns the reception. */
  walkIn(w: Partial<WalkInInput> = {}, actor: Actor = DESK) {
    const [e] = this.run({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', ...w } }, actor);
    return this.state.receptions.get(e.receptionId!)!;
  }

  leave(receptionId: string) {
    return this.run({ type: 'END_RECEPTION', receptionId }, MANAGER);
  }

  line() {
    return lineOrder(this.state).map((m) => m.id);
  }

  board() {
    return projectBoard(this.state, { now: this.now, shifts: this.shifts, settings: this.settings });
  }

  counted(id: number) {
    return this.board().consultants.find((c) => c.consultantId === id)?.counted ?? 0;
  }

  makeUps(id: number) {
    const c = this.board().consultants.find((x) => x.consultantId === id)!;
    return { normal: c.makeUps, priority: c.priorityMakeUps };
  }

  /** Serve a walk-in and let the customer leave at once: a full counted turn. */
  serve(w: Partial<WalkInInput> = {}) {
    const r = this.walkIn(w);
    if (r.consultantId !== null) this.leave(r.id);
    this.tick(1);
    return r;
  }
}

describe('R1 order', () => {
  it('R1: walk-ins go to the head of the line in check-in order, round after round', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    expect(f.board().atDoorId).toBe(WANG);
    const got = [f.serve(), f.serve(), f.serve(), f.serve()].map((r) => r.consultantId);
    expect(got).toEqual([WANG, LI, ZHANG, WANG]);
    expect(f.state.round).toBe(2);
    expect(f.log.find((e) => e.type === 'WALK_IN_RECORDED')!.explanation).toMatchObject({ rule: 'R1', params: { via: 'LINE' } });
  });

  it('R1: a counted reception sends the consultant to the back; nobody else moves', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.serve();
    expect(f.line()).toEqual([LI, ZHANG, WANG]);
  });

  it('R1: a tie in the line is broken by fewest counted receptions today, then longest free, then id — not by insertion order', () => {
    const f = new Floor().checkIn(LIU, ZHANG);
    // Both moved to the back at the same instant: ZHANG by taking a turn, LIU by missing one while away (R4).
    f.run({ type: 'GO_AWAY', consultantId: LIU });
    f.tick(1);
    const r = f.walkIn();
    expect(r.consultantId).toBe(ZHANG);
    const [liu, zhang] = [f.state.members[LIU], f.state.members[ZHANG]];
    expect(liu.queuedAt).toBe(zhang.queuedAt);
    // LIU has 0 counted receptions, ZHANG 1: LIU is ahead.
    expect(f.line()).toEqual([LIU, ZHANG]);
  });

  it('R1: the next consultant is "at the door"; the board says who receives next', () => {
    const f = new Floor().checkIn(WANG, LI);
    const b = f.board();
    expect(b.consultants.find((c) => c.consultantId === WANG)!.state).toBe('AT_DOOR');
    expect(b.consultants.find((c) => c.consultantId === LI)).toMatchObject({ state: 'WAITING', next: true, position: 2 });
  });
});

describe('R2 schedule', () => {
  it('R2: only consultants inside their shift receive; an off-shift consultant keeps the place and is passed', () => {
    const f = new Floor();
    f.shifts = f.shifts.map((s) => (s.consultantId === WANG ? { ...s, start: at('12:00') } : s));
    f.checkIn(WANG, LI);
    const r = f.walkIn();
    expect(r.consultantId).toBe(LI);
    expect(r.explanation.passed).toEqual([{ consultantId: WANG, rule: 'R2' }]);
    expect(f.board().consultants.find((c) => c.consultantId === WANG)!.state).toBe('OFF_SHIFT');
    f.now = at('12:30');
    expect(f.walkIn().consultantId).toBe(WANG);
  });

  it('R2: a reception assigned outside the shift is recorded, not counted, and moves nobody', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.now = at('21:30');
    const line = f.line();
    const [e] = f.run({ type: 'ASSIGN_BY_HAND', receptionId: null, walkIn: { kind: 'NEW' }, consultantId: LI, counted: true, reason: 'late visitor' }, MANAGER);
    expect(f.state.receptions.get(e.receptionId!)!.credit).toEqual([]);
    expect(e.explanation.params).toMatchObject({ offShift: true, counted: false });
    expect(f.line()).toEqual(line);
  });

  it('R2: shifts follow the weekly template and day exceptions (leave means no shift)', () => {
    const templates = [
      { consultantId: WANG, weekday: 2, startTime: '09:00', endTime: '18:00' },
      { consultantId: LI, weekday: 2, startTime: '09:00', endTime: '18:00' },
      { consultantId: ZHANG, weekday: 3, startTime: '09:00', endTime: '18:00' },
    ];
    const exceptions = [
      { consultantId: LI, date: '2026-11-24', kind: 'LEAVE' as const },
      { consultantId: ZHANG, date: '2026-11-24', kind: 'SHIFT' as const, startTime: '13:00', endTime: '20:00' },
    ];
    // 2026-11-24 is a Tuesday (ISO weekday 2).
    const shifts = shiftsForDay(templates, exceptions, '2026-11-24', TZ);
    expect(shifts).toEqual([
      { consultantId: WANG, start: at('09:00'), end: at('18:00') },
      { consultantId: ZHANG, start: at('13:00'), end: at('20:00') },
    ]);
  });

  it('R2: a shift may end at 24:00 and may cross midnight; the night part is a shift of the next day', () => {
    const templates = [
      { consultantId: WANG, weekday: 2, startTime: '14:00', endTime: '24:00' },
      { consultantId: LI, weekday: 2, startTime: '20:00', endTime: '02:00' },
      { consultantId: ZHANG, weekday: 3, startTime: '00:00', endTime: '24:00' },
    ];
    // Tuesday 24th: WANG to midnight, LI from 20:00 into Wednesday.
    expect(shiftsForDay(templates, [], '2026-11-24', TZ)).toEqual([
      { consultantId: WANG, start: at('14:00'), end: at('00:00', 25) },
      { consultantId: LI, start: at('20:00'), end: at('02:00', 25) },
    ]);
    // Wednesday 25th: LI's night part still holds at 01:00; ZHANG all day.
    const wednesday = shiftsForDay(templates, [], '2026-11-25', TZ);
    expect(wednesday).toEqual([
      { consultantId: LI, start: at('20:00'), end: at('02:00', 25) },
      { consultantId: ZHANG, start: at('00:00', 25), end: at('00:00', 26) },
    ]);
    const f = new Floor();
    f.shifts = wednesday;
    f.now = at('01:00', 25);
    f.checkIn(LI);
    expect(f.walkIn().consultantId).toBe(LI);
    expect(f.counted(LI)).toBe(1);
    // A day exception on Tuesday (leave) takes the night part away too.
    expect(shiftsForDay(templates, [{ consultantId: LI, date: '2026-11-24', kind: 'LEAVE' }], '2026-11-25', TZ).map((w) => w.consultantId)).toEqual([ZHANG]);
    // An overnight exception shift.
    expect(shiftsForDay([], [{ consultantId: CHEN, date: '2026-11-24', kind: 'SHIFT', startTime: '22:00', endTime: '06:00' }], '2026-11-25', TZ)).toEqual([
      { consultantId: CHEN, start: at('22:00'), end: at('06:00', 25) },
    ]);
  });

  it('R2: shift lengths and overlaps count across midnight and from Sunday into Monday', () => {
    expect(shiftLength('09:00', '18:00')).toBe(540);
    expect(shiftLength('14:00', '24:00')).toBe(600);
    expect(shiftLength('20:00', '02:00')).toBe(360);
    expect(shiftLength('00:00', '24:00')).toBe(1440);
    expect(shiftLength('09:00', '09:00')).toBe(0);
    const night = { weekday: 2, startTime: '20:00', endTime: '02:00' };
    expect(shiftsOverlap(night, { weekday: 3, startTime: '01:00', endTime: '09:00' })).toBe(true);
    expect(shiftsOverlap(night, { weekday: 3, startTime: '02:00', endTime: '09:00' })).toBe(false);
    expect(shiftsOverlap(night, { weekday: 2, startTime: '09:00', endTime: '20:00' })).toBe(false);
    expect(shiftsOverlap({ weekday: 7, startTime: '22:00', endTime: '03:00' }, { weekday: 1, startTime: '02:00', endTime: '10:00' })).toBe(true);
    expect(shiftsOverlap({ weekday: 1, startTime: '09:00', endTime: '24:00' }, { weekday: 2, startTime: '00:00', endTime: '08:00' })).toBe(false);
  });

  it('R2: nobody on leave, signed out or off shift is ever offered a walk-in', () => {
    const f = new Floor();
    f.shifts = f.shifts.filter((s) => s.consultantId !== LI); // LI on leave today
    f.checkIn(WANG, LI, ZHANG);
    f.run({ type: 'CHECK_OUT', consultantId: ZHANG });
    const got = [f.serve(), f.serve(), f.serve()].map((r) => r.consultantId);
    expect(got).toEqual([WANG, WANG, WANG]);
  });
});

describe('R3 absent without notice', () => {
  it('R3: an absent consultant is skipped and loses the turn, with no make-up; back, they keep their place in the round order', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.run({ type: 'MARK_ABSENT', consultantId: WANG, reason: 'not at the door' });
    expect(f.board().consultants.find((c) => c.consultantId === WANG)!.state).toBe('ABSENT');
    const first = f.serve();
    expect(first.consultantId).toBe(LI);
    expect(first.explanation.passed).toEqual([{ consultantId: WANG, rule: 'R3', since: expect.any(Number), lost: true }]);
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 0 });
    f.checkIn(WANG);
    expect(f.log.at(-1)).toMatchObject({ type: 'CAME_BACK', explanation: { rule: 'R3' } });
    // No make-up: ZHANG finishes round 1; round 2 runs in the same order as round 1.
    expect(f.line()).toEqual([ZHANG, WANG, LI]);
    const got = [f.serve(), f.serve(), f.serve(), f.serve()].map((r) => r.consultantId);
    expect(got).toEqual([ZHANG, WANG, LI, ZHANG]);
  });

  it('R3: absent for several rounds, each turn that comes is lost, and the order of the rounds holds', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG, LIU);
    f.serve(); // WANG, round 1
    f.run({ type: 'MARK_ABSENT', consultantId: ZHANG });
    const got = [f.serve(), f.serve(), f.serve(), f.serve(), f.serve()].map((r) => r.consultantId);
    // LI, (ZHANG lost), LIU | WANG, LI, (ZHANG lost), LIU
    expect(got).toEqual([LI, LIU, WANG, LI, LIU]);
    expect(f.counted(ZHANG)).toBe(0);
    expect(f.makeUps(ZHANG)).toEqual({ normal: 0, priority: 0 });
    f.checkIn(ZHANG);
    const next = [f.serve(), f.serve(), f.serve(), f.serve()].map((r) => r.consultantId);
    expect(next).toEqual([WANG, LI, ZHANG, LIU]);
  });

  it('R3: a turn is only lost to a counted walk-in; asking the way passes nobody', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'MARK_ABSENT', consultantId: WANG });
    f.walkIn({ kind: 'ASKING_WAY' });
    f.checkIn(WANG);
    expect(f.line()).toEqual([WANG, LI]);
    expect(f.serve().consultantId).toBe(WANG);
  });

  it('R3/R15: the manager may reinstate a consultant marked absent to the place they had', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.run({ type: 'MARK_ABSENT', consultantId: WANG }, DESK);
    f.run({ type: 'REINSTATE', consultantId: WANG, reason: 'was at the car park with a customer' }, MANAGER);
    expect(f.line()).toEqual([WANG, LI, ZHANG]);
  });
});

describe('R4 away on business', () => {
  it('R4: away keeps one make-up per missed turn; back, they receive first, then the order resumes', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.run({ type: 'GO_AWAY', consultantId: WANG });
    // Two rounds pass while WANG is away: one missed turn each round.
    const got = [f.serve(), f.serve(), f.serve(), f.serve()].map((r) => r.consultantId);
    expect(got).toEqual([LI, ZHANG, LI, ZHANG]);
    expect(f.makeUps(WANG)).toEqual({ normal: 2, priority: 0 });
    const first = f.log.find((e) => e.type === 'WALK_IN_RECORDED')!;
    expect(first.explanation.passed).toEqual([{ consultantId: WANG, rule: 'R4', since: expect.any(Number), credited: true }]);

    f.run({ type: 'CHECK_IN', consultantId: WANG });
    expect(f.log.at(-1)!.type).toBe('CAME_BACK');
    const after = [f.serve(), f.serve(), f.serve()];
    expect(after.map((r) => r.consultantId)).toEqual([WANG, WANG, LI]);
    expect(after[0].explanation.params).toMatchObject({ via: 'MAKE_UP', makeUpRule: 'R4' });
    // Make-up receptions count.
    expect(f.counted(WANG)).toBe(2);
  });
});

describe('R5 busy', () => {
  it('R5: the busy head of the line is passed and is still at the head when free', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    // WANG busy with a returning own customer (not counted, so WANG keeps the head of the line).
    f.walkIn({ kind: 'RETURNING', ownerId: WANG, dealClosed: true });
    expect(f.line()[0]).toBe(WANG);
    const r = f.walkIn();
    expect(r.consultantId).toBe(LI);
    expect(r.explanation.passed).toEqual([{ consultantId: WANG, rule: 'R5', since: expect.any(Number) }]);
    expect(f.line()[0]).toBe(WANG);
  });

  it('R5: with everyone busy the walk-in waits, the manager is alerted, and the first to be free receives it', () => {
    const f = new Floor().checkIn(WANG, LI);
    const a = f.walkIn();
    f.walkIn();
    const waiting = f.walkIn();
    expect(waiting.status).toBe('WAITING');
    expect(Object.values(f.state.alerts).map((x) => x.kind)).toEqual(['NO_ONE_FREE']);
    f.tick(5);
    const events = f.leave(a.id);
    expect(events.map((e) => e.type)).toEqual(['RECEPTION_ENDED', 'WALK_IN_ASSIGNED']);
    expect(f.state.receptions.get(waiting.id)!).toMatchObject({ status: 'ACTIVE', consultantId: WANG, credit: [{ consultantId: WANG, share: 1 }] });
    expect(Object.values(f.state.alerts)).toEqual([]);
  });

  it('R5: a second reception for a busy consultant needs the manager, and is recorded as approved', () => {
    const f = new Floor().checkIn(WANG);
    f.walkIn();
    const waiting = f.walkIn();
    expect(f.rejection({ type: 'ASSIGN_BY_HAND', receptionId: waiting.id, walkIn: null, consultantId: WANG, counted: true, reason: 'x' }, DESK)).toBe('FORBIDDEN_SUPERVISOR');
    f.run({ type: 'ASSIGN_BY_HAND', receptionId: waiting.id, walkIn: null, consultantId: WANG, counted: true, reason: 'only consultant' }, MANAGER);
    expect(f.state.receptions.get(waiting.id)!).toMatchObject({ status: 'ACTIVE', secondApprovedBy: MANAGER.userId });
  });
});

describe('R5 second reception', () => {
  it('R5: an owner who serves both raises a second-reception alert; the manager approves it, recorded on the reception', () => {
    const f = new Floor({ r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    f.walkIn();
    const r = f.walkIn({ kind: 'RETURNING', ownerId: WANG, ownerServesBoth: true });
    const alert = Object.values(f.state.alerts).find((a) => a.kind === 'SECOND_RECEPTION')!;
    expect(alert).toMatchObject({ receptionId: r.id, consultantId: WANG });
    expect(f.state.receptions.get(r.id)!.secondApprovedBy).toBeNull();
    expect(f.rejection({ type: 'ACKNOWLEDGE_ALERT', alertId: alert.id }, self(WANG))).toBe('FORBIDDEN_SUPERVISOR');
    f.run({ type: 'ACKNOWLEDGE_ALERT', alertId: alert.id }, MANAGER);
    expect(f.state.receptions.get(r.id)!.secondApprovedBy).toBe(MANAGER.userId);
    expect(f.state.alerts).toEqual({});
    expect(f.log.at(-1)!.explanation).toEqual({ rule: 'R5', params: { kind: 'SECOND_RECEPTION', approved: true } });
  });

  it('R5: a same-day customer back to a busy consultant is a second reception; recorded by the manager it is approved at once', () => {
    const f = new Floor().checkIn(WANG);
    const first = f.walkIn({ phone: '13800000001' });
    f.leave(first.id);
    f.walkIn(); // WANG is busy again
    const back = f.walkIn({ phone: '13800000001' }, MANAGER);
    expect(back).toMatchObject({ consultantId: WANG, secondApprovedBy: MANAGER.userId });
    expect(Object.values(f.state.alerts)).toEqual([]);
  });

  it('R5: a free consultant taking a walk-in is no second reception', () => {
    const f = new Floor().checkIn(WANG);
    f.walkIn();
    expect(Object.values(f.state.alerts)).toEqual([]);
  });
});

describe('R6 counted reception', () => {
  it('R6: asking the way or looking for someone is recorded but counts for nobody and moves nobody', () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn({ kind: 'ASKING_WAY' });
    f.walkIn({ kind: 'LOOKING_FOR_SOMEONE' });
    expect(r).toMatchObject({ consultantId: null, credit: [], status: 'ENDED' });
    expect(f.line()).toEqual([WANG, LI]);
    expect(f.board().walkInsByKind).toEqual(expect.arrayContaining([{ kind: 'ASKING_WAY', count: 1 }, { kind: 'LOOKING_FOR_SOMEONE', count: 1 }]));
  });

  it('R6: every new-customer reception counts once', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.serve();
    f.serve();
    f.serve();
    expect([f.counted(WANG), f.counted(LI)]).toEqual([2, 1]);
  });
});

describe('R7 returning customers', () => {
  it('R7: a deal-closed revisit goes to the owner outside the rotation, not counted, with a priority make-up for one round', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const r = f.walkIn({ kind: 'RETURNING', ownerId: ZHANG, dealClosed: true });
    expect(r).toMatchObject({ consultantId: ZHANG, credit: [], explanation: { rule: 'R7' } });
    expect(f.line()).toEqual([WANG, LI, ZHANG]);
    expect(f.makeUps(ZHANG)).toEqual({ normal: 0, priority: 1 });
    const m = Object.values(f.state.makeUps)[0];
    expect(m.lapsesAfterRound).toBe(f.state.round + 1);
    f.leave(r.id);
    // Priority make-up before the head of the line.
    expect(f.walkIn().consultantId).toBe(ZHANG);
  });

  it('R7: an unused priority make-up lapses when its round is over', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.walkIn({ kind: 'RETURNING', ownerId: ZHANG, dealClosed: true }); // ZHANG stays busy
    for (let i = 0; i < 6; i++) f.serve();
    expect(f.state.round).toBeGreaterThan(2);
    expect(f.makeUps(ZHANG)).toEqual({ normal: 0, priority: 0 });
  });

  it('R7 variant A: an open customer revisit is not counted and the owner gets a make-up', () => {
    const f = new Floor({ r7OpenRevisit: 'A' }).checkIn(WANG, LI);
    const r = f.walkIn({ kind: 'RETURNING', ownerId: LI });
    expect(r).toMatchObject({ consultantId: LI, credit: [] });
    expect(f.makeUps(LI)).toEqual({ normal: 1, priority: 0 });
  });

  it("R7 variant B: an open customer revisit counts as the owner's turn, no make-up", () => {
    const f = new Floor({ r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    const r = f.walkIn({ kind: 'RETURNING', ownerId: WANG });
    expect(r.credit).toEqual([{ consultantId: WANG, share: 1 }]);
    expect(f.line()).toEqual([LI, WANG]);
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 0 });
  });

  it('R7: with the owner absent the last consultant in the queue assists, not counted', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const r = f.walkIn({ kind: 'RETURNING', ownerId: LIU });
    expect(r).toMatchObject({ consultantId: ZHANG, credit: [], explanation: { rule: 'R7', params: { ownerAbsent: true } } });
    expect(f.line()).toEqual([WANG, LI, ZHANG]);
  });

  it('R7: an absent owner’s customers do not all land on one stand-in (fewest assists first)', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const helpers = [1, 2, 3].map(() => {
      const r = f.walkIn({ kind: 'RETURNING', ownerId: LIU });
      f.leave(r.id);
      return r.consultantId;
    });
    expect(helpers).toEqual([ZHANG, LI, WANG]);
  });

  it('R7: a returning customer needs their owner', () => {
    const f = new Floor().checkIn(WANG);
    expect(f.rejection({ type: 'RECORD_WALK_IN', walkIn: { kind: 'RETURNING' } })).toBe('OWNER_REQUIRED');
  });
});

describe('R8 brought-along customers', () => {
  it('R8 variant A: a customer brought by an old customer is never counted', () => {
    const f = new Floor({ r8BroughtAlong: 'A' }).checkIn(WANG, LI);
    expect(f.walkIn({ kind: 'BROUGHT_ALONG', ownerId: LI }).credit).toEqual([]);
  });

  it('R8 variant B: counted once while the old customer has not closed a deal', () => {
    const f = new Floor({ r8BroughtAlong: 'B' }).checkIn(WANG, LI);
    const r = f.walkIn({ kind: 'BROUGHT_ALONG', ownerId: LI, dealClosed: false });
    expect(r).toMatchObject({ consultantId: LI, credit: [{ consultantId: LI, share: 1 }] });
  });

  it('R8 variant B: after a deal, counted only if the new customer is registered', () => {
    const f = new Floor({ r8BroughtAlong: 'B' }).checkIn(WANG, LI);
    const unregistered = f.walkIn({ kind: 'BROUGHT_ALONG', ownerId: LI, dealClosed: true, newCustomerRegistered: false });
    f.leave(unregistered.id);
    const registered = f.walkIn({ kind: 'BROUGHT_ALONG', ownerId: LI, dealClosed: true, newCustomerRegistered: true });
    expect(unregistered.credit).toEqual([]);
    expect(registered.credit).toEqual([{ consultantId: LI, share: 1 }]);
  });
});

describe('R9 same day', () => {
  it('R9: a new customer coming back the same day goes to the same consultant and counts once', () => {
    const f = new Floor().checkIn(WANG, LI);
    const first = f.serve({ phone: '138 1234 5678' });
    const again = f.walkIn({ phone: '+86 138-1234-5678' });
    expect(again).toMatchObject({ consultantId: first.consultantId, credit: [], explanation: { rule: 'R9' } });
    expect(f.counted(WANG)).toBe(1);
  });

  it('R9 variant A: an open old customer coming back the same day is counted again (R7 B)', () => {
    const f = new Floor({ r9SameDay: 'A', r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    const a = f.walkIn({ kind: 'RETURNING', ownerId: LI, phone: '13900001111' });
    f.leave(a.id);
    const b = f.walkIn({ kind: 'RETURNING', ownerId: LI, phone: '13900001111' });
    expect(b.credit).toEqual([{ consultantId: LI, share: 1 }]);
  });

  it('R9 variant B: open old customers also count once a day', () => {
    const f = new Floor({ r9SameDay: 'B', r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    const a = f.walkIn({ kind: 'RETURNING', ownerId: LI, phone: '13900001111' });
    f.leave(a.id);
    const b = f.walkIn({ kind: 'RETURNING', ownerId: LI, phone: '13900001111' });
    expect(b).toMatchObject({ consultantId: LI, credit: [], explanation: { rule: 'R9' } });
  });

  it('R9: the next day is a new day (fresh floor, counts at zero)', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.serve({ phone: '13812345678' });
    f.now = at('10:00', 25);
    f.shifts = f.shifts.map((s) => ({ ...s, start: at('09:00', 25), end: at('21:00', 25) }));
    expect(f.board().consultants.every((c) => c.counted === 0 && c.state === 'ABSENT')).toBe(true);
    f.checkIn(LI, WANG);
    expect(f.walkIn({ phone: '13812345678' })).toMatchObject({ consultantId: LI, explanation: { rule: 'R1' } });
  });
});

describe('R9 same day, decided on the register id', () => {
  const ANNA = 7;
  it('R9: a new customer registered today by a consultant who comes back today is theirs, counted once, no make-up', () => {
    const f = new Floor({ r7OpenRevisit: 'A' }).checkIn(WANG, LI);
    // First visit: a typed name, counted for WANG; LI registered her afterwards (the register says so).
    const first = f.serve({ customerName: 'Anna' });
    expect(first.consultantId).toBe(WANG);
    const again = f.walkIn({ kind: 'RETURNING', customerId: ANNA, ownerId: WANG, registeredTodayBy: WANG });
    expect(again).toMatchObject({ consultantId: WANG, credit: [], customerId: ANNA, explanation: { rule: 'R9' } });
    expect(again.makeUpId).toBeNull();
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 0 });
    expect(f.counted(WANG)).toBe(1);
  });

  it('R9: the desk typing the phone or picking the record decides the same (the id matches)', () => {
    const outcome = (second: Partial<WalkInInput>) => {
      const f = new Floor().checkIn(WANG, LI);
      const first = f.serve({ customerId: ANNA, phone: '13812345678' });
      const again = f.walkIn({ kind: 'RETURNING', ownerId: first.consultantId, registeredTodayBy: first.consultantId, ...second });
      return { consultantId: again.consultantId, credit: again.credit, rule: again.explanation.rule, counted: [f.counted(WANG), f.counted(LI)] };
    };
    const typed = outcome({ customerId: ANNA, phone: '138 1234 5678' });
    const picked = outcome({ customerId: ANNA });
    expect(typed).toEqual({ consultantId: WANG, credit: [], rule: 'R9', counted: [1, 0] });
    expect(picked).toEqual(typed);
  });

  it('R9 variant B: an open old customer picked from the register twice today counts once', () => {
    const f = new Floor({ r9SameDay: 'B', r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    const a = f.walkIn({ kind: 'RETURNING', customerId: ANNA, ownerId: LI });
    f.leave(a.id);
    const b = f.walkIn({ kind: 'RETURNING', customerId: ANNA, ownerId: LI });
    expect(b).toMatchObject({ consultantId: LI, credit: [], explanation: { rule: 'R9' } });
    expect(f.counted(LI)).toBe(1);
  });

  it('R9 variant A: an open old customer (by id) coming back today is an R7 revisit again', () => {
    const f = new Floor({ r9SameDay: 'A', r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    f.leave(f.walkIn({ kind: 'RETURNING', customerId: ANNA, ownerId: LI }).id);
    const b = f.walkIn({ kind: 'RETURNING', customerId: ANNA, ownerId: LI });
    expect(b).toMatchObject({ consultantId: LI, explanation: { rule: 'R7' } });
  });

  it('R9: another customer with no phone is not matched by a missing id', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.serve({ customerName: 'Anna' });
    expect(f.walkIn({ customerName: 'Bo' })).toMatchObject({ consultantId: LI, explanation: { rule: 'R1' } });
  });
});

describe('R8 and R11 keep the register id', () => {
  it('R8: the brought-along walk-in records the old customer who brought them', () => {
    const f = new Floor({ r8BroughtAlong: 'B' }).checkIn(WANG, LI);
    const r = f.walkIn({ kind: 'BROUGHT_ALONG', broughtById: 7, ownerId: LI, dealClosed: true, newCustomerRegistered: false });
    expect(r).toMatchObject({ consultantId: LI, broughtById: 7, credit: [], explanation: { rule: 'R8' } });
  });

  it("R11: a hand-over to the owner of the customer found in the register keeps that customer's id", () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn({});
    f.run({ type: 'HAND_OVER', receptionId: r.id, toConsultantId: LI, customerId: 9 }, self(WANG));
    expect(f.state.receptions.get(r.id)!).toMatchObject({ consultantId: LI, ownerId: LI, customerId: 9, explanation: { rule: 'R11' } });
  });
});

describe('R10 own customer arrives while busy', () => {
  it("R10: a named helper serves; it counts as the owner's turn and the helper gets one make-up", () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.walkIn(); // WANG busy
    const r = f.walkIn({ kind: 'RETURNING', ownerId: WANG, helperId: ZHANG });
    expect(r).toMatchObject({ consultantId: ZHANG, ownerId: WANG, credit: [{ consultantId: WANG, share: 1 }], explanation: { rule: 'R10' } });
    expect(f.makeUps(ZHANG)).toEqual({ normal: 1, priority: 0 });
  });

  it('R10: with no helper named the last consultant in the queue helps', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.walkIn(); // WANG busy; line LI, ZHANG, WANG
    const r = f.walkIn({ kind: 'RETURNING', ownerId: WANG });
    expect(r.consultantId).toBe(ZHANG);
    expect(r.explanation.params).toMatchObject({ named: false, assist: 'FEWEST_ASSISTS_THEN_LAST_IN_LINE' });
  });

  it('R10: the busy owner may serve both', () => {
    const f = new Floor({ r7OpenRevisit: 'B' }).checkIn(WANG, LI);
    f.walkIn();
    const r = f.walkIn({ kind: 'RETURNING', ownerId: WANG, ownerServesBoth: true });
    expect(r).toMatchObject({ consultantId: WANG, explanation: { params: { servesBoth: true } } });
  });

  it('R10/O8: a same-day deal with the helper splits the credit half/half and withdraws the make-up', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    f.walkIn();
    const r = f.walkIn({ kind: 'RETURNING', ownerId: WANG, helperId: ZHANG });
    f.run({ type: 'RECORD_SAME_DAY_DEAL', receptionId: r.id }, MANAGER);
    expect(f.state.receptions.get(r.id)!.credit).toEqual([
      { consultantId: WANG, share: 0.5 },
      { consultantId: ZHANG, share: 0.5 },
    ]);
    expect(f.makeUps(ZHANG)).toEqual({ normal: 0, priority: 0 });
    expect(f.counted(ZHANG)).toBe(0.5);
  });
});

describe("R11 colleague's customer", () => {
  it('R11 variant A: handed over at once; the discoverer gets a priority make-up; not counted for the colleague', () => {
    const f = new Floor({ r11ColleagueCustomer: 'A' }).checkIn(WANG, LI, ZHANG);
    const r = f.walkIn(); // WANG
    f.run({ type: 'HAND_OVER', receptionId: r.id, toConsultantId: ZHANG }, self(WANG));
    expect(f.state.receptions.get(r.id)!).toMatchObject({ consultantId: ZHANG, credit: [] });
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 1 });
    expect(f.counted(WANG)).toBe(0);
    expect(f.walkIn().consultantId).toBe(WANG);
  });

  it("R11 variant B: the hand-over counts as the colleague's turn", () => {
    const f = new Floor({ r11ColleagueCustomer: 'B' }).checkIn(WANG, LI, ZHANG);
    const r = f.walkIn();
    f.run({ type: 'HAND_OVER', receptionId: r.id, toConsultantId: LI }, self(WANG));
    expect(f.state.receptions.get(r.id)!.credit).toEqual([{ consultantId: LI, share: 1 }]);
    expect(f.line().at(-1)).toBe(LI);
  });

  it('R11: a colleague off shift: the discoverer goes on as a courtesy with a priority make-up; a same-day deal splits', () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn();
    expect(f.rejection({ type: 'HAND_OVER', receptionId: r.id, toConsultantId: LIU }, self(WANG))).toBe('COLLEAGUE_NOT_AVAILABLE');
    f.run({ type: 'KEEP_FOR_COLLEAGUE', receptionId: r.id, colleagueId: LIU }, self(WANG));
    expect(f.state.receptions.get(r.id)!).toMatchObject({ consultantId: WANG, ownerId: LIU, credit: [] });
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 1 });
    f.run({ type: 'RECORD_SAME_DAY_DEAL', receptionId: r.id }, MANAGER);
    expect(f.state.receptions.get(r.id)!.credit).toEqual([
      { consultantId: LIU, share: 0.5 },
      { consultantId: WANG, share: 0.5 },
    ]);
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 0 });
  });

  it('R11: only the serving consultant (or a manager) hands over', () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn();
    expect(f.rejection({ type: 'HAND_OVER', receptionId: r.id, toConsultantId: LI }, self(LI))).toBe('FORBIDDEN_NOT_YOURS');
  });
});

describe('R12 non-buyers', () => {
  it('R12: a non-buyer who says so at the desk goes to the last consultant in the queue, not counted; the manager confirms', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const r = f.walkIn({ kind: 'NON_BUYER' });
    expect(r).toMatchObject({ consultantId: ZHANG, credit: [], nonBuyer: 'REPORTED' });
    expect(Object.values(f.state.alerts).map((a) => a.kind)).toEqual(['NON_BUYER_TO_CONFIRM']);
    f.run({ type: 'DECIDE_NON_BUYER', receptionId: r.id, confirmed: true, reason: 'a decorator' }, MANAGER);
    expect(f.state.receptions.get(r.id)!.nonBuyer).toBe('CONFIRMED');
    expect(Object.values(f.state.alerts)).toEqual([]);
  });

  it('R12: reported within the window the reception is not counted and the consultant gets a make-up', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const r = f.walkIn();
    f.tick(2);
    f.run({ type: 'REPORT_NON_BUYER', receptionId: r.id, keep: true }, self(WANG));
    expect(f.state.receptions.get(r.id)!).toMatchObject({ consultantId: WANG, credit: [], nonBuyer: 'REPORTED' });
    expect(f.makeUps(WANG)).toEqual({ normal: 1, priority: 0 });
  });

  it('R12: handed on, the walk-in goes to the last consultant in the queue', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const r = f.walkIn();
    f.run({ type: 'REPORT_NON_BUYER', receptionId: r.id, keep: false }, self(WANG));
    expect(f.state.receptions.get(r.id)!.consultantId).toBe(ZHANG);
  });

  it('R12: too late after the window (3 minutes by default)', () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn();
    f.tick(4);
    expect(f.rejection({ type: 'REPORT_NON_BUYER', receptionId: r.id, keep: true }, self(WANG))).toBe('NON_BUYER_WINDOW_PASSED');
  });

  it('R12: a manager who disagrees gives the credit back and takes the make-up away', () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn();
    f.run({ type: 'REPORT_NON_BUYER', receptionId: r.id, keep: true }, self(WANG));
    f.run({ type: 'DECIDE_NON_BUYER', receptionId: r.id, confirmed: false, reason: 'a real buyer' }, MANAGER);
    expect(f.state.receptions.get(r.id)!).toMatchObject({ credit: [{ consultantId: WANG, share: 1 }], nonBuyer: 'REJECTED' });
    expect(f.makeUps(WANG)).toEqual({ normal: 0, priority: 0 });
  });
});

describe('R13 phone duty', () => {
  it('R13: while the head of the line is at the door, the next one in order answers the phone', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    expect(f.board().phoneDutyId).toBe(LI);
    f.walkIn();
    expect([f.board().atDoorId, f.board().phoneDutyId]).toEqual([LI, ZHANG]);
    expect(f.board().consultants.find((c) => c.consultantId === ZHANG)!.phoneDuty).toBe(true);
  });
});

describe('R14 big buyer', () => {
  it('R14: three or more units raise an alert to the manager at once; fewer do not', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.walkIn({ unitsAsked: 2 });
    expect(Object.values(f.state.alerts)).toEqual([]);
    const r = f.walkIn({ unitsAsked: 3 });
    expect(Object.values(f.state.alerts)).toEqual([expect.objectContaining({ kind: 'BIG_BUYER', receptionId: r.id, params: { units: 3 } })]);
  });

  it('R14: a consultant reports a big buyer during the reception; the manager acknowledges', () => {
    const f = new Floor({ bigBuyerUnits: 4 }).checkIn(WANG);
    const r = f.walkIn();
    f.run({ type: 'REPORT_BIG_BUYER', receptionId: r.id, units: 5 }, self(WANG));
    const alert = Object.values(f.state.alerts)[0];
    expect(alert.kind).toBe('BIG_BUYER');
    expect(f.rejection({ type: 'ACKNOWLEDGE_ALERT', alertId: alert.id }, self(WANG))).toBe('FORBIDDEN_SUPERVISOR');
    f.run({ type: 'ACKNOWLEDGE_ALERT', alertId: alert.id }, MANAGER);
    expect(Object.values(f.state.alerts)).toEqual([]);
  });
});

describe('R15 supervision', () => {
  it('R15: move, skip and reinstate need the manager and a reason', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    expect(f.rejection({ type: 'SKIP', consultantId: WANG, reason: 'x' }, DESK)).toBe('FORBIDDEN_SUPERVISOR');
    expect(f.rejection({ type: 'SKIP', consultantId: WANG, reason: '  ' }, MANAGER)).toBe('REASON_REQUIRED');
    f.run({ type: 'MOVE', consultantId: ZHANG, position: 1, reason: 'VIP appointment' }, MANAGER);
    expect(f.line()).toEqual([ZHANG, WANG, LI]);
    f.run({ type: 'SKIP', consultantId: ZHANG, reason: 'on a call' }, MANAGER);
    expect(f.line()).toEqual([WANG, LI, ZHANG]);
    f.run({ type: 'REINSTATE', consultantId: ZHANG, reason: 'call ended' }, MANAGER);
    expect(f.line()).toEqual([ZHANG, WANG, LI]);
    expect(f.log.filter((e) => e.reason).map((e) => [e.type, e.reason])).toEqual([
      ['MOVED', 'VIP appointment'],
      ['SKIPPED', 'on a call'],
      ['REINSTATED', 'call ended'],
    ]);
  });

  it('R15: an assignment by hand names its reason and the rule choice it overrode', () => {
    const f = new Floor().checkIn(WANG, LI);
    const [e] = f.run({ type: 'ASSIGN_BY_HAND', receptionId: null, walkIn: { kind: 'NEW' }, consultantId: LI, counted: true, reason: 'speaks Cantonese' }, MANAGER);
    expect(e).toMatchObject({ reason: 'speaks Cantonese', explanation: { rule: 'R15', params: { overrides: 'R1', ruleChoice: WANG, counted: true } } });
    expect(f.line()).toEqual([WANG, LI]);
  });

  it('R15: the desk undoes a mis-tapped walk-in within the window; the log keeps both; the floor is as before', () => {
    const f = new Floor().checkIn(WANG, LI);
    const before = JSON.stringify({ members: f.state.members, round: f.state.round });
    f.walkIn();
    const seq = f.state.seq;
    f.tick(1);
    f.run({ type: 'UNDO', seq }, DESK);
    expect(f.log.map((e) => e.type).slice(-2)).toEqual(['WALK_IN_RECORDED', 'UNDONE']);
    expect(JSON.stringify({ members: f.state.members, round: f.state.round })).toBe(before);
    expect([...f.state.receptions.values()][0].status).toBe('UNDONE');
    expect(f.counted(WANG)).toBe(0);
    expect(f.rejection({ type: 'UNDO', seq }, DESK)).toBe('UNDO_NOT_FOUND');
  });

  it('R15: after the undo window only the manager may undo', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.walkIn();
    const seq = f.state.seq;
    f.tick(3);
    expect(f.rejection({ type: 'UNDO', seq }, DESK)).toBe('UNDO_WINDOW_PASSED');
    f.run({ type: 'UNDO', seq, reason: 'desk mis-tap' }, MANAGER);
    expect(f.board().atDoorId).toBe(WANG);
  });

  it('R15: an undo is refused once the floor has moved on for the same people', () => {
    const f = new Floor().checkIn(WANG, LI);
    const r = f.walkIn();
    const seq = f.state.seq;
    f.leave(r.id);
    expect(f.rejection({ type: 'UNDO', seq }, MANAGER)).toBe('UNDO_STATE_CHANGED');
  });

  it('R15: changes that can no longer be undone exactly leave only a small tombstone (the snapshot stays small)', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    for (let i = 0; i < 200; i++) f.serve();
    const entries = Object.values(f.state.undoable);
    expect(entries.filter((u) => !u.stale).length).toBeLessThan(5);
    expect(entries.filter((u) => u.stale).every((u) => u.effects.length === 0)).toBe(true);
    const stale = entries.find((u) => u.stale)!;
    expect(f.rejection({ type: 'UNDO', seq: stale.seq }, MANAGER)).toBe('UNDO_STATE_CHANGED');
  });

  it('R15: the state is the fold of the log: replaying every event gives the same floor', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG, LIU);
    f.run({ type: 'GO_AWAY', consultantId: LIU });
    f.serve();
    const r = f.walkIn({ unitsAsked: 4 });
    f.walkIn({ kind: 'RETURNING', ownerId: r.consultantId!, helperId: null });
    f.run({ type: 'SKIP', consultantId: ZHANG, reason: 'late' }, MANAGER);
    f.run({ type: 'CHECK_IN', consultantId: LIU });
    f.walkIn();
    expect(replay(f.log)).toEqual(f.state);
    expect(f.state.seq).toBe(f.log.length);
  });

  it('R15: a replay answers "why was I skipped?" at any moment', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'GO_AWAY', consultantId: WANG });
    f.walkIn();
    const why = f.log.find((e) => e.type === 'WALK_IN_RECORDED')!;
    expect(why.explanation.passed).toEqual([{ consultantId: WANG, rule: 'R4', since: expect.any(Number), credited: true }]);
    const then = replay(f.log.slice(0, 3));
    expect(lineOrder(then).map((m) => m.id)).toEqual([WANG, LI]);
  });
});

describe('R15 named deputy', () => {
  it('R15: a named deputy supervises like the manager, and each act records for whom', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const deputy: Actor = { userId: LI, supervisor: true, desk: false, actingFor: MANAGER.userId };
    const [e] = f.run({ type: 'SKIP', consultantId: WANG, reason: '经理外出，代为调整' }, deputy);
    expect(e).toMatchObject({ type: 'SKIPPED', actorId: LI, actingFor: MANAGER.userId });
    // The manager's own acts carry no actingFor.
    const [m] = f.run({ type: 'REINSTATE', consultantId: WANG, reason: '回来了' }, MANAGER);
    expect(m).not.toHaveProperty('actingFor');
  });

  it('R15: a deputyship holds on the days of its period only, unless ended', () => {
    const rows = [
      { id: 1, deputyId: LI, managerId: 200, fromDay: '2026-11-24', toDay: '2026-11-26', revokedAt: null },
      { id: 2, deputyId: ZHANG, managerId: 200, fromDay: '2026-11-24', toDay: '2026-11-24', revokedAt: 1 },
    ];
    expect(activeDeputyship(rows, LI, '2026-11-23')).toBeNull();
    expect(activeDeputyship(rows, LI, '2026-11-24')?.id).toBe(1);
    expect(activeDeputyship(rows, LI, '2026-11-26')?.id).toBe(1);
    expect(activeDeputyship(rows, LI, '2026-11-27')).toBeNull();
    expect(activeDeputyship(rows, ZHANG, '2026-11-24')).toBeNull();
    expect(deputyPeriodProblem('2026-11-24', '2026-11-26', '2026-11-24')).toBeNull();
    expect(deputyPeriodProblem('2026-11-26', '2026-11-24', '2026-11-20')?.field).toBe('to');
    expect(deputyPeriodProblem('2026-11-20', '2026-11-21', '2026-11-24')?.field).toBe('to');
    expect(deputyPeriodProblem('24/11/2026', '2026-11-26', '2026-11-24')?.field).toBe('from');
  });
});

describe('consultants act only for themselves', () => {
  it('a consultant cannot check in a colleague, record walk-ins or mark absences', () => {
    const f = new Floor();
    expect(f.rejection({ type: 'CHECK_IN', consultantId: LI }, self(WANG))).toBe('FORBIDDEN_NOT_YOURS');
    expect(f.rejection({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW' } }, self(WANG))).toBe('FORBIDDEN_DESK');
    f.checkIn(LI);
    expect(f.rejection({ type: 'MARK_ABSENT', consultantId: LI }, self(WANG))).toBe('FORBIDDEN_DESK');
  });

  it('checking in twice is refused with a clear code', () => {
    const f = new Floor().checkIn(WANG);
    expect(f.rejection({ type: 'CHECK_IN', consultantId: WANG })).toBe('ALREADY_ON_FLOOR');
  });
});
