// SPEC section 6: what the live floor board shows, projected from the state at an instant.
import { atDay } from './evolve.js';
import { activeReceptions, countedToday, isAvailable, isLive, lineOrder, upOrder, type FloorView } from './order.js';
import { businessDay, inShift, shiftOf } from './shifts.js';
import type { Alert, Reception, RotationSettings, RotationState, ShiftWindow, WalkInKind } from './types.js';

export type FloorState = 'AT_DOOR' | 'WAITING' | 'BUSY' | 'AWAY' | 'ABSENT' | 'OFF_SHIFT';

export interface BoardConsultant {
  consultantId: number;
  state: FloorState;
  /** 1-based place in the line; null when not in it. */
  position: number | null;
  /** Since when in this state (busy: since the first open reception began). */
  since: number | null;
  inShift: boolean;
  shiftStart: number | null;
  shiftEnd: number | null;
  /** R13. */
  phoneDuty: boolean;
  /** Receives the walk-in after the one at the door. */
  next: boolean;
  busyWith: Reception[];
  priorityMakeUps: number;
  makeUps: number;
  counted: number;
  /** R15: skipped or marked absent, with a place the manager can give back. */
  reinstatable: boolean;
}

export interface Board {
  day: string;
  at: number;
  round: number;
  atDoorId: number | null;
  phoneDutyId: number | null;
  /** Who receives the next walk-ins, in order. */
  upNext: number[];
  consultants: BoardConsultant[];
  waiting: Reception[];
  /** Today's receptions, newest first. */
  receptions: Reception[];
  walkInsByKind: Array<{ kind: WalkInKind; count: number }>;
  alerts: Alert[];
}

const STATE_ORDER: Record<FloorState, number> = { AT_DOOR: 0, WAITING: 1, BUSY: 2, AWAY: 3, ABSENT: 4, OFF_SHIFT: 5 };

export function projectBoard(raw: RotationState, opts: { now: Date | number; shifts: ShiftWindow[]; settings: RotationSettings }): Board {
  const now = typeof opts.now === 'number' ? opts.now : opts.now.getTime();
  const day = businessDay(now, opts.settings.timezone);
  const state = atDay(raw, day);
  const v: FloorView = { state, now, shifts: opts.shifts };
  const up = upOrder(v);
  const line = lineOrder(state);
  const ids = new Set<number>([...Object.keys(state.members).map(Number), ...opts.shifts.map((s) => s.consultantId)]);
  const consultants: BoardConsultant[] = [...ids].map((id) => {
    const m = state.members[id];
    const shift = shiftOf(opts.shifts, id, now);
    const working = inShift(opts.shifts, id, now);
    const busyWith = activeReceptions(state, id);
    const makeUps = Object.values(state.makeUps).filter((x) => x.consultantId === id && isLive(state, x));
    const position = line.findIndex((x) => x.id === id);
    let floor: FloorState;
    let since: number | null = m?.presenceSince ?? null;
    if (!m || m.presence === 'OFF_FLOOR') floor = working ? 'ABSENT' : 'OFF_SHIFT';
    else if (m.presence === 'AWAY') floor = 'AWAY';
    else if (busyWith.length) {
      floor = 'BUSY';
      since = busyWith[0].startedAt;
    } else if (!working) floor = 'OFF_SHIFT';
    else {
      floor = up[0] === id ? 'AT_DOOR' : 'WAITING';
      since = Math.max(m.freeSince, m.presenceSince);
    }
    if (floor === 'WAITING' && !isAvailable(v, id)) floor = 'OFF_SHIFT';
    return {
      consultantId: id,
      state: floor,
      position: position >= 0 ? position + 1 : null,
      since,
      inShift: working,
      shiftStart: shift?.start ?? null,
      shiftEnd: shift?.end ?? null,
      phoneDuty: up[1] === id,
      next: up[1] === id,
      busyWith,
      priorityMakeUps: makeUps.filter((x) => x.kind === 'PRIORITY').length,
      makeUps: makeUps.filter((x) => x.kind === 'NORMAL').length,
      counted: countedToday(state, id),
      reinstatable: m?.previousQueuedAt != null,
    };
  });
  consultants.sort(
    (a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.consultantId - b.consultantId,
  );
  const receptions = [...state.receptions.values()].sort((a, b) => b.arrivedAt - a.arrivedAt || b.id.localeCompare(a.id));
  const kinds = new Map<WalkInKind, number>();
  for (const r of receptions) if (r.status !== 'UNDONE') kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  return {
    day,
    at: now,
    round: state.round,
    atDoorId: up[0] ?? null,
    phoneDutyId: up[1] ?? null,
    upNext: up,
    consultants,
    waiting: receptions.filter((r) => r.status === 'WAITING').reverse(),
    receptions,
    walkInsByKind: [...kinds].map(([kind, count]) => ({ kind, count })),
    alerts: Object.values(state.alerts).sort((a, b) => a.at - b.at),
  };
}
