import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountChangedDocument } from '@/graphql/generated/graphql';
import { FakeWebSocket } from './fake-websocket';
import {
  backoffDelay,
  createGraphQLClient,
  isRetryable,
  type GraphQLClientOptions,
} from './use-client';

// With random() = 0.5 the wait before attempt n is 0.75 · min(30 s, 1 s · 2^n).
const half = () => 0.5;

function makeClient(overrides: Partial<GraphQLClientOptions> = {}) {
  let token: string | null = 'token-1';
  const onUnauthenticated = vi.fn();
  const client = createGraphQLClient({
    url: '/graphql',
    wsUrl: 'ws://test/graphql',
    getToken: () => token,
    onUnauthenticated,
    webSocketImpl: FakeWebSocket,
    random: half,
    ...overrides,
  });
  return { client, onUnauthenticated, setToken: (t: string | null) => (token = t) };
}

/** Lets the client's promises settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

async function openAndAck(socket: FakeWebSocket) {
  socket.open();
  await settle();
  socket.ack();
  await settle();
}

describe('backoffDelay', () => {
  it('doubles from one second and stops growing at thirty', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('jitters between half and all of the ceiling', () => {
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(3, () => 0.5)).toBe(6000);
    expect(backoffDelay(3, () => 0.999)).toBe(7996);
  });
});

describe('isRetryable (graphql-ws shouldRetry)', () => {
  it('never retries a 4403 close: the token is missing, bad or expired', () => {
    expect(isRetryable({ code: 4403, reason: 'Forbidden' })).toBe(false);
  });

  it('retries abnormal closes, server restarts and bare socket errors', () => {
    expect(isRetryable({ code: 1006, reason: '' })).toBe(true);
    expect(isRetryable({ code: 1001, reason: 'Server shutting down' })).toBe(true);
    expect(isRetryable({ type: 'error' })).toBe(true);
  });
});

describe('live client: connecting and reconnecting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens no socket before connect(), then sends the token in connectionParams', async () => {
    const { client } = makeClient();
    await settle();
    expect(FakeWebSocket.instances).toHaveLength(0);
    expect(client.state.value).toBe('idle');

    client.connect();
    await settle();
    expect(client.state.value).toBe('connecting');
    const socket = FakeWebSocket.last;
    expect(socket.url).toBe('ws://test/graphql');
    expect(socket.protocol).toBe('graphql-transport-ws');

    await openAndAck(socket);
    expect(socket.sent[0]).toEqual({
      type: 'connection_init',
      payload: { authorization: 'Bearer token-1' },
    });
    expect(client.state.value).toBe('connected');
  });

  it('after a drop, waits with exponential backoff and jitter before each new try', async () => {
    const { client } = makeClient();
    client.connect();
    await settle();
    await openAndAck(FakeWebSocket.last);

    FakeWebSocket.last.drop(1006);
    await settle();
    expect(client.state.value).toBe('reconnecting');
    expect(FakeWebSocket.instances).toHaveLength(1);

    // Attempt 0 waits 750 ms (0.75 · 1 s): nothing at 749 ms, a new socket at 750 ms.
    await vi.advanceTimersByTimeAsync(749);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    // That try fails as a browser reports it (error, then close): the next wait is 1.5 s.
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(1499);
    expect(FakeWebSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    // And 3 s after the next failure.
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(2999);
    expect(FakeWebSocket.instances).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('never waits longer than the cap, and keeps trying', async () => {
    const { client } = makeClient({ random: () => 1 });
    client.connect();
    await settle();
    for (let attempt = 0; attempt < 8; attempt++) {
      FakeWebSocket.last.fail();
      await settle();
      const before = FakeWebSocket.instances.length;
      await vi.advanceTimersByTimeAsync(backoffDelay(attempt, () => 1));
      expect(FakeWebSocket.instances.length, `attempt ${attempt}`).toBe(before + 1);
    }
    expect(backoffDelay(7, () => 1)).toBe(30_000);
  });

  it('starts the backoff over once a connection is acknowledged', async () => {
    const { client } = makeClient();
    client.connect();
    await settle();
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(750);
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(1500);
    await openAndAck(FakeWebSocket.last);
    expect(client.state.value).toBe('connected');

    FakeWebSocket.last.drop(1001);
    await vi.advanceTimersByTimeAsync(750);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('says offline after three failed attempts in a row, and connected once back', async () => {
    const { client } = makeClient();
    client.connect();
    await settle();
    await openAndAck(FakeWebSocket.last);

    FakeWebSocket.last.drop();
    await vi.advanceTimersByTimeAsync(750);
    expect(client.state.value).toBe('reconnecting');
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(1500);
    expect(client.state.value).toBe('reconnecting');
    FakeWebSocket.last.fail();
    await settle();
    expect(client.failedAttempts.value).toBe(3);
    expect(client.state.value).toBe('offline');

    await vi.advanceTimersByTimeAsync(3000);
    expect(client.state.value).toBe('offline');
    await openAndAck(FakeWebSocket.last);
    expect(client.state.value).toBe('connected');
    expect(client.failedAttempts.value).toBe(0);
  });

  it('runs onReconnected after a reconnect, not after the first connect', async () => {
    const { client } = makeClient();
    const reconnected = vi.fn();
    client.onReconnected(reconnected);
    client.connect();
    await settle();
    await openAndAck(FakeWebSocket.last);
    expect(reconnected).not.toHaveBeenCalled();

    FakeWebSocket.last.drop();
    await vi.advanceTimersByTimeAsync(750);
    expect(reconnected).not.toHaveBeenCalled();
    await openAndAck(FakeWebSocket.last);
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('resubscribes live operations on the new socket after a reconnect', async () => {
    const { client } = makeClient();
    const next = vi.fn();
    client.subscribe(AccountChangedDocument, {}, { next });
    client.connect();
    await settle();
    const first = FakeWebSocket.last;
    await openAndAck(first);
    expect(first.subscriptions()).toHaveLength(1);
    expect(first.subscriptions()[0].query).toContain('subscription AccountChanged');

    first.drop();
    await vi.advanceTimersByTimeAsync(750);
    const second = FakeWebSocket.last;
    await openAndAck(second);
    const [sub] = second.subscriptions();
    expect(sub.query).toContain('subscription AccountChanged');

    second.receive({
      id: sub.id,
      type: 'next',
      payload: { data: { accountChanged: { signedOut: false } } },
    });
    expect(next).toHaveBeenCalledWith({ accountChanged: { signedOut: false } });
  });

  it('reads the token again on every connect', async () => {
    const { client, setToken } = makeClient();
    client.connect();
    await settle();
    await openAndAck(FakeWebSocket.last);
    setToken('token-2');
    FakeWebSocket.last.drop();
    await vi.advanceTimersByTimeAsync(750);
    await openAndAck(FakeWebSocket.last);
    expect(FakeWebSocket.last.sent[0].payload).toEqual({ authorization: 'Bearer token-2' });
  });

  it('retryNow() skips the rest of a backoff wait', async () => {
    const { client } = makeClient({ random: () => 1 });
    client.connect();
    await settle();
    for (let i = 0; i < 5; i++) {
      FakeWebSocket.last.fail();
      await vi.advanceTimersByTimeAsync(backoffDelay(i, () => 1));
    }
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(1000); // 29 s of a 30 s wait left
    const before = FakeWebSocket.instances.length;
    client.retryNow();
    await settle();
    expect(FakeWebSocket.instances.length).toBe(before + 1);
  });
});

describe('live client: the end of a session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not retry a 4403 close: it reports the session over and goes idle', async () => {
    const { client, onUnauthenticated } = makeClient();
    client.connect();
    await settle();
    await openAndAck(FakeWebSocket.last);

    FakeWebSocket.last.drop(4403, 'Forbidden');
    await settle();
    expect(onUnauthenticated).toHaveBeenCalledWith('ws');
    expect(client.state.value).toBe('idle');

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('does not retry when the server refuses the token at connection time either', async () => {
    const { client, onUnauthenticated } = makeClient();
    client.connect();
    await settle();
    FakeWebSocket.last.open();
    await settle();
    FakeWebSocket.last.drop(4403, 'Forbidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('disconnect() closes the socket normally and nothing reconnects', async () => {
    const { client, onUnauthenticated } = makeClient();
    client.connect();
    await settle();
    const socket = FakeWebSocket.last;
    await openAndAck(socket);

    client.disconnect();
    await settle();
    expect(socket.closedWith?.code).toBe(1000);
    expect(client.state.value).toBe('idle');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('disconnect() during a backoff wait cancels the pending try', async () => {
    const { client } = makeClient();
    client.connect();
    await settle();
    FakeWebSocket.last.fail();
    await settle();
    expect(client.state.value).toBe('reconnecting');

    client.disconnect();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(client.state.value).toBe('idle');
  });

  it('connects afresh after a new sign-in, carrying live subscriptions over', async () => {
    const { client, setToken } = makeClient();
    client.subscribe(AccountChangedDocument, {}, { next: vi.fn() });
    client.connect();
    await settle();
    await openAndAck(FakeWebSocket.last);
    client.disconnect();
    await settle();

    setToken('token-new');
    client.connect();
    await settle();
    const socket = FakeWebSocket.last;
    await openAndAck(socket);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(socket.sent[0].payload).toEqual({ authorization: 'Bearer token-new' });
    expect(socket.subscriptions()).toHaveLength(1);
    expect(client.state.value).toBe('connected');
  });

  it('an unsubscribed operation is completed on the socket and not resubscribed', async () => {
    const { client } = makeClient();
    const stop = client.subscribe(AccountChangedDocument, {}, { next: vi.fn() });
    client.connect();
    await settle();
    const socket = FakeWebSocket.last;
    await openAndAck(socket);
    const [sub] = socket.subscriptions();
    stop();
    await settle();
    expect(socket.sent.some((m) => m.type === 'complete' && m.id === sub.id)).toBe(true);
  });
});
