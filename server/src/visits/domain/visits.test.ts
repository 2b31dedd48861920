import { describe, expect, it } from 'vitest';
import { addSiteMonths, dayOf, monthOf, monthStart, monthsBetween } from './calendar.js';
import { visitFigures, type FigureVisit } from './figures.js';
import { distance, isValidRegion } from './regions.js';
import { remindersDue, type ReminderFacts } from './reminders.js';
import { DEFAULT_VISIT_SETTINGS, type VisitSettings } from './settings.js';
import { checkPlanItems, checkPromises, isRejection, planLate, plannableMonths, reportDueAt, reportLate, transition, visitsDue } from './visits.js';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso).getTime();
// 杭州市 (330100) 西湖区 (330106) in 浙江省 (330000); 宁波市 330200; 上海市 310000/310100.
const HANGZHOU = { province: '330000', city: '330100', district: '330106' };
const NINGBO = { province: '330000', city: '330200', district: null };
const SHANGHAI = { province: '310000', city: '310100', district: '310104' };
const settings: VisitSettings = { ...DEFAULT_VISIT_SETTINGS, siteProvince: '330000', siteCity: '330100', siteDistrict: null, timezone: TZ };

describe('regions (V2)', () => {
  it('V2: codes come from the division data and must nest', () => {
    expect(isValidRegion(HANGZHOU)).toBe(true);
    expect(isValidRegion(NINGBO)).toBe(true);
    expect(isValidRegion({ province: '330000', city: '310100', district: null })).toBe(false);
    expect(isValidRegion({ province: '330000', city: '330100', district: '330206' })).toBe(false);
    expect(isValidRegion({ province: '999999', city: '330100', district: null })).toBe(false);
  });
  it('V2: same city, same province, elsewhere', () => {
    expect(distance(HANGZHOU, { province: '330000', city: '330100' })).toBe('SAME_CITY');
    expect(distance(HANGZHOU, NINGBO)).toBe('SAME_PROVINCE');
    expect(distance(HANGZHOU, SHANGHAI)).toBe('ELSEWHERE');
  });
});

describe('calendar in the site time zone (V1)', () => {
  it('V1: month boundaries follow the site time zone, not UTC', () => {
    // 16:30 UTC on 31 Jan is already 1 Feb in Shanghai.
    expect(monthOf(at('2026-01-31T16:30:00Z'), TZ)).toBe('2026-02');
    expect(monthOf(at('2026-01-31T16:30:00Z'), 'UTC')).toBe('2026-01');
    expect(monthStart('2026-02', TZ)).toBe(at('2026-01-31T16:00:00Z'));
    expect(dayOf(at('2026-01-31T16:30:00Z'), TZ)).toBe('2026-02-01');
    expect(monthsBetween(at('2026-01-31T16:00:00Z'), at('2026-03-31T16:00:00Z'), TZ)).toEqual(['2026-02', '2026-03']);
    expect(addSiteMonths(at('2026-01-31T16:00:00Z'), 1, TZ)).toBe(at('2026-02-28T16:00:00Z'));
  });
});

describe('V2 visit frequency', () => {
  it('V2: same city monthly, same province quarterly, elsewhere half-yearly; overdue first', () => {
    const since = at('2026-01-01T02:00:00Z');
    const now = at('2026-04-15T02:00:00Z');
    const due = visitsDue(
      [
        { customerId: 1, region: HANGZHOU, lastVisitAt: at('2026-04-01T02:00:00Z'), ownedSince: since },
        { customerId: 2, region: NINGBO, lastVisitAt: null, ownedSince: since },
        { customerId: 3, region: SHANGHAI, lastVisitAt: null, ownedSince: since },
        { customerId: 4, region: null, lastVisitAt: null, ownedSince: since },
      ],
      now,
      settings,
    );
    expect(due.map((d) => [d.customerId, d.distance, d.intervalMonths, d.overdue])).toEqual([
      [2, 'SAME_PROVINCE', 3, true],
      [1, 'SAME_CITY', 1, false],
      [3, 'ELSEWHERE', 6, false],
    ]);
    expect(due[0].dueAt).toBe(at('2026-04-01T02:00:00Z'));
  });
  it('V2: the intervals are a setting; a site without a region judges nobody', () => {
    const s = { ...settings, sameCityMonths: 2 };
    const [d] = visitsDue([{ customerId: 1, region: HANGZHOU, lastVisitAt: at('2026-01-10T02:00:00Z'), ownedSince: 0 }], at('2026-02-15T02:00:00Z'), s);
    expect(d.overdue).toBe(false);
    expect(visitsDue([{ customerId: 1, region: HANGZHOU, lastVisitAt: null, ownedSince: 0 }], 0, { ...settings, siteCity: null })).toEqual([]);
  });
});

describe('V1 plans', () => {
  it('V1: draft → submitted → approved or returned → submitted again', () => {
    expect(transition('DRAFT', 'SUBMITTED')).toBe('SUBMITTED');
    expect(transition('SUBMITTED', 'RETURNED')).toBe('RETURNED');
    expect(transition('RETURNED', 'SUBMITTED')).toBe('SUBMITTED');
    expect(transition('SUBMITTED', 'APPROVED')).toBe('APPROVED');
    const r = transition('APPROVED', 'RETURNED');
    expect(isRejection(r) && r.code).toBe('V1_STATE');
    expect(isRejection(transition('DRAFT', 'APPROVED'))).toBe(true);
  });
  it('V1: a plan submitted after its month began (site time) is late', () => {
    expect(planLate('2026-02', at('2026-01-31T15:59:59Z'), TZ)).toBe(false);
    expect(planLate('2026-02', at('2026-01-31T16:00:00Z'), TZ)).toBe(true);
    expect(plannableMonths(at('2026-01-31T16:30:00Z'), TZ)).toEqual(['2026-02', '2026-03']);
  });
  it('V1: visits fall in the month, have a purpose and are not repeated', () => {
    const ok = { customerId: 1, day: '2026-02-03', purpose: '回访', content: '' };
    expect(checkPlanItems('2026-02', [ok])).toBeNull();
    expect(checkPlanItems('2026-02', [{ ...ok, day: '2026-03-01' }])?.code).toBe('V1_DAY');
    expect(checkPlanItems('2026-02', [{ ...ok, day: '2026-02-30' }])?.code).toBe('V1_DAY');
    expect(checkPlanItems('2026-02', [{ ...ok, purpose: ' ' }])?.code).toBe('V1_PURPOSE');
    expect(checkPlanItems('2026-02', [ok, ok])?.code).toBe('V1_DUPLICATE');
  });
});

describe('V3 reports', () => {
  it('V3: due two days (a setting) after the check-in; later is late', () => {
    const checkIn = at('2026-02-03T02:00:00Z');
    const due = reportDueAt(checkIn, settings);
    expect(due).toBe(at('2026-02-05T02:00:00Z'));
    expect(reportLate(due, due)).toBe(false);
    expect(reportLate(due, due + 1)).toBe(true);
    expect(reportDueAt(checkIn, { reportDueDays: 1 })).toBe(at('2026-02-04T02:00:00Z'));
  });
  it('V3: promised items need a text and a due time after the visit', () => {
    const c = at('2026-02-03T02:00:00Z');
    expect(checkPromises([{ text: '寄样册', dueAt: c + 1, ownerId: 1 }], c)).toBeNull();
    expect(checkPromises([{ text: '', dueAt: c + 1, ownerId: 1 }], c)?.code).toBe('V3_PROMISE_TEXT');
    expect(checkPromises([{ text: 'x', dueAt: c - 1, ownerId: 1 }], c)?.code).toBe('V3_PROMISE_DUE');
  });
});

describe('V4 figures', () => {
  it('V4: planned vs done, reports on time, outcomes and satisfaction per consultant and month', () => {
    const v = (o: Partial<FigureVisit>): FigureVisit => ({ consultantId: 1, day: '2026-02-03', planned: true, checkedInAt: null, reportedAt: null, reportLate: false, outcome: null, satisfaction: null, ...o });
    const rows = visitFigures([
      v({ checkedInAt: 1, reportedAt: 2, outcome: 'INTERESTED', satisfaction: 4 }),
      v({ checkedInAt: 1, reportedAt: 3, reportLate: true, outcome: 'DEAL', satisfaction: 5 }),
      v({ checkedInAt: 1 }),
      v({}),
      v({ consultantId: 2, day: '2026-03-01', checkedInAt: 1, reportedAt: 2, outcome: 'NOT_MET' }),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ consultantId: 1, month: '2026-02', planned: 4, done: 3, reported: 2, reportsOnTime: 1, reportsLate: 1, reportsMissing: 1, satisfactionCount: 2, satisfactionAverage: 4.5 });
    expect(rows[0].outcomes).toMatchObject({ DEAL: 1, INTERESTED: 1, NOT_MET: 0 });
    expect(rows[1]).toMatchObject({ consultantId: 2, month: '2026-03', done: 1, satisfactionAverage: null });
  });
});

describe('reminders', () => {
  const base: ReminderFacts = { now: 0, sites: [], submittedPlans: [], specialRequests: [], unreported: [], ownerships: [], tasks: [], visitTasks: [] };
  it('V3: a report is reminded a day before it is due, then flagged late to the manager', () => {
    const due = at('2026-02-05T02:00:00Z');
    const facts = { ...base, unreported: [{ id: 7, siteId: 1, consultantId: 3, customerId: 9, reportDueAt: due }] };
    expect(remindersDue({ ...facts, now: due - 25 * 3600_000 })).toEqual([]);
    expect(remindersDue({ ...facts, now: due - 3600_000 }).map((r) => [r.key, r.toManagers])).toEqual([['V3_DUE:7', false]]);
    expect(remindersDue({ ...facts, now: due }).map((r) => [r.key, r.toManagers])).toEqual([['V3_LATE:7', true]]);
  });
  it('P5, O3, P1: overdue escalations, lapsing ownership, tasks due and overdue', () => {
    const now = at('2026-02-05T02:00:00Z');
    const r = remindersDue({
      ...base,
      now,
      specialRequests: [
        { id: 1, siteId: 1, appointmentId: 5, escalatedToId: 2, promisedBy: now },
        { id: 2, siteId: 1, appointmentId: 5, escalatedToId: 2, promisedBy: now + 1 },
      ],
      ownerships: [
        { customerId: 4, siteId: 1, ownerId: 3, lapsesAt: now + 3600_000 },
        { customerId: 5, siteId: 1, ownerId: 3, lapsesAt: now + 48 * 3600_000 },
      ],
      tasks: [
        { id: 8, siteId: 1, appointmentId: 5, ownerId: 6, dueAt: now + 3600_000, label: 'x' },
        { id: 9, siteId: 1, appointmentId: 5, ownerId: 6, dueAt: now - 1, label: 'y' },
      ],
    });
    expect(r.map((x) => x.kind)).toEqual(['SPECIAL_REQUEST_OVERDUE', 'OWNERSHIP_LAPSING', 'TASK_DUE', 'TASK_OVERDUE']);
  });
  it('V1: the plan is reminded near month end (site time) and flagged once the month begins', () => {
    const sites = [{ siteId: 1, timezone: TZ, planReminderDays: 3, consultants: [3] }];
    const feb = monthStart('2026-02', TZ);
    const keys = (now: number, submitted: ReminderFacts['submittedPlans'] = [{ siteId: 1, consultantId: 3, month: '2026-01' }]) =>
      remindersDue({ ...base, now, sites, submittedPlans: submitted }).map((r) => r.key);
    expect(keys(feb - 3 * 86400_000 - 1)).toEqual([]);
    expect(keys(feb - 3 * 86400_000)).toEqual(['V1_DUE:1:3:2026-02']);
    expect(keys(feb, [])).toEqual(['V1_LATE:1:3:2026-02']);
    expect(keys(feb - 1000, [{ siteId: 1, consultantId: 3, month: '2026-01' }, { siteId: 1, consultantId: 3, month: '2026-02' }])).toEqual([]);
  });
});
