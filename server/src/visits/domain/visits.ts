// Outbound customer visits (SPEC section 5, V1–V3) as pure functions: the clock and the
// site's settings come in as arguments, rejections are values.
import { addSiteMonths, dayStart, isDay, monthOf, monthStart, nextMonth } from './calendar.js';
import { distance, type Distance, type Region } from './regions.js';
import { siteRegion, type VisitSettings } from './settings.js';

export interface Rejection {
  code: string;
  reason: string;
}
export const reject = (code: string, reason: string): Rejection => ({ code, reason });
export const isRejection = (x: unknown): x is Rejection => typeof x === 'object' && x !== null && 'code' in x && 'reason' in x;

// ---- V2 frequency ------------------------------------------------------------------------

/** V2: months between visits for a customer at this distance. */
export function intervalMonths(d: Distance, s: VisitSettings): number {
  return d === 'SAME_CITY' ? s.sameCityMonths : d === 'SAME_PROVINCE' ? s.sameProvinceMonths : s.elsewhereMonths;
}

export interface VisitCandidate {
  customerId: number;
  region: Region | null;
  /** The last visit that was made (checked in), or null. */
  lastVisitAt: number | null;
  /** Since when the consultant owns the customer: a never-visited customer is due one interval after. */
  ownedSince: number;
}

export interface DueVisit {
  customerId: number;
  distance: Distance;
  intervalMonths: number;
  dueAt: number;
  lastVisitAt: number | null;
  overdue: boolean;
}

/**
 * V2: when each customer is next due for a visit, overdue ones first (longest overdue
 * first), then the rest by due date. Customers without a region, or a site without one,
 * cannot be judged and are left out.
 */
export function visitsDue(candidates: VisitCandidate[], now: number, s: VisitSettings): DueVisit[] {
  const site = siteRegion(s);
  if (!site) return [];
  const out: DueVisit[] = [];
  for (const c of candidates) {
    if (!c.region) continue;
    const d = distance(site, c.region);
    const months = intervalMonths(d, s);
    const dueAt = addSiteMonths(c.lastVisitAt ?? c.ownedSince, months, s.timezone);
    out.push({ customerId: c.customerId, distance: d, intervalMonths: months, dueAt, lastVisitAt: c.lastVisitAt, overdue: dueAt <= now });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.customerId - b.customerId);
}

// ---- V1 plans ------------------------------------------------------------------------------

export type PlanState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';

/** V1: a plan's life cycle; a returned plan is edited and submitted again. */
export const PLAN_LIFECYCLE: Record<PlanState, { to: PlanState[]; editable: boolean }> = {
  DRAFT: { to: ['SUBMITTED'], editable: true },
  SUBMITTED: { to: ['APPROVED', 'RETURNED'], editable: false },
  RETURNED: { to: ['SUBMITTED'], editable: true },
  APPROVED: { to: [], editable: false },
};

export function transition(from: PlanState, to: PlanState): PlanState | Rejection {
  return PLAN_LIFECYCLE[from].to.includes(to) ? to : reject('V1_STATE', `A ${from.toLowerCase()} plan cannot become ${to.toLowerCase()}`);
}

/** V1: which months a consultant may plan now: next month, or (late) the current one. */
export function plannableMonths(now: number, tz: string): string[] {
  const current = monthOf(now, tz);
  return [current, nextMonth(current)];
}

export interface PlanItem {
  customerId: number;
  day: string;
  purpose: string;
  content: string;
}

/** V1: every planned visit falls in the plan's month; a customer is visited once a day. */
export function checkPlanItems(month: string, items: PlanItem[]): Rejection | null {
  const seen = new Set<string>();
  for (const [i, it] of items.entries()) {
    if (!isDay(it.day) || !it.day.startsWith(month + '-')) return reject('V1_DAY', `Visit ${i + 1} is not in ${month}`);
    if (!it.purpose.trim()) return reject('V1_PURPOSE', `Visit ${i + 1} has no purpose`);
    const key = `${it.customerId}@${it.day}`;
    if (seen.has(key)) return reject('V1_DUPLICATE', `Visit ${i + 1} repeats a customer on the same day`);
    seen.add(key);
  }
  return null;
}

/** V1: a plan is on time when submitted before its month starts in the site's time zone. */
export function planLate(month: string, submittedAt: number, tz: string): boolean {
  return submittedAt >= monthStart(month, tz);
}

/** V1: when a month's plan is due (the month's first instant). */
export const planDueAt = monthStart;

// ---- Visit day and V3 report ------------------------------------------------------------------

/** The consultant may check in on the planned day (site calendar) or within the report window after it. */
export function checkInAllowed(day: string, now: number, s: VisitSettings): Rejection | null {
  const start = dayStart(day, s.timezone);
  if (now < start) return reject('V3_TOO_EARLY', 'The visit is planned for a later day');
  return null;
}

/** V3: the report is due `reportDueDays` after the check-in. */
export function reportDueAt(checkedInAt: number, s: Pick<VisitSettings, 'reportDueDays'>): number {
  return checkedInAt + s.reportDueDays * 24 * 3600_000;
}

/** V3: a report filed after its due time is late. */
export const reportLate = (dueAt: number, reportedAt: number): boolean => reportedAt > dueAt;

export const OUTCOMES = ['DEAL', 'INTERESTED', 'UNDECIDED', 'NOT_INTERESTED', 'NOT_MET'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Promise_ {
  text: string;
  dueAt: number;
  ownerId: number;
}

/** V3: promised items need a text and a due time after the visit. */
export function checkPromises(promises: Promise_[], checkedInAt: number): Rejection | null {
  for (const [i, pr] of promises.entries()) {
    if (!pr.text.trim()) return reject('V3_PROMISE_TEXT', `Promised item ${i + 1} has no text`);
    if (pr.dueAt < checkedInAt) return reject('V3_PROMISE_DUE', `Promised item ${i + 1} is due before the visit`);
  }
  return null;
}
