import type { Effect, RotationEvent, RotationState, UndoEntry } from './types.js';

export function initialState(): RotationState {
  return { seq: 0, day: null, round: 1, members: {}, receptions: {}, makeUps: {}, alerts: {}, undoable: [] };
}

/** A new day starts a fresh floor: nobody in line, no credits, counts at zero, round 1. */
export function atDay(state: RotationState, day: string): RotationState {
  if (state.day === day) return state;
  return { ...initialState(), seq: state.seq, day };
}

export function applyEffects(state: RotationState, effects: Effect[]): RotationState {
  const next: RotationState = {
    ...state,
    members: { ...state.members },
    receptions: { ...state.receptions },
    makeUps: { ...state.makeUps },
    alerts: { ...state.alerts },
  };
  for (const e of effects) {
    if (e.op === 'round') {
      next.round = e.value;
      continue;
    }
    const table = (e.op === 'member' ? next.members : e.op === 'reception' ? next.receptions : e.op === 'makeUp' ? next.makeUps : next.alerts) as Record<
      string,
      unknown
    >;
    if (e.value === null) delete table[String(e.id)];
    else table[String(e.id)] = e.value;
  }
  return next;
}

/** The fold: state after one more event. Pure; the events carry every decision. */
export function evolve(state: RotationState, event: RotationEvent): RotationState {
  const seq = state.seq + 1;
  const next = applyEffects(atDay(state, event.day), event.effects);
  next.seq = seq;
  const gone = event.type === 'UNDONE' || event.type === 'TAKEN_BACK' ? Number(event.explanation.params?.seq) : null;
  // An earlier change whose objects this event touches can no longer be undone exactly:
  // keep a small tombstone instead of its effects, so the snapshot stays small all day.
  const touched = new Set(event.effects.map(effectKey));
  const undoable: UndoEntry[] = [];
  for (const u of undoEntries(next)) {
    if (u.seq === gone) continue;
    undoable.push(!u.stale && u.effects.some((e) => touched.has(effectKey(e))) ? { seq: u.seq, type: u.type, at: u.at, actorId: u.actorId, effects: [], inverse: [], stale: true } : u);
  }
  if (event.undo) undoable.push({ seq, type: event.type, at: event.at, actorId: event.actorId, effects: event.effects, inverse: event.undo });
  next.undoable = undoable;
  return next;
}

/** The undo entries of a state, also of one parsed from a snapshot written before they were a list. */
export function undoEntries(state: RotationState): UndoEntry[] {
  const u = state.undoable as UndoEntry[] | Record<string, UndoEntry>;
  return Array.isArray(u) ? u : Object.values(u).sort((a, b) => a.seq - b.seq);
}

/** A state from its stored JSON (the head's snapshot), in today's shape whatever its age. */
export function restoreState(json: string): RotationState {
  const state = JSON.parse(json) as RotationState;
  return { ...state, undoable: undoEntries(state) };
}

export const effectKey = (e: Effect) => (e.op === 'round' ? 'round' : `${e.op}:${e.id}`);

export function replay(events: RotationEvent[], from: RotationState = initialState()): RotationState {
  return events.reduce(evolve, from);
}

/** An event with its place in the site's log. */
export interface SequencedEvent {
  seq: number;
  event: RotationEvent;
}

/**
 * Issue 17: `rotationBoardAt` starts from the business day, not from the first event. A new day
 * starts a fresh floor (atDay), so the state after an event is the fold of the run of same-day
 * events that ends with it, from a fresh state at the seq before that run. `events` are one day's
 * events up to the wanted one, in seq order; any before a gap in seq (another day's events in
 * between: a clock set back, a changed time zone) are left out, as the fold of the log drops them.
 */
export function stateAfterDay(events: readonly SequencedEvent[]): RotationState {
  if (!events.length) return initialState();
  const last = events[events.length - 1];
  let first = events.length - 1;
  while (first > 0 && events[first - 1].seq === events[first].seq - 1 && events[first - 1].event.day === last.event.day) first -= 1;
  const run = events.slice(first).map((e) => e.event);
  return replay(run, { ...initialState(), seq: events[first].seq - 1 });
}
