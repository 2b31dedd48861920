import { describe, expect, it } from 'vitest';
import { applyRows, boardFeed, diffRows, wholeBoardMessages, applyBoardChange, type RowsChange } from './rotation.feed.js';
import type { RotationBoardChangeView } from './rotation.feed.types.js';
import type { RotationBoardView } from './rotation.types.js';

interface Row {
  id: string;
  v: number;
}
const key = (r: Row) => r.id;

describe('issue 17: list changes keyed by id', () => {
  it('applying the change from any list to any other gives the other (queue, newest-first, moves, edits)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    for (let round = 0; round < 2000; round++) {
      const prev: Row[] = Array.from({ length: rnd(12) }, (_, i) => ({ id: `r${i}`, v: rnd(3) }));
      const next = prev.filter(() => rnd(4) > 0).map((r) => (rnd(5) ? r : { ...r, v: r.v + 1 }));
      if (rnd(3) === 0 && next.length > 1) next.push(next.splice(rnd(next.length), 1)[0]);
      for (let k = rnd(4); k > 0; k--) next.splice(rnd(next.length + 1), 0, { id: `n${round}-${k}`, v: 0 });
      const change = diffRows(prev, next, key);
      expect(applyRows(prev, change, key)).toEqual(next);
    }
  });

  it('a queue that gains one at the end and loses its head changes by two rows, not by its length', () => {
    const prev = Array.from({ length: 300 }, (_, i) => ({ id: `w${i}`, v: 0 }));
    const next = [...prev.slice(1), { id: 'w300', v: 0 }];
    const change: RowsChange<Row> = diffRows(prev, next, key);
    expect(change).toEqual({ removed: ['w0'], upserted: [{ index: 299, row: { id: 'w300', v: 0 } }] });
  });

  it('a long whole board comes in pieces of bounded size that add up to it', () => {
    const reception = (i: number) => ({ id: `r${i}`, customerName: 'x'.repeat(200) }) as never;
    const board = {
      siteId: 1,
      seq: 9,
      consultants: [],
      waiting: Array.from({ length: 300 }, (_, i) => reception(i)),
      receptions: Array.from({ length: 300 }, (_, i) => reception(i)),
      alerts: [],
      events: Array.from({ length: 80 }, (_, i) => ({ seq: i })),
    } as unknown as RotationBoardView;
    const messages = wholeBoardMessages(board, 20_000);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(JSON.stringify(m).length).toBeLessThan(24_000);
    expect(messages.map((m) => m.complete)).toEqual(messages.map((_, i) => i === messages.length - 1));
    let held = messages[0].board!;
    for (const m of messages.slice(1)) held = applyBoardChange(held, m.change as RotationBoardChangeView);
    expect(held).toEqual({ ...board, events: board.events.slice(-20) });
  });

  it('a change too large for a message (a long gap) goes as the whole board again, in bounded pieces', async () => {
    const reception = (i: number) => ({ id: `r${i}`, customerName: 'x'.repeat(200) }) as never;
    const board = (seq: number, n: number) =>
      ({ siteId: 1, seq, consultants: [], waiting: [], receptions: Array.from({ length: n }, (_, i) => reception(i)), alerts: [], events: [] }) as unknown as RotationBoardView;
    async function* boards() {
      yield board(1, 1);
      yield board(2, 2);
      yield board(3, 300);
    }
    const messages = [];
    for await (const m of boardFeed(boards(), 20_000)) messages.push(m);
    expect(messages.map((m) => [m.seq, m.baseSeq, !!m.board])).toEqual([
      [1, null, true],
      [2, 1, false],
      ...messages.slice(2).map((m, i) => [3, i === 0 ? null : 3, i === 0]),
    ]);
    expect(messages.length).toBeGreaterThan(4);
    for (const m of messages) expect(JSON.stringify(m).length).toBeLessThan(24_000);
  });
});

describe('issue 17: the feed as a plain iterator', () => {
  it('closed while it waits for the next board, it ends at once and ends its boards', async () => {
    let ended = false;
    let wake: ((r: IteratorResult<RotationBoardView>) => void) | undefined;
    const first = { siteId: 1, seq: 1, consultants: [], waiting: [], receptions: [], alerts: [], events: [] } as unknown as RotationBoardView;
    let given = false;
    const boards = {
      next: () => (given ? new Promise<IteratorResult<RotationBoardView>>((r) => (wake = r)) : ((given = true), Promise.resolve({ done: false, value: first }))),
      return: async () => {
        ended = true;
        wake?.({ done: true, value: undefined });
        return { done: true, value: undefined };
      },
    } as unknown as AsyncGenerator<RotationBoardView>;
    const feed = boardFeed(boards);
    expect((await feed.next()).value).toMatchObject({ seq: 1, baseSeq: null, complete: true });
    const pending = feed.next();
    const closed = await Promise.race([feed.return(undefined).then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);
    expect(closed).toBe(true);
    expect(ended).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });
});
