/**
 * The appointment calendar's week and placement math, as pure functions (no clock, no
 * Vue): which Monday a URL asks for, the instants that bound a day or a week in the site's
 * time zone, where an appointment sits in a day column (07:00–22:00, side by side when
 * they overlap), and which room row and day cell holds it.
 *
 * Days are calendar dates `YYYY-MM-DD` in the site's time zone; instants are ISO strings.
 */

/** The hours a day column shows. */
export const DAY_START_HOUR = 7;
export const DAY_END_HOUR = 22;
/** A block is never drawn shorter than this, so a short visit stays readable and clickable. */
export const MIN_BLOCK_MINUTES = 30;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;

/** A well-formed, real calendar date. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** A calendar date moved by whole days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a calendar date. */
export function weekdayOf(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** The Monday of the week a date falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/** Monday to Sunday of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The week a URL asks for (`?week=` any date of it), else the week of `today`: its Monday. */
export function weekFromQuery(value: unknown, today: string): string {
  const asked = Array.isArray(value) ? value[0] : value;
  return mondayOf(isDay(asked) ? asked : today);
}

/** The calendar date of an instant in a time zone. */
export function dayOf(at: string | number | Date, timeZone: string): string {
  const p = zonedParts(new Date(at).getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since local midnight of an instant in a time zone. */
export function minutesOf(at: string | number | Date, timeZone: string): number {
  const p = zonedParts(new Date(at).getTime(), timeZone);
  return p.hour * 60 + p.minute;
}

/** The instant (ms) when the clock in `timeZone` shows `day` at `minutes` past midnight. */
export function zonedTime(day: string, minutes: number, timeZone: string): number {
  const [y, m, d] = parts(day);
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  // The offset at the guess, then at the answer (they differ only across a DST change).
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return second;
}

/** From the start of a day to the start of the next, as the filter's `from` and `to`. */
export function dayRange(day: string, timeZone: string): { from: string; to: string } {
  return {
    from: new Date(zonedTime(day, 0, timeZone)).toISOString(),
    to: new Date(zonedTime(addDays(day, 1), 0, timeZone)).toISOString(),
  };
}

/** From Monday 00:00 to the next Monday 00:00 in the site's time zone. */
export function weekRange(monday: string, timeZone: string): { from: string; to: string } {
  return {
    from: new Date(zonedTime(monday, 0, timeZone)).toISOString(),
    to: new Date(zonedTime(addDays(monday, 7), 0, timeZone)).toISOString(),
  };
}

// ---- placement in day columns ------------------------------------------------------------

export interface Timed {
  id: string;
  startAt: string;
  endAt: string;
}

export interface Placed<T extends Timed> {
  item: T;
  day: string;
  /** Top edge and height as fractions (0–1) of the column's 07:00–22:00. */
  top: number;
  height: number;
  /** Side by side with the appointments it overlaps: its lane among `lanes`. */
  lane: number;
  lanes: number;
  /** The appointment goes on before or after what the column shows. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface Hours {
  startHour: number;
  endHour: number;
}

const DEFAULT_HOURS: Hours = { startHour: DAY_START_HOUR, endHour: DAY_END_HOUR };

/**
 * The site's business hours from its weekly shifts (R2, "HH:mm", "24:00" allowed): from the
 * earliest start to the latest end, in whole hours. A shift that crosses midnight keeps the
 * floor open to 24:00 and from 00:00. None: the default 07:00–22:00.
 */
export function businessHours(shifts: readonly { startTime: string; endTime: string }[]): Hours {
  if (shifts.length === 0) return DEFAULT_HOURS;
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  let from = 24 * 60;
  let to = 0;
  for (const s of shifts) {
    const start = minutes(s.startTime);
    const end = minutes(s.endTime);
    if (end <= start) {
      from = 0;
      to = 24 * 60;
    } else {
      from = Math.min(from, start);
      to = Math.max(to, end);
    }
  }
  return { startHour: Math.floor(from / 60), endHour: Math.ceil(to / 60) };
}

/**
 * The hours the day columns show: the site's business hours (07:00–22:00 without shifts), widened to whole hours so that every
 * appointment of the week is drawn at its time (an early breakfast, an evening dinner).
 */
export function hoursFor(
  items: readonly Timed[],
  days: readonly string[],
  timeZone: string,
  base: Hours = DEFAULT_HOURS,
): Hours {
  let { startHour, endHour } = base;
  for (const day of days) {
    const dayStart = zonedTime(day, 0, timeZone);
    const dayEnd = zonedTime(addDays(day, 1), 0, timeZone);
    for (const item of items) {
      const start = Date.parse(item.startAt);
      const end = Math.max(Date.parse(item.endAt), start);
      if (!(start < dayEnd && (end > dayStart || (end === start && start >= dayStart)))) continue;
      const from = start <= dayStart ? 0 : minutesOf(start, timeZone);
      const to = end >= dayEnd ? 24 * 60 : minutesOf(end, timeZone);
      startHour = Math.min(startHour, Math.floor(from / 60));
      endHour = Math.max(endHour, Math.ceil(to / 60));
    }
  }
  return { startHour, endHour };
}

/**
 * Each day's blocks: an appointment is shown on every day of the week it overlaps, clipped
 * to the hours shown (one that lies wholly before or after them is pinned to that edge).
 * Blocks that overlap share the column's width in lanes.
 */
export function placeByDay<T extends Timed>(
  items: readonly T[],
  days: readonly string[],
  timeZone: string,
  hours: Hours = DEFAULT_HOURS,
): Map<string, Placed<T>[]> {
  const out = new Map<string, Placed<T>[]>(days.map((d) => [d, []]));
  const span = (hours.endHour - hours.startHour) * 60;
  const min = Math.min(MIN_BLOCK_MINUTES, span);
  for (const day of days) {
    const dayStart = zonedTime(day, 0, timeZone);
    const dayEnd = zonedTime(addDays(day, 1), 0, timeZone);
    const windowStart = zonedTime(day, hours.startHour * 60, timeZone);
    const windowEnd = zonedTime(day, hours.endHour * 60, timeZone);
    const segments: Array<{ item: T; from: number; to: number; cs: boolean; ce: boolean }> = [];
    for (const item of items) {
      const start = Date.parse(item.startAt);
      const end = Math.max(Date.parse(item.endAt), start);
      // On this day at all: overlaps it, or is an instant inside it.
      const onDay =
        end > start ? start < dayEnd && end > dayStart : start >= dayStart && start < dayEnd;
      if (!onDay) continue;
      let from = (Math.max(start, windowStart) - windowStart) / MINUTE;
      let to = (Math.min(end, windowEnd) - windowStart) / MINUTE;
      from = clamp(from, 0, span - min);
      to = clamp(Math.max(to, from + min), min, span);
      segments.push({ item, from, to, cs: start < windowStart, ce: end > windowEnd });
    }
    const placed = assignLanes(segments).map(({ seg, lane, lanes }) => ({
      item: seg.item,
      day,
      top: seg.from / span,
      height: (seg.to - seg.from) / span,
      lane,
      lanes,
      clippedStart: seg.cs,
      clippedEnd: seg.ce,
    }));
    out.set(day, placed);
  }
  return out;
}

/**
 * Lanes for overlapping intervals: sorted by start (longer first), each takes the lowest
 * lane free at its start; a group of intervals that overlap one another, directly or
 * through others, shares one lane count.
 */
function assignLanes<S extends { from: number; to: number; item: Timed }>(
  segments: S[],
): Array<{ seg: S; lane: number; lanes: number }> {
  const sorted = [...segments].sort(
    (a, b) => a.from - b.from || b.to - a.to || a.item.id.localeCompare(b.item.id),
  );
  const result: Array<{ seg: S; lane: number; lanes: number }> = [];
  let group: Array<{ seg: S; lane: number; lanes: number }> = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const closeGroup = () => {
    for (const g of group) g.lanes = laneEnds.length;
    result.push(...group);
    group = [];
    laneEnds = [];
  };
  for (const seg of sorted) {
    if (seg.from >= groupEnd) closeGroup();
    let lane = laneEnds.findIndex((end) => end <= seg.from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = seg.to;
    group.push({ seg, lane, lanes: 0 });
    groupEnd = Math.max(groupEnd, seg.to);
  }
  closeGroup();
  return result;
}

// ---- rooms by day -----------------------------------------------------------------------------

export interface RoomLike {
  id: string;
  name: string;
}

export interface RoomRow<T> {
  /** null: the row of appointments without a room. */
  room: RoomLike | null;
  /** Per day of the week, its appointments by start time. */
  cells: Map<string, T[]>;
}

/**
 * Rows of the by-room view: the site's rooms in their order, then any other room an
 * appointment holds (an archived one), then the row of appointments without a room.
 */
export function byRoomAndDay<T extends Timed & { room?: RoomLike | null }>(
  items: readonly T[],
  rooms: readonly RoomLike[],
  days: readonly string[],
  timeZone: string,
): RoomRow<T>[] {
  const order: Array<RoomLike | null> = [...rooms];
  const known = new Set(rooms.map((r) => r.id));
  for (const item of items) {
    if (item.room && !known.has(item.room.id)) {
      known.add(item.room.id);
      order.push(item.room);
    }
  }
  order.push(null);
  const bounds = days.map((day) => ({
    day,
    from: zonedTime(day, 0, timeZone),
    to: zonedTime(addDays(day, 1), 0, timeZone),
  }));
  const sorted = [...items].sort(
    (a, b) => Date.parse(a.startAt) - Date.parse(b.startAt) || a.id.localeCompare(b.id),
  );
  return order.map((room) => {
    const cells = new Map<string, T[]>(days.map((d) => [d, []]));
    for (const item of sorted) {
      if ((item.room?.id ?? null) !== (room?.id ?? null)) continue;
      const start = Date.parse(item.startAt);
      const end = Math.max(Date.parse(item.endAt), start);
      for (const b of bounds) {
        const on = end > start ? start < b.to && end > b.from : start >= b.from && start < b.to;
        if (on) cells.get(b.day)!.push(item);
      }
    }
    return { room, cells };
  });
}

// ---- time zone internals ---------------------------------------------------------------------

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(ms: number, timeZone: string): ZonedParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
  };
}

/** How far the time zone's clock is ahead of UTC at an instant, in ms (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(ms / MINUTE) * MINUTE;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);
