// Floor history for the benchmarks: past business days decided by the real rotation engine
// (server/src/demo/floor-day.ts) and written straight into the tables with multi-row INSERTs.
import type mysql from 'mysql2/promise';
import { simulateDay, seeded, type SimulatedDay } from '../../server/src/demo/floor-day.js';
import {
  businessDay,
  DEFAULT_ROTATION_SETTINGS,
  initialState,
  shiftsForDay,
  type Reception,
  type RotationState,
} from '../../server/src/rotation/domain/index.js';

const DAY = 86_400_000;
const BATCH = 2_000;

export async function insertRows(c: mysql.Connection, sql: string, rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += BATCH) await c.query(sql, [rows.slice(i, i + BATCH)]);
}

export interface HistoryOptions {
  /** Business days before today, the oldest first; today is never simulated. */
  days: number;
  /** Walk-ins a day on average (weekends get more, see simulateDay). */
  walkIns: number;
  consultants: number[];
  deskId: number;
  managerId: number;
  timezone: string;
  seed?: number;
  /** A generator shared with the caller's own draws (bench:figures' registers); else seeded(seed). */
  rnd?: () => number;
  /** The week the history was worked to (default: everyone 09:00–21:00 every day). */
  templates?: Array<{ consultantId: number; weekday: number; startTime: string; endTime: string }>;
}

/** Each past day as the engine decided it, the state carried from one day to the next. */
export function* floorHistory(
  o: HistoryOptions,
  now = Date.now(),
): Generator<{ back: number; day: string; sim: SimulatedDay }> {
  const rnd = o.rnd ?? seeded(o.seed ?? 2025);
  const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: o.timezone };
  const templates =
    o.templates ??
    o.consultants.flatMap((consultantId) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        consultantId,
        weekday,
        startTime: '09:00',
        endTime: '21:00',
      })),
    );
  let state: RotationState = initialState();
  for (let back = o.days; back >= 1; back--) {
    const day = businessDay(now - back * DAY, o.timezone);
    const sim = simulateDay(state, {
      day,
      consultants: o.consultants,
      deskId: o.deskId,
      managerId: o.managerId,
      settings,
      shifts: shiftsForDay(templates, [], day, o.timezone),
      // figures.ts's calibration: simulateDay's weekend bump averages about ×1.14.
      walkIns: o.walkIns / 1.14,
      registerShare: 0.45,
      rnd,
    });
    state = sim.state;
    yield { back, day, sim };
  }
}

export const EVENTS_INSERT =
  'INSERT INTO rotation_events (siteId, seq, type, payload, actorId, at, businessDay) VALUES ?';

export function eventRows(siteId: number, day: string, sim: SimulatedDay): unknown[][] {
  return sim.events.map((e) => [
    siteId,
    e.seq,
    e.event.type,
    JSON.stringify(e.event),
    e.event.actorId,
    new Date(e.at),
    day,
  ]);
}

/** The day's receptions as the server's projection leaves them: the last value each event gave. */
function receptionRows(siteId: number, day: string, sim: SimulatedDay): unknown[][] {
  const latest = new Map<string, { seq: number; value: Reception | null }>();
  for (const { seq, event } of sim.events)
    for (const e of event.effects)
      if (e.op === 'reception') latest.set(e.id, { seq, value: e.value });
  const rows: unknown[][] = [];
  for (const [id, { seq, value }] of latest) {
    if (!value) continue;
    rows.push([
      siteId,
      id,
      day,
      value.customerId ?? null,
      value.broughtById ?? null,
      new Date(value.arrivedAt),
      JSON.stringify(value),
      seq,
    ]);
  }
  return rows;
}

/**
 * A site's floor log of `o.days` past days: rotation_events, rotation_receptions, its
 * rotation_heads row (lastSeq) and rotation_snapshots row (the fold after the last event), as the server
 * would have left them. The site must have no floor log yet. Simulating the next day
 * overlaps writing the last one (MariaDB works in its own process).
 */
export async function seedFloorHistory(c: mysql.Connection, siteId: number, o: HistoryOptions) {
  let events = 0;
  let receptions = 0;
  let last: { state: RotationState; at: number } | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  for (const { day, sim } of floorHistory(o)) {
    await writing;
    const ev = eventRows(siteId, day, sim);
    const rc = receptionRows(siteId, day, sim);
    writing = (async () => {
      await insertRows(c, EVENTS_INSERT, ev);
      await insertRows(
        c,
        'INSERT INTO rotation_receptions (siteId, id, businessDay, customerId, broughtById, arrivedAt, reception, lastSeq) VALUES ?',
        rc,
      );
    })();
    events += ev.length;
    receptions += rc.length;
    if (sim.events.length) last = { state: sim.state, at: sim.events[sim.events.length - 1].at };
  }
  await writing;
  if (last) {
    await c.query('INSERT INTO rotation_heads (siteId, lastSeq, updatedAt) VALUES (?, ?, ?)', [
      siteId,
      last.state.seq,
      new Date(last.at),
    ]);
    await c.query(
      'INSERT INTO rotation_snapshots (siteId, seq, day, snapshot, updatedAt) VALUES (?, ?, ?, ?, ?)',
      [siteId, last.state.seq, last.state.day, JSON.stringify(last.state), new Date(last.at)],
    );
  }
  return { events, receptions, lastSeq: last?.state.seq ?? 0 };
}
