// The sales-floor rotation (SPEC section 1, R1–R15) as plain data. No GraphQL, ORM or clock:
// time arrives as epoch milliseconds in every command's context.

export type Variant = 'A' | 'B';

/** A site's rule variants and numbers; every "site setting" of SPEC section 1. */
export interface RotationSettings {
  /** R7 open (not closed) customer revisit: A not counted + make-up, B counted, no make-up. */
  r7OpenRevisit: Variant;
  /** R8 brought-along customer: A never counted, B counted by the old customer's deal state. */
  r8BroughtAlong: Variant;
  /** R9 same-day return counts once: A new customers only, B also open old customers. */
  r9SameDay: Variant;
  /** R11 colleague's customer handed over: A not counted, B counted as the colleague's turn. */
  r11ColleagueCustomer: Variant;
  /** How long the desk may undo a mis-tapped walk-in (managers may undo any time that day). */
  undoWindowMinutes: number;
  /** R12: a non-buyer must be reported within this many minutes of the reception's start. */
  nonBuyerWindowMinutes: number;
  /** R14: units asked for that raise the big-buyer alert. */
  bigBuyerUnits: number;
  /** IANA zone of the site: decides what "today" is. */
  timezone: string;
}

export const DEFAULT_ROTATION_SETTINGS: Omit<RotationSettings, 'timezone'> = {
  r7OpenRevisit: 'A',
  r8BroughtAlong: 'B',
  r9SameDay: 'A',
  r11ColleagueCustomer: 'A',
  undoWindowMinutes: 2,
  nonBuyerWindowMinutes: 3,
  bigBuyerUnits: 3,
};

/** R2: one scheduled shift of a consultant on the current day, as instants. */
export interface ShiftWindow {
  consultantId: number;
  start: number;
  end: number;
}

/** Where a consultant says they are. Busy is derived from open receptions. */
export type Presence = 'ON_FLOOR' | 'AWAY' | 'OFF_FLOOR';

export interface Member {
  id: number;
  presence: Presence;
  presenceSince: number;
  /** Place in the line: earlier is nearer the door; null = not in the line (R1). */
  queuedAt: number | null;
  /** Place held before a skip or an absence, for the manager's reinstate (R15). */
  previousQueuedAt: number | null;
  /** The last round in which this consultant had (or lost) their turn. */
  turnRound: number;
  /** Times picked today as the assisting "last consultant in the queue" (R7, R10, R12). */
  assists: number;
  /** When this consultant last became free (end of their last reception). */
  freeSince: number;
}

export type MakeUpKind = 'PRIORITY' | 'NORMAL';

/** A make-up credit (R4, R7, R10, R11, R12): an extra turn outside the normal order. */
export interface MakeUp {
  id: string;
  consultantId: number;
  kind: MakeUpKind;
  rule: string;
  grantedAt: number;
  /** R7: a priority make-up lasts one round: it lapses when this round is over. */
  lapsesAfterRound: number | null;
  usedAt: number | null;
  /** The reception it was spent on. */
  usedOn: string | null;
}

export type WalkInKind =
  | 'NEW'
  | 'RETURNING'
  | 'BROUGHT_ALONG'
  | 'NON_BUYER'
  | 'ASKING_WAY'
  | 'LOOKING_FOR_SOMEONE';

export type ReceptionStatus = 'WAITING' | 'ACTIVE' | 'ENDED' | 'UNDONE';

export interface Credit {
  consultantId: number;
  /** 1, or 0.5 when a same-day deal splits the credit (R10, R11, O8). */
  share: number;
}

/** Why a reception went to whom, as data (the web renders it in either language). */
export interface Explanation {
  rule: string;
  params?: Record<string, unknown>;
  /** Consultants the walk-in went past, and why (R2, R4, R5). */
  passed?: Array<{ consultantId: number; rule: string; since?: number; credited?: boolean; lost?: boolean }>;
}

export interface Reception {
  id: string;
  kind: WalkInKind;
  /** The register's customer this walk-in is (R7–R11, O2 are decided on it); null for a visitor who gave no phone. */
  customerId?: number | null;
  /** R8: the old customer (from the register) who brought this walk-in along. */
  broughtById?: number | null;
  customerName: string | null;
  /** Digits only (normalized), for the R9 same-day match. */
  phone: string | null;
  partySize: number;
  unitsAsked: number | null;
  /** Who serves; null while the walk-in waits for someone to be free (R5). */
  consultantId: number | null;
  /** The consultant the customer belongs to (R7, R8, R10, R11), when known. */
  ownerId: number | null;
  status: ReceptionStatus;
  arrivedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Whose turn it counted as; empty = not counted (R6). */
  credit: Credit[];
  explanation: Explanation;
  /** R5: a second reception approved by a manager. */
  secondApprovedBy: number | null;
  /** R12 non-buyer report and the manager's decision. */
  nonBuyer: 'REPORTED' | 'CONFIRMED' | 'REJECTED' | null;
  /** R10/R11: the make-up granted with this reception, withdrawn if a same-day deal splits the credit. */
  makeUpId: string | null;
  /** R10/R11: a same-day deal was recorded and the credit split. */
  sameDayDeal: boolean;
  /** R12: the credit a non-buyer report took away, given back if the manager disagrees. */
  withdrawnCredit: Credit[] | null;
}

export type AlertKind = 'BIG_BUYER' | 'NO_ONE_FREE' | 'NON_BUYER_TO_CONFIRM' | 'SECOND_RECEPTION';

export interface Alert {
  id: string;
  kind: AlertKind;
  at: number;
  receptionId: string | null;
  consultantId: number | null;
  params: Record<string, unknown>;
}

/** One object the event sets; `value: null` removes it. Undo applies the inverse set. */
export type Effect =
  | { op: 'member'; id: number; value: Member | null }
  | { op: 'reception'; id: string; value: Reception | null }
  | { op: 'makeUp'; id: string; value: MakeUp | null }
  | { op: 'alert'; id: string; value: Alert | null }
  | { op: 'round'; value: number };

export type EventType =
  | 'CHECKED_IN'
  | 'WENT_AWAY'
  | 'CAME_BACK'
  | 'CHECKED_OUT'
  | 'MARKED_ABSENT'
  | 'WALK_IN_RECORDED'
  | 'WALK_IN_ASSIGNED'
  | 'RECEPTION_ENDED'
  | 'HANDED_OVER'
  | 'KEPT_FOR_COLLEAGUE'
  | 'NON_BUYER_REPORTED'
  | 'NON_BUYER_DECIDED'
  | 'BIG_BUYER_REPORTED'
  | 'ALERT_ACKNOWLEDGED'
  | 'SAME_DAY_DEAL_RECORDED'
  | 'MOVED'
  | 'SKIPPED'
  | 'REINSTATED'
  | 'ASSIGNED_BY_HAND'
  | 'UNDONE'
  | 'TAKEN_BACK';

/**
 * One entry of the append-only log (R15). Who, when, why, what it did: `effects` are the
 * objects it set, `explanation` the rule that decided it, with its parameters.
 */
export interface RotationEvent {
  type: EventType;
  at: number;
  /** YYYY-MM-DD in the site's time zone: a new day starts a fresh floor. */
  day: string;
  actorId: number;
  /** The consultant the event is about, when there is one. */
  consultantId: number | null;
  receptionId: string | null;
  /** A person's reason: required for a manager's override (R15). */
  reason: string | null;
  explanation: Explanation;
  effects: Effect[];
  /** The inverse effects, when this event can be undone. */
  undo: Effect[] | null;
  /** R15: the actor is a named deputy acting for this manager. Absent otherwise. */
  actingFor?: number;
}

export interface UndoEntry {
  seq: number;
  type: EventType;
  at: number;
  actorId: number;
  /** Emptied once a later event touched the same objects: it can no longer be undone exactly. */
  effects: Effect[];
  inverse: Effect[];
  stale?: boolean;
}

/** A copy keeps up to this many changes beside the table it shares, then takes its own table. */
const MAX_CHANGES = 64;

/**
 * Today's receptions by id, copied on write. A copy shares its source's table and keeps its
 * own changes beside it; once they are many, a copy takes a table of its own. Issue 17: the
 * whole table was copied by each command's draft and each event's fold, most of a command's
 * cost late in a busy day. Reads and iteration are a Map's (insertion order). Stored as an
 * object (toJSON), so snapshots keep their shape; restoreState makes it again.
 */
export class Receptions implements Iterable<[string, Reception]> {
  /** Shared with copies: never written once another copy may see it. */
  private table: Map<string, Reception>;
  /** This copy's receptions set since: new ids (after the table's, in order) or replacing one of the table's. */
  private changes: Map<string, Reception>;
  /** How many of `changes` are not in `table`. */
  private added = 0;

  constructor(from?: Receptions | Iterable<readonly [string, Reception]>) {
    if (from instanceof Receptions && from.changes.size <= MAX_CHANGES) {
      this.table = from.table;
      this.changes = new Map(from.changes);
      this.added = from.added;
    } else {
      this.table = new Map(from);
      this.changes = new Map();
    }
  }

  get size(): number {
    return this.table.size + this.added;
  }

  get(id: string): Reception | undefined {
    return this.changes.get(id) ?? this.table.get(id);
  }

  set(id: string, r: Reception): this {
    if (!this.changes.has(id) && !this.table.has(id)) this.added += 1;
    this.changes.set(id, r);
    return this;
  }

  delete(id: string): boolean {
    if (this.table.has(id)) {
      // Rare (an undone walk-in's projection): a table of this copy's own, where the id goes.
      this.table = new Map(this);
      this.changes = new Map();
      this.added = 0;
      return this.table.delete(id);
    }
    if (!this.changes.delete(id)) return false;
    this.added -= 1;
    return true;
  }

  *entries(): IterableIterator<[string, Reception]> {
    if (!this.changes.size) {
      yield* this.table;
      return;
    }
    for (const [id, r] of this.table) yield [id, this.changes.get(id) ?? r];
    if (this.added) for (const [id, r] of this.changes) if (!this.table.has(id)) yield [id, r];
  }

  [Symbol.iterator](): IterableIterator<[string, Reception]> {
    return this.entries();
  }

  *keys(): IterableIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): IterableIterator<Reception> {
    for (const [, r] of this.entries()) yield r;
  }

  toJSON(): Record<string, Reception> {
    const out: Record<string, Reception> = {};
    for (const [id, r] of this) out[id] = r;
    return out;
  }
}

export interface RotationState {
  /** Sequence number of the last event folded in. */
  seq: number;
  day: string | null;
  round: number;
  members: Record<string, Member>;
  receptions: Receptions;
  makeUps: Record<string, MakeUp>;
  alerts: Record<string, Alert>;
  /**
   * Today's events that may still be undone, in seq order. A list, not an object keyed by seq
   * (as snapshots before issue 17 hold it, see restoreState): keys that large (the site's whole
   * history) put V8 objects in slow dictionary mode, and every fold copied and walked it.
   */
  undoable: UndoEntry[];
}

export interface Actor {
  userId: number;
  /** A manager (or administrator): may override, approve and undo at any time (R15). */
  supervisor: boolean;
  /** The reception desk: records walk-ins, marks absences, undoes within the window. */
  desk: boolean;
  /** R15: a named deputy supervising for this manager (`supervisor` is then true). */
  actingFor?: number | null;
}

export interface WalkInInput {
  kind: WalkInKind;
  /** The register's customer, when the desk looked them up (R7); the service fills owner and deal from it. */
  customerId?: number | null;
  /**
   * R9: the consultant whose registration of this customer is of today (a new customer of
   * today), from the register; such a customer coming back today is that consultant's.
   */
  registeredTodayBy?: number | null;
  /** R8: the old customer picked from the register who brings this walk-in along. */
  broughtById?: number | null;
  customerName?: string | null;
  phone?: string | null;
  partySize?: number;
  /** R14: units the customer asks for. */
  unitsAsked?: number | null;
  /** R7/R8/R10: the owner of the returning (or bringing) customer. */
  ownerId?: number | null;
  /** R7/R8: the owner's customer has closed a deal. */
  dealClosed?: boolean;
  /** R8: the brought-along new customer is registered. */
  newCustomerRegistered?: boolean;
  /** R10: the busy owner names a helper, or serves both. */
  helperId?: number | null;
  ownerServesBoth?: boolean;
}

export type RotationCommand = { actor: Actor } & (
  | { type: 'CHECK_IN'; consultantId: number }
  | { type: 'GO_AWAY'; consultantId: number }
  | { type: 'CHECK_OUT'; consultantId: number }
  | { type: 'MARK_ABSENT'; consultantId: number; reason?: string | null }
  | { type: 'RECORD_WALK_IN'; walkIn: WalkInInput }
  | { type: 'END_RECEPTION'; receptionId: string }
  /** R11: `customerId` is the colleague's customer found in the register (the colleague is its owner). */
  | { type: 'HAND_OVER'; receptionId: string; toConsultantId: number; customerId?: number | null }
  | { type: 'KEEP_FOR_COLLEAGUE'; receptionId: string; colleagueId: number; customerId?: number | null }
  | { type: 'REPORT_NON_BUYER'; receptionId: string; keep: boolean }
  | { type: 'DECIDE_NON_BUYER'; receptionId: string; confirmed: boolean; reason: string }
  | { type: 'REPORT_BIG_BUYER'; receptionId: string; units: number }
  | { type: 'ACKNOWLEDGE_ALERT'; alertId: string }
  | { type: 'RECORD_SAME_DAY_DEAL'; receptionId: string }
  | { type: 'MOVE'; consultantId: number; position: number; reason: string }
  | { type: 'SKIP'; consultantId: number; reason: string }
  | { type: 'REINSTATE'; consultantId: number; reason: string }
  | { type: 'ASSIGN_BY_HAND'; receptionId: string | null; walkIn: WalkInInput | null; consultantId: number; counted: boolean; reason: string }
  | { type: 'UNDO'; seq: number; reason?: string | null }
  /** A consultant takes back their own mis-tap (leave, away, back, customer left) within the undo window. */
  | { type: 'TAKE_BACK'; seq: number }
);

export interface DecideContext {
  now: number | Date;
  settings: RotationSettings;
  shifts: ShiftWindow[];
}

export interface Rejection {
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

export type Decision = { ok: true; events: RotationEvent[] } | { ok: false; rejection: Rejection };
