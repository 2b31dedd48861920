import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { FloorBoardFeedSubscription } from '@/graphql/generated/graphql';
import { board, change, changeMessage, event, reception, wholeMessage } from '@/stores/floor-fixtures';
import { fakeClient } from './fake-client';
import type { GraphQLClientOptions, SubscriptionSink } from './use-client';
import { useTokenBoard } from './use-token-board';

interface Sub {
  query: string;
  variables: { siteId: string; afterSeq: number | null };
  sink: SubscriptionSink<FloorBoardFeedSubscription>;
  released: boolean;
}

/** The client the wall builds for itself: a fake whose subscriptions the test drives. */
let made: { options: GraphQLClientOptions; subs: Sub[]; reconnected: Array<() => void> } | null = null;

vi.mock('./use-client', async (actual) => ({
  ...(await actual<typeof import('./use-client')>()),
  createGraphQLClient: (options: GraphQLClientOptions) => {
    const fake = fakeClient({ WallSite: () => ({ wallSite: { id: '1', name: '北京', timezone: 'Asia/Shanghai' } }) });
    const state = { options, subs: [] as Sub[], reconnected: [] as Array<() => void> };
    fake.client.subscribe = ((doc: unknown, variables: Sub['variables'], sink: Sub['sink']) => {
      const sub: Sub = { query: String(doc), variables, sink, released: false };
      state.subs.push(sub);
      return () => {
        sub.released = true;
      };
    }) as never;
    fake.client.onReconnected = (listener: () => void) => {
      state.reconnected.push(listener);
      return () => undefined;
    };
    made = state;
    return fake.client;
  },
}));

function mountWall(secret: string | null = 'wall-secret') {
  let wall!: ReturnType<typeof useTokenBoard>;
  const wrapper = mount(
    defineComponent({
      setup() {
        wall = useTokenBoard('1', secret, () => undefined);
        return () => h('div');
      },
    }),
  );
  const client = made!;
  return { wall, wrapper, client, live: () => client.subs.filter((s) => !s.released) };
}

describe('useTokenBoard', () => {
  afterEach(() => {
    made = null;
  });

  it('issue 17: the token wall reads rotationBoardFeed with its token, then applies a change to the board it holds', () => {
    const { wall, client, live } = mountWall();
    expect(client.options.getToken()).toBe('wall-secret');
    expect(live()).toHaveLength(1);
    expect(live()[0].query).toContain('rotationBoardFeed(');
    expect(live()[0].variables).toEqual({ siteId: '1', afterSeq: null });
    expect(wall.board.value).toBeNull();

    const a = reception('a');
    live()[0].sink.next(wholeMessage({ ...board(7, [event(7)]), waiting: [a] }));
    expect(wall.board.value!.seq).toBe(7);
    const b = reception('b');
    live()[0].sink.next(changeMessage(change(7, 8, { waiting: { removed: [], upserted: [{ index: 1, row: b }] } })));
    expect(wall.board.value!.seq).toBe(8);
    expect(wall.board.value!.waiting.map((r) => r.id)).toEqual(['a', 'b']);
    expect(wall.board.value!.waiting[0]).toBe(a);
    expect(wall.events.value.map((e) => e.seq)).toEqual([8, 7]);
    expect(client.subs).toHaveLength(1);
  });

  it('issue 17: on a gap the token wall subscribes again after the last seq it holds and takes the whole board that comes', () => {
    const { wall, client, live } = mountWall();
    const first = live()[0];
    first.sink.next(wholeMessage(board(7, [event(7)])));
    first.sink.next(changeMessage(change(9, 10)));
    expect(first.released).toBe(true);
    expect(wall.board.value!.seq).toBe(7);
    expect(live().map((s) => s.variables)).toEqual([{ siteId: '1', afterSeq: 7 }]);
    // A late change of the stopped subscription is not applied.
    first.sink.next(changeMessage(change(7, 8)));
    expect(wall.board.value!.seq).toBe(7);
    live()[0].sink.next(wholeMessage(board(10, [event(8), event(9), event(10)])));
    expect(wall.board.value!.seq).toBe(10);
    expect(wall.events.value.map((e) => e.seq)).toEqual([10, 9, 8, 7]);
    expect(client.subs).toHaveLength(2);
  });

  it('issue 17: after a drop the token wall resumes after the last seq; unmounting ends the feed', () => {
    const { client, live, wrapper } = mountWall();
    live()[0].sink.next(wholeMessage(board(12)));
    client.reconnected.forEach((listener) => listener());
    expect(live().map((s) => s.variables)).toEqual([{ siteId: '1', afterSeq: 12 }]);
    wrapper.unmount();
    expect(live()).toHaveLength(0);
  });

  it('issue 16: without a token the wall shows itself disconnected and subscribes to nothing', () => {
    const { wall, live } = mountWall(null);
    expect(wall.disconnected.value).toBe(true);
    expect(live()).toHaveLength(0);
  });
});
