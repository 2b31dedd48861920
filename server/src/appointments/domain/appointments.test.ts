import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE, transition } from './lifecycle.js';
import { clashes, isOverdue, overlaps } from './rooms.js';
import { checkThrift, DEFAULT_CATEGORIES, isLate, preparationTasks, seasonOf } from './standards.js';

const TZ = 'Asia/Shanghai';
const at = (month: number, day: number, hhmm = '10:00') => {
  const [h, m] = hhmm.split(':').map(Number);
  return new TZDate(2026, month - 1, day, h, m, 0, 0, TZ).getTime();
};
const A = DEFAULT_CATEGORIES[0].standard;
const C = DEFAULT_CATEGORIES[2].standard;
const H = 3600_000;

describe('C1 standards per category', () => {
  it('C1: the defaults of SPEC section 3 are there: four categories with notice 2/2/1/1 days', () => {
    expect(DEFAULT_CATEGORIES.map((c) => [c.code, c.standard.advanceNoticeDays])).toEqual([
      ['A', 2],
      ['B', 2],
      ['C', 1],
      ['D', 1],
    ]);
  });

  it('C1: a request with less notice than its category asks is late (2 days for A, 1 for C)', () => {
    expect(isLate(A, at(6, 1), at(6, 3, '09:00'))).toBe(true);
    expect(isLate(A, at(6, 1), at(6, 3, '10:00'))).toBe(false);
    expect(isLate(C, at(6, 1), at(6, 2, '10:00'))).toBe(false);
  });
});

describe('C2 checklist template', () => {
  it('C2: a winter visit gets three plates of dried fruit and one of fruit; a summer visit the reverse', () => {
    const winter = preparationTasks(A, at(1, 15), TZ).map((t) => t.key);
    const summer = preparationTasks(A, at(7, 15), TZ).map((t) => t.key);
    expect(winter).toContain('winter-plates');
    expect(winter).not.toContain('summer-plates');
    expect(summer).toContain('summer-plates');
    expect(summer).not.toContain('winter-plates');
    expect(winter).toEqual(expect.arrayContaining(['tables', 'temperature', 'tea', 'cigarettes']));
  });

  it("C2: the season follows the visit's date in the site's time zone", () => {
    // 31 Oct 20:00 UTC is already 1 Nov in Shanghai: winter there.
    const instant = Date.UTC(2026, 9, 31, 20, 0);
    expect(seasonOf(instant, A.winterMonths, TZ)).toBe('WINTER');
    expect(seasonOf(instant, A.winterMonths, 'UTC')).toBe('SUMMER');
  });

  it('P1: each task has an owner and a due time before the visit', () => {
    const visit = at(7, 15);
    const plan = preparationTasks(A, visit, TZ).find((t) => t.key === 'plan')!;
    expect(plan).toMatchObject({ owner: 'LEAD', due: visit - 48 * H });
  });
});

describe('C4 thrift', () => {
  it('C4: hosts no more than guests; costs within the budget per guest', () => {
    expect(checkThrift(C, 3, 4, null)?.code).toBe('C4_HOSTS');
    expect(checkThrift(C, 3, 3, 600)).toBe(null);
    expect(checkThrift(C, 3, 2, 601)?.code).toBe('C4_BUDGET');
  });
});

describe('P2 rooms', () => {
  it('P2: a room booked for an overlapping time is refused; back-to-back is fine', () => {
    const existing = [{ id: 1, resourceId: 7, start: at(6, 1, '09:00'), end: at(6, 1, '10:00') }];
    expect(clashes(existing, { resourceId: 7, start: at(6, 1, '09:30'), end: at(6, 1, '11:00') })).toHaveLength(1);
    expect(clashes(existing, { resourceId: 7, start: at(6, 1, '10:00'), end: at(6, 1, '11:00') })).toHaveLength(0);
    expect(clashes(existing, { resourceId: 8, start: at(6, 1, '09:30'), end: at(6, 1, '11:00') })).toHaveLength(0);
    expect(clashes(existing, { resourceId: 7, start: at(6, 1, '09:30'), end: at(6, 1, '11:00') }, 1)).toHaveLength(0);
    expect(overlaps({ start: 1, end: 2 }, { start: 2, end: 3 })).toBe(false);
  });
});

describe('P3 life cycle', () => {
  it('P3: requested → approved → prepared → arrived → completed', () => {
    const path = ['requested', 'approved', 'prepared', 'arrived', 'completed'] as const;
    for (let i = 1; i < path.length; i++) expect(transition(path[i - 1], path[i]).ok).toBe(true);
  });

  it('P3: invalid moves are refused with a clear code and the allowed moves', () => {
    const t = transition('completed', 'approved');
    expect(t).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', params: { from: 'completed', to: 'approved', allowed: [] } });
    expect(transition('requested', 'arrived').ok).toBe(false);
    expect(transition('rejected', 'approved').ok).toBe(false);
  });

  it('P3: rejected, cancelled and completed are final; reschedule is possible until arrival', () => {
    for (const s of ['rejected', 'cancelled', 'completed'] as const) expect(LIFECYCLE[s].to).toEqual([]);
    for (const s of ['requested', 'approved', 'prepared', 'rescheduled'] as const) expect(transition(s, 'rescheduled').ok).toBe(true);
    expect(transition('arrived', 'rescheduled').ok).toBe(false);
  });
});

describe('P5 special requests', () => {
  it('P5: a special request is overdue once its promised reply time passed without a reply', () => {
    expect(isOverdue({ promisedBy: 100, repliedAt: null }, 101)).toBe(true);
    expect(isOverdue({ promisedBy: 100, repliedAt: null }, 100)).toBe(false);
    expect(isOverdue({ promisedBy: 100, repliedAt: 150 }, 200)).toBe(false);
  });
});
