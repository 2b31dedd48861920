import { describe, expect, it } from 'vitest';
import { lateHint, thriftHints } from './hints';

const HOUR = 3600_000;
const now = Date.parse('2026-11-24T02:00:00.000Z');
const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
const C = { advanceNoticeDays: 1, budgetPerGuest: 200, hostsAtMostGuests: true };

describe('C1 late hint', () => {
  it('C1: a visit sooner than the advance notice is late', () => {
    expect(lateHint(C, now, at(23))).toEqual({ late: true, noticeHours: 23, advanceNoticeDays: 1 });
  });

  it('C1: exactly the notice asked is not late', () => {
    expect(lateHint(C, now, at(24))?.late).toBe(false);
    expect(lateHint({ advanceNoticeDays: 2 }, now, at(47.5))?.late).toBe(true);
    expect(lateHint({ advanceNoticeDays: 2 }, now, at(72))?.late).toBe(false);
  });

  it('gives nothing without a category or a start', () => {
    expect(lateHint(null, now, at(5))).toBeNull();
    expect(lateHint(C, now, null)).toBeNull();
    expect(lateHint(C, now, 'not a date')).toBeNull();
  });

  it('a start in the past gives no negative notice', () => {
    expect(lateHint(C, now, at(-3))).toEqual({ late: true, noticeHours: 0, advanceNoticeDays: 1 });
  });
});

describe('C4 thrift hints', () => {
  it('C4: more hosts than guests is flagged', () => {
    expect(thriftHints(C, 2, 3, null)).toEqual([
      { code: 'C4_HOSTS', field: 'hosts', hosts: 3, guests: 2 },
    ]);
    expect(thriftHints(C, 3, 3, null)).toEqual([]);
  });

  it('C4: a category without the hosts rule allows more hosts', () => {
    expect(thriftHints({ ...C, hostsAtMostGuests: false }, 2, 5, null)).toEqual([]);
  });

  it('C4: a cost above budget × guests is flagged, at the budget it is not', () => {
    expect(thriftHints(C, 3, 1, 600)).toEqual([]);
    expect(thriftHints(C, 3, 1, 601)).toEqual([
      { code: 'C4_BUDGET', field: 'estimatedCost', cost: 601, budget: 600, perGuest: 200 },
    ]);
  });

  it('both at once; nothing without guests or a category', () => {
    expect(thriftHints(C, 1, 2, 1000).map((h) => h.code)).toEqual(['C4_HOSTS', 'C4_BUDGET']);
    expect(thriftHints(C, 0, 2, 1000)).toEqual([]);
    expect(thriftHints(null, 1, 2, 1000)).toEqual([]);
  });
});
