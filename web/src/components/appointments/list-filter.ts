import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { AppointmentFilterInput, AppointmentState } from '@/graphql/generated/graphql';
import { siteWallClockToIso } from '@/components/customers/site-time';

// The appointment list keeps its filters in the URL query, so a link reproduces the view:
// /appointments?states=REQUESTED,APPROVED&category=3&department=2&from=2026-11-01&to=2026-11-30&q=华远&page=2

export const APPOINTMENT_STATES: readonly AppointmentState[] = [
  'REQUESTED',
  'RESCHEDULED',
  'APPROVED',
  'PREPARED',
  'ARRIVED',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
];

export interface ListFilter {
  states: AppointmentState[];
  categoryId: string | null;
  departmentId: string | null;
  /** First day shown, YYYY-MM-DD on the site's calendar. */
  from: string | null;
  /** Last day shown (inclusive), YYYY-MM-DD. */
  to: string | null;
  search: string;
  page: number;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const ID_RE = /^\d+$/;

const first = (v: LocationQuery[string] | undefined): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
};

export function parseListQuery(q: LocationQuery): ListFilter {
  const states = first(q.states)
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s): s is AppointmentState => (APPOINTMENT_STATES as readonly string[]).includes(s));
  const id = (v: string) => (ID_RE.test(v) ? v : null);
  const day = (v: string) => (DAY_RE.test(v) ? v : null);
  let from = day(first(q.from));
  let to = day(first(q.to));
  if (from && to && from > to) [from, to] = [to, from];
  const page = Number.parseInt(first(q.page), 10);
  return {
    states: [...new Set(states)],
    categoryId: id(first(q.category)),
    departmentId: id(first(q.department)),
    from,
    to,
    search: first(q.q).trim().slice(0, 100),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The query of a filter, leaving out what is default (so the plain list has a plain URL). */
export function listQuery(f: ListFilter): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  if (f.states.length) q.states = f.states.join(',');
  if (f.categoryId) q.category = f.categoryId;
  if (f.departmentId) q.department = f.departmentId;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.search.trim()) q.q = f.search.trim();
  if (f.page > 1) q.page = String(f.page);
  return q;
}

/** The day after a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The server's filter: days are whole days of the site's calendar. */
export function filterInput(f: ListFilter, timeZone: string): AppointmentFilterInput {
  return {
    states: f.states.length ? f.states : null,
    categoryIds: f.categoryId ? [f.categoryId] : null,
    departmentIds: f.departmentId ? [f.departmentId] : null,
    // "Ends after" the first day's midnight and "starts before" the midnight after the last day.
    from: f.from ? siteWallClockToIso(f.from, timeZone) : null,
    to: f.to ? siteWallClockToIso(nextDay(f.to), timeZone) : null,
    search: f.search.trim() || null,
  };
}
