// Months and days in the site's time zone (V1 month boundaries, V2 intervals).
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';

/** 'YYYY-MM' of an instant in `tz`. */
export function monthOf(at: number, tz: string): string {
  const d = new TZDate(at, tz);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' of an instant in `tz`. */
export function dayOf(at: number, tz: string): string {
  const d = new TZDate(at, tz);
  return `${monthOf(at, tz)}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant a month starts in `tz`. */
export function monthStart(month: string, tz: string): number {
  const [y, m] = month.split('-').map(Number);
  return new TZDate(y, m - 1, 1, 0, 0, 0, tz).getTime();
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The instant `day` starts in `tz`. */
export function dayStart(day: string, tz: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new TZDate(y, m - 1, d, 0, 0, 0, tz).getTime();
}

/** `at` plus whole months on the site's calendar. */
export function addSiteMonths(at: number, months: number, tz: string): number {
  return addMonths(new TZDate(at, tz), months).getTime();
}

/** The months ('YYYY-MM') that [from, to) touches in `tz`. */
export function monthsBetween(from: number, to: number, tz: string): string[] {
  const out: string[] = [];
  let m = monthOf(from, tz);
  const last = monthOf(to - 1, tz);
  while (m <= last) {
    out.push(m);
    m = nextMonth(m);
  }
  return out;
}
