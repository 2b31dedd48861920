// Walk-ins (R1, R5–R10, R12, R14): who receives a customer at the door, by the line, by
// ownership, as the same customer again today, or by the manager's hand (R15).
import { normalizePhone } from '../../platform/phone.js';
import { one, type Command, type Draft, type Step } from './draft.js';
import { reject, requireReason, requireReception, requireSupervisor } from './guards.js';
import { isAvailable, isBusy, isPresent, nextUp, pickAssistant, waitingReceptions } from './order.js';
import { inShift } from './shifts.js';
import type { Actor, Explanation, Reception, WalkInInput } from './types.js';

export function recordWalkIn(d: Draft, cmd: Command<'RECORD_WALK_IN'>): Step {
  const { actor } = cmd;
  if (!actor.supervisor && !actor.desk) reject('FORBIDDEN_DESK', 'Only the desk or a manager records walk-ins');
  const id = placeWalkIn(d, cmd.walkIn);
  secondReception(d, actor, id);
  const r = d.state.receptions.get(id)!;
  return { type: 'WALK_IN_RECORDED', consultantId: r.consultantId, receptionId: id, explanation: r.explanation, undoable: true };
}

function reception(d: Draft, w: WalkInInput, patch: Partial<Reception>): Reception {
  return {
    id: d.newId('r'),
    kind: w.kind,
    customerId: w.customerId ?? null,
    broughtById: w.broughtById ?? null,
    customerName: w.customerName?.trim() || null,
    phone: normalizePhone(w.phone),
    partySize: w.partySize ?? 1,
    unitsAsked: w.unitsAsked ?? null,
    consultantId: null,
    ownerId: w.ownerId ?? null,
    status: 'ACTIVE',
    arrivedAt: d.now,
    startedAt: d.now,
    endedAt: null,
    credit: [],
    explanation: { rule: 'R1' },
    secondApprovedBy: null,
    nonBuyer: null,
    makeUpId: null,
    sameDayDeal: false,
    withdrawnCredit: null,
    ...patch,
  };
}

/** R1: the walk-in goes to whoever is at the door; passing the busy (R5), away (R4), off-shift (R2). */
function assignByRotation(d: Draft, r: Reception, counted: boolean, rule: string, params: Record<string, unknown> = {}): Reception {
  const up = nextUp(d);
  if (!up) {
    // R5: everyone is busy (or nobody is on the floor): the walk-in waits and the manager is told.
    const waiting = { ...r, status: 'WAITING' as const, startedAt: null, explanation: { rule: 'R5', params: { ...params, noOneFree: true, countedRule: rule } } };
    d.setReception(waiting);
    d.raise('NO_ONE_FREE', waiting.id, null);
    return waiting;
  }
  const passed: NonNullable<Explanation['passed']> = [];
  for (const p of up.passed) {
    if (p.rule === 'R4') {
      // R4: away on business when their turn came: one make-up per missed turn, place to the back.
      if (counted) {
        d.grantMakeUp(p.consultantId, 'NORMAL', 'R4');
        d.takeTurn(p.consultantId);
      }
      passed.push({ ...p, credited: counted });
    } else if (p.rule === 'R3') {
      // R3: absent without notice when their turn came: the turn is lost (no make-up), and
      // the place moves on with the round, so the round order is the same next round.
      if (counted) d.patchMember(p.consultantId, { queuedAt: d.now, turnRound: d.state.round });
      passed.push({ ...p, lost: counted });
    } else passed.push(p); // R5 busy keeps the place; R2 off shift is not in the queue.
  }
  if (up.makeUp) d.setMakeUp(up.makeUp.id, { ...up.makeUp, usedAt: d.now, usedOn: r.id });
  else if (counted) d.takeTurn(up.consultantId);
  const assigned: Reception = {
    ...r,
    consultantId: up.consultantId,
    status: 'ACTIVE',
    startedAt: d.now,
    credit: counted ? one(up.consultantId) : [],
    explanation: { rule, params: { ...params, via: up.via, ...(up.makeUp ? { makeUpRule: up.makeUp.rule } : {}) }, passed },
  };
  d.setReception(assigned);
  d.closeRound();
  return assigned;
}

/** "The last consultant in the queue assists" (R7, R10, R12), chosen by pickAssistant. */
function assist(d: Draft, r: Reception, exclude: number[], rule: string, params: Record<string, unknown>): Reception | null {
  const helper = pickAssistant(d, exclude);
  if (helper === null) return null;
  d.patchMember(helper, { assists: (d.member(helper)?.assists ?? 0) + 1 });
  const assisted: Reception = { ...r, consultantId: helper, explanation: { rule, params: { ...params, assist: 'FEWEST_ASSISTS_THEN_LAST_IN_LINE' } } };
  d.setReception(assisted);
  return assisted;
}

/**
 * R9: the same customer already received today goes back to the consultant who received
 * them, not counted again. The customer is known by their register id (whether the desk
 * typed the phone or picked the record), else by the phone typed. A new customer is one not
 * in the register before today: unknown, or registered today (`registeredTodayBy`); variant
 * B also brings open (no deal) old customers back to the same consultant.
 */
function sameDayMatch(d: Draft, w: WalkInInput, phone: string | null): { to: number; first: Reception | null } | null {
  const customerId = w.customerId ?? null;
  if (customerId === null && !phone) return null;
  const variantB = d.ctx.settings.r9SameDay === 'B';
  const newToday = w.registeredTodayBy != null;
  const applies = w.kind === 'NEW' || (w.kind === 'RETURNING' && newToday) || (variantB && w.kind === 'RETURNING' && !w.dealClosed);
  if (!applies) return null;
  const same = (r: Reception) => (customerId !== null && r.customerId === customerId) || (phone !== null && r.phone === phone);
  const first =
    [...d.state.receptions.values()]
      .filter((r) => same(r) && r.status !== 'UNDONE' && r.consultantId !== null)
      .filter((r) => r.kind === 'NEW' || r.kind === 'BROUGHT_ALONG' || ((variantB || newToday) && r.kind === 'RETURNING'))
      .sort((a, b) => a.arrivedAt - b.arrivedAt)[0] ?? null;
  if (first) return { to: first.consultantId!, first };
  // Registered today by a consultant whose reception was not recorded with the record (a typed name): theirs.
  if (newToday) return { to: w.registeredTodayBy!, first: null };
  return null;
}

/** R7, R8, R10: a customer with an owner. `counted` says whether it is the owner's turn. */
function toOwner(d: Draft, w: WalkInInput, base: Reception, owner: number, counted: boolean, rule: string, params: Record<string, unknown>): Reception {
  if (isPresent(d, owner) && d.member(owner)?.queuedAt !== null) {
    const busy = isBusy(d.state, owner);
    const helperNamed = w.helperId != null && w.helperId !== owner;
    if (!busy || (w.ownerServesBoth && !helperNamed)) {
      if (counted) d.takeTurn(owner);
      const r: Reception = { ...base, consultantId: owner, credit: counted ? one(owner) : [], explanation: { rule, params: { ...params, owner, servesBoth: busy } } };
      d.setReception(r);
      return r;
    }
    // R10: the owner is busy. A named helper, else the last consultant in the queue, helps;
    // it counts as the owner's turn and the helper gets one make-up.
    let helper: number | null = null;
    if (helperNamed) {
      if (!isAvailable(d, w.helperId!)) reject('HELPER_NOT_AVAILABLE', 'The named helper is not free on the floor', { helperId: w.helperId });
      helper = w.helperId!;
    }
    const helped =
      helper !== null
        ? ({ ...base, consultantId: helper } as Reception)
        : assist(d, base, [owner], 'R10', {});
    if (!helped) {
      // Nobody free to help: the owner serves both (R10 allows it).
      const r: Reception = { ...base, consultantId: owner, credit: one(owner), explanation: { rule: 'R10', params: { ...params, owner, servesBoth: true } } };
      d.takeTurn(owner);
      d.setReception(r);
      return r;
    }
    d.takeTurn(owner);
    const makeUp = d.grantMakeUp(helped.consultantId!, 'NORMAL', 'R10');
    const r: Reception = {
      ...helped,
      credit: one(owner),
      makeUpId: makeUp.id,
      explanation: { rule: 'R10', params: { ...params, owner, helper: helped.consultantId, named: helper !== null, ...(helper === null ? { assist: 'FEWEST_ASSISTS_THEN_LAST_IN_LINE' } : {}) } },
    };
    d.setReception(r);
    return r;
  }
  // R7: the owner is not on the floor: the last consultant in the queue assists, not counted.
  const assisted = assist(d, base, [owner], 'R7', { ...params, owner, ownerAbsent: true });
  if (assisted) return assisted;
  return assignByRotation(d, base, false, 'R7', { ...params, owner, ownerAbsent: true });
}

function placeWalkIn(d: Draft, w: WalkInInput): string {
  const s = d.ctx.settings;
  if (w.partySize !== undefined && (!Number.isInteger(w.partySize) || w.partySize < 1)) reject('PARTY_SIZE', 'Party size must be at least 1');
  if (w.kind === 'RETURNING' && w.ownerId == null) {
    reject('OWNER_REQUIRED', 'A returning customer needs their owner (look the phone up first)');
  }
  const base = reception(d, w, {});
  let r: Reception;

  if (w.kind === 'ASKING_WAY' || w.kind === 'LOOKING_FOR_SOMEONE') {
    // R6: only asking the way or looking for someone: recorded, not counted, nobody's turn.
    r = { ...base, status: 'ENDED', endedAt: d.now, explanation: { rule: 'R6', params: { kind: w.kind } } };
    d.setReception(r);
    return r.id;
  }

  const same = sameDayMatch(d, w, base.phone);
  if (same) {
    // R9: counts once a day: back to the consultant who received them, not counted.
    const params = { firstReception: same.first?.id ?? null, variant: s.r9SameDay, ...(same.first ? {} : { registeredToday: same.to }) };
    const to = same.to;
    if (isPresent(d, to)) {
      r = { ...base, consultantId: to, explanation: { rule: 'R9', params } };
      d.setReception(r);
    } else r = assist(d, base, [to], 'R9', { ...params, consultantAbsent: to }) ?? assignByRotation(d, base, false, 'R9', params);
  } else if (w.kind === 'NEW') {
    r = assignByRotation(d, base, true, 'R1');
  } else if (w.kind === 'RETURNING') {
    const owner = w.ownerId!;
    if (w.dealClosed) {
      // R7: a deal-closed customer's revisit is not counted; the owner gets a priority make-up for one round.
      r = toOwner(d, w, base, owner, false, 'R7', { dealClosed: true });
      if (r.consultantId === owner) {
        const m = d.grantMakeUp(owner, 'PRIORITY', 'R7', d.state.round + 1);
        d.patchReception(r.id, { makeUpId: m.id });
      }
    } else if (s.r7OpenRevisit === 'A') {
      // R7 variant A: an open customer's revisit is not counted, the owner gets a make-up.
      r = toOwner(d, w, base, owner, false, 'R7', { dealClosed: false, variant: 'A' });
      if (r.consultantId === owner) {
        const m = d.grantMakeUp(owner, 'NORMAL', 'R7');
        d.patchReception(r.id, { makeUpId: m.id });
      }
    } else {
      // R7 variant B: counted as the owner's turn, no make-up.
      r = toOwner(d, w, base, owner, true, 'R7', { dealClosed: false, variant: 'B' });
    }
  } else if (w.kind === 'BROUGHT_ALONG') {
    // R8: A never counted; B counted once while the old customer has no deal, and after a
    // deal only when the new customer is registered.
    const counted = s.r8BroughtAlong === 'B' && (!w.dealClosed || !!w.newCustomerRegistered);
    const params = { variant: s.r8BroughtAlong, dealClosed: !!w.dealClosed, registered: !!w.newCustomerRegistered, counted };
    r = w.ownerId != null ? toOwner(d, w, base, w.ownerId, counted, 'R8', params) : assignByRotation(d, base, counted, 'R8', params);
  } else {
    // R12: a non-buyer who says so at once goes to the last consultant in the queue, not counted.
    r = assist(d, { ...base, nonBuyer: 'REPORTED' }, [], 'R12', { atDesk: true }) ?? {
      ...base,
      status: 'ENDED',
      endedAt: d.now,
      nonBuyer: 'REPORTED',
      explanation: { rule: 'R12', params: { atDesk: true, noOneFree: true } },
    };
    d.setReception(r);
    d.raise('NON_BUYER_TO_CONFIRM', r.id, r.consultantId);
  }
  bigBuyer(d, d.state.receptions.get(r.id)!, w.unitsAsked ?? null);
  return r.id;
}

/** R14: three or more units (a setting) alerts the manager at once. */
export function bigBuyer(d: Draft, r: Reception, units: number | null) {
  if (units === null) return;
  if (!Number.isInteger(units) || units < 1) reject('UNITS', 'Units must be a whole number of at least 1');
  d.patchReception(r.id, { unitsAsked: units });
  if (units >= d.ctx.settings.bigBuyerUnits) d.raise('BIG_BUYER', r.id, r.consultantId, { units });
}

/**
 * R5: a consultant who was already busy takes another customer (R9 same day, R10 serving
 * both, R11 a hand-over to a busy colleague): a second reception needs the manager. Recorded
 * by a manager it is approved at once; otherwise the manager is alerted and approves it.
 */
export function secondReception(d: Draft, actor: Actor, receptionId: string) {
  const r = d.state.receptions.get(receptionId);
  if (!r || r.status !== 'ACTIVE' || r.consultantId === null || !isBusy(d.base, r.consultantId)) return;
  if (actor.supervisor) d.patchReception(r.id, { secondApprovedBy: actor.userId });
  else d.raise('SECOND_RECEPTION', r.id, r.consultantId);
}

/** R5 and after any change that frees someone: waiting walk-ins go out, oldest first. */
export function assignWaiting(d: Draft): string[] {
  const assigned: string[] = [];
  const waiting = waitingReceptions(d.state);
  for (const w of waiting) {
    if (!nextUp(d)) break;
    d.clearAlerts(w.id, 'NO_ONE_FREE');
    const params = { ...(w.explanation.params ?? {}) };
    const rule = String(params.countedRule ?? 'R1');
    delete params.noOneFree;
    delete params.countedRule;
    const counted = rule === 'R1' || (rule === 'R8' && params.counted === true);
    const r = assignByRotation(d, { ...w, status: 'ACTIVE' }, counted, rule, { ...params, waitedSince: w.arrivedAt });
    assigned.push(r.id);
  }
  return assigned;
}

export function assignByHand(d: Draft, cmd: Command<'ASSIGN_BY_HAND'>): Step {
  // R15: the manager assigns by hand, with a reason; to a busy consultant it is an approved second reception (R5).
  const { actor } = cmd;
  const now = d.now;
  requireSupervisor(actor);
  const reason = requireReason(cmd.reason);
  const to = cmd.consultantId;
  const m = d.member(to);
  const up = nextUp(d);
  let r: Reception;
  if (cmd.receptionId) {
    r = requireReception(d, cmd.receptionId, 'WAITING');
    d.clearAlerts(r.id, 'NO_ONE_FREE');
  } else {
    if (!cmd.walkIn) reject('WALK_IN_REQUIRED', 'Name a waiting walk-in or describe a new one');
    r = reception(d, cmd.walkIn!, {});
  }
  const second = isBusy(d.state, to);
  // R2: outside the shift a reception is recorded but never counted and moves nobody.
  const shiftOk = inShift(d.shifts, to, now);
  const counted = cmd.counted && shiftOk;
  if (counted && m?.queuedAt != null) d.takeTurn(to);
  const assigned: Reception = {
    ...r,
    consultantId: to,
    status: 'ACTIVE',
    startedAt: now,
    credit: counted ? one(to) : [],
    secondApprovedBy: second ? actor.userId : null,
    explanation: { rule: 'R15', params: { overrides: 'R1', ruleChoice: up?.consultantId ?? null, counted, offShift: !shiftOk, second } },
  };
  d.setReception(assigned);
  if (cmd.walkIn) bigBuyer(d, assigned, cmd.walkIn.unitsAsked ?? null);
  d.closeRound();
  return { type: 'ASSIGNED_BY_HAND', consultantId: to, receptionId: r.id, reason, explanation: assigned.explanation, undoable: true };
}
