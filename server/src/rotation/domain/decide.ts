// decide(state, command, context) → events | rejection. Every rule of SPEC section 1 that
// changes the floor is decided through here; evolve() only applies what an event says. This
// file dispatches each command to its rule's step, in a file by concern: line.ts (presence
// R1–R4, the manager's moves R15), walk-ins.ts (R1, R5–R10, R12, R14, assigning by hand),
// receptions.ts (a started reception: R5, R10–R12, R14) and undo.ts (undo, take-back).
import { Draft, type Step } from './draft.js';
import { atDay, evolve } from './evolve.js';
import { Rejected } from './guards.js';
import { anyoneWaiting } from './order.js';
import { checkIn, checkOut, goAway, markAbsent, move, reinstate, skip } from './line.js';
import { acknowledgeAlert, decideNonBuyer, endReception, handOver, keepForColleague, recordSameDayDeal, reportBigBuyer, reportNonBuyer } from './receptions.js';
import { businessDay } from './shifts.js';
import type { Actor, DecideContext, Decision, RotationCommand, RotationEvent, RotationState } from './types.js';
import { SELF_TAKE_BACK, takeBack, undo } from './undo.js';
import { assignByHand, assignWaiting, recordWalkIn } from './walk-ins.js';

/** Commands a manager's reason is required for, or that nobody waiting could profit from. */
const NO_WAITING_CHECK = new Set<RotationCommand['type']>(['UNDO']);

export function decide(state: RotationState, cmd: RotationCommand, ctx: DecideContext): Decision {
  const now = typeof ctx.now === 'number' ? ctx.now : ctx.now.getTime();
  const day = businessDay(now, ctx.settings.timezone);
  try {
    const events: RotationEvent[] = [];
    const base = atDay(state, day);
    const d = new Draft(base, now, ctx);
    const s = step(d, cmd);
    const first = toEvent(d, s, cmd.actor, now, day);
    events.push(first);
    // A change that frees someone sends the walk-ins waiting for them (R5). The draft holds the
    // same receptions as the state after the event: with nobody waiting there, nobody is sent,
    // and the state after the event is not made.
    if (!NO_WAITING_CHECK.has(cmd.type) && anyoneWaiting(d.state)) {
      const after = evolve(base, first);
      const d2 = new Draft(after, now, ctx);
      const assigned = assignWaiting(d2);
      if (assigned.length) {
        events.push(
          toEvent(d2, { type: 'WALK_IN_ASSIGNED', consultantId: d2.state.receptions.get(assigned[0])!.consultantId, receptionId: assigned[0], explanation: { rule: 'R5', params: { assigned } } }, cmd.actor, now, day),
        );
      }
    }
    return { ok: true, events };
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, rejection: err.rejection };
    throw err;
  }
}

/** Each command to its rule's step. */
function step(d: Draft, cmd: RotationCommand): Step {
  switch (cmd.type) {
    // the line: presence (R1–R4) and the manager's moves (R15)
    case 'CHECK_IN':
      return checkIn(d, cmd);
    case 'GO_AWAY':
      return goAway(d, cmd);
    case 'CHECK_OUT':
      return checkOut(d, cmd);
    case 'MARK_ABSENT':
      return markAbsent(d, cmd);
    case 'MOVE':
      return move(d, cmd);
    case 'SKIP':
      return skip(d, cmd);
    case 'REINSTATE':
      return reinstate(d, cmd);
    // walk-ins (R1, R5–R10, R12, R14) and assigning by hand (R15)
    case 'RECORD_WALK_IN':
      return recordWalkIn(d, cmd);
    case 'ASSIGN_BY_HAND':
      return assignByHand(d, cmd);
    // a started reception (R5, R10–R12, R14)
    case 'END_RECEPTION':
      return endReception(d, cmd);
    case 'HAND_OVER':
      return handOver(d, cmd);
    case 'KEEP_FOR_COLLEAGUE':
      return keepForColleague(d, cmd);
    case 'REPORT_NON_BUYER':
      return reportNonBuyer(d, cmd);
    case 'DECIDE_NON_BUYER':
      return decideNonBuyer(d, cmd);
    case 'REPORT_BIG_BUYER':
      return reportBigBuyer(d, cmd);
    case 'ACKNOWLEDGE_ALERT':
      return acknowledgeAlert(d, cmd);
    case 'RECORD_SAME_DAY_DEAL':
      return recordSameDayDeal(d, cmd);
    // undo (R15, R6) and take-back
    case 'UNDO':
      return undo(d, cmd);
    case 'TAKE_BACK':
      return takeBack(d, cmd);
  }
}

function toEvent(d: Draft, s: Step, actor: Actor, now: number, day: string): RotationEvent {
  return {
    type: s.type,
    at: now,
    day,
    actorId: actor.userId,
    consultantId: s.consultantId ?? null,
    receptionId: s.receptionId ?? null,
    reason: s.reason ?? null,
    explanation: s.explanation,
    effects: d.effects(),
    undo: s.undoable || SELF_TAKE_BACK.has(s.type) ? d.inverse() : null,
    ...(actor.actingFor != null ? { actingFor: actor.actingFor } : {}),
  };
}
