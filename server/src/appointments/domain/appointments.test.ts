import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { HOLDS_RESOURCES, LIFECYCLE, preparedWhenDone, transition, wasApproved } from './lifecycle.js';
import { clashes, isOverdue, overlaps } from './rooms.js';
import { checkThrift, DEFAULT_CATEGORIES, isLate, preparationTasks, seasonOf, taskOwner } from './standards.js';

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

// ---- the whole tables, edge by edge -----------------------------------------------------------------

const STATES = ['requested', 'approved', 'rescheduled', 'prepared', 'arrived', 'completed', 'rejected', 'cancelled'] as const;
/** P3 of SPEC section 4, written out once more by hand: the table in lifecycle.ts must say exactly this. */
const ALLOWED: Record<(typeof STATES)[number], string[]> = {
  requested: ['approved', 'rejected', 'cancelled', 'rescheduled'],
  approved: ['prepared', 'arrived', 'cancelled', 'rescheduled'],
  rescheduled: ['approved', 'rejected', 'prepared', 'arrived', 'cancelled', 'rescheduled'],
  prepared: ['arrived', 'cancelled', 'rescheduled'],
  arrived: ['completed'],
  completed: [],
  rejected: [],
  cancelled: [],
};

describe('P3 life cycle, every pair of states', () => {
  for (const from of STATES) {
    it(`P3: from ${from} exactly ${ALLOWED[from].join(', ') || 'nothing'} is allowed; every other move is refused with the allowed list`, () => {
      expect([...LIFECYCLE[from].to].sort()).toEqual([...ALLOWED[from]].sort());
      for (const to of STATES) {
        const t = transition(from, to);
        if (ALLOWED[from].includes(to)) {
          expect(t, `${from} → ${to}`).toEqual({ ok: true, from, to });
        } else {
          expect(t, `${from} → ${to}`).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', params: { from, to, allowed: LIFECYCLE[from].to } });
          expect(t.ok ? '' : t.message).toContain(from);
        }
      }
    });
  }

  it('P3: nothing ever goes back to requested, and nothing but arrived leads to completed', () => {
    for (const from of STATES) {
      expect(transition(from, 'requested').ok, from).toBe(false);
      expect(transition(from, 'completed').ok, from).toBe(from === 'arrived');
    }
  });

  it('P3: an approved, rescheduled, prepared or arrived appointment holds its room, equipment and tasks; the others do not', () => {
    expect([...HOLDS_RESOURCES].sort()).toEqual(['approved', 'arrived', 'prepared', 'rescheduled']);
  });

  it('P3: the last task done makes an approved appointment prepared; open tasks, an unapproved reschedule or another state do not', () => {
    expect(preparedWhenDone('approved', true, 0)).toBe('prepared');
    expect(preparedWhenDone('approved', true, 1)).toBe(null);
    expect(preparedWhenDone('rescheduled', true, 0)).toBe('prepared');
    // A rescheduled request that was never approved still waits for its approval (P1).
    expect(preparedWhenDone('rescheduled', false, 0)).toBe(null);
    for (const s of ['requested', 'prepared', 'arrived', 'completed', 'rejected', 'cancelled'] as const) expect(preparedWhenDone(s, true, 0), s).toBe(null);
  });

  it('P1: only a history with an approval counts as approved', () => {
    expect(wasApproved(['requested', 'rescheduled'])).toBe(false);
    expect(wasApproved(['requested', 'approved', 'rescheduled'])).toBe(true);
  });
});

describe('C1 notice, to the minute', () => {
  it('C1: exactly the notice is on time, a minute less is late; D with 1 day and a 0-day category', () => {
    const D = DEFAULT_CATEGORIES[3].standard;
    const requested = at(6, 1, '10:00');
    expect(isLate(D, requested, requested + 24 * H)).toBe(false);
    expect(isLate(D, requested, requested + 24 * H - 60_000)).toBe(true);
    expect(isLate({ ...D, advanceNoticeDays: 0 }, requested, requested + 60_000)).toBe(false);
  });

  it('C1: the A–D defaults name who they are, who receives and the responsible department; A and B need a room, D does not', () => {
    for (const c of DEFAULT_CATEGORIES) {
      for (const text of [c.name, c.who, c.receiver, c.department]) {
        expect(text.zh.length, c.code).toBeGreaterThan(0);
        expect(text.en.length, c.code).toBeGreaterThan(0);
      }
      expect(c.standard.category).toBe(c.code);
      expect(c.standard.checklist.length, c.code).toBeGreaterThan(0);
      expect(c.standard.budgetPerGuest).toBeGreaterThanOrEqual(0);
    }
    expect(DEFAULT_CATEGORIES.map((c) => c.standard.meetingRoom)).toEqual([true, true, true, false]);
    expect(A.needsSeniorLeader).toBe(true);
    expect(A.equipment).toEqual(expect.arrayContaining(['projector', 'laser-pointer']));
  });
});

describe('C2 seasons and P1 tasks, item by item', () => {
  it('C2: every month of the year falls in exactly the season its winterMonths say', () => {
    for (let m = 1; m <= 12; m++) {
      expect(seasonOf(at(m, 15), A.winterMonths, TZ), `month ${m}`).toBe(A.winterMonths.includes(m) ? 'WINTER' : 'SUMMER');
    }
    // An administrator's own winter (only January) changes the season of a December visit.
    expect(seasonOf(at(12, 15), [1], TZ)).toBe('SUMMER');
    expect(seasonOf(at(1, 15), [1], TZ)).toBe('WINTER');
  });

  it("C2: the first minute of November in Shanghai is winter; the last minute of October is summer", () => {
    expect(seasonOf(at(10, 31, '23:59'), A.winterMonths, TZ)).toBe('SUMMER');
    expect(seasonOf(at(11, 1, '00:00'), A.winterMonths, TZ)).toBe('WINTER');
    expect(seasonOf(at(4, 1, '00:00'), A.winterMonths, TZ)).toBe('SUMMER');
    expect(seasonOf(at(3, 31, '23:59'), A.winterMonths, TZ)).toBe('WINTER');
  });

  it('C2, P1: a winter A visit gets every all-year item plus the winter plates, each due its hours before the visit with its owner', () => {
    const visit = at(1, 15, '14:00');
    const tasks = preparationTasks(A, visit, TZ);
    const expected = A.checklist.filter((i) => i.season !== 'SUMMER');
    expect(tasks).toEqual(expected.map((i) => ({ key: i.key, label: i.label, owner: i.owner, due: visit - i.dueHoursBefore * H })));
    expect(tasks.map((t) => t.key)).toEqual(['tables', 'temperature', 'winter-plates', 'tea', 'cigarettes', 'plan']);
  });

  it('C2: a category without seasonal items gives the same tasks in both seasons', () => {
    expect(preparationTasks(C, at(1, 15), TZ).map((t) => t.key)).toEqual(preparationTasks(C, at(7, 15), TZ).map((t) => t.key));
    expect(preparationTasks({ ...C, checklist: [] }, at(7, 15), TZ)).toEqual([]);
  });

  it('P1: taskOwner gives LEAD to the lead, ADMINISTRATION to the administration head, RECEIVER to the receiver; each falls back to the lead', () => {
    const all = { leadUserId: 1, receiverUserId: 2, administrationUserId: 3 };
    expect(taskOwner('LEAD', all)).toBe(1);
    expect(taskOwner('RECEIVER', all)).toBe(2);
    expect(taskOwner('ADMINISTRATION', all)).toBe(3);
    const none = { leadUserId: 1, receiverUserId: null, administrationUserId: null };
    expect(taskOwner('LEAD', none)).toBe(1);
    expect(taskOwner('RECEIVER', none)).toBe(1);
    expect(taskOwner('ADMINISTRATION', none)).toBe(1);
  });
});

describe('C4 thrift, at the limits', () => {
  it('C4: hosts equal to guests pass, one more is refused on the field hosts', () => {
    expect(checkThrift(A, 5, 5, null)).toBe(null);
    expect(checkThrift(A, 5, 6, null)).toEqual({ code: 'C4_HOSTS', message: expect.any(String), field: 'hosts' });
    expect(checkThrift(A, 5, 0, null)).toBe(null);
  });

  it('C4: a cost of exactly budget × guests passes, one yuan more is refused on estimatedCost; no estimate is no check', () => {
    expect(checkThrift(A, 4, 1, 800 * 4)).toBe(null);
    expect(checkThrift(A, 4, 1, 800 * 4 + 1)).toMatchObject({ code: 'C4_BUDGET', field: 'estimatedCost' });
    expect(checkThrift(A, 4, 1, null)).toBe(null);
    // D has no budget at all: any cost is over it, none is fine.
    const D = DEFAULT_CATEGORIES[3].standard;
    expect(checkThrift(D, 2, 1, 1)?.code).toBe('C4_BUDGET');
    expect(checkThrift(D, 2, 1, 0)).toBe(null);
  });

  it('C4: no guests is refused on headcount before anything else', () => {
    expect(checkThrift(A, 0, 0, null)).toMatchObject({ code: 'HEADCOUNT', field: 'headcount' });
    expect(checkThrift(A, 0, 3, 999_999)).toMatchObject({ code: 'HEADCOUNT' });
  });

  it('C4: the service turns the hosts rule off by checking zero hosts; the budget still holds', () => {
    // appointments.service passes hosts 0 when a category's hostsAtMostGuests is false.
    expect(checkThrift(C, 2, 0, null)).toBe(null);
    expect(checkThrift(C, 2, 0, 401)?.code).toBe('C4_BUDGET');
  });
});

describe('P2 and C3 overlaps, at the edges', () => {
  it('P2: containment, identical and one-millisecond overlaps clash; touching at either end does not', () => {
    const b = { start: 100, end: 200 };
    expect(overlaps(b, { start: 100, end: 200 })).toBe(true);
    expect(overlaps(b, { start: 120, end: 150 })).toBe(true);
    expect(overlaps(b, { start: 50, end: 250 })).toBe(true);
    expect(overlaps(b, { start: 199, end: 300 })).toBe(true);
    expect(overlaps(b, { start: 0, end: 101 })).toBe(true);
    expect(overlaps(b, { start: 200, end: 300 })).toBe(false);
    expect(overlaps(b, { start: 0, end: 100 })).toBe(false);
  });

  it('P2: clashes names every clashing booking of the room and skips the one being moved', () => {
    const existing = [
      { id: 1, resourceId: 7, start: 100, end: 200 },
      { id: 2, resourceId: 7, start: 200, end: 300 },
      { id: 3, resourceId: 9, start: 100, end: 300 },
    ];
    expect(clashes(existing, { resourceId: 7, start: 150, end: 250 }).map((b) => b.id)).toEqual([1, 2]);
    expect(clashes(existing, { resourceId: 7, start: 150, end: 250 }, 2).map((b) => b.id)).toEqual([1]);
    expect(clashes([], { resourceId: 7, start: 150, end: 250 })).toEqual([]);
  });
});
