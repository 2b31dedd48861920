// Who is next, in one place. The order is stated here and tested by rule id:
//   1. R7/R11 priority make-ups, earliest granted first;
//   2. R4/R10/R12 normal make-ups, earliest granted first;
//   3. the line (R1): earliest place first; a tie is broken by fewest counted receptions
//      today, then longest free, then the lower user id — never by insertion order.
// Only consultants on the floor, inside their shift (R2) and not busy (R5) receive.
import { inShift } from './shifts.js';
import type { MakeUp, Member, Reception, RotationState, ShiftWindow } from './types.js';

export interface FloorView {
  state: RotationState;
  now: number;
  shifts: ShiftWindow[];
}

/**
 * Who is busy with whom, who waits and how many each has counted today, per receptions table
 * (the rules ask it per consultant, many times a command). Built once by a walk over the day's
 * receptions; a table made from another by a few changes (evolve, decide's draft) takes the
 * other's index with those changes applied, so a command costs the same early and late in a
 * busy day (issue 17: the walk was most of decide's time at 900 receptions).
 */
interface ReceptionIndex {
  active: Map<number, Reception[]>;
  counted: Map<number, number>;
  /** Walk-ins waiting for a free consultant, by id. */
  waiting: Map<string, Reception>;
  /** Bumped at each change in place (decide's draft), for what is derived from it. */
  version: number;
}
const indexes = new WeakMap<object, ReceptionIndex>();

const byId = new Intl.Collator('en', { numeric: true }).compare;
/** Active receptions of one consultant: earliest started first; ties by id, however the index was made. */
const activeOrder = (a: Reception, b: Reception) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || byId(a.id, b.id);

/** Adds (`sign` 1) or takes out (-1) one reception's part of an index. */
function contribute(ix: ReceptionIndex, r: Reception | undefined, sign: 1 | -1): void {
  if (!r || r.status === 'UNDONE') return;
  if (r.status === 'WAITING') {
    if (sign > 0) ix.waiting.set(r.id, r);
    else ix.waiting.delete(r.id);
  }
  for (const c of r.credit) ix.counted.set(c.consultantId, (ix.counted.get(c.consultantId) ?? 0) + sign * c.share);
  if (r.status !== 'ACTIVE' || r.consultantId === null) return;
  // A new list each time: copies of an index share the lists they did not change.
  const list = (ix.active.get(r.consultantId) ?? []).filter((x) => x.id !== r.id);
  if (sign > 0) list.push(r);
  list.sort(activeOrder);
  if (list.length) ix.active.set(r.consultantId, list);
  else ix.active.delete(r.consultantId);
}

function indexOf(state: RotationState): ReceptionIndex {
  const known = indexes.get(state.receptions);
  if (known) return known;
  const ix: ReceptionIndex = { active: new Map(), counted: new Map(), waiting: new Map(), version: 0 };
  for (const r of state.receptions.values()) {
    if (r.status === 'UNDONE') continue;
    if (r.status === 'WAITING') ix.waiting.set(r.id, r);
    for (const c of r.credit) ix.counted.set(c.consultantId, (ix.counted.get(c.consultantId) ?? 0) + c.share);
    if (r.status === 'ACTIVE' && r.consultantId !== null) {
      const list = ix.active.get(r.consultantId);
      if (list) list.push(r);
      else ix.active.set(r.consultantId, [r]);
    }
  }
  for (const list of ix.active.values()) list.sort(activeOrder);
  indexes.set(state.receptions, ix);
  return ix;
}

/** `to` is a copy of the table `from`: it takes a copy of `from`'s index, when there is one. */
export function receptionsCopied(from: object, to: object): void {
  const ix = indexes.get(from);
  if (ix) indexes.set(to, { active: new Map(ix.active), counted: new Map(ix.counted), waiting: new Map(ix.waiting), version: 0 });
}

/** One reception of `receptions` was replaced in place (decide's draft, a fold's own copy). */
export function receptionChanged(receptions: object, before: Reception | undefined, after: Reception | undefined): void {
  const ix = indexes.get(receptions);
  if (!ix) return;
  contribute(ix, before, -1);
  contribute(ix, after, 1);
  ix.version += 1;
}

export function countedToday(state: RotationState, consultantId: number): number {
  return indexOf(state).counted.get(consultantId) ?? 0;
}

export function activeReceptions(state: RotationState, consultantId: number): Reception[] {
  return [...(indexOf(state).active.get(consultantId) ?? [])];
}

/** Walk-ins waiting for a free consultant, first come first (ties by id). */
export function waitingReceptions(state: RotationState): Reception[] {
  return [...indexOf(state).waiting.values()].sort((a, b) => a.arrivedAt - b.arrivedAt || byId(a.id, b.id));
}

/** Whether any walk-in waits for a free consultant (the index's count, no sort). */
export const anyoneWaiting = (state: RotationState) => indexOf(state).waiting.size > 0;

export const isBusy = (state: RotationState, consultantId: number) => indexOf(state).active.has(consultantId);

export function busySince(state: RotationState, consultantId: number): number | null {
  return indexOf(state).active.get(consultantId)?.[0]?.startedAt ?? null;
}

/** The line of a members table, while the table and the counts it was sorted by are unchanged. */
const lines = new WeakMap<object, { ix: ReceptionIndex; version: number; line: readonly Member[] }>();

/** A members table was changed in place (decide's draft, a fold's own copy). */
export function membersChanged(members: object): void {
  lines.delete(members);
}

/** R1: the line in order (everyone holding a place, whether free or not). Shared: do not change it. */
export function lineOrder(state: RotationState): readonly Member[] {
  const ix = indexOf(state);
  const known = lines.get(state.members);
  if (known && known.ix === ix && known.version === ix.version) return known.line;
  const count = (id: number) => ix.counted.get(id) ?? 0;
  const line = Object.values(state.members)
    .filter((m) => m.queuedAt !== null)
    .sort((a, b) => a.queuedAt! - b.queuedAt! || count(a.id) - count(b.id) || a.freeSince - b.freeSince || a.id - b.id);
  lines.set(state.members, { ix, version: ix.version, line });
  return line;
}

/** On the floor, holding a place, inside the shift and not busy. */
export function isAvailable(v: FloorView, consultantId: number): boolean {
  const m = v.state.members[consultantId];
  return !!m && m.presence === 'ON_FLOOR' && m.queuedAt !== null && inShift(v.shifts, consultantId, v.now) && !isBusy(v.state, consultantId);
}

/** On the floor and inside the shift: reachable for their own customer, even if busy. */
export function isPresent(v: FloorView, consultantId: number): boolean {
  const m = v.state.members[consultantId];
  return !!m && m.presence === 'ON_FLOOR' && inShift(v.shifts, consultantId, v.now);
}

export const isLive = (state: RotationState, m: MakeUp) =>
  m.usedAt === null && (m.lapsesAfterRound === null || m.lapsesAfterRound >= state.round);

/** Make-ups that can be served now, in the order they are served. */
export function makeUpOrder(v: FloorView): MakeUp[] {
  const position = new Map(lineOrder(v.state).map((m, i) => [m.id, i]));
  return Object.values(v.state.makeUps)
    .filter((m) => isLive(v.state, m) && isAvailable(v, m.consultantId))
    .sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'PRIORITY' ? -1 : 1) ||
        a.grantedAt - b.grantedAt ||
        (position.get(a.consultantId) ?? 0) - (position.get(b.consultantId) ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

export type PassReason = { consultantId: number; rule: 'R2' | 'R3' | 'R4' | 'R5'; since?: number };

export interface NextUp {
  consultantId: number;
  via: 'PRIORITY_MAKE_UP' | 'MAKE_UP' | 'LINE';
  makeUp: MakeUp | null;
  /** Consultants ahead in the line who were passed over (line turns only). */
  passed: PassReason[];
}

/** The consultant at the door: who receives the next counted walk-in, and whom it passes. */
export function nextUp(v: FloorView): NextUp | null {
  const makeUp = makeUpOrder(v)[0];
  if (makeUp) return { consultantId: makeUp.consultantId, via: makeUp.kind === 'PRIORITY' ? 'PRIORITY_MAKE_UP' : 'MAKE_UP', makeUp, passed: [] };
  const passed: PassReason[] = [];
  for (const m of lineOrder(v.state)) {
    if (isAvailable(v, m.id)) return { consultantId: m.id, via: 'LINE', makeUp: null, passed };
    if (m.presence === 'AWAY') passed.push({ consultantId: m.id, rule: 'R4', since: m.presenceSince });
    else if (!inShift(v.shifts, m.id, v.now)) passed.push({ consultantId: m.id, rule: 'R2' });
    // R3: marked absent without notice, still holding their place in the round order.
    else if (m.presence === 'OFF_FLOOR') passed.push({ consultantId: m.id, rule: 'R3', since: m.presenceSince });
    else passed.push({ consultantId: m.id, rule: 'R5', since: busySince(v.state, m.id) ?? undefined });
  }
  return null;
}

/** Who receives the next walk-ins, in order, each once: [0] is at the door, [1] on phone duty (R13). */
export function upOrder(v: FloorView): number[] {
  const ids: number[] = [];
  for (const m of makeUpOrder(v)) if (!ids.includes(m.consultantId)) ids.push(m.consultantId);
  for (const m of lineOrder(v.state)) if (isAvailable(v, m.id) && !ids.includes(m.id)) ids.push(m.id);
  return ids;
}

/**
 * R7/R10/R12: "the last consultant in the queue" assists. So that an absent colleague's
 * customers do not all land on one person, the free consultant who has assisted least
 * today goes first; among equals, the one furthest back in the line.
 */
export function pickAssistant(v: FloorView, exclude: number[]): number | null {
  const line = lineOrder(v.state);
  const candidates = line.map((m, i) => ({ m, i })).filter(({ m }) => !exclude.includes(m.id) && isAvailable(v, m.id));
  candidates.sort((a, b) => a.m.assists - b.m.assists || b.i - a.i);
  return candidates[0]?.m.id ?? null;
}
