import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { WallSiteDocument, type WallSiteQuery } from '@/graphql/generated/graphql';
import { boardFeed } from '@/stores/board-feed';
import { mergeFloorEvents, type FloorBoard, type FloorEvent } from '@/stores/floor';
import { createGraphQLClient, defaultWsUrl } from './use-client';

/**
 * The live board of a site read with a wall screen's board token (issue 16) instead of a
 * session: its own client, never signed in, never timing out. The server sends the board
 * with privacy on and closes the socket (4403) once the token is revoked: `disconnected`.
 * It reads the board feed like the floor store (issue 17: the whole board once, then only
 * what changed); after a drop it subscribes again after the last change seen.
 */
export function useTokenBoard(siteId: string, secret: string | null, onRevoked: () => void) {
  const disconnected = ref(!secret);
  const error = shallowRef<unknown>(null);
  const board = shallowRef<FloorBoard | null>(null);
  const events = shallowRef<FloorEvent[]>([]);
  const site = shallowRef<WallSiteQuery['wallSite'] | null>(null);

  const client = createGraphQLClient({
    url: '/graphql',
    wsUrl: defaultWsUrl('/graphql'),
    getToken: () => secret,
    onUnauthenticated: () => {
      disconnected.value = true;
      feed.stop();
      client.disconnect();
      onRevoked();
    },
  });
  const live = computed(() => client.state.value === 'connected');

  const feed = boardFeed(client, siteId, {
    held: () => board.value,
    show: (next) => {
      if (!board.value || next.seq > board.value.seq) board.value = next;
    },
    events: (incoming) => (events.value = mergeFloorEvents(events.value, incoming)),
    error: (err) => (error.value = err),
  });
  const offReconnect = client.onReconnected(feed.subscribe);

  onMounted(async () => {
    if (disconnected.value) return;
    client.connect();
    // The feed's first message is the whole board; the site's name comes beside it.
    feed.subscribe();
    try {
      site.value = (await client.request(WallSiteDocument, { siteId })).wallSite;
    } catch (err) {
      if (!disconnected.value) error.value = err;
    }
  });
  onBeforeUnmount(() => {
    offReconnect();
    feed.stop();
    client.disconnect();
  });

  return { disconnected, error, board, events, site, live };
}
