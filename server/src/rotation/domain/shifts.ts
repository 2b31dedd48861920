// R2: who is scheduled on a given day. Weekly templates plus day exceptions, turned into
// instants in the site's time zone.
import { TZDate } from '@date-fns/tz';
import { format, getISODay } from 'date-fns';
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

/** YYYY-MM-DD of an instant in the site's time zone: what "today" is (R2, R9, counts). */
export function businessDay(at: number | Date, timezone: string): string {
  return format(new TZDate(typeof at === 'number' ? at : at.getTime(), timezone), 'yyyy-MM-dd');
}

function instant(day: string, hhmm: string, timezone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, 0, 0, timezone).getTime();
}

/**
 * The shifts of `day`: a consultant with any exception that day follows the exceptions
 * only (OFF and LEAVE mean no shift; SHIFT rows replace the template).
 */
export function shiftsForDay(
  templates: ShiftTemplateRow[],
  exceptions: ShiftExceptionRow[],
  day: string,
  timezone: string,
): ShiftWindow[] {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = getISODay(new Date(Date.UTC(y, m - 1, d, 12)));
  const excepted = new Set(exceptions.filter((e) => e.date === day).map((e) => e.consultantId));
  const windows: ShiftWindow[] = [];
  for (const t of templates) {
    if (t.weekday !== weekday || excepted.has(t.consultantId)) continue;
    windows.push({ consultantId: t.consultantId, start: instant(day, t.startTime, timezone), end: instant(day, t.endTime, timezone) });
  }
  for (const e of exceptions) {
    if (e.date !== day || e.kind !== 'SHIFT' || !e.startTime || !e.endTime) continue;
    windows.push({ consultantId: e.consultantId, start: instant(day, e.startTime, timezone), end: instant(day, e.endTime, timezone) });
  }
  return windows.sort((a, b) => a.start - b.start || a.consultantId - b.consultantId);
}

export function inShift(shifts: ShiftWindow[], consultantId: number, now: number): boolean {
  return shifts.some((s) => s.consultantId === consultantId && s.start <= now && now < s.end);
}

/** The consultant's shift that holds `now`, else the next one today, else the last one. */
export function shiftOf(shifts: ShiftWindow[], consultantId: number, now: number): ShiftWindow | null {
  const own = shifts.filter((s) => s.consultantId === consultantId);
  return own.find((s) => s.start <= now && now < s.end) ?? own.find((s) => s.start > now) ?? own[own.length - 1] ?? null;
}
