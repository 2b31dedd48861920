// Safe taps: a consultant takes back their own mis-tap (left the floor, went away, came
// back, customer left) within the undo window, as its own event in the log (R6 window, R15 log).
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  decide,
  DEFAULT_ROTATION_SETTINGS,
  evolve,
  initialState,
  lineOrder,
  replay,
  type Actor,
  type RotationCommand,
  type RotationEvent,
  type RotationSettings,
  type RotationState,
} from './index.js';

const TZ = 'Asia/Shanghai';
const start = new TZDate(2026, 10, 24, 10, 0, 0, 0, TZ).getTime();
const DESK: Actor = { userId: 100, supervisor: false, desk: true };
const MANAGER: Actor = { userId: 200, supervisor: true, desk: false };
const self = (id: number): Actor => ({ userId: id, supervisor: false, desk: false });
const [WANG, LI, ZHANG] = [1, 2, 3];

type Cmd = RotationCommand extends infer C
  ? C extends RotationCommand
    ? Omit<C, 'actor'>
    : never
  : never;

class Floor {
  state: RotationState = initialState();
  log: RotationEvent[] = [];
  now = start;
  settings: RotationSettings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
  shifts = [WANG, LI, ZHANG].map((id) => ({
    consultantId: id,
    start: start - 3_600_000,
    end: start + 10 * 3_600_000,
  }));

  tick(minutes: number) {
    this.now += minutes * 60_000;
    return this;
  }

  attempt(cmd: Cmd, actor: Actor) {
    return decide(this.state, { ...cmd, actor } as RotationCommand, {
      now: this.now,
      settings: this.settings,
      shifts: this.shifts,
    });
  }

  run(cmd: Cmd, actor: Actor): RotationEvent[] {
    const d = this.attempt(cmd, actor);
    if (!d.ok) throw new Error(`${d.rejection.code}: ${d.rejection.message}`);
    for (const e of d.events) {
      this.state = evolve(this.state, e);
      this.log.push(e);
    }
    return d.events;
  }

  rejection(cmd: Cmd, actor: Actor) {
    const d = this.attempt(cmd, actor);
    if (d.ok)
      throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
    return d.rejection.code;
  }

  checkIn(...ids: number[]) {
    for (const id of ids) {
      this.run({ type: 'CHECK_IN', consultantId: id }, self(id));
      this.tick(1);
    }
    return this;
  }

  line() {
    return lineOrder(this.state).map((m) => m.id);
  }
}

describe('safe taps: taking back my own tap', () => {
  it('R15: a mistaken "leave" taken back restores the place in the line; the log shows the tap and its correction', () => {
    const f = new Floor().checkIn(WANG, LI, ZHANG);
    const before = JSON.stringify(f.state.members[LI]);
    f.run({ type: 'CHECK_OUT', consultantId: LI }, self(LI));
    const seq = f.state.seq;
    expect(f.line()).toEqual([WANG, ZHANG]);
    f.tick(1);
    const [e] = f.run({ type: 'TAKE_BACK', seq }, self(LI));
    expect(e).toMatchObject({
      type: 'TAKEN_BACK',
      consultantId: LI,
      actorId: LI,
      explanation: { params: { seq, undoneType: 'CHECKED_OUT' } },
    });
    expect(f.line()).toEqual([WANG, LI, ZHANG]);
    expect(JSON.stringify(f.state.members[LI])).toBe(before);
    expect(f.log.map((x) => x.type).slice(-2)).toEqual(['CHECKED_OUT', 'TAKEN_BACK']);
    expect(replay(f.log)).toEqual(f.state);
    // Once taken back it cannot be taken back again.
    expect(f.rejection({ type: 'TAKE_BACK', seq }, self(LI))).toBe('UNDO_NOT_FOUND');
  });

  it('R15: the head of the line who left by mistake is at the door again after taking it back', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'CHECK_OUT', consultantId: WANG }, self(WANG));
    const seq = f.state.seq;
    // Walk-ins in between go to others; they do not touch Wang, so the take-back is exact.
    f.run({ type: 'RECORD_WALK_IN', walkIn: { kind: 'ASKING_WAY' } }, DESK);
    f.run({ type: 'TAKE_BACK', seq }, self(WANG));
    expect(f.line()[0]).toBe(WANG);
  });

  it('R15: going away, coming back and "customer left" can each be taken back', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'GO_AWAY', consultantId: WANG }, self(WANG));
    f.run({ type: 'TAKE_BACK', seq: f.state.seq }, self(WANG));
    expect(f.state.members[WANG].presence).toBe('ON_FLOOR');

    const [walkIn] = f.run({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW' } }, DESK);
    const receptionId = walkIn.receptionId!;
    expect(f.state.receptions.get(receptionId)!.consultantId).toBe(WANG);
    f.tick(5);
    f.run({ type: 'END_RECEPTION', receptionId }, self(WANG));
    expect(f.state.receptions.get(receptionId)!.status).toBe('ENDED');
    f.run({ type: 'TAKE_BACK', seq: f.state.seq }, self(WANG));
    expect(f.state.receptions.get(receptionId)!).toMatchObject({ status: 'ACTIVE', endedAt: null });
  });

  it("R6: the take-back window is the desk's undo window; after it the manager corrects", () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'CHECK_OUT', consultantId: WANG }, self(WANG));
    const seq = f.state.seq;
    f.tick(f.settings.undoWindowMinutes + 1);
    expect(f.rejection({ type: 'TAKE_BACK', seq }, self(WANG))).toBe('UNDO_WINDOW_PASSED');
    f.run({ type: 'UNDO', seq, reason: 'left by mistake' }, MANAGER);
    expect(f.line()).toEqual([WANG, LI]);
  });

  it('a consultant takes back only their own taps, and only floor taps', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'CHECK_OUT', consultantId: WANG }, self(WANG));
    expect(f.rejection({ type: 'TAKE_BACK', seq: f.state.seq }, self(LI))).toBe(
      'FORBIDDEN_NOT_YOURS',
    );
    f.run({ type: 'CHECK_IN', consultantId: WANG }, self(WANG));
    f.run({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW' } }, DESK);
    // A walk-in is the desk's to undo, not a consultant's to take back.
    expect(f.rejection({ type: 'TAKE_BACK', seq: f.state.seq }, self(WANG))).toBe('UNDO_NOT_FOUND');
  });

  it('R15: a take-back is refused once the floor moved on for the same person (checked in again)', () => {
    const f = new Floor().checkIn(WANG, LI);
    f.run({ type: 'CHECK_OUT', consultantId: WANG }, self(WANG));
    const seq = f.state.seq;
    f.run({ type: 'CHECK_IN', consultantId: WANG }, self(WANG));
    expect(f.rejection({ type: 'TAKE_BACK', seq }, self(WANG))).toBe('UNDO_STATE_CHANGED');
    expect(f.line()).toEqual([LI, WANG]);
  });
});
