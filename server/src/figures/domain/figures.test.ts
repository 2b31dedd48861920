import { describe, expect, it } from 'vitest';
import { foldDay } from './day.js';
import { assembleFigures, daysOf, periodOf } from './figures.js';

describe('figures periods', () => {
  it('a day, its ISO week (Monday first), its month, or a custom range of at most a year', () => {
    expect(periodOf('DAY', '2025-03-12')).toEqual({ from: '2025-03-12', to: '2025-03-12' });
    expect(periodOf('WEEK', '2025-03-16')).toEqual({ from: '2025-03-10', to: '2025-03-16' });
    expect(periodOf('MONTH', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('CUSTOM', '2025-01-01', '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodOf('CUSTOM', '2025-01-02', '2025-01-01')).toEqual({ error: 'to' });
    expect(periodOf('CUSTOM', '2024-01-01', '2025-01-02')).toEqual({ error: 'to' });
    expect(periodOf('DAY', '2025-13-01')).toEqual({ error: 'date' });
    expect(daysOf({ from: '2025-02-27', to: '2025-03-02' })).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
  });

  it('R1: a consultant alone on a shift is not compared; an empty period has no spread', () => {
    const day = foldDay('2025-03-11', [], [
      { consultantId: 1, start: 0, end: 10 },
      { consultantId: 2, start: 5, end: 10 },
    ]);
    expect(day.consultants.map((c) => c.shift)).toEqual(['0-10', '5-10']);
    const f = assembleFigures({ from: '2025-03-11', to: '2025-03-11' }, [day], new Map(), [1, 2]);
    expect(f.fairness).toEqual({ spread: 0, rows: [] });
    expect(f.consultants.map((c) => [c.consultantId, c.counted, c.conversion])).toEqual([
      [1, 0, null],
      [2, 0, null],
    ]);
  });
});
