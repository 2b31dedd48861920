import type { Effect, RotationEvent, RotationState } from './types.js';

export function initialState(): RotationState {
  return { seq: 0, day: null, round: 1, members: {}, receptions: {}, makeUps: {}, alerts: {}, undoable: {} };
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
  const undoable = { ...next.undoable };
  if (event.type === 'UNDONE' || event.type === 'TAKEN_BACK') delete undoable[String(event.explanation.params?.seq)];
  // An earlier change whose objects this event touches can no longer be undone exactly:
  // keep a small tombstone instead of its effects, so the snapshot stays small all day.
  const touched = new Set(event.effects.map(effectKey));
  for (const [k, u] of Object.entries(undoable)) {
    if (!u.stale && u.effects.some((e) => touched.has(effectKey(e)))) undoable[k] = { seq: u.seq, type: u.type, at: u.at, actorId: u.actorId, effects: [], inverse: [], stale: true };
  }
  if (event.undo) {
    undoable[String(seq)] = { seq, type: event.type, at: event.at, actorId: event.actorId, effects: event.effects, inverse: event.undo };
  }
  next.undoable = undoable;
  return next;
}

export const effectKey = (e: Effect) => (e.op === 'round' ? 'round' : `${e.op}:${e.id}`);

export function replay(events: RotationEvent[], from: RotationState = initialState()): RotationState {
  return events.reduce(evolve, from);
}
