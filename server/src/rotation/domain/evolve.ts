import { membersChanged, receptionChanged, receptionsCopied } from './order.js';
import { Receptions, type Effect, type Reception, type RotationEvent, type RotationState, type UndoEntry } from './types.js';

export function initialState(): RotationState {
  return { seq: 0, day: null, round: 1, members: {}, receptions: new Receptions(), makeUps: {}, alerts: {}, undoable: [] };
}

/** A new day starts a fresh floor: nobody in line, no credits, counts at zero, round 1. */
export function atDay(state: RotationState, day: string): RotationState {
  if (state.day === day) return state;
  return { ...initialState(), seq: state.seq, day };
}

type Table = 'members' | 'receptions' | 'makeUps' | 'alerts';
const TABLES = { member: 'members', reception: 'receptions', makeUp: 'makeUps', alert: 'alerts' } as const;

export function applyEffects(state: RotationState, effects: Effect[]): RotationState {
  const next = { ...state };
  applyTo(next, effects, new Set());
  return next;
}

/**
 * `effects` applied to `next` in place. A table not in `owned` is still shared with an older
 * state: it is copied first (and then owned). Only the tables the effects touch are copied
 * (issue 17; the receptions copy on write, see Receptions);
 * the receptions' index and the line follow the changes.
 */
function applyTo(next: RotationState, effects: Effect[], owned: Set<Table>): void {
  for (const e of effects) {
    if (e.op === 'round') {
      next.round = e.value;
      continue;
    }
    const name = TABLES[e.op];
    if (!owned.has(name)) {
      owned.add(name);
      if (name === 'receptions') {
        const copy = new Receptions(next.receptions);
        receptionsCopied(next.receptions, copy);
        next.receptions = copy;
      } else (next as unknown as Record<string, object>)[name] = { ...next[name] };
    }
    const key = String(e.id);
    if (e.op === 'reception') {
      const before = next.receptions.get(key);
      if (e.value === null) next.receptions.delete(key);
      else next.receptions.set(key, e.value);
      receptionChanged(next.receptions, before, e.value ?? undefined);
      continue;
    }
    const table = next[name] as Record<string, unknown>;
    if (e.value === null) delete table[key];
    else table[key] = e.value;
    if (e.op === 'member') membersChanged(table);
  }
}

/** The fold: state after one more event. Pure; the events carry every decision. */
export function evolve(state: RotationState, event: RotationEvent): RotationState {
  return step({ ...atDay(state, event.day) }, event, new Set());
}

/** `next` (a copy of the state before `event`, of its day) changed in place by `event`. */
function step(next: RotationState, event: RotationEvent, owned: Set<Table | 'undoable'>): RotationState {
  const seq = next.seq + 1;
  applyTo(next, event.effects, owned as Set<Table>);
  next.seq = seq;
  const gone = event.type === 'UNDONE' || event.type === 'TAKEN_BACK' ? Number(event.explanation.params?.seq) : null;
  // An earlier change whose objects this event touches can no longer be undone exactly:
  // keep a small tombstone instead of its effects, so the snapshot stays small all day. Only
  // the live entries are looked at (issue 17: the day's tombstones are most of the list).
  const touched = new Set(event.effects.map(effectKey));
  const before = undoEntries(next);
  let live = livePositions(before);
  const undoable = owned.has('undoable') ? before : before.slice();
  owned.add('undoable');
  const still: number[] = [];
  for (const i of live) {
    const u = undoable[i];
    if (u.seq !== gone && keysOf(u).some((k) => touched.has(k))) undoable[i] = { seq: u.seq, type: u.type, at: u.at, actorId: u.actorId, effects: [], inverse: [], stale: true };
    else still.push(i);
  }
  live = still;
  const at = gone === null ? -1 : undoable.findIndex((u) => u.seq === gone);
  if (at >= 0) {
    undoable.splice(at, 1);
    live = live.filter((i) => i !== at).map((i) => (i > at ? i - 1 : i));
  }
  if (event.undo) {
    live.push(undoable.length);
    undoable.push({ seq, type: event.type, at: event.at, actorId: event.actorId, effects: event.effects, inverse: event.undo });
  }
  liveAt.set(undoable, live);
  next.undoable = undoable;
  return next;
}

/** The positions of an undo list's live (not stale) entries, known per list (see step). */
const liveAt = new WeakMap<UndoEntry[], number[]>();
function livePositions(list: UndoEntry[]): number[] {
  let live = liveAt.get(list);
  if (!live) {
    live = [];
    for (let i = 0; i < list.length; i++) if (!list[i].stale) live.push(i);
    liveAt.set(list, live);
  }
  return live;
}

/** The undo entries of a state that can still be undone (not stale), in seq order. */
export function liveUndoEntries(state: RotationState): UndoEntry[] {
  const list = undoEntries(state);
  return livePositions(list).map((i) => list[i]);
}

/** The undo entries of a state, also of one parsed from a snapshot written before they were a list. */
export function undoEntries(state: RotationState): UndoEntry[] {
  const u = state.undoable as UndoEntry[] | Record<string, UndoEntry>;
  return Array.isArray(u) ? u : Object.values(u).sort((a, b) => a.seq - b.seq);
}

/** A state from its stored JSON (the head's snapshot), in today's shape whatever its age. */
export function restoreState(json: string): RotationState {
  const state = JSON.parse(json) as Omit<RotationState, 'receptions'> & { receptions: Record<string, Reception> };
  // eslint-disable-next-line no-restricted-syntax -- stored as an object; the Map is made here
  return { ...state, receptions: new Receptions(Object.entries(state.receptions)), undoable: undoEntries(state as unknown as RotationState) };
}

export const effectKey = (e: Effect) => (e.op === 'round' ? 'round' : `${e.op}:${e.id}`);

/** An undo entry's effect keys, made once: every later event of the day checks them. */
const entryKeys = new WeakMap<UndoEntry, string[]>();
function keysOf(u: UndoEntry): string[] {
  let keys = entryKeys.get(u);
  if (!keys) entryKeys.set(u, (keys = u.effects.map(effectKey)));
  return keys;
}

/**
 * The fold of several events: the same state as evolving one by one, with each table copied
 * once for the run rather than once per event (a catch-up of another instance's batch, the
 * fold from a snapshot).
 */
export function replay(events: readonly RotationEvent[], from: RotationState = initialState()): RotationState {
  const fold = new Fold(from);
  for (const event of events) fold.add(event);
  return fold.state;
}

/**
 * A fold that goes on, event by event, as replay does: `from` is never changed; each table is
 * copied from it once, and later events change the copies in place. So `state` is the state
 * after the last event only until the next `add` (issue 17: a batch of commands folds its
 * events this way, rather than one copy of the state per event).
 */
export class Fold {
  private owned = new Set<Table | 'undoable'>();
  private mine: RotationState | null = null;

  constructor(public state: RotationState) {}

  add(event: RotationEvent): RotationState {
    if (this.mine === null || this.mine.day !== event.day) {
      this.mine = { ...atDay(this.state, event.day) };
      this.owned = new Set();
    }
    return (this.state = step(this.mine, event, this.owned));
  }
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
