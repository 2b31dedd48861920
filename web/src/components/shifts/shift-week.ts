/**
 * R2: the weekly shift editor's model, as pure functions. A week is a flat list of shifts
 * (consultant, ISO weekday, HH:mm–HH:mm); the grid reads cells out of it and every edit
 * returns a new list, so the page can compare it with what the server has and save the
 * whole week at once (`setShiftTemplates` replaces it).
 */

/** ISO weekdays, Monday = 1 … Sunday = 7. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Tuesday to Friday: where "copy Monday to the working days" writes. */
export const WORKDAYS_AFTER_MONDAY = [2, 3, 4, 5] as const;

export interface ShiftTimes {
  startTime: string;
  endTime: string;
}

export interface WeekShift extends ShiftTimes {
  /** Local identity for editing; not the server's id (the server replaces the week). */
  key: string;
  consultantId: string;
  weekday: number;
}

export type Week = readonly WeekShift[];

/** Why a shift cannot be kept, as a code the page turns into words. */
export type ShiftProblem = 'startFormat' | 'endFormat' | 'sameTime' | 'overlap';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An end may also be 24:00, the end of the day. */
const HHMM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** A start time, 00:00–23:59. */
export const isTime = (value: string | null | undefined): value is string =>
  typeof value === 'string' && HHMM.test(value);

/** An end time, 00:00–24:00. */
export const isEndTime = (value: string | null | undefined): value is string =>
  typeof value === 'string' && HHMM_END.test(value);

const DAY = 24 * 60;
const WEEK = 7 * DAY;
const minutesOf = (hhmm: string) => {
  const [hh, mm] = hhmm.split(':').map(Number);
  return hh * 60 + mm;
};

/**
 * R2 (as the server's rotation/domain/shifts.ts): minutes a shift lasts. An end at or before
 * the start is on the next day (crossing midnight); 0 when start and end are the same.
 */
export function shiftLength(startTime: string, endTime: string): number {
  const s = minutesOf(startTime);
  const e = minutesOf(endTime);
  if (e === s) return 0;
  return e > s ? e - s : e + DAY - s;
}

/** The shift ends on the next day (shown as such in the grid). */
export const crossesMidnight = (t: ShiftTimes) =>
  isTime(t.startTime) && isEndTime(t.endTime) && minutesOf(t.endTime) < minutesOf(t.startTime);

/** Two weekly shifts share a minute; a night shift runs into the next weekday (Sunday into Monday). */
export function shiftsOverlap(
  a: ShiftTimes & { weekday: number },
  b: ShiftTimes & { weekday: number },
): boolean {
  const la = shiftLength(a.startTime, a.endTime);
  const lb = shiftLength(b.startTime, b.endTime);
  if (!la || !lb) return false;
  const sa = (a.weekday - 1) * DAY + minutesOf(a.startTime);
  const sb = (b.weekday - 1) * DAY + minutesOf(b.startTime);
  return (((sb - sa) % WEEK) + WEEK) % WEEK < la || (((sa - sb) % WEEK) + WEEK) % WEEK < lb;
}

let counter = 0;
const nextKey = () => `s${++counter}`;

const byTime = (a: ShiftTimes, b: ShiftTimes) =>
  a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime);

/** The week as the server sent it. */
export function weekFromTemplates(
  templates: ReadonlyArray<{ consultantId: string; weekday: number } & ShiftTimes>,
): WeekShift[] {
  return templates.map((t) => ({
    key: nextKey(),
    consultantId: t.consultantId,
    weekday: t.weekday,
    startTime: t.startTime,
    endTime: t.endTime,
  }));
}

/** One cell of the grid: a consultant's shifts on a weekday, earliest first. */
export function shiftsOn(week: Week, consultantId: string, weekday: number): WeekShift[] {
  return week.filter((s) => s.consultantId === consultantId && s.weekday === weekday).sort(byTime);
}

/** What is wrong with these times in this cell (ignoring the shift `exceptKey`), if anything. */
export function shiftProblem(
  week: Week,
  consultantId: string,
  weekday: number,
  times: ShiftTimes,
  exceptKey?: string,
): ShiftProblem | null {
  if (!isTime(times.startTime)) return 'startFormat';
  if (!isEndTime(times.endTime)) return 'endFormat';
  if (!shiftLength(times.startTime, times.endTime)) return 'sameTime';
  const clash = week.some(
    (s) =>
      s.consultantId === consultantId &&
      s.key !== exceptKey &&
      shiftsOverlap(s, { weekday, ...times }),
  );
  return clash ? 'overlap' : null;
}

export function addShift(
  week: Week,
  consultantId: string,
  weekday: number,
  times: ShiftTimes,
): WeekShift[] {
  return [...week, { key: nextKey(), consultantId, weekday, ...pickTimes(times) }];
}

export function updateShift(week: Week, key: string, times: ShiftTimes): WeekShift[] {
  return week.map((s) => (s.key === key ? { ...s, ...pickTimes(times) } : s));
}

export function removeShift(week: Week, key: string): WeekShift[] {
  return week.filter((s) => s.key !== key);
}

/** The consultant's shifts of `from` replace theirs on each of `to` (other people untouched). */
export function copyDay(
  week: Week,
  consultantId: string,
  from: number,
  to: readonly number[],
): WeekShift[] {
  const targets = new Set(to.filter((d) => d !== from));
  const source = shiftsOn(week, consultantId, from);
  const kept = week.filter((s) => !(s.consultantId === consultantId && targets.has(s.weekday)));
  const copies = [...targets].flatMap((weekday) =>
    source.map((s) => ({ ...s, key: nextKey(), weekday })),
  );
  return [...kept, ...copies];
}

/**
 * What `setShiftTemplates` receives: the shifts of the consultants still on the site (a
 * consultant who left the site cannot be scheduled), in a stable order.
 */
export function toShiftInputs(
  week: Week,
  consultantIds: readonly string[],
): Array<{ consultantId: string; weekday: number } & ShiftTimes> {
  const order = new Map(consultantIds.map((id, i) => [id, i]));
  return week
    .filter((s) => order.has(s.consultantId))
    .sort(
      (a, b) =>
        order.get(a.consultantId)! - order.get(b.consultantId)! ||
        a.weekday - b.weekday ||
        byTime(a, b),
    )
    .map(({ consultantId, weekday, startTime, endTime }) => ({
      consultantId,
      weekday,
      startTime,
      endTime,
    }));
}

/** Two weeks hold the same shifts (order and local keys do not matter). */
export function sameWeek(a: Week, b: Week, consultantIds: readonly string[]): boolean {
  return (
    JSON.stringify(toShiftInputs(a, consultantIds)) ===
    JSON.stringify(toShiftInputs(b, consultantIds))
  );
}

/** Cells (`consultantId:weekday`) whose shifts differ between two weeks: the unsaved edits. */
export function changedCells(week: Week, saved: Week): Set<string> {
  const cells = (w: Week) => {
    const out = new Map<string, string[]>();
    for (const s of w) {
      const key = `${s.consultantId}:${s.weekday}`;
      out.set(key, [...(out.get(key) ?? []), `${s.startTime}-${s.endTime}`]);
    }
    return out;
  };
  const a = cells(week);
  const b = cells(saved);
  const changed = new Set<string>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? []).sort().join() !== (b.get(key) ?? []).sort().join()) changed.add(key);
  }
  return changed;
}

/** Hours in the week of one consultant, for the grid's row summary. */
export function weeklyMinutes(week: Week, consultantId: string): number {
  return week
    .filter((s) => s.consultantId === consultantId)
    .reduce((sum, s) => sum + shiftLength(s.startTime, s.endTime), 0);
}

const pickTimes = ({ startTime, endTime }: ShiftTimes): ShiftTimes => ({ startTime, endTime });

// ---- days of the exceptions list ----------------------------------------------------------

/** Today's date (YYYY-MM-DD) in a time zone. */
export function dayIn(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A calendar date moved by whole days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday (Monday = 1) of a calendar date. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

// ---- time entry -----------------------------------------------------------------------------

/** The times offered in a time field: every half hour, and 23:59 for a shift to closing. */
export const TIME_OPTIONS: readonly string[] = [
  ...Array.from(
    { length: 48 },
    (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
  ),
  '24:00',
];

/** What someone typed, as HH:mm when it plainly is a time ("9:30", "9：30", "0930"); else as typed. */
export function normalizeTime(typed: string): string {
  const text = typed.trim();
  const m = /^(\d{1,2})[:：.]?(\d{2})$/.exec(text);
  if (!m) return text;
  const candidate = `${m[1].padStart(2, '0')}:${m[2]}`;
  return isEndTime(candidate) ? candidate : text;
}
