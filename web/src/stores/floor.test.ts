import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '@/composables/fake-client';
import { installClient, type SubscriptionSink } from '@/composables/use-client';
import type { FloorBoardChangeFragment, FloorBoardFeedSubscription } from '@/graphql/generated/graphql';
import { SkipTurnDocument } from '@/graphql/generated/graphql';
import { REACH_MS, useFloorStore, type FloorBoard } from './floor';
import { board, change, changeMessage, event, person, reception, wholeMessage } from './floor-fixtures';

interface LiveSub {
  variables: { siteId: string; afterSeq: number | null };
  sink: SubscriptionSink<FloorBoardFeedSubscription>;
  released: boolean;
}

/** A fake client whose subscriptions and reconnect hook the test drives by hand. */
function liveClient(handlers: Parameters<typeof fakeClient>[0] = {}) {
  const fake = fakeClient(handlers);
  const subs: LiveSub[] = [];
  const reconnected: Array<() => void> = [];
  fake.client.subscribe = vi.fn((_doc: unknown, variables: unknown, sink: unknown) => {
    const sub = {
      variables: variables as LiveSub['variables'],
      sink: sink as LiveSub['sink'],
      released: false,
    };
    subs.push(sub);
    return () => {
      sub.released = true;
    };
  }) as never;
  fake.client.onReconnected = vi.fn((listener: () => void) => {
    reconnected.push(listener);
    return () => undefined;
  });
  installClient(fake.client);
  setActivePinia(createPinia());
  return {
    ...fake,
    subs,
    live: () => subs.filter((s) => !s.released),
    reconnect: () => reconnected.forEach((l) => l()),
  };
}

const push = (sub: LiveSub, b: FloorBoard, complete = true) => sub.sink.next(wholeMessage(b, complete));

const pushChange = (sub: LiveSub, c: FloorBoardChangeFragment, complete = true) =>
  sub.sink.next(changeMessage(c, complete));

describe('floor store', () => {
  afterEach(() => installClient(undefined));
  let fake: ReturnType<typeof liveClient>;
  beforeEach(() => {
    fake = liveClient();
  });

  it('subscribes from the head, shows loading until the first board, then holds its seq', () => {
    const floor = useFloorStore();
    floor.open('1');
    expect(fake.live()).toHaveLength(1);
    expect(fake.live()[0].variables).toEqual({ siteId: '1', afterSeq: null });
    expect(floor.loading).toBe(true);
    push(fake.live()[0], board(7));
    expect(floor.loading).toBe(false);
    expect(floor.lastSeq).toBe(7);
  });

  it('R15: ignores a board that is not newer, and keeps each event once', () => {
    const floor = useFloorStore();
    floor.open('1');
    const sub = fake.live()[0];
    push(sub, board(7, [event(7)]));
    push(sub, board(8, [event(8)]));
    const eight = floor.board;
    push(sub, board(8, [event(8)]));
    push(sub, board(6, [event(6)]));
    expect(floor.board).toBe(eight);
    expect(floor.lastSeq).toBe(8);
    expect(floor.events.map((e) => e.seq)).toEqual([8, 7, 6]);
  });

  it('after a reconnect, subscribes again after the last seq and takes the missed events once', () => {
    const floor = useFloorStore();
    floor.open('1');
    push(fake.live()[0], board(7, [event(7)]));
    fake.reconnect();
    const live = fake.live();
    expect(live).toHaveLength(1);
    expect(live[0].variables).toEqual({ siteId: '1', afterSeq: 7 });
    expect(fake.subs[0].released).toBe(true);
    // The catch-up board carries every event missed while the socket was down.
    push(live[0], board(10, [event(8), event(9), event(10)]));
    push(live[0], board(10, [event(10)]));
    expect(floor.lastSeq).toBe(10);
    expect(floor.events.map((e) => e.seq)).toEqual([10, 9, 8, 7]);
    // And a second drop resumes after 10, not after 7.
    fake.reconnect();
    expect(fake.live()[0].variables.afterSeq).toBe(10);
  });

  it('a reconnect before the first board subscribes from the head again', () => {
    const floor = useFloorStore();
    floor.open('1');
    fake.reconnect();
    expect(fake.live().map((s) => s.variables)).toEqual([{ siteId: '1', afterSeq: null }]);
  });

  it('switches site cleanly: the old subscription ends and its late boards are dropped', () => {
    const floor = useFloorStore();
    floor.open('1');
    const first = fake.live()[0];
    push(first, board(30, [event(30)]));
    floor.open('2');
    expect(first.released).toBe(true);
    expect(floor.board).toBeNull();
    expect(floor.events).toEqual([]);
    const second = fake.live()[0];
    expect(second.variables).toEqual({ siteId: '2', afterSeq: null });
    push(first, board(31, [event(31)]));
    expect(floor.board).toBeNull();
    push(second, board(4, [], '2'));
    expect(floor.lastSeq).toBe(4);
    floor.close();
    expect(fake.live()).toHaveLength(0);
  });

  it('shows a subscription error and retries', () => {
    const floor = useFloorStore();
    floor.open('1');
    fake.live()[0].sink.error?.({ code: 'FORBIDDEN' } as never);
    expect(floor.error).toBeTruthy();
    expect(floor.loading).toBe(false);
    floor.retry();
    expect(floor.error).toBeNull();
    expect(fake.live()).toHaveLength(1);
  });

  it('issue 17: a floor action answers with its seq and events, not the board: its events show at once, it ends once the feed brings its seq', async () => {
    fake = liveClient({
      SkipTurn: () => ({ skipTurn: { seq: 9, events: [event(8, 'SKIPPED'), event(9, 'MOVED')], reception: null } }),
    });
    const floor = useFloorStore();
    floor.open('1');
    const sub = fake.live()[0];
    push(sub, board(7));
    let done = false;
    const running = floor
      .run(SkipTurnDocument, { siteId: '1', consultantId: '3', reason: 'x' })
      .then((c) => ((done = true), c));
    await vi.waitFor(() => expect(floor.events.map((e) => e.seq)).toEqual([9, 8]));
    // The board is the feed's: still at 7, and the action waits for it.
    expect(floor.lastSeq).toBe(7);
    pushChange(sub, change(7, 8, {}, [event(8, 'SKIPPED')]));
    await Promise.resolve();
    expect(done).toBe(false);
    pushChange(sub, change(8, 9, {}, [event(9, 'MOVED')]));
    const answer = await running;
    expect(answer.seq).toBe(9);
    expect(floor.lastSeq).toBe(9);
    // Each event once, although the answer and the feed both brought it; no gap, no new subscription.
    expect(floor.events.map((e) => e.seq)).toEqual([9, 8]);
    expect(fake.subs).toHaveLength(1);
  });

  it('issue 17: a floor action whose seq the board already shows, or of another site, or when the feed never brings it, does not wait (long)', async () => {
    fake = liveClient({ SkipTurn: () => ({ skipTurn: { seq: 12, events: [event(12)], reception: null } }) });
    const floor = useFloorStore();
    floor.open('1');
    const sub = fake.live()[0];
    push(sub, board(12));
    await floor.run(SkipTurnDocument, { siteId: '1', consultantId: '3', reason: 'x' });
    // Another site's action leaves this board's events be.
    await floor.run(SkipTurnDocument, { siteId: '2', consultantId: '3', reason: 'x' });
    push(sub, board(13, [event(13)]));
    expect(floor.lastSeq).toBe(13);
    vi.useFakeTimers();
    try {
      const lost = floor.reach(20);
      vi.advanceTimersByTime(REACH_MS);
      await lost;
    } finally {
      vi.useRealTimers();
    }
    floor.close();
    await floor.reach(30);
  });

  it('issue 17: applies changes in seq order, each to the board of its baseSeq; unchanged rows stay the same objects', () => {
    const floor = useFloorStore();
    floor.open('1');
    const sub = fake.live()[0];
    const a = reception('a');
    const b = reception('b');
    push(sub, { ...board(7), waiting: [a, b], receptions: [b, a] });
    const c = reception('c');
    pushChange(sub, change(7, 8, { waiting: { removed: [], upserted: [{ index: 2, row: c }] }, receptions: { removed: [], upserted: [{ index: 0, row: c }] } }));
    expect(floor.lastSeq).toBe(8);
    expect(floor.board!.waiting.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(floor.board!.receptions.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(floor.board!.waiting[0]).toBe(a);
    // a is received: out of the queue, changed in the day's list.
    const active = { ...a, status: 'ACTIVE' as const, consultant: person('3') };
    pushChange(sub, change(8, 10, { waiting: { removed: ['a'], upserted: [] }, receptions: { removed: [], upserted: [{ index: 2, row: active }] } }, [event(9), event(10)]));
    expect(floor.lastSeq).toBe(10);
    expect(floor.board!.waiting.map((r) => r.id)).toEqual(['b', 'c']);
    expect(floor.board!.receptions.map((r) => [r.id, r.status])).toEqual([['c', 'WAITING'], ['b', 'WAITING'], ['a', 'ACTIVE']]);
    expect(floor.board!.events.map((e) => e.seq)).toEqual([9, 10]);
    expect(floor.events.map((e) => e.seq)).toEqual([10, 9, 8]);
    expect(fake.subs).toHaveLength(1);
  });

  it('issue 17: on a gap it subscribes again after the last seq held and takes the whole board that comes', () => {
    const floor = useFloorStore();
    floor.open('1');
    const first = fake.live()[0];
    push(first, board(7));
    pushChange(first, change(9, 10));
    expect(first.released).toBe(true);
    expect(floor.lastSeq).toBe(7);
    const again = fake.live();
    expect(again.map((s) => s.variables)).toEqual([{ siteId: '1', afterSeq: 7 }]);
    push(again[0], board(10, [event(8), event(9), event(10)]));
    expect(floor.lastSeq).toBe(10);
    expect(floor.events.map((e) => e.seq)).toEqual([10, 9, 8]);
  });

  it('issue 17: a long whole board is shown once its last piece is in', () => {
    const floor = useFloorStore();
    floor.open('1');
    const sub = fake.live()[0];
    push(sub, { ...board(20), waiting: [reception('a')] }, false);
    expect(floor.board).toBeNull();
    expect(floor.loading).toBe(true);
    pushChange(sub, change(20, 20, { waiting: { removed: [], upserted: [{ index: 1, row: reception('b') }] } }, []), false);
    pushChange(sub, change(20, 20, { waiting: { removed: [], upserted: [{ index: 2, row: reception('c') }] } }, []), true);
    expect(floor.lastSeq).toBe(20);
    expect(floor.board!.waiting.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    pushChange(sub, change(20, 21, { waiting: { removed: ['a'], upserted: [] } }));
    expect(floor.board!.waiting.map((r) => r.id)).toEqual(['b', 'c']);
  });
});
