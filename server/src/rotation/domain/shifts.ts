// R2: who is scheduled on a given day. Weekly templates plus day exceptions, turned into
// instants in the site's time zone.
import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay } from 'date-fns';
import type { ShiftWindow } from './types.js';

export interface ShiftTemplateRow {
  consultantId: number;
  /** ISO weekday, Monday = 1. */
  weekday: number;
  startTime: string;
  endTime: string;
}

export interface ShiftExceptionRow {
  consultantId: number;
  date: string;
  kind: 'OFF' | 'LEAVE' | 'SHIFT';
  startTime?: string;
  endTime?: string;
}

const dayOf = (at: number, timezone: string) => format(new TZDate(at, timezone), 'yyyy-MM-dd');

/**
 * Each time zone's last business day as [start, end) instants: most calls fall in it, and time
 * zone arithmetic was a large part of a floor command's cost (issue 17). Kept only when both
 * ends check out (a day that starts or ends off midnight is computed every time).
 */
const lastDay = new Map<string, { start: number; end: number; day: string }>();

/** YYYY-MM-DD of an instant in the site's time zone: what "today" is (R2, R9, counts). */
export function businessDay(at: number | Date, timezone: string): string {
  const t = typeof at === 'number' ? at : at.getTime();
  const known = lastDay.get(timezone);
  if (known && t >= known.start && t < known.end) return known.day;
  const day = dayOf(t, timezone);
  if (!Number.isFinite(t)) return day;
  const start = instant(day, '00:00', timezone);
  const end = instant(dayAfter(day), '00:00', timezone);
  if (start <= t && t < end && dayOf(start, timezone) === day && dayOf(end - 1, timezone) === day && dayOf(end, timezone) !== day) {
    lastDay.set(timezone, { start, end, day });
  }
  return day;
}

/** Instants of (day, time, zone), made once each: shifts ask the same few every command. */
const instants = new Map<string, number>();

function instant(day: string, hhmm: string, timezone: string): number {
  const key = `${timezone} ${day} ${hhmm}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  const t = new TZDate(y, m - 1, d, hh, mm, 0, 0, timezone).getTime();
  if (instants.size >= 10_000) instants.clear();
  instants.set(key, t);
  return t;
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function dayAfter(day: string, days = 1): string {
  const [y, m, d] = day.split('-').map(Number);
  return format(addDays(new Date(y, m - 1, d, 12), days), 'yyyy-MM-dd');
}

/** A shift starts at 00:00–23:59 and ends at 00:00–24:00. */
export const SHIFT_START = /^([01]\d|2[0-3]):[0-5]\d$/;
export const SHIFT_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** Minutes after midnight; 24:00 is 1440. */
export const minutesOf = (hhmm: string) => {
  const [hh, mm] = hhmm.split(':').map(Number);
  return hh * 60 + mm;
};

/**
 * R2: how long a shift lasts, in minutes. An end at or before the start is on the next day
 * (20:00–02:00 crosses midnight); 24:00 is the end of the day. 0 when start and end are the
 * same instant: no shift.
 */
export function shiftLength(startTime: string, endTime: string): number {
  const s = minutesOf(startTime);
  const e = minutesOf(endTime);
  if (e === s) return 0;
  return e > s ? e - s : e + DAY - s;
}

/** Whether two weekly shifts share a minute (a shift crossing midnight runs into the next weekday; Sunday into Monday). */
export function shiftsOverlap(
  a: { weekday: number; startTime: string; endTime: string },
  b: { weekday: number; startTime: string; endTime: string },
): boolean {
  const la = shiftLength(a.startTime, a.endTime);
  const lb = shiftLength(b.startTime, b.endTime);
  if (!la || !lb) return false;
  const sa = (a.weekday - 1) * DAY + minutesOf(a.startTime);
  const sb = (b.weekday - 1) * DAY + minutesOf(b.startTime);
  return (((sb - sa) % WEEK) + WEEK) % WEEK < la || (((sa - sb) % WEEK) + WEEK) % WEEK < lb;
}

/** The window of a shift that starts on `day`: it may end on the next day. */
function window(consultantId: number, day: string, startTime: string, endTime: string, timezone: string): ShiftWindow | null {
  const length = shiftLength(startTime, endTime);
  if (!length) return null;
  const start = instant(day, startTime, timezone);
  const endDay = minutesOf(startTime) + length >= DAY ? dayAfter(day) : day;
  const end = instant(endDay, minutesOf(endTime) === DAY ? '00:00' : endTime, timezone);
  return { consultantId, start, end };
}

/** The shifts that start on `day`: a consultant with any exception that day follows the exceptions only. */
function startingOn(templates: ShiftTemplateRow[], exceptions: ShiftExceptionRow[], day: string, timezone: string): ShiftWindow[] {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = getISODay(new Date(Date.UTC(y, m - 1, d, 12)));
  const excepted = new Set(exceptions.filter((e) => e.date === day).map((e) => e.consultantId));
  const windows: Array<ShiftWindow | null> = [];
  for (const t of templates) {
    if (t.weekday !== weekday || excepted.has(t.consultantId)) continue;
    windows.push(window(t.consultantId, day, t.startTime, t.endTime, timezone));
  }
  for (const e of exceptions) {
    if (e.date !== day || e.kind !== 'SHIFT' || !e.startTime || !e.endTime) continue;
    windows.push(window(e.consultantId, day, e.startTime, e.endTime, timezone));
  }
  return windows.filter((w): w is ShiftWindow => w !== null);
}

/**
 * The shifts of `day`: those starting that day, and the end of the previous day's shifts
 * that cross midnight. A consultant with any exception on a day follows that day's
 * exceptions only (OFF and LEAVE mean no shift; SHIFT rows replace the template). Pass the
 * exceptions of `day` and of the day before.
 */
export function shiftsForDay(
  templates: ShiftTemplateRow[],
  exceptions: ShiftExceptionRow[],
  day: string,
  timezone: string,
): ShiftWindow[] {
  const midnight = instant(day, '00:00', timezone);
  const spill = startingOn(templates, exceptions, dayAfter(day, -1), timezone).filter((w) => w.end > midnight);
  return [...spill, ...startingOn(templates, exceptions, day, timezone)].sort((a, b) => a.start - b.start || a.consultantId - b.consultantId);
}

export function inShift(shifts: ShiftWindow[], consultantId: number, now: number): boolean {
  return shifts.some((s) => s.consultantId === consultantId && s.start <= now && now < s.end);
}

/** The consultant's shift that holds `now`, else the next one today, else the last one. */
export function shiftOf(shifts: ShiftWindow[], consultantId: number, now: number): ShiftWindow | null {
  const own = shifts.filter((s) => s.consultantId === consultantId);
  return own.find((s) => s.start <= now && now < s.end) ?? own.find((s) => s.start > now) ?? own[own.length - 1] ?? null;
}
