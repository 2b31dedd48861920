import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { fakeClient } from '@/composables/fake-client';
import { installClient, type SubscriptionSink } from '@/composables/use-client';
import type {
  MyNotificationsSubscription,
  NotificationRowFragment,
  SessionUserFragment,
} from '@/graphql/generated/graphql';
import { NOTIFICATIONS_KEPT, useNotificationsStore } from './notifications';
import { useSessionStore } from './session';

const user = (id: string): SessionUserFragment => ({
  id,
  username: `u${id}`,
  displayName: `User ${id}`,
  roles: ['MANAGER'],
  disabled: false,
  sites: [{ id: '1', name: '滨江售楼处', code: 'BJ', timezone: 'Asia/Shanghai' }],
  department: null,
});

const note = (id: string, readAt: string | null = null): NotificationRowFragment => ({
  id,
  kind: 'APPROVAL_REQUESTED',
  params: { purpose: '洽谈', visitorCompany: '华远', startAt: '2025-01-06T02:00:00.000Z' },
  appointmentId: '7',
  createdAt: '2025-01-05T02:00:00.000Z',
  readAt,
});

interface LiveSub {
  sink: SubscriptionSink<MyNotificationsSubscription>;
  released: boolean;
}

function setup(stored: { rows: NotificationRowFragment[]; unread: number }) {
  let answer = stored;
  let markAnswer = 0;
  const fake = fakeClient({
    Notifications: () => ({ notifications: answer }),
    MarkNotificationsRead: () => ({ markNotificationsRead: markAnswer }),
  });
  const subs: LiveSub[] = [];
  const reconnected: Array<() => void> = [];
  fake.client.subscribe = vi.fn((_doc: unknown, _vars: unknown, sink: unknown) => {
    const sub = { sink: sink as LiveSub['sink'], released: false };
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
  const session = useSessionStore();
  const signInAs = async (id: string | null) => {
    session.token = id ? `tok-${id}` : null;
    session.user = id ? user(id) : null;
    await nextTick();
    await flush();
  };
  return {
    ...fake,
    session,
    subs,
    live: () => subs.filter((s) => !s.released),
    push: (n: NotificationRowFragment) => subs.at(-1)!.sink.next({ myNotifications: n }),
    reconnect: () => reconnected.forEach((l) => l()),
    signInAs,
    answer: (next: typeof stored) => (answer = next),
    markAnswer: (n: number) => (markAnswer = n),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('notifications store', () => {
  afterEach(() => installClient(undefined));
  let fake: ReturnType<typeof setup>;
  beforeEach(() => {
    fake = setup({ rows: [note('2'), note('1', '2025-01-05T03:00:00.000Z')], unread: 1 });
  });

  it('does nothing while signed out; on sign-in loads the newest and subscribes', async () => {
    const store = useNotificationsStore();
    expect(fake.subs).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
    await fake.signInAs('2');
    expect(fake.live()).toHaveLength(1);
    expect(fake.calls).toEqual([
      { operation: 'Notifications', variables: { limit: NOTIFICATIONS_KEPT } },
    ]);
    expect(store.rows.map((r) => r.id)).toEqual(['2', '1']);
    expect(store.unread).toBe(1);
    expect(store.loaded).toBe(true);
  });

  it('a live notification goes on top, counts as unread, reaches the listeners, and only once', async () => {
    const store = useNotificationsStore();
    await fake.signInAs('2');
    const heard: string[] = [];
    const stop = store.onNotification((n) => heard.push(n.id));
    fake.push(note('3'));
    fake.push(note('3'));
    expect(store.rows.map((r) => r.id)).toEqual(['3', '2', '1']);
    expect(store.unread).toBe(2);
    expect(heard).toEqual(['3']);
    stop();
    fake.push(note('4'));
    expect(heard).toEqual(['3']);
  });

  it('keeps at most the newest NOTIFICATIONS_KEPT', async () => {
    const store = useNotificationsStore();
    await fake.signInAs('2');
    for (let i = 10; i < 10 + NOTIFICATIONS_KEPT; i++) fake.push(note(String(i)));
    expect(store.rows).toHaveLength(NOTIFICATIONS_KEPT);
    expect(store.rows[0].id).toBe(String(9 + NOTIFICATIONS_KEPT));
    expect(store.rows.at(-1)!.id).toBe('10'); // the two loaded at first are gone
    expect(store.unread).toBe(1 + NOTIFICATIONS_KEPT); // the count is the server's, not the list's
  });

  it('marks some read, then all', async () => {
    const store = useNotificationsStore();
    await fake.signInAs('2');
    fake.push(note('3'));
    fake.markAnswer(1);
    await store.markRead(['3']);
    expect(fake.calls.at(-1)).toEqual({
      operation: 'MarkNotificationsRead',
      variables: { ids: ['3'] },
    });
    expect(store.unread).toBe(1);
    expect(store.rows.find((r) => r.id === '3')!.readAt).not.toBeNull();
    expect(store.rows.find((r) => r.id === '2')!.readAt).toBeNull();
    await store.markRead();
    expect(fake.calls.at(-1)).toEqual({
      operation: 'MarkNotificationsRead',
      variables: { ids: null },
    });
    expect(store.unread).toBe(0);
    expect(store.rows.every((r) => r.readAt)).toBe(true);
  });

  it('sign-out closes the subscription and forgets; the next user gets their own', async () => {
    const store = useNotificationsStore();
    await fake.signInAs('2');
    fake.push(note('3'));
    await fake.signInAs(null);
    expect(fake.live()).toHaveLength(0);
    expect(store.rows).toEqual([]);
    expect(store.unread).toBe(0);
    fake.answer({ rows: [note('9')], unread: 1 });
    await fake.signInAs('5');
    expect(fake.live()).toHaveLength(1);
    expect(store.rows.map((r) => r.id)).toEqual(['9']);
  });

  it('after a reconnect reads the list again, keeping what came live meanwhile once', async () => {
    const store = useNotificationsStore();
    await fake.signInAs('2');
    fake.answer({ rows: [note('4'), note('3'), note('2')], unread: 3 });
    fake.reconnect();
    // While the reload is under way, notification 5 comes live (stored after the read).
    fake.push(note('5'));
    await flush();
    expect(store.rows.map((r) => r.id)).toEqual(['5', '4', '3', '2']);
    expect(store.unread).toBe(4);
    expect(fake.live()).toHaveLength(1);
  });

  it('drops an answer that comes after sign-out', async () => {
    const store = useNotificationsStore();
    fake.session.token = 'tok-2';
    fake.session.user = user('2');
    await nextTick(); // the load is sent, not answered yet
    fake.session.token = null;
    fake.session.user = null;
    await nextTick();
    await flush();
    expect(store.rows).toEqual([]);
    expect(store.unread).toBe(0);
  });
});
