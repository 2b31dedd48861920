// The Draft: a working copy of the floor state that a command's rules write to, recording
// each object it sets (the event's effects) and what it was before (the undo).
import { isAvailable, lineOrder, membersChanged, receptionChanged, receptionsCopied, type FloorView } from './order.js';
import type { Alert, AlertKind, Credit, DecideContext, Effect, EventType, Explanation, MakeUp, MakeUpKind, Member, Reception, RotationCommand, RotationSettings, RotationState } from './types.js';
import { Receptions } from './types.js';

/** A working copy of the state that records what it set, for the event and its undo. */
export class Draft implements FloorView {
  state: RotationState;
  private readonly touched = new Map<string, Effect>();
  private ids = 0;

  constructor(
    readonly base: RotationState,
    readonly now: number,
    readonly ctx: { settings: RotationSettings; shifts: DecideContext['shifts'] },
  ) {
    // The tables are copied on first write (own; the receptions share their table, see
    // Receptions): many commands leave some tables alone (issue 17).
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

export function newMember(id: number, now: number): Member {
  return { id, presence: 'OFF_FLOOR', presenceSince: now, queuedAt: null, previousQueuedAt: null, turnRound: 0, assists: 0, freeSince: now };
}

/** The whole credit of a reception to one consultant. */
export const one = (consultantId: number): Credit[] => [{ consultantId, share: 1 }];

/** One command of the union, by its type: what a rule's step receives. */
export type Command<T extends RotationCommand['type']> = Extract<RotationCommand, { type: T }>;

/** What a command's step decided: the event it makes, besides the Draft's effects. */
export interface Step {
  type: EventType;
  consultantId?: number | null;
  receptionId?: string | null;
  reason?: string | null;
  explanation: Explanation;
  undoable?: boolean;
}
