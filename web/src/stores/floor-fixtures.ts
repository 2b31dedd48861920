import type { FloorBoardChangeFragment, FloorBoardFeedSubscription } from '@/graphql/generated/graphql';
import type { FloorBoard, FloorEvent } from './floor';

// Boards, events and changes for the tests of the board feed's readers (the floor store, the
// token wall).

export const event = (seq: number, type = 'CHECKED_IN'): FloorEvent => ({
  seq,
  type,
  at: '2025-01-06T02:00:00.000Z',
  day: '2025-01-06',
  receptionId: null,
  reason: null,
  rule: 'R1',
  explanation: { rule: 'R1' },
  undoable: false,
  actor: { id: '3', displayName: '王芳' },
  actingFor: null,
  consultant: { id: '3', displayName: '王芳' },
});

export const board = (seq: number, events: FloorEvent[] = [], siteId = '1'): FloorBoard => ({
  siteId,
  seq,
  day: '2025-01-06',
  at: '2025-01-06T02:00:00.000Z',
  round: 1,
  atDoor: null,
  phoneDuty: null,
  upNext: [],
  consultants: [],
  waiting: [],
  receptions: [],
  walkInsByKind: [],
  alerts: [],
  events,
});

export const person = (id: string) => ({ id, displayName: `#${id}` });
export const reception = (id: string, status = 'WAITING') =>
  ({
    id,
    kind: 'NEW',
    customerName: null,
    customerId: null,
    phoneMasked: null,
    partySize: 1,
    unitsAsked: null,
    consultant: null,
    owner: null,
    status,
    arrivedAt: '2025-01-06T02:00:00.000Z',
    startedAt: null,
    endedAt: null,
    counted: false,
    credit: [],
    rule: 'R5',
    explanation: { rule: 'R5' },
    secondApproved: false,
    nonBuyer: null,
    sameDayDeal: false,
  }) as FloorBoard['receptions'][number];
const noRows = { removed: [], upserted: [] };

/** A change from `baseSeq` to `seq`: the given list changes, the header of board(seq). */
export function change(
  baseSeq: number,
  seq: number,
  lists: Partial<Pick<FloorBoardChangeFragment, 'waiting' | 'receptions' | 'consultants' | 'alerts'>> = {},
  events: FloorEvent[] = [event(seq)],
): FloorBoardChangeFragment {
  const { siteId, day, at, round, atDoor, phoneDuty, upNext, walkInsByKind } = board(seq);
  return {
    ...{ siteId, seq, baseSeq, day, at, round, atDoor, phoneDuty, upNext, walkInsByKind, events },
    consultants: noRows,
    waiting: noRows,
    receptions: noRows,
    alerts: noRows,
    ...lists,
  };
}

/** The feed's message of a whole board (or its first piece). */
export const wholeMessage = (b: FloorBoard, complete = true): FloorBoardFeedSubscription => ({
  rotationBoardFeed: { seq: b.seq, baseSeq: null, complete, board: b, change: null },
});

/** The feed's message of a change (or a later piece of a whole board). */
export const changeMessage = (c: FloorBoardChangeFragment, complete = true): FloorBoardFeedSubscription => ({
  rotationBoardFeed: { seq: c.seq, baseSeq: c.baseSeq, complete, board: null, change: c },
});
