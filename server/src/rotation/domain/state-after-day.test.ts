import { describe, expect, it } from 'vitest';
import { seeded, simulateDay, type SimulatedDay, weeklyShifts } from '../../demo/floor-day.js';
import {
  businessDay,
  DEFAULT_ROTATION_SETTINGS,
  initialState,
  replay,
  shiftsForDay,
  stateAfterDay,
  type RotationState,
  type SequencedEvent,
} from './index.js';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
const ids = [100, 101, 102, 103, 104, 105];
const templates = weeklyShifts(ids);
const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
const start = Date.UTC(2026, 0, 5, 4);

/** The floor over the given days (in this order), decided by the engine; every event with its seq. */
function floor(days: string[]): SequencedEvent[] {
  const rnd = seeded(23);
  let state: RotationState = initialState();
  const log: SimulatedDay['events'] = [];
  for (const day of days) {
    const sim = simulateDay(state, {
      day,
      consultants: ids,
      deskId: 1,
      managerId: 2,
      settings,
      shifts: shiftsForDay(templates, [], day, TZ),
      walkIns: 12,
      rnd,
    });
    state = sim.state;
    log.push(...sim.events);
  }
  return log.map(({ seq, event }) => ({ seq, event }));
}

const json = (s: RotationState) => JSON.parse(JSON.stringify(s)) as unknown;
/** What the old rotationBoardAt did: the whole log up to seq, from the first event. */
const wholeLog = (log: SequencedEvent[], seq: number) =>
  replay(log.filter((e) => e.seq <= seq).map((e) => e.event));
/** What it reads now: the events of seq's business day up to seq. */
const dayOf = (log: SequencedEvent[], seq: number) =>
  log.filter((e) => e.seq <= seq && e.event.day === log[seq - 1].event.day);

describe('stateAfterDay: the state after an event, folded from its business day (issue 17)', () => {
  it("issue 17: at every seq of three business days, the fold of that day's events equals the fold of the whole log", () => {
    const days = [0, 1, 2].map((d) => businessDay(start + d * DAY, TZ));
    const log = floor(days);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(new Set(log.map((e) => e.event.day))).toEqual(new Set(days));
    for (const { seq } of log) {
      const events = dayOf(log, seq);
      // Past the first day, far fewer events than the whole log.
      if (log[seq - 1].event.day !== days[0]) expect(events[0].seq).toBeGreaterThan(1);
      expect(json(stateAfterDay(events))).toEqual(json(wholeLog(log, seq)));
    }
  });

  it('issue 17: a day that comes back after another (a clock set back) folds only its run after the gap', () => {
    const [a, b] = [0, 1].map((d) => businessDay(start + d * DAY, TZ));
    const log = floor([a, b, a]);
    const back = log.findIndex((e, i) => i > 0 && e.event.day === a && log[i - 1].event.day === b);
    expect(back).toBeGreaterThan(0);
    for (const { seq } of log.slice(back)) {
      const events = dayOf(log, seq);
      // The day's events include the first run, which the whole log's fold dropped at day b.
      expect(events[0].seq).toBe(1);
      expect(json(stateAfterDay(events))).toEqual(json(wholeLog(log, seq)));
    }
  });

  it('no events: the empty floor', () => {
    expect(stateAfterDay([])).toEqual(initialState());
  });
});
