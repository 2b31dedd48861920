// Undo (R15, and the desk's R6 window) and a consultant's take-back of their own tap: an
// undoable event's inverse set back exactly, while nothing has touched the same objects since.
import type { Command, Draft, Step } from './draft.js';
import { undoEntries } from './evolve.js';
import { reject } from './guards.js';
import type { Effect, EventType, UndoEntry } from './types.js';

export function undo(d: Draft, cmd: Command<'UNDO'>): Step {
  const { actor } = cmd;
  const now = d.now;
  const entry = undoEntries(d.state).find((u) => u.seq === cmd.seq);
  if (!entry) return reject('UNDO_NOT_FOUND', 'That change cannot be undone (not today, or already undone)', { seq: cmd.seq });
  if (entry.stale) reject('UNDO_STATE_CHANGED', 'The floor has changed since; correct it by hand instead', { seq: cmd.seq });
  if (!actor.supervisor) {
    if (!actor.desk || entry.type !== 'WALK_IN_RECORDED') reject('FORBIDDEN_SUPERVISOR', 'Only the sales manager may undo this');
    const windowMs = d.ctx.settings.undoWindowMinutes * 60_000;
    if (now - entry.at > windowMs) {
      reject('UNDO_WINDOW_PASSED', `The desk may undo a walk-in within ${d.ctx.settings.undoWindowMinutes} minutes; ask the manager`, { minutes: d.ctx.settings.undoWindowMinutes });
    }
  }
  const receptionId = revert(d, entry, cmd.seq);
  return {
    type: 'UNDONE',
    consultantId: null,
    receptionId,
    reason: cmd.reason?.trim() || null,
    explanation: { rule: actor.supervisor ? 'R15' : 'R6', params: { seq: cmd.seq, undoneType: entry.type, undoneAt: entry.at } },
  };
}

export function takeBack(d: Draft, cmd: Command<'TAKE_BACK'>): Step {
  // A consultant's own mis-tap (left the floor, went away, came back, customer left) is
  // taken back within the desk's undo window: the place in the line comes back as it was,
  // and the log keeps both the tap and its correction.
  const { actor } = cmd;
  const now = d.now;
  const entry = undoEntries(d.state).find((u) => u.seq === cmd.seq);
  if (!entry || !SELF_TAKE_BACK.has(entry.type)) return reject('UNDO_NOT_FOUND', 'That change cannot be taken back', { seq: cmd.seq });
  if (entry.actorId !== actor.userId) reject('FORBIDDEN_NOT_YOURS', 'You may only take back your own change');
  if (entry.stale) reject('UNDO_STATE_CHANGED', 'The floor has changed since; ask the manager', { seq: cmd.seq });
  const minutes = d.ctx.settings.undoWindowMinutes;
  if (now - entry.at > minutes * 60_000) reject('UNDO_WINDOW_PASSED', `A change can be taken back within ${minutes} minutes; ask the manager`, { minutes });
  const receptionId = revert(d, entry, cmd.seq);
  const consultantId = firstMember(entry.effects);
  return { type: 'TAKEN_BACK', consultantId, receptionId, explanation: { rule: 'R6', params: { seq: cmd.seq, undoneType: entry.type, undoneAt: entry.at } } };
}

/** A consultant's own taps that they may take back within the undo window (TAKE_BACK). */
export const SELF_TAKE_BACK = new Set<EventType>(['CHECKED_OUT', 'WENT_AWAY', 'CAME_BACK', 'CHECKED_IN', 'RECEPTION_ENDED']);

const firstMember = (effects: Effect[]): number | null => {
  const m = effects.find((e) => e.op === 'member');
  return m && m.op === 'member' ? m.id : null;
};

/**
 * Sets back what an undoable event set (UNDO, TAKE_BACK). Exact: only while nothing has
 * touched the same objects since. Returns the reception it took back, if any.
 */
function revert(d: Draft, entry: UndoEntry, seq: number): string | null {
  for (const e of entry.effects) {
    const current =
      e.op === 'round'
        ? d.state.round
        : e.op === 'reception'
          ? (d.state.receptions.get(e.id) ?? null)
          : ((e.op === 'member' ? d.state.members : e.op === 'makeUp' ? d.state.makeUps : d.state.alerts)[String(e.id)] ?? null);
    if (JSON.stringify(current) !== JSON.stringify(e.value)) {
      reject('UNDO_STATE_CHANGED', 'The floor has changed since; correct it by hand instead', { seq });
    }
  }
  let receptionId: string | null = null;
  for (const e of entry.inverse) {
    if (e.op === 'member') {
      if (e.value) d.setMember(e.value);
      else d.patchMember(e.id, { queuedAt: null, presence: 'OFF_FLOOR' });
    } else if (e.op === 'reception') {
      // A walk-in that the undo takes back stays in the log as undone.
      if (e.value) d.setReception(e.value);
      else {
        receptionId = e.id;
        d.patchReception(e.id, { status: 'UNDONE', credit: [], endedAt: d.now });
      }
    } else if (e.op === 'makeUp') d.setMakeUp(e.id, e.value);
    else if (e.op === 'alert') d.setAlert(e.id, e.value);
    else d.setRound(e.value);
  }
  return receptionId;
}
