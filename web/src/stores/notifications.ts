import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { GraphQLRequestError, useClient } from '@/composables/use-client';
import {
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  NotificationsDocument,
  type NotificationRowFragment,
} from '@/graphql/generated/graphql';
import { useSessionStore } from './session';

export type NotificationRow = NotificationRowFragment;

/** How many of the newest notifications the bell lists. */
export const NOTIFICATIONS_KEPT = 30;

/**
 * What the signed-in user is told (issue 8): the newest notifications and the unread
 * count, loaded once a session begins and kept live by `myNotifications` until it ends.
 * Sign-out closes the subscription and forgets everything. After a lost connection the
 * list is read again, since notifications may have come while the socket was down.
 * Pages that show the user's own work listen with `onNotification` and refetch.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const client = useClient();
  const session = useSessionStore();
  const rows = shallowRef<NotificationRow[]>([]);
  const unread = ref(0);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<GraphQLRequestError | null>(null);
  const listeners = new Set<(n: NotificationRow) => void>();
  let release: (() => void) | null = null;
  // Bumped per session and per load: an answer for an older one is dropped.
  let sessionGen = 0;
  let loadGen = 0;
  // Live notifications that came while the current load was under way.
  let arrivedDuringLoad: NotificationRow[] = [];

  const hasUnread = computed(() => unread.value > 0);

  /** Takes a live notification (each once, by id); tells the listeners about a new one. */
  function receive(n: NotificationRow): boolean {
    if (rows.value.some((r) => r.id === n.id)) return false;
    rows.value = [n, ...rows.value].slice(0, NOTIFICATIONS_KEPT);
    if (!n.readAt) unread.value += 1;
    if (loading.value) arrivedDuringLoad.push(n);
    for (const listener of [...listeners]) listener(n);
    return true;
  }

  /** Reads the newest notifications and the unread count (again). */
  async function load(): Promise<void> {
    const gen = sessionGen;
    const mine = ++loadGen;
    loading.value = true;
    error.value = null;
    arrivedDuringLoad = [];
    try {
      const { notifications } = await client.request(NotificationsDocument, {
        limit: NOTIFICATIONS_KEPT,
      });
      if (gen !== sessionGen || mine !== loadGen) return;
      const answered = new Set(notifications.rows.map((r) => r.id));
      // A live one the answer does not hold yet was stored after the query read the table.
      const newer = arrivedDuringLoad.filter((n) => !answered.has(n.id));
      rows.value = [...newer, ...notifications.rows].slice(0, NOTIFICATIONS_KEPT);
      unread.value = notifications.unread + newer.filter((n) => !n.readAt).length;
      loaded.value = true;
    } catch (err) {
      if (gen !== sessionGen || mine !== loadGen) return;
      error.value = err instanceof GraphQLRequestError ? err : new GraphQLRequestError([]);
    } finally {
      if (gen === sessionGen && mine === loadGen) {
        loading.value = false;
        arrivedDuringLoad = [];
      }
    }
  }

  /** Marks these notifications read (all of them when `ids` is omitted). Errors are the caller's. */
  async function markRead(ids?: string[]): Promise<void> {
    if (ids && !ids.length) return;
    const gen = sessionGen;
    const { markNotificationsRead: changed } = await client.request(MarkNotificationsReadDocument, {
      ids: ids ?? null,
    });
    if (gen !== sessionGen) return;
    const at = new Date().toISOString();
    const which = ids ? new Set(ids) : null;
    rows.value = rows.value.map((r) =>
      !r.readAt && (!which || which.has(r.id)) ? { ...r, readAt: at } : r,
    );
    unread.value = which ? Math.max(0, unread.value - changed) : 0;
  }

  /** Called with every new live notification; returns the way to stop listening. */
  function onNotification(listener: (n: NotificationRow) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function start() {
    release = client.subscribe(
      MyNotificationsDocument,
      {},
      { next: ({ myNotifications }) => void receive(myNotifications) },
    );
    void load();
  }

  function stop() {
    sessionGen += 1;
    loadGen += 1;
    release?.();
    release = null;
    rows.value = [];
    unread.value = 0;
    loading.value = false;
    loaded.value = false;
    error.value = null;
    arrivedDuringLoad = [];
  }

  // One subscription per signed-in user; none while signed out.
  watch(
    () => (session.isSignedIn ? session.user?.id : null),
    (userId, previous) => {
      if (userId === previous && release) return;
      stop();
      if (userId) start();
    },
    { immediate: true },
  );

  client.onReconnected(() => {
    if (release) void load();
  });

  return {
    rows,
    unread,
    hasUnread,
    loading,
    loaded,
    error,
    load,
    receive,
    markRead,
    onNotification,
  };
});
