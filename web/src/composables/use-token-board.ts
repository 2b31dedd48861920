import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import {
  FloorBoardDocument,
  FloorBoardLiveDocument,
  WallSiteDocument,
  type WallSiteQuery,
} from '@/graphql/generated/graphql';
import { mergeFloorEvents, type FloorBoard, type FloorEvent } from '@/stores/floor';
import { createGraphQLClient, defaultWsUrl } from './use-client';

/**
 * The live board of a site read with a wall screen's board token (issue 16) instead of a
 * session: its own client, never signed in, never timing out. The server sends the board
 * with privacy on and closes the socket (4403) once the token is revoked: `disconnected`.
 * After a drop it subscribes again after the last change seen, like the floor store.
 */
export function useTokenBoard(siteId: string, secret: string | null, onRevoked: () => void) {
  const disconnected = ref(!secret);
  const error = shallowRef<unknown>(null);
  const board = shallowRef<FloorBoard | null>(null);
  const events = shallowRef<FloorEvent[]>([]);
  const site = shallowRef<WallSiteQuery['wallSite'] | null>(null);

  let release: (() => void) | undefined;
  const client = createGraphQLClient({
    url: '/graphql',
    wsUrl: defaultWsUrl('/graphql'),
    getToken: () => secret,
    onUnauthenticated: () => {
      disconnected.value = true;
      release?.();
      client.disconnect();
      onRevoked();
    },
  });
  const live = computed(() => client.state.value === 'connected');

  function receive(next: FloorBoard) {
    events.value = mergeFloorEvents(events.value, next.events);
    if (!board.value || next.seq > board.value.seq) board.value = next;
  }
  function subscribe() {
    release?.();
    release = client.subscribe(
      FloorBoardLiveDocument,
      { siteId, afterSeq: board.value?.seq ?? null },
      { next: ({ rotationBoard }) => receive(rotationBoard), error: (err) => (error.value = err) },
    );
  }
  const offReconnect = client.onReconnected(subscribe);

  onMounted(async () => {
    if (disconnected.value) return;
    client.connect();
    try {
      const [first, named] = await Promise.all([
        client.request(FloorBoardDocument, { siteId }),
        client.request(WallSiteDocument, { siteId }),
      ]);
      site.value = named.wallSite;
      receive(first.rotationBoard);
      subscribe();
    } catch (err) {
      if (!disconnected.value) error.value = err;
    }
  });
  onBeforeUnmount(() => {
    offReconnect();
    release?.();
    client.disconnect();
  });

  return { disconnected, error, board, events, site, live };
}
