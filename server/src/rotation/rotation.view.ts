// Domain board and events → the plain objects GraphQL serves. Built once per change.
import { maskPhone } from '../platform/phone.js';
import type { Board, BoardConsultant, Reception, RotationEvent } from './domain/index.js';
import type { BoardConsultantView, PersonView, ReceptionView, RotationBoardView, RotationEventView } from './rotation.types.js';

export type Names = Map<number, string>;

export interface StoredEvent {
  seq: number;
  event: RotationEvent;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

export function person(names: Names, id: number | null | undefined): PersonView | null {
  if (id === null || id === undefined) return null;
  return { id, displayName: names.get(id) ?? `#${id}` };
}

export function receptionView(names: Names, r: Reception): ReceptionView {
  return {
    id: r.id,
    kind: r.kind,
    customerName: r.customerName,
    customerId: r.customerId ?? null,
    phoneMasked: maskPhone(r.phone),
    partySize: r.partySize,
    unitsAsked: r.unitsAsked,
    consultant: person(names, r.consultantId),
    owner: person(names, r.ownerId),
    status: r.status,
    arrivedAt: new Date(r.arrivedAt),
    startedAt: date(r.startedAt),
    endedAt: date(r.endedAt),
    counted: r.credit.length > 0,
    credit: r.credit.map((c) => ({ consultant: person(names, c.consultantId)!, share: c.share })),
    rule: r.explanation.rule,
    explanation: r.explanation,
    secondApproved: r.secondApprovedBy !== null,
    nonBuyer: r.nonBuyer,
    sameDayDeal: r.sameDayDeal,
  };
}

function consultantView(names: Names, c: BoardConsultant): BoardConsultantView {
  return {
    consultant: person(names, c.consultantId)!,
    state: c.state,
    position: c.position,
    since: date(c.since),
    inShift: c.inShift,
    shiftStart: date(c.shiftStart),
    shiftEnd: date(c.shiftEnd),
    phoneDuty: c.phoneDuty,
    next: c.next,
    busyWith: c.busyWith.map((r) => receptionView(names, r)),
    priorityMakeUps: c.priorityMakeUps,
    makeUps: c.makeUps,
    counted: c.counted,
    reinstatable: c.reinstatable,
  };
}

export function eventView(names: Names, e: StoredEvent, undoable: Set<number>): RotationEventView {
  const ev = e.event;
  return {
    seq: e.seq,
    type: ev.type,
    at: new Date(ev.at),
    day: ev.day,
    actor: person(names, ev.actorId)!,
    consultant: person(names, ev.consultantId),
    receptionId: ev.receptionId,
    reason: ev.reason,
    rule: ev.explanation.rule,
    explanation: ev.explanation,
    undoable: undoable.has(e.seq),
  };
}

export function boardView(siteId: number, seq: number, board: Board, names: Names, events: StoredEvent[], undoable: Set<number>): RotationBoardView {
  return {
    siteId,
    seq,
    day: board.day,
    at: new Date(board.at),
    round: board.round,
    atDoor: person(names, board.atDoorId),
    phoneDuty: person(names, board.phoneDutyId),
    upNext: board.upNext.map((id) => person(names, id)!),
    consultants: board.consultants.map((c) => consultantView(names, c)),
    waiting: board.waiting.map((r) => receptionView(names, r)),
    receptions: board.receptions.map((r) => receptionView(names, r)),
    walkInsByKind: board.walkInsByKind,
    alerts: board.alerts.map((a) => ({ id: a.id, kind: a.kind, at: new Date(a.at), receptionId: a.receptionId, consultant: person(names, a.consultantId), params: a.params })),
    events: events.map((e) => eventView(names, e, undoable)),
  };
}
