// decide(state, command, context) → events | rejection. Every rule of SPEC section 1 that
// changes the floor is decided here; evolve() only applies what an event says.
import { normalizePhone } from '../../platform/phone.js';
import { atDay, evolve, undoEntries } from './evolve.js';
import { isAvailable, isBusy, isPresent, lineOrder, membersChanged, nextUp, pickAssistant, receptionChanged, receptionsCopied, waitingReceptions, type FloorView } from './order.js';
import { businessDay, inShift } from './shifts.js';
import type {
  Actor,
  Alert,
  AlertKind,
  Credit,
  DecideContext,
  Decision,
  Effect,
  EventType,
  Explanation,
  MakeUp,
  MakeUpKind,
  Member,
  Reception,
  Rejection,
  RotationCommand,
  RotationEvent,
  RotationSettings,
  RotationState,
  UndoEntry,
  WalkInInput,
} from './types.js';
import { Receptions } from './types.js';

class Rejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}
const reject = (code: string, message: string, params?: Record<string, unknown>): never => {
  throw new Rejected({ code, message, params });
};

/** A working copy of the state that records what it set, for the event and its undo. */
class Draft implements FloorView {
  state: RotationState;
  private readonly touched = new Map<string, Effect>();
  private ids = 0;

  constructor(
    readonly base: RotationState,
    readonly now: number,
    readonly ctx: { settings: RotationSettings; shifts: DecideContext['shifts'] },
  ) {
    // The tables are copied on first write (own): a copy of the day's receptions is most of a
    // command's cost late in a busy day (issue 17), and many commands leave some tables alone.
    this.state = { ...base };
  }

  private readonly owned = new Set<'members' | 'receptions' | 'makeUps' | 'alerts'>();

  private own(table: 'members' | 'receptions' | 'makeUps' | 'alerts') {
    if (this.owned.has(table)) return;
    this.owned.add(table);
    if (table === 'receptions') {
      this.state.receptions = new Receptions(this.base.receptions);
      receptionsCopied(this.base.receptions, this.state.receptions);
    } else (this.state as unknown as Record<string, object>)[table] = { ...this.base[table] };
  }

  get shifts() {
    return this.ctx.shifts;
  }

  /** Ids are unique per site: the event's sequence number and a counter. */
  newId(prefix: string): string {
    this.ids += 1;
    return `${prefix}${this.base.seq + 1}${this.ids > 1 ? `.${this.ids}` : ''}`;
  }

  member(id: number): Member | undefined {
    return this.state.members[id];
  }

  setMember(m: Member) {
    this.own('members');
    this.state.members[m.id] = m;
    membersChanged(this.state.members);
    this.touched.set(`member:${m.id}`, { op: 'member', id: m.id, value: m });
  }

  patchMember(id: number, patch: Partial<Member>) {
    const m = this.member(id) ?? newMember(id, this.now);
    this.setMember({ ...m, ...patch });
  }

  setReception(r: Reception) {
    this.own('receptions');
    const before = this.state.receptions.get(r.id);
    this.state.receptions.set(r.id, r);
    receptionChanged(this.state.receptions, before, r);
    this.touched.set(`reception:${r.id}`, { op: 'reception', id: r.id, value: r });
  }

  patchReception(id: string, patch: Partial<Reception>) {
    this.setReception({ ...this.state.receptions.get(id)!, ...patch });
  }

  setMakeUp(id: string, m: MakeUp | null) {
    this.own('makeUps');
    if (m) this.state.makeUps[id] = m;
    else delete this.state.makeUps[id];
    this.touched.set(`makeUp:${id}`, { op: 'makeUp', id, value: m });
  }

  grantMakeUp(consultantId: number, kind: MakeUpKind, rule: string, lapsesAfterRound: number | null = null): MakeUp {
    const m: MakeUp = { id: this.newId('m'), consultantId, kind, rule, grantedAt: this.now, lapsesAfterRound, usedAt: null, usedOn: null };
    this.setMakeUp(m.id, m);
    return m;
  }

  setAlert(id: string, a: Alert | null) {
    this.own('alerts');
    if (a) this.state.alerts[id] = a;
    else delete this.state.alerts[id];
    this.touched.set(`alert:${id}`, { op: 'alert', id, value: a });
  }

  raise(kind: AlertKind, receptionId: string | null, consultantId: number | null, params: Record<string, unknown> = {}) {
    const id = this.newId('a');
    this.setAlert(id, { id, kind, at: this.now, receptionId, consultantId, params });
  }

  clearAlerts(receptionId: string, kind: AlertKind) {
    for (const a of Object.values(this.state.alerts)) if (a.receptionId === receptionId && a.kind === kind) this.setAlert(a.id, null);
  }

  setRound(round: number) {
    this.state.round = round;
    this.touched.set('round', { op: 'round', value: round });
  }

  effects(): Effect[] {
    return [...this.touched.values()];
  }

  /** The same objects as they were before: what an undo sets back. */
  inverse(): Effect[] {
    return [...this.touched.values()].map((e): Effect => {
      switch (e.op) {
        case 'member':
          return { ...e, value: this.base.members[e.id] ?? null };
        case 'reception':
          return { ...e, value: this.base.receptions.get(e.id) ?? null };
        case 'makeUp':
          return { ...e, value: this.base.makeUps[e.id] ?? null };
        case 'alert':
          return { ...e, value: this.base.alerts[e.id] ?? null };
        case 'round':
          return { op: 'round', value: this.base.round };
      }
    });
  }

  // ---- the moves every rule is made of ------------------------------------------------

  /** The consultant's turn is taken: to the back of the line (R1), the round may close. */
  takeTurn(consultantId: number) {
    this.patchMember(consultantId, { queuedAt: this.now, turnRound: this.state.round, previousQueuedAt: null });
  }

  /**
   * R1: a round closes when the turn has gone past everyone who could take it: each free
   * consultant in the line has had (or lost) their turn in it. The busy are passed (R5) and
   * do not hold the round open.
   */
  closeRound() {
    const free = lineOrder(this.state).filter((m) => isAvailable(this, m.id));
    const someoneHadIt = lineOrder(this.state).some((m) => m.turnRound >= this.state.round);
    if (someoneHadIt && free.every((m) => m.turnRound >= this.state.round)) this.setRound(this.state.round + 1);
  }
}

function newMember(id: number, now: number): Member {
  return { id, presence: 'OFF_FLOOR', presenceSince: now, queuedAt: null, previousQueuedAt: null, turnRound: 0, assists: 0, freeSince: now };
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

const one = (consultantId: number): Credit[] => [{ consultantId, share: 1 }];

// ---- walk-ins (R1, R5–R10, R12, R14) ----------------------------------------------------

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

function recordWalkIn(d: Draft, w: WalkInInput): string {
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
function bigBuyer(d: Draft, r: Reception, units: number | null) {
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
function secondReception(d: Draft, actor: Actor, receptionId: string) {
  const r = d.state.receptions.get(receptionId);
  if (!r || r.status !== 'ACTIVE' || r.consultantId === null || !isBusy(d.base, r.consultantId)) return;
  if (actor.supervisor) d.patchReception(r.id, { secondApprovedBy: actor.userId });
  else d.raise('SECOND_RECEPTION', r.id, r.consultantId);
}

/** R5 and after any change that frees someone: waiting walk-ins go out, oldest first. */
function assignWaiting(d: Draft): string[] {
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

// ---- the command table ------------------------------------------------------------------

function requireReception(d: Draft, id: string, status?: Reception['status']): Reception {
  const r = d.state.receptions.get(id);
  if (!r) return reject('RECEPTION_NOT_FOUND', 'No such reception today', { receptionId: id });
  if (status && r.status !== status) reject('RECEPTION_STATE', `The reception is ${r.status.toLowerCase()}`, { receptionId: id, status: r.status });
  return r;
}

function requireServer(actor: Actor, r: Reception) {
  if (!actor.supervisor && !actor.desk && actor.userId !== r.consultantId) {
    reject('FORBIDDEN_NOT_YOURS', 'Only the consultant serving this customer (or a manager) may do this');
  }
}

function requireSelf(actor: Actor, consultantId: number) {
  if (!actor.supervisor && !actor.desk && actor.userId !== consultantId) reject('FORBIDDEN_NOT_YOURS', 'You may only change your own floor status');
}

function requireSupervisor(actor: Actor) {
  if (!actor.supervisor) reject('FORBIDDEN_SUPERVISOR', 'Only the sales manager may do this');
}

function requireReason(reason: string | null | undefined): string {
  const r = reason?.trim();
  if (!r) reject('REASON_REQUIRED', "A manager's change needs a reason (R15)");
  return r!;
}

function requireInLine(d: Draft, consultantId: number): Member {
  const m = d.member(consultantId);
  if (!m || m.queuedAt === null) reject('NOT_ON_FLOOR', 'This consultant is not in the line', { consultantId });
  return m!;
}

interface Step {
  type: EventType;
  consultantId?: number | null;
  receptionId?: string | null;
  reason?: string | null;
  explanation: Explanation;
  undoable?: boolean;
}

function step(d: Draft, cmd: RotationCommand): Step {
  const { actor } = cmd;
  const now = d.now;
  switch (cmd.type) {
    case 'CHECK_IN': {
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
    case 'GO_AWAY': {
      requireSelf(actor, cmd.consultantId);
      const m = requireInLine(d, cmd.consultantId);
      if (m.presence === 'AWAY') reject('ALREADY_AWAY', 'Already signed out on business');
      d.patchMember(m.id, { presence: 'AWAY', presenceSince: now });
      return { type: 'WENT_AWAY', consultantId: m.id, explanation: { rule: 'R4' } };
    }
    case 'CHECK_OUT': {
      requireSelf(actor, cmd.consultantId);
      const m = d.member(cmd.consultantId);
      if (!m || (m.presence === 'OFF_FLOOR' && m.queuedAt === null)) reject('NOT_ON_FLOOR', 'Not on the floor');
      d.patchMember(cmd.consultantId, { presence: 'OFF_FLOOR', presenceSince: now, queuedAt: null, previousQueuedAt: null });
      return { type: 'CHECKED_OUT', consultantId: cmd.consultantId, explanation: { rule: 'R1' } };
    }
    case 'MARK_ABSENT': {
      if (!actor.supervisor && !actor.desk) reject('FORBIDDEN_DESK', 'Only the desk or a manager marks an absence');
      const m = requireInLine(d, cmd.consultantId);
      if (m.presence !== 'ON_FLOOR') reject('NOT_ON_FLOOR', 'Only a consultant who is meant to be on the floor can be absent');
      // R3: not on the floor without notice: skipped when their turn comes, the turn is lost,
      // no make-up; the place in the round order is kept for the following rounds.
      d.patchMember(m.id, { presence: 'OFF_FLOOR', presenceSince: now, previousQueuedAt: m.queuedAt });
      d.closeRound();
      return { type: 'MARKED_ABSENT', consultantId: m.id, reason: cmd.reason?.trim() || null, explanation: { rule: 'R3' }, undoable: true };
    }
    case 'RECORD_WALK_IN': {
      if (!actor.supervisor && !actor.desk) reject('FORBIDDEN_DESK', 'Only the desk or a manager records walk-ins');
      const id = recordWalkIn(d, cmd.walkIn);
      secondReception(d, actor, id);
      const r = d.state.receptions.get(id)!;
      return { type: 'WALK_IN_RECORDED', consultantId: r.consultantId, receptionId: id, explanation: r.explanation, undoable: true };
    }
    case 'END_RECEPTION': {
      const r = requireReception(d, cmd.receptionId, 'ACTIVE');
      requireServer(actor, r);
      d.patchReception(r.id, { status: 'ENDED', endedAt: now });
      if (r.consultantId !== null && !isBusy(d.state, r.consultantId)) d.patchMember(r.consultantId, { freeSince: now });
      return { type: 'RECEPTION_ENDED', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: 'R5', params: { minutes: Math.round((now - (r.startedAt ?? now)) / 60000) } } };
    }
    case 'HAND_OVER': {
      // R11: the walk-in turns out to be a colleague's customer: handed over at once.
      const r = requireReception(d, cmd.receptionId, 'ACTIVE');
      requireServer(actor, r);
      const from = r.consultantId!;
      const to = cmd.toConsultantId;
      if (to === from) reject('SAME_CONSULTANT', 'Hand over to a colleague, not to yourself');
      if (!isPresent(d, to)) reject('COLLEAGUE_NOT_AVAILABLE', 'The colleague is not on the floor: keep the customer for them instead', { colleagueId: to });
      const variant = d.ctx.settings.r11ColleagueCustomer;
      if (variant === 'B') d.takeTurn(to);
      d.grantMakeUp(from, 'PRIORITY', 'R11');
      d.patchReception(r.id, {
        consultantId: to,
        ownerId: to,
        // R11: found in the register: from now on the reception is that customer's.
        ...(cmd.customerId != null ? { customerId: cmd.customerId } : {}),
        credit: variant === 'B' ? one(to) : [],
        explanation: { rule: 'R11', params: { from, to, variant, previous: r.explanation } },
      });
      if (!isBusy(d.state, from)) d.patchMember(from, { freeSince: now });
      secondReception(d, actor, r.id);
      d.closeRound();
      return { type: 'HANDED_OVER', consultantId: from, receptionId: r.id, explanation: { rule: 'R11', params: { from, to, variant } }, undoable: true };
    }
    case 'KEEP_FOR_COLLEAGUE': {
      // R11: colleague off shift or unreachable: keep serving; a courtesy reception with a
      // priority make-up, unless a same-day deal splits the credit.
      const r = requireReception(d, cmd.receptionId, 'ACTIVE');
      requireServer(actor, r);
      if (cmd.colleagueId === r.consultantId) reject('SAME_CONSULTANT', 'Name the colleague whose customer this is');
      const m = d.grantMakeUp(r.consultantId!, 'PRIORITY', 'R11');
      d.patchReception(r.id, { ownerId: cmd.colleagueId, ...(cmd.customerId != null ? { customerId: cmd.customerId } : {}), credit: [], makeUpId: m.id, explanation: { rule: 'R11', params: { courtesy: true, colleague: cmd.colleagueId, previous: r.explanation } } });
      return { type: 'KEPT_FOR_COLLEAGUE', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: 'R11', params: { courtesy: true, colleague: cmd.colleagueId } } };
    }
    case 'REPORT_NON_BUYER': {
      const r = requireReception(d, cmd.receptionId, 'ACTIVE');
      requireServer(actor, r);
      if (r.nonBuyer) reject('NON_BUYER_ALREADY', 'Already reported as a non-buyer');
      const windowMs = d.ctx.settings.nonBuyerWindowMinutes * 60_000;
      if (now - (r.startedAt ?? now) > windowMs) {
        reject('NON_BUYER_WINDOW_PASSED', `A non-buyer must be reported within ${d.ctx.settings.nonBuyerWindowMinutes} minutes`, { minutes: d.ctx.settings.nonBuyerWindowMinutes });
      }
      // R12: not counted; the reporter whose turn it took gets a make-up; the walk-in goes to
      // the last consultant in the queue unless the reporter keeps them. The manager confirms.
      const reporter = r.consultantId!;
      const hadTurn = r.credit.some((c) => c.consultantId === reporter);
      const makeUp = hadTurn ? d.grantMakeUp(reporter, 'NORMAL', 'R12') : null;
      let to = reporter;
      if (!cmd.keep) {
        const helper = pickAssistant(d, [reporter]);
        if (helper !== null) {
          to = helper;
          d.patchMember(helper, { assists: (d.member(helper)?.assists ?? 0) + 1 });
        }
      }
      d.patchReception(r.id, { consultantId: to, credit: [], withdrawnCredit: r.credit, nonBuyer: 'REPORTED', makeUpId: makeUp?.id ?? r.makeUpId });
      if (to !== reporter && !isBusy(d.state, reporter)) d.patchMember(reporter, { freeSince: now });
      d.raise('NON_BUYER_TO_CONFIRM', r.id, reporter);
      return { type: 'NON_BUYER_REPORTED', consultantId: reporter, receptionId: r.id, explanation: { rule: 'R12', params: { keep: cmd.keep, to, madeUp: hadTurn } } };
    }
    case 'DECIDE_NON_BUYER': {
      requireSupervisor(actor);
      const r = requireReception(d, cmd.receptionId);
      if (r.nonBuyer !== 'REPORTED') reject('NON_BUYER_NOT_PENDING', 'No non-buyer report waits for a decision here');
      d.clearAlerts(r.id, 'NON_BUYER_TO_CONFIRM');
      if (cmd.confirmed) d.patchReception(r.id, { nonBuyer: 'CONFIRMED' });
      else {
        // Not a non-buyer after all: the credit comes back and the make-up goes, if unused.
        const m = r.makeUpId ? d.state.makeUps[r.makeUpId] : undefined;
        if (m && m.rule === 'R12' && m.usedAt === null) d.setMakeUp(m.id, null);
        d.patchReception(r.id, { nonBuyer: 'REJECTED', credit: r.withdrawnCredit ?? [], withdrawnCredit: null });
      }
      return { type: 'NON_BUYER_DECIDED', consultantId: r.consultantId, receptionId: r.id, reason: requireReason(cmd.reason), explanation: { rule: 'R12', params: { confirmed: cmd.confirmed } } };
    }
    case 'REPORT_BIG_BUYER': {
      const r = requireReception(d, cmd.receptionId);
      requireServer(actor, r);
      bigBuyer(d, r, cmd.units);
      return { type: 'BIG_BUYER_REPORTED', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: 'R14', params: { units: cmd.units, threshold: d.ctx.settings.bigBuyerUnits } } };
    }
    case 'ACKNOWLEDGE_ALERT': {
      requireSupervisor(actor);
      const a = d.state.alerts[cmd.alertId];
      if (!a) reject('ALERT_NOT_FOUND', 'No such alert');
      if (a.kind === 'NO_ONE_FREE') reject('ALERT_STATE', 'This alert clears itself when the walk-in is assigned');
      if (a.kind === 'NON_BUYER_TO_CONFIRM') reject('ALERT_STATE', 'Confirm or reject the non-buyer instead');
      d.setAlert(a.id, null);
      // R5: seeing a second reception is the manager's approval of it, recorded on the reception.
      const second = a.kind === 'SECOND_RECEPTION' && a.receptionId !== null && !!d.state.receptions.get(a.receptionId);
      if (second) d.patchReception(a.receptionId!, { secondApprovedBy: actor.userId });
      return {
        type: 'ALERT_ACKNOWLEDGED',
        consultantId: a.consultantId,
        receptionId: a.receptionId,
        explanation: { rule: a.kind === 'BIG_BUYER' ? 'R14' : 'R5', params: { kind: a.kind, ...(second ? { approved: true } : {}) } },
      };
    }
    case 'RECORD_SAME_DAY_DEAL': {
      // R10/R11 (O8): a same-day deal served by a helper splits the credit half/half.
      requireSupervisor(actor);
      const r = requireReception(d, cmd.receptionId);
      if (r.ownerId === null || r.consultantId === null || r.ownerId === r.consultantId) {
        reject('NOT_SPLITTABLE', 'Only a reception served for a colleague (R10, R11) splits its credit');
      }
      if (r.sameDayDeal) reject('ALREADY_SPLIT', 'The credit is already split');
      const m = r.makeUpId ? d.state.makeUps[r.makeUpId] : undefined;
      if (m && m.usedAt === null) d.setMakeUp(m.id, null);
      d.patchReception(r.id, {
        sameDayDeal: true,
        credit: [
          { consultantId: r.ownerId!, share: 0.5 },
          { consultantId: r.consultantId!, share: 0.5 },
        ],
      });
      return { type: 'SAME_DAY_DEAL_RECORDED', consultantId: r.consultantId, receptionId: r.id, explanation: { rule: r.explanation.rule === 'R10' ? 'R10' : 'R11', params: { owner: r.ownerId, helper: r.consultantId, makeUpWithdrawn: !!m && m.usedAt === null } } };
    }
    case 'MOVE': {
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
    case 'SKIP': {
      requireSupervisor(actor);
      const reason = requireReason(cmd.reason);
      const m = requireInLine(d, cmd.consultantId);
      d.patchMember(m.id, { queuedAt: now, previousQueuedAt: m.queuedAt, turnRound: d.state.round });
      d.closeRound();
      return { type: 'SKIPPED', consultantId: m.id, reason, explanation: { rule: 'R15', params: { overrides: 'R1' } }, undoable: true };
    }
    case 'REINSTATE': {
      requireSupervisor(actor);
      const reason = requireReason(cmd.reason);
      const m = d.member(cmd.consultantId);
      if (!m || m.previousQueuedAt === null) reject('NOTHING_TO_REINSTATE', 'This consultant has no earlier place to go back to');
      d.patchMember(m!.id, { presence: 'ON_FLOOR', presenceSince: m!.presence === 'ON_FLOOR' ? m!.presenceSince : now, queuedAt: m!.previousQueuedAt, previousQueuedAt: null });
      return { type: 'REINSTATED', consultantId: m!.id, reason, explanation: { rule: 'R15', params: { overrides: 'R3' } }, undoable: true };
    }
    case 'ASSIGN_BY_HAND': {
      // R15: the manager assigns by hand, with a reason; to a busy consultant it is an approved second reception (R5).
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
    case 'UNDO': {
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
    case 'TAKE_BACK': {
      // A consultant's own mis-tap (left the floor, went away, came back, customer left) is
      // taken back within the desk's undo window: the place in the line comes back as it was,
      // and the log keeps both the tap and its correction.
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
  }
}

/** A consultant's own taps that they may take back within the undo window (TAKE_BACK). */
const SELF_TAKE_BACK = new Set<EventType>(['CHECKED_OUT', 'WENT_AWAY', 'CAME_BACK', 'CHECKED_IN', 'RECEPTION_ENDED']);

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
    // A change that frees someone sends the walk-ins waiting for them (R5).
    if (!NO_WAITING_CHECK.has(cmd.type)) {
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

