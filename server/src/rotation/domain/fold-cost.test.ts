import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { seeded, simulateDay, weeklyShifts } from '../../demo/floor-day.js';
import { activeReceptions, countedToday, waitingReceptions } from './order.js';
import { businessDay, decide, DEFAULT_ROTATION_SETTINGS, evolve, initialState, lineOrder, liveUndoEntries, Receptions, replay, restoreState, shiftsForDay, type RotationEvent, type RotationState } from './index.js';

const TZ = 'Asia/Shanghai';

// Issue 17: late in a busy day a command cost several times what it cost in the morning: each
// event copied every table of the state, and the rules walked all of the day's receptions to
// find who is busy, who waits and who counted what. Now a table is copied only when an event
// changes it, a fold copies it once, and the receptions' index is carried from state to state.
describe('a command costs the same late in a busy day (issue 17)', () => {
  const ids = Array.from({ length: 20 }, (_, i) => i + 100);
  const templates = weeklyShifts(ids);
  const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
  const day = businessDay(Date.UTC(2026, 0, 5, 4), TZ);
  const sim = simulateDay(initialState(), { day, consultants: ids, deskId: 1, managerId: 2, settings, shifts: shiftsForDay(templates, [], day, TZ), walkIns: 300, registerShare: 0.45, rnd: seeded(17) });
  const events = sim.events.map((e) => e.event);
  /** The same state as fresh objects, as read from a snapshot: its index is built from scratch. */
  const fresh = (s: RotationState) => restoreState(JSON.stringify(s));
  const derived = (s: RotationState) => ({
    line: lineOrder(s).map((m) => m.id),
    waiting: waitingReceptions(s).map((r) => r.id),
    consultants: ids.map((id) => ({ id, counted: countedToday(s, id), active: activeReceptions(s, id).map((r) => r.id) })),
  });

  it('issue 17: folding a day at once gives the state of evolving it one event at a time', () => {
    const stepwise = events.reduce(evolve, initialState());
    expect(JSON.stringify(replay(events))).toBe(JSON.stringify(stepwise));
    // From a state in the middle of the day, as a catch-up does.
    const half = Math.floor(events.length / 2);
    const mid = events.slice(0, half).reduce(evolve, initialState());
    expect(JSON.stringify(replay(events.slice(half), mid))).toBe(JSON.stringify(stepwise));
    // The state it started from is untouched.
    expect(JSON.stringify(mid)).toBe(JSON.stringify(events.slice(0, half).reduce(evolve, initialState())));
  });

  it('issue 17: the undo entries still live are kept track of per list, and are those not stale, through undos', () => {
    const shifts = shiftsForDay(templates, [], day, TZ);
    let state = initialState();
    const all: RotationEvent[] = [];
    let undone = 0;
    for (const [i, e] of events.entries()) {
      state = evolve(state, e);
      all.push(e);
      // The oldest live entry, then the newest: an undone entry leaves the list wherever it is.
      const last = i % 25 === 24 ? liveUndoEntries(state).at(i % 50 === 24 ? 0 : -1) : undefined;
      if (last) {
        const d = decide(state, { type: 'UNDO', seq: last.seq, actor: { userId: 2, supervisor: true, desk: false } }, { now: e.at + 1, settings, shifts });
        if (d.ok) {
          undone += 1;
          for (const u of d.events) {
            state = evolve(state, u);
            all.push(u);
          }
          expect(liveUndoEntries(state).some((u) => u.seq === last.seq)).toBe(false);
        }
      }
      expect(liveUndoEntries(state)).toEqual(state.undoable.filter((u) => !u.stale));
    }
    expect(undone).toBeGreaterThan(5);
    expect(JSON.stringify(replay(all))).toBe(JSON.stringify(state));
    expect(liveUndoEntries(restoreState(JSON.stringify(state)))).toEqual(liveUndoEntries(state));
  });

  it('issue 17: who is busy, who waits, the counts and the line, carried through the day, equal those read from scratch', () => {
    expect(sim.state.receptions.size).toBeGreaterThan(200);
    // decide's drafts and evolve carried the index through the simulated day.
    expect(derived(sim.state)).toEqual(derived(fresh(sim.state)));
    let state = initialState();
    let checked = 0;
    for (const [i, event] of events.entries()) {
      state = evolve(state, event);
      if (i % 25 === 0 || i === events.length - 1) {
        expect(derived(state)).toEqual(derived(fresh(state)));
        checked += 1;
      }
    }
    const folded = replay(events);
    expect(derived(folded)).toEqual(derived(fresh(folded)));
    expect(checked).toBeGreaterThan(10);
  });

  it('issue 17: an event copies only the tables it changes', () => {
    const state = replay(events.slice(0, 200));
    const onlyMembers = events.slice(200).find((e) => e.effects.length > 0 && e.effects.every((f) => f.op === 'member'));
    expect(onlyMembers).toBeDefined();
    const next = evolve(state, onlyMembers!);
    expect(next.receptions).toBe(state.receptions);
    expect(next.makeUps).toBe(state.makeUps);
    expect(next.alerts).toBe(state.alerts);
    expect(next.members).not.toBe(state.members);
  });

  it('issue 17: the receptions are a Map in memory and an object keyed by id in the snapshot, which reads back as the same state', () => {
    const at = events.findLastIndex((e) => e.effects.some((f) => f.op === 'reception'));
    const state = replay(events.slice(0, at));
    expect(state.receptions).toBeInstanceOf(Receptions);
    const stored = JSON.parse(JSON.stringify(state)) as { receptions: Record<string, { id: string }> };
    // eslint-disable-next-line no-restricted-syntax -- the stored JSON: an object
    expect(Object.keys(stored.receptions)).toEqual([...state.receptions.keys()]);
    // eslint-disable-next-line no-restricted-syntax -- the stored JSON: an object
    expect(Object.entries(stored.receptions).every(([id, r]) => r.id === id)).toBe(true);
    const restored = restoreState(JSON.stringify(state));
    expect(restored.receptions).toBeInstanceOf(Receptions);
    expect(restored).toEqual(state);
    // The next event changes a copy: the restored state stays as it was.
    const later = evolve(restored, events[at]);
    expect(later.receptions).not.toBe(restored.receptions);
    expect(restored).toEqual(state);
    expect(later).toEqual(replay(events.slice(0, at + 1)));
  });
});

describe('businessDay keeps the last day of each zone (issue 17)', () => {
  const reference = (t: number, tz: string) => format(new TZDate(t, tz), 'yyyy-MM-dd');
  // Zones and dates with a daylight-saving change, some at midnight (São Paulo 2018, Havana 2019).
  const cases: Array<[string, number]> = [
    ['Asia/Shanghai', Date.UTC(2026, 11, 5)],
    ['America/Sao_Paulo', Date.UTC(2018, 10, 3)],
    ['America/Havana', Date.UTC(2019, 2, 9)],
    ['Europe/London', Date.UTC(2026, 2, 28)],
    ['America/New_York', Date.UTC(2026, 10, 1)],
    ['Asia/Kolkata', Date.UTC(2026, 0, 1)],
  ];
  it.each(cases)('issue 17: in %s every quarter hour over three days is given the same day as a fresh computation', (tz, from) => {
    for (let t = from; t < from + 3 * 86_400_000; t += 15 * 60_000) {
      expect(businessDay(t, tz)).toBe(reference(t, tz));
      // Going back and forth in time (clocks in tests, a log read) too.
      expect(businessDay(t - 86_400_000, tz)).toBe(reference(t - 86_400_000, tz));
      expect(businessDay(t, tz)).toBe(reference(t, tz));
    }
  });
});
