import type { FloorBoardChangeFragment, FloorBoardFragment } from '@/graphql/generated/graphql';

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
