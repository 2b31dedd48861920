import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { seeded, simulateDay, weeklyShifts } from '../../demo/floor-day.js';
import { businessDay, decide, DEFAULT_ROTATION_SETTINGS, evolve, initialState, replay, restoreState, shiftsForDay, type RotationState } from './index.js';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;

// Issue 17, "cost flat in history": a command folds the state from its cache or the last
// snapshot, so its cost follows the size of the state. The state carries one business day:
// what happened on earlier days is only in the log.
describe('the floor state carries one business day, whatever the history (issue 17)', () => {
  it('after weeks of floor days the state holds only the last day\'s receptions, undo entries and alerts', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i + 100);
    const templates = weeklyShifts(ids);
    const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
    const rnd = seeded(17);
    const start = Date.UTC(2026, 0, 5, 4);
    let state: RotationState = initialState();
    const sizes: number[] = [];
    for (let d = 0; d < 21; d++) {
      const day = businessDay(start + d * DAY, TZ);
      state = simulateDay(state, { day, consultants: ids, deskId: 1, managerId: 2, settings, shifts: shiftsForDay(templates, [], day, TZ), walkIns: 60, registerShare: 0.45, rnd }).state;
      expect(state.day).toBe(day);
      for (const r of state.receptions.values()) expect(businessDay(r.arrivedAt, TZ)).toBe(day);
      sizes.push(JSON.stringify(state).length);
    }
    expect(state.seq).toBeGreaterThan(21 * 60);
    // Day-to-day size varies with that day's walk-ins (weekends are busier), not with the days before.
    expect(Math.max(...sizes.slice(14))).toBeLessThan(2 * Math.max(...sizes.slice(0, 7)));
  });
});

// Issue 17, bench:assign on a year of history: the fold cost more per event than on an empty
// site although the state was the same size. The undo entries were an object keyed by seq; a
// year of history makes those keys ~170,000 with a few hundred present, and V8 keeps such an
// object in slow dictionary mode, so every fold's copy and walk of it cost twice as much.
setFlagsFromString('--allow-natives-syntax');
const dictionaryElements = new Function('o', 'return %HasDictionaryElements(o)') as (o: object) => boolean;

/** Paths of the objects and arrays in `x` whose elements V8 keeps as a dictionary (slow mode). */
function slowParts(x: unknown, path = 'state'): string[] {
  if (x === null || typeof x !== 'object') return [];
  const own = dictionaryElements(x) ? [path] : [];
  return [...own, ...Object.entries(x).flatMap(([k, v]) => slowParts(v, `${path}.${k}`))];
}

describe('the fold after a year of history (issue 17)', () => {
  const ids = Array.from({ length: 10 }, (_, i) => i + 100);
  const templates = weeklyShifts(ids);
  const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
  const day = businessDay(Date.UTC(2026, 0, 5, 4), TZ);
  const sim = simulateDay(initialState(), { day, consultants: ids, deskId: 1, managerId: 2, settings, shifts: shiftsForDay(templates, [], day, TZ), walkIns: 200, registerShare: 0.45, rnd: seeded(17) });
  const events = sim.events.map((e) => e.event);
  /** The day folded after `before` events of earlier days (a year at ~460 a day: ~170,000). */
  const foldAfter = (before: number): RotationState => replay(events, { ...initialState(), seq: before });

  it('the probe sees a seq-keyed object of a year as slow', () => {
    expect(dictionaryElements({ [170_001]: 1, [170_005]: 2 })).toBe(true);
    expect(dictionaryElements({ 1: 1, 5: 2 })).toBe(false);
  });

  it('issue 17: after a year of history no part of the state is in slow dictionary mode, as on an empty site', () => {
    const fresh = foldAfter(0);
    const late = foldAfter(170_000);
    expect(slowParts(fresh)).toEqual([]);
    expect(slowParts(late)).toEqual([]);
    expect(late.undoable.length).toBeGreaterThan(100);
    // Same floor, only the seqs differ.
    expect(late.undoable.map((u) => u.seq - 170_000)).toEqual(fresh.undoable.map((u) => u.seq));
    expect(late.receptions).toEqual(fresh.receptions);
  });

  it('issue 17: a snapshot written before the undo entries were a list reads back as the same state, undo included', () => {
    const state = sim.state;
    const legacy = JSON.stringify({ ...state, undoable: Object.fromEntries(state.undoable.map((u) => [String(u.seq), u])) });
    const restored = restoreState(legacy);
    expect(restored).toEqual(state);
    // The last undo entry still live: the manager undoes it on the old shape and on the restored one alike.
    const live = state.undoable.filter((u) => !u.stale).at(-1)!;
    const undo = { type: 'UNDO' as const, seq: live.seq, actor: { userId: 2, supervisor: true, desk: false } };
    const ctx = { now: live.at + 60_000, settings, shifts: shiftsForDay(templates, [], day, TZ) };
    const fromRestored = decide(restored, undo, ctx);
    expect(fromRestored.ok).toBe(true);
    // The undo entries as old snapshots hold them (an object by seq); receptions as restored.
    // eslint-disable-next-line no-restricted-syntax -- the old shape on purpose, receptions replaced
    const oldShape = () => ({ ...(JSON.parse(legacy) as RotationState), receptions: restoreState(legacy).receptions });
    expect(decide(oldShape(), undo, ctx)).toEqual(fromRestored);
    // The next event folds the old shape into the list.
    if (!fromRestored.ok) return;
    const next = evolve(oldShape(), fromRestored.events[0]);
    expect(next.undoable.map((u) => u.seq)).not.toContain(live.seq);
    expect(next).toEqual(evolve(restored, fromRestored.events[0]));
  });
});
