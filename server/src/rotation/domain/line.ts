// The line: presence on the floor (R1–R4: joining, business away, absence without notice,
// leaving) and the manager's moves in it (R15: move, skip, reinstate).
import type { Command, Draft, Step } from './draft.js';
import { reject, requireInLine, requireReason, requireSelf, requireSupervisor } from './guards.js';
import { lineOrder } from './order.js';
import { inShift } from './shifts.js';

export function checkIn(d: Draft, cmd: Command<'CHECK_IN'>): Step {
  const { actor } = cmd;
  const now = d.now;
  requireSelf(actor, cmd.consultantId);
  const m = d.member(cmd.consultantId);
  if (m?.presence === 'ON_FLOOR') reject('ALREADY_ON_FLOOR', 'Already on the floor');
  if (m?.presence === 'AWAY') {
    // R4: back from business: place and make-up credits kept.
    d.patchMember(cmd.consultantId, { presence: 'ON_FLOOR', presenceSince: now, freeSince: now });
    return { type: 'CAME_BACK', consultantId: cmd.consultantId, explanation: { rule: 'R4', params: { awaySince: m.presenceSince } } };
  }
  if (m?.presence === 'OFF_FLOOR' && m.queuedAt !== null) {
    // R3: back after an absence without notice: the turns missed are lost, but the place
    // in the round order is kept (接待轮回).
    d.patchMember(cmd.consultantId, { presence: 'ON_FLOOR', presenceSince: now, freeSince: now, previousQueuedAt: null });
    return { type: 'CAME_BACK', consultantId: cmd.consultantId, explanation: { rule: 'R3', params: { absentSince: m.presenceSince } } };
  }
  // Joining takes the last place; nobody else moves.
  d.patchMember(cmd.consultantId, { presence: 'ON_FLOOR', presenceSince: now, queuedAt: now, previousQueuedAt: null, freeSince: now });
  return { type: 'CHECKED_IN', consultantId: cmd.consultantId, explanation: { rule: 'R1', params: { inShift: inShift(d.shifts, cmd.consultantId, now) } } };
}

export function goAway(d: Draft, cmd: Command<'GO_AWAY'>): Step {
  const { actor } = cmd;
  const now = d.now;
  requireSelf(actor, cmd.consultantId);
  const m = requireInLine(d, cmd.consultantId);
  if (m.presence === 'AWAY') reject('ALREADY_AWAY', 'Already signed out on business');
  d.patchMember(m.id, { presence: 'AWAY', presenceSince: now });
  return { type: 'WENT_AWAY', consultantId: m.id, explanation: { rule: 'R4' } };
}

export function checkOut(d: Draft, cmd: Command<'CHECK_OUT'>): Step {
  const { actor } = cmd;
  const now = d.now;
  requireSelf(actor, cmd.consultantId);
  const m = d.member(cmd.consultantId);
  if (!m || (m.presence === 'OFF_FLOOR' && m.queuedAt === null)) reject('NOT_ON_FLOOR', 'Not on the floor');
  d.patchMember(cmd.consultantId, { presence: 'OFF_FLOOR', presenceSince: now, queuedAt: null, previousQueuedAt: null });
  return { type: 'CHECKED_OUT', consultantId: cmd.consultantId, explanation: { rule: 'R1' } };
}

export function markAbsent(d: Draft, cmd: Command<'MARK_ABSENT'>): Step {
  const { actor } = cmd;
  const now = d.now;
  if (!actor.supervisor && !actor.desk) reject('FORBIDDEN_DESK', 'Only the desk or a manager marks an absence');
  const m = requireInLine(d, cmd.consultantId);
  if (m.presence !== 'ON_FLOOR') reject('NOT_ON_FLOOR', 'Only a consultant who is meant to be on the floor can be absent');
  // R3: not on the floor without notice: skipped when their turn comes, the turn is lost,
  // no make-up; the place in the round order is kept for the following rounds.
  d.patchMember(m.id, { presence: 'OFF_FLOOR', presenceSince: now, previousQueuedAt: m.queuedAt });
  d.closeRound();
  return { type: 'MARKED_ABSENT', consultantId: m.id, reason: cmd.reason?.trim() || null, explanation: { rule: 'R3' }, undoable: true };
}

export function move(d: Draft, cmd: Command<'MOVE'>): Step {
  const { actor } = cmd;
  requireSupervisor(actor);
  const reason = requireReason(cmd.reason);
  const m = requireInLine(d, cmd.consultantId);
  const line = lineOrder(d.state).filter((x) => x.id !== m.id);
  if (!Number.isInteger(cmd.position) || cmd.position < 1 || cmd.position > line.length + 1) {
    reject('POSITION', `Position must be between 1 and ${line.length + 1}`);
  }
  const before = lineOrder(d.state).findIndex((x) => x.id === m.id) + 1;
  const slots = lineOrder(d.state).map((x) => x.queuedAt!);
  line.splice(cmd.position - 1, 0, m);
  // The same place values, dealt out in the new order (kept strictly increasing).
  let last = -Infinity;
  line.forEach((x, i) => {
    const q = Math.max(slots[i], last + 0.001);
    last = q;
    if (x.queuedAt !== q) d.patchMember(x.id, { queuedAt: q });
  });
  return { type: 'MOVED', consultantId: m.id, reason, explanation: { rule: 'R15', params: { from: before, to: cmd.position } }, undoable: true };
}

export function skip(d: Draft, cmd: Command<'SKIP'>): Step {
  const { actor } = cmd;
  const now = d.now;
  requireSupervisor(actor);
  const reason = requireReason(cmd.reason);
  const m = requireInLine(d, cmd.consultantId);
  d.patchMember(m.id, { queuedAt: now, previousQueuedAt: m.queuedAt, turnRound: d.state.round });
  d.closeRound();
  return { type: 'SKIPPED', consultantId: m.id, reason, explanation: { rule: 'R15', params: { overrides: 'R1' } }, undoable: true };
}

export function reinstate(d: Draft, cmd: Command<'REINSTATE'>): Step {
  const { actor } = cmd;
  const now = d.now;
  requireSupervisor(actor);
  const reason = requireReason(cmd.reason);
  const m = d.member(cmd.consultantId);
  if (!m || m.previousQueuedAt === null) reject('NOTHING_TO_REINSTATE', 'This consultant has no earlier place to go back to');
  d.patchMember(m!.id, { presence: 'ON_FLOOR', presenceSince: m!.presence === 'ON_FLOOR' ? m!.presenceSince : now, queuedAt: m!.previousQueuedAt, previousQueuedAt: null });
  return { type: 'REINSTATED', consultantId: m!.id, reason, explanation: { rule: 'R15', params: { overrides: 'R3' } }, undoable: true };
}
