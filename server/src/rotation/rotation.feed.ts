// The board feed (issue 17): a dashboard gets the whole board once, then only what changed,
// so a change costs the same whether 3 or 300 walk-ins wait. The change from one published
// board to the next is computed once per site change and shared by every subscriber that held
// the previous board (the bus hands them the same object).
import { isDeepStrictEqual } from 'node:util';
import { attachDirect, offerDirect, type Take } from '../platform/direct.js';
import { plainIterator } from '../platform/plain-iterator.js';
import type { RotationBoardChangeView, RotationBoardFeedMessage } from './rotation.feed.types.js';
import type { RotationBoardView } from './rotation.types.js';

/** Events a whole board of the feed carries at most (the newest): the log page has the rest. */
export const FULL_BOARD_EVENTS = 20;
/** Bytes of list rows one message carries at most; a longer board follows in changes of its seq. */
export const MESSAGE_ROW_BYTES = 40_000;

export interface RowsChange<T> {
  removed: string[];
  upserted: Array<{ index: number; row: T }>;
}

/**
 * The rows that are new, changed or out of their old order, each with its place in `next`, and
 * the keys gone. Rows kept keep their relative order, so `applyRows` can place the rest by index.
 */
export function diffRows<T>(prev: readonly T[], next: readonly T[], key: (row: T) => string): RowsChange<T> {
  const before = new Map(prev.map((row, i) => [key(row), i]));
  const after = new Set(next.map(key));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const upserted: RowsChange<T>['upserted'] = [];
  let last = -1;
  next.forEach((row, index) => {
    const j = before.get(key(row));
    if (j === undefined || j < last || !isDeepStrictEqual(prev[j], row)) upserted.push({ index, row });
    else last = j;
  });
  return { removed, upserted };
}

/** `rows` with a change applied: drops the removed and re-placed keys, then inserts by ascending index. */
export function applyRows<T>(rows: readonly T[], change: RowsChange<T>, key: (row: T) => string): T[] {
  const drop = new Set([...change.removed, ...change.upserted.map((u) => key(u.row))]);
  const out = rows.filter((row) => !drop.has(key(row)));
  for (const { index, row } of change.upserted) out.splice(index, 0, row);
  return out;
}

type Board = RotationBoardView;
export const consultantKey = (c: Board['consultants'][number]) => String(c.consultant.id);
export const receptionKey = (r: Board['receptions'][number]) => String(r.id);
export const alertKey = (a: Board['alerts'][number]) => String(a.id);

const noRows = { removed: [], upserted: [] };

function header(board: Board, baseSeq: number) {
  const { siteId, seq, day, at, round, atDoor, phoneDuty, upNext, walkInsByKind } = board;
  return { siteId, seq, baseSeq, day, at, round, atDoor, phoneDuty, upNext, walkInsByKind };
}

/** What changed from `prev` to `next` (a later board of the same site), with `next`'s events. */
export function boardChange(prev: Board, next: Board): RotationBoardChangeView {
  return {
    ...header(next, prev.seq),
    consultants: diffRows(prev.consultants, next.consultants, consultantKey),
    waiting: diffRows(prev.waiting, next.waiting, receptionKey),
    receptions: diffRows(prev.receptions, next.receptions, receptionKey),
    alerts: diffRows(prev.alerts, next.alerts, alertKey),
    events: next.events,
  };
}

/** `board` with a change applied (the web store does the same); events are the change's. */
export function applyBoardChange(board: Board, change: RotationBoardChangeView): Board {
  const { baseSeq: _base, ...head } = change;
  return {
    ...board,
    ...head,
    consultants: applyRows(board.consultants, change.consultants, consultantKey),
    waiting: applyRows(board.waiting, change.waiting, receptionKey),
    receptions: applyRows(board.receptions, change.receptions, receptionKey),
    alerts: applyRows(board.alerts, change.alerts, alertKey),
    // The rest of a long whole board (same seq) keeps the events that came with it.
    events: change.baseSeq === change.seq ? board.events : change.events,
  };
}

const sizes = new WeakMap<object, number>();
function sizeOf(row: object): number {
  let n = sizes.get(row);
  if (n === undefined) sizes.set(row, (n = JSON.stringify(row).length));
  return n;
}

type Chunked = 'waiting' | 'receptions' | 'alerts';
const CHUNKED: Chunked[] = ['waiting', 'receptions', 'alerts'];

/**
 * The whole board as messages of bounded size: the board with its newest events and as many
 * list rows as fit, then changes of the same seq that append the rest. The last is `complete`.
 */
export function wholeBoardMessages(board: Board, budget = MESSAGE_ROW_BYTES): RotationBoardFeedMessage[] {
  const events = board.events.slice(-FULL_BOARD_EVENTS);
  const taken: Record<Chunked, number> = { waiting: 0, receptions: 0, alerts: 0 };
  let used = [...board.consultants, ...events].reduce((n, row) => n + sizeOf(row), 0);
  const fill = () => {
    const from = { ...taken };
    for (const list of CHUNKED) {
      const rows = board[list] as object[];
      // At least one row per message, so a board always ends.
      while (taken[list] < rows.length && (used === 0 || used + sizeOf(rows[taken[list]]) <= budget)) used += sizeOf(rows[taken[list]++]);
    }
    used = 0;
    return from;
  };
  fill();
  const done = () => CHUNKED.every((list) => taken[list] === board[list].length);
  const first: Board = { ...board, events, waiting: board.waiting.slice(0, taken.waiting), receptions: board.receptions.slice(0, taken.receptions), alerts: board.alerts.slice(0, taken.alerts) };
  const messages: RotationBoardFeedMessage[] = [{ seq: board.seq, baseSeq: null, complete: done(), board: first, change: null }];
  while (!done()) {
    const from = fill();
    const rows = <K extends Chunked>(list: K) =>
      ({ removed: [], upserted: board[list].slice(from[list], taken[list]).map((row, i) => ({ index: from[list] + i, row })) }) as never;
    const change: RotationBoardChangeView = {
      ...header(board, board.seq),
      consultants: noRows,
      waiting: rows('waiting'),
      receptions: rows('receptions'),
      alerts: rows('alerts'),
      events: [],
    };
    messages.push({ seq: board.seq, baseSeq: board.seq, complete: done(), board: null, change });
  }
  return messages;
}

/**
 * Each published board's change from each board held before it, computed once for all who held
 * that one (subscribers that connected at one seq share their first board; others hold the
 * published one of that seq).
 */
const changes = new WeakMap<Board, WeakMap<Board, RotationBoardFeedMessage>>();

function changeMessage(prev: Board, next: Board): RotationBoardFeedMessage {
  let from = changes.get(next);
  if (!from) changes.set(next, (from = new WeakMap()));
  let message = from.get(prev);
  if (!message) from.set(prev, (message = { seq: next.seq, baseSeq: prev.seq, complete: true, board: null, change: boardChange(prev, next) }));
  return message;
}

/** A board's whole-board messages, built once per board object (its GraphQL result and bytes then are too). */
const wholeMessages = new WeakMap<Board, RotationBoardFeedMessage[]>();

function wholeBoard(board: Board, budget: number): RotationBoardFeedMessage[] {
  if (budget !== MESSAGE_ROW_BYTES) return wholeBoardMessages(board, budget);
  let messages = wholeMessages.get(board);
  if (!messages) wholeMessages.set(board, (messages = wholeBoardMessages(board, budget)));
  return messages;
}

/** Bytes of the rows and events a change carries (the header is small and bounded); once per change. */
const changeSizes = new WeakMap<RotationBoardChangeView, number>();
function changeBytes(c: RotationBoardChangeView): number {
  let n = changeSizes.get(c);
  if (n === undefined) {
    const rows = [c.consultants, c.waiting, c.receptions, c.alerts].flatMap((l) => l.upserted.map((u) => u.row as object));
    changeSizes.set(c, (n = [...rows, ...c.events].reduce((sum, row) => sum + sizeOf(row), 0)));
  }
  return n;
}

/**
 * A live feed of whole boards (first the current one, then each change in order, gaps filled
 * from the log) as a change feed: the first board whole, then what changed from one to the next.
 * A change larger than a message (a long gap filled from the log) goes as a whole board again.
 * A plain iterator, not an async generator: it runs per subscriber and change (issue 17), where
 * each generator layer costs its own promises. Closing ends `boards` at once (as endable does).
 */
export function boardFeed(boards: AsyncGenerator<Board>, budget = MESSAGE_ROW_BYTES): AsyncGenerator<RotationBoardFeedMessage> {
  let held: Board | null = null;
  let done = false;
  /** The rest of a whole board sent in several messages. */
  const queued: RotationBoardFeedMessage[] = [];
  const end = async () => {
    done = true;
    queued.length = 0;
    await boards.return(undefined);
  };
  const feed = plainIterator<RotationBoardFeedMessage>(async () => {
    if (done) return { done: true, value: undefined };
    if (queued.length) return { done: false, value: queued.shift()! };
    const r = await boards.next();
    if (r.done || done) {
      done = true;
      return { done: true, value: undefined };
    }
    const board = r.value;
    const message = held ? changeMessage(held, board) : null;
    held = board;
    if (message && changeBytes(message.change!) <= budget) return { done: false, value: message };
    queued.push(...wholeBoard(board, budget));
    return { done: false, value: queued.shift()! };
  }, end);
  // The direct path (see direct.ts): a change from the board held, as next() would give it.
  let up: Take<RotationBoardFeedMessage> | undefined;
  offerDirect<Take<RotationBoardFeedMessage>>(feed, (take) => (up = take));
  attachDirect<Take<Board>>(boards, (board) => {
    if (done || queued.length || !held || !up) return false;
    const message = changeMessage(held, board);
    if (changeBytes(message.change!) > budget || !up(message)) return false;
    held = board;
    return true;
  });
  return feed;
}
