import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { GraphQLRequestError, useClient, type Document } from '@/composables/use-client';
import {
  type FloorBoardFragment,
  type FloorChangeResultFragment,
  type FloorEventFragment,
} from '@/graphql/generated/graphql';
import { boardFeed } from './board-feed';

export type FloorBoard = FloorBoardFragment;
export type FloorEvent = FloorEventFragment;
export type FloorChange = FloorChangeResultFragment;
export type BoardConsultant = FloorBoard['consultants'][number];
export type FloorReception = FloorBoard['receptions'][number];

/** How long a floor action waits at most for the feed to bring its board. */
export const REACH_MS = 3000;

/** How many of the live events the store keeps (newest first). */
export const LIVE_EVENTS_KEPT = 200;

/** The events held plus the new ones, each once, newest first (the same array when nothing is new). */
export function mergeFloorEvents<E extends { seq: number }>(
  held: E[],
  incoming: readonly E[],
): E[] {
  if (!incoming.length) return held;
  const known = new Set(held.map((e) => e.seq));
  const fresh = incoming.filter((e) => !known.has(e.seq));
  if (!fresh.length) return held;
  return [...fresh, ...held].sort((a, b) => b.seq - a.seq).slice(0, LIVE_EVENTS_KEPT);
}

/**
 * The live floor board of one site (SPEC section 6), shared by the manager's board, the
 * wall screen, the desk and the consultant's page.
 *
 * It reads rotationBoardFeed through boardFeed (stores/board-feed.ts, issue 17): a whole board
 * first, then changes by seq; a gap subscribes again after the last seq held. A board whose
 * seq is not newer than the one held is ignored, so a change is never applied twice.
 * A floor action's answer brings its events, not the board: the feed brings that.
 * After a lost connection it subscribes again with afterSeq, and the whole board that comes
 * first carries the newest events missed. The events seen are kept, newest first, each once.
 */
export const useFloorStore = defineStore('floor', () => {
  const client = useClient();
  const siteId = ref<string | null>(null);
  const board = shallowRef<FloorBoard | null>(null);
  const error = shallowRef<GraphQLRequestError | null>(null);
  const events = shallowRef<FloorEvent[]>([]);
  let feed: ReturnType<typeof boardFeed> | null = null;
  let holders = 0;

  const lastSeq = computed(() => board.value?.seq ?? null);
  const loading = computed(
    () => siteId.value !== null && board.value === null && error.value === null,
  );

  function mergeEvents(incoming: readonly FloorEvent[]) {
    events.value = mergeFloorEvents(events.value, incoming);
  }

  /** Takes a board if it is of this site and newer than the one held; true when taken. */
  function receive(next: FloorBoard): boolean {
    if (siteId.value === null || String(next.siteId) !== siteId.value) return false;
    mergeEvents(next.events);
    if (board.value && next.seq <= board.value.seq) return false;
    board.value = next;
    error.value = null;
    return true;
  }

  function subscribe() {
    feed?.stop();
    feed = null;
    if (siteId.value === null) return;
    feed = boardFeed(client, siteId.value, {
      held: () => board.value,
      show: receive,
      events: mergeEvents,
      error: (err) => (error.value = err),
    });
    feed.subscribe();
  }

  // After a drop: a new subscription that starts after the last change seen.
  client.onReconnected(() => {
    if (siteId.value !== null) subscribe();
  });

  /** Shows this site's board (a no-op when it already does). */
  function open(id: string) {
    if (id === siteId.value && feed) return;
    feed?.stop();
    feed = null;
    siteId.value = id;
    board.value = null;
    events.value = [];
    error.value = null;
    subscribe();
  }

  function close() {
    feed?.stop();
    feed = null;
    siteId.value = null;
    board.value = null;
    events.value = [];
    error.value = null;
  }

  /** Subscribes again (the error state's retry). */
  function retry() {
    error.value = null;
    subscribe();
  }

  /**
   * Resolves once the board held reaches `seq` (the feed brings it), the feed stops, or after
   * `ms`: a floor action's answer no longer carries the board (issue 17).
   */
  function reach(seq: number, ms = REACH_MS): Promise<void> {
    const there = () => !feed || (board.value !== null && board.value.seq >= seq);
    if (there()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const stop = watch([board, siteId], () => {
        if (there()) done();
      });
    });
  }

  /**
   * Runs a floor action (any mutation answering FloorChange): its events show at once, and it
   * returns once the board held (from the feed) shows it, so a page never offers an action on
   * a board older than its own answer. Errors are the caller's to show.
   */
  async function run<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables: TVariables,
  ): Promise<FloorChange> {
    const request = client.request as (d: typeof document, v: TVariables) => Promise<TResult>;
    const result = (await request(document, variables)) as Record<string, FloorChange>;
    const change = Object.values(result)[0];
    if (!change) throw new GraphQLRequestError([]);
    const site = (variables as { siteId?: unknown } | null)?.siteId;
    if (site != null && String(site) === siteId.value) {
      mergeEvents(change.events);
      await reach(change.seq);
    }
    return change;
  }

  /** A page holds the board of a site while it is shown; the last one to leave closes it. */
  function hold(id: () => string | null | undefined) {
    holders += 1;
    const stop = watch(
      id,
      (value) => {
        if (value) open(value);
        else close();
      },
      { immediate: true },
    );
    onScopeDispose(() => {
      stop();
      holders -= 1;
      if (holders === 0) close();
    });
  }

  return {
    siteId,
    board,
    error,
    events,
    lastSeq,
    loading,
    open,
    close,
    retry,
    receive,
    reach,
    run,
    hold,
  };
});
