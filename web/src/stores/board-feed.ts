import type { GraphQLClient, GraphQLRequestError } from '@/composables/use-client';
import {
  FloorBoardFeedDocument,
  type FloorBoardChangeFragment,
  type FloorBoardFeedSubscription,
  type FloorBoardFragment,
  type FloorEventFragment,
} from '@/graphql/generated/graphql';

// Issue 17: the board feed's changes, applied as the server computes them
// (server/src/rotation/rotation.feed.ts): a list drops the removed keys and the rows it
// re-places, then inserts those rows at their indexes in ascending order.

interface RowsChange<T> {
  removed: readonly string[];
  upserted: ReadonlyArray<{ index: number; row: T }>;
}

function applyRows<T>(rows: readonly T[], change: RowsChange<T>, key: (row: T) => string): T[] {
  if (!change.removed.length && !change.upserted.length) return rows as T[];
  const drop = new Set([...change.removed, ...change.upserted.map((u) => key(u.row))]);
  const out = rows.filter((row) => !drop.has(key(row)));
  for (const { index, row } of change.upserted) out.splice(index, 0, row);
  return out;
}

type Board = FloorBoardFragment;
const byId = (r: { id: string }) => String(r.id);
const byConsultant = (c: { consultant: { id: string } }) => String(c.consultant.id);

/** The board at `change.seq`, from the board at `change.baseSeq`; unchanged rows stay the same objects. */
export function applyBoardChange(board: Board, change: FloorBoardChangeFragment): Board {
  return {
    ...board,
    siteId: change.siteId,
    seq: change.seq,
    day: change.day,
    at: change.at,
    round: change.round,
    atDoor: change.atDoor ?? null,
    phoneDuty: change.phoneDuty ?? null,
    upNext: change.upNext,
    walkInsByKind: change.walkInsByKind,
    consultants: applyRows(board.consultants, change.consultants, byConsultant),
    waiting: applyRows(board.waiting, change.waiting, byId),
    receptions: applyRows(board.receptions, change.receptions, byId),
    alerts: applyRows(board.alerts, change.alerts, byId),
    // The rest of a long whole board (same seq) keeps the events that came with it.
    events: change.baseSeq === change.seq ? board.events : change.events,
  };
}

export type BoardFeedMessage = FloorBoardFeedSubscription['rotationBoardFeed'];

/** Where a feed reader's boards go: the floor store, or the token wall. */
export interface BoardFeedTarget {
  /** The board shown: the next change applies to it, a new subscription starts after it. */
  held(): Board | null;
  /** A whole board at a new seq, once all its pieces are in. */
  show(board: Board): void;
  /** The events a message carries (a whole board's newest, or a change's). */
  events(events: readonly FloorEventFragment[]): void;
  error(error: GraphQLRequestError): void;
}

/**
 * Reads rotationBoardFeed(siteId, afterSeq) for one site (issue 17): first a whole board (a
 * long one in pieces: the board, then changes of the same seq, shown once `complete`), then
 * one change per floor change, each applying to the board of its `baseSeq`. A change that
 * does not apply to the board held (a gap) subscribes again with afterSeq = the last seq held,
 * which brings a whole board. A change not newer than the board held is skipped (shown
 * already). Messages of a subscription already stopped are dropped.
 */
export function boardFeed(client: GraphQLClient, siteId: string, target: BoardFeedTarget) {
  let release: (() => void) | null = null;
  /** The live subscription; a stopped one's late messages are not this one's. */
  let current: object | null = null;
  /** A whole board still arriving in pieces, or the board the next change applies to. */
  let pending: Board | null = null;

  function take(message: BoardFeedMessage) {
    if (message.board) {
      target.events(message.board.events);
      pending = message.board;
    } else if (message.change) {
      const change = message.change;
      target.events(change.events);
      const held = pending ?? target.held();
      if (held && change.baseSeq === held.seq) pending = applyBoardChange(held, change);
      else if (!pending && held && change.seq <= held.seq) return; // shown already
      else {
        // A gap: start again from the last board shown; a whole board comes first.
        subscribe();
        return;
      }
    }
    if (message.complete && pending) {
      const whole = pending;
      pending = null;
      target.show(whole);
    }
  }

  function stop() {
    release?.();
    release = null;
    current = null;
    pending = null;
  }

  /** (Again) from the board held: after a gap, a drop or an error's retry. */
  function subscribe() {
    stop();
    const own = {};
    current = own;
    release = client.subscribe(
      FloorBoardFeedDocument,
      { siteId, afterSeq: target.held()?.seq ?? null },
      {
        next: (data) => {
          if (current === own) take(data.rotationBoardFeed);
        },
        error: (err) => {
          if (current === own) target.error(err);
        },
      },
    );
  }

  return { subscribe, stop };
}
