import { describe, expect, it } from 'vitest';
import { seeded, simulateDay } from '../../demo/floor-day.js';
import { businessDay, DEFAULT_ROTATION_SETTINGS, initialState, shiftsForDay, type RotationState } from './index.js';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;

// Issue 17, "cost flat in history": a command folds the state from its cache or the last
// snapshot, so its cost follows the size of the state. The state carries one business day:
// what happened on earlier days is only in the log.
describe('the floor state carries one business day, whatever the history (issue 17)', () => {
  it('after weeks of floor days the state holds only the last day\'s receptions, undo entries and alerts', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i + 100);
    const templates = ids.flatMap((consultantId) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId, weekday, startTime: '09:00', endTime: '21:00' })));
    const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: TZ };
    const rnd = seeded(17);
    const start = Date.UTC(2026, 0, 5, 4);
    let state: RotationState = initialState();
    const sizes: number[] = [];
    for (let d = 0; d < 21; d++) {
      const day = businessDay(start + d * DAY, TZ);
      state = simulateDay(state, { day, consultants: ids, deskId: 1, managerId: 2, settings, shifts: shiftsForDay(templates, [], day, TZ), walkIns: 60, registerShare: 0.45, rnd }).state;
      expect(state.day).toBe(day);
      for (const r of Object.values(state.receptions)) expect(businessDay(r.arrivedAt, TZ)).toBe(day);
      sizes.push(JSON.stringify(state).length);
    }
    expect(state.seq).toBeGreaterThan(21 * 60);
    // Day-to-day size varies with that day's walk-ins (weekends are busier), not with the days before.
    expect(Math.max(...sizes.slice(14))).toBeLessThan(2 * Math.max(...sizes.slice(0, 7)));
  });
});
