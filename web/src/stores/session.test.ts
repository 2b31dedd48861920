import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '@/composables/fake-client';
import { GraphQLRequestError, installClient } from '@/composables/use-client';
import type { SessionUserFragment } from '@/graphql/generated/graphql';
import { SESSION_STORAGE_KEY, useSessionStore } from './session';

const NOW = new Date('2025-06-01T08:00:00.000Z');
const HOUR = 3_600_000;

const manager: SessionUserFragment = {
  id: '2',
  username: 'manager',
  displayName: '周经理',
  roles: ['MANAGER'],
  disabled: false,
  sites: [
    { id: '1', name: '滨江售楼处', code: 'BJ', timezone: 'Asia/Shanghai' },
    { id: '2', name: '城东展厅', code: 'CD', timezone: 'Asia/Shanghai' },
  ],
  department: null,
};

const wrongPassword = () => {
  throw new GraphQLRequestError([
    { message: 'Wrong username or password', code: 'UNAUTHENTICATED' },
  ]);
};

function setup(handlers: Parameters<typeof fakeClient>[0] = {}) {
  const fake = fakeClient({
    Login: () => ({
      login: {
        token: 'tok-1',
        expiresAt: new Date(NOW.getTime() + 12 * HOUR).toISOString(),
        user: manager,
      },
    }),
    Me: () => ({ me: manager }),
    Logout: () => ({ logout: true }),
    ...handlers,
  });
  installClient(fake.client);
  setActivePinia(createPinia());
  return { ...fake, session: useSessionStore() };
}

describe('session store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    installClient(undefined);
  });

  it('signs in: keeps token and user, remembers them, opens the live socket, knows the home', async () => {
    const { session, client, calls } = setup();
    await session.signIn(' manager ', 'demo1234');

    expect(calls[0]).toEqual({
      operation: 'Login',
      variables: { input: { username: 'manager', password: 'demo1234' } },
    });
    expect(session.isSignedIn).toBe(true);
    expect(session.token).toBe('tok-1');
    expect(session.user?.displayName).toBe('周经理');
    expect(session.home).toBe('/floor');
    expect(client.connect).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY)!)).toMatchObject({
      token: 'tok-1',
    });
  });

  it('a wrong password throws UNAUTHENTICATED and leaves nobody signed in', async () => {
    const { session, client } = setup({ Login: wrongPassword });
    await expect(session.signIn('manager', 'nope')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(session.isSignedIn).toBe(false);
    expect(client.connect).not.toHaveBeenCalled();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('signs out: tells the server, forgets the token, closes the socket', async () => {
    const { session, client, calls } = setup();
    await session.signIn('manager', 'demo1234');
    await session.signOut();

    expect(calls.map((c) => c.operation)).toEqual(['Login', 'Logout']);
    expect(session.isSignedIn).toBe(false);
    expect(session.token).toBeNull();
    expect(session.endReason).toBe('signedOut');
    expect(client.disconnect).toHaveBeenCalled();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('a socket closed with 4403 while signing out is the sign-out, not an expiry to come back from', async () => {
    const late: { session?: ReturnType<typeof useSessionStore> } = {};
    // The server closes the user's sockets before its reply: the client reports 4403 first,
    // and the page leaves at once with the reason it reads then.
    let reasonWhenTokenGone: string | null = null;
    const { session } = setup({
      Logout: () => {
        late.session!.end('expired');
        reasonWhenTokenGone = late.session!.endReason;
        return { logout: true };
      },
    });
    late.session = session;
    await session.signIn('manager', 'demo1234');
    await session.signOut();
    expect(reasonWhenTokenGone).toBe('signedOut');
    expect(session.endReason).toBe('signedOut');
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const { session } = setup({
      Logout: () => {
        throw new GraphQLRequestError([{ message: 'down', code: 'NETWORK' }]);
      },
    });
    await session.signIn('manager', 'demo1234');
    await session.signOut();
    expect(session.isSignedIn).toBe(false);
  });

  it('ends the session when the token expires, to the millisecond', async () => {
    const { session, client } = setup();
    await session.signIn('manager', 'demo1234');

    await vi.advanceTimersByTimeAsync(12 * HOUR - 1);
    expect(session.isSignedIn).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(session.isSignedIn).toBe(false);
    expect(session.endReason).toBe('expired');
    expect(client.disconnect).toHaveBeenCalled();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('restores a kept session that has not expired, and re-reads the user', async () => {
    const first = setup();
    await first.session.signIn('manager', 'demo1234');

    const renamed = { ...manager, displayName: '周总' };
    const { session, client, calls } = setup({ Me: () => ({ me: renamed }) });
    await session.restore();
    expect(session.token).toBe('tok-1');
    expect(calls.map((c) => c.operation)).toEqual(['Me']);
    expect(session.user?.displayName).toBe('周总');
    expect(client.connect).toHaveBeenCalled();
  });

  it('does not restore an expired session', async () => {
    const first = setup();
    await first.session.signIn('manager', 'demo1234');
    vi.setSystemTime(new Date(NOW.getTime() + 13 * HOUR));

    const { session, calls, client } = setup();
    await session.restore();
    expect(session.isSignedIn).toBe(false);
    expect(calls).toEqual([]);
    expect(client.connect).not.toHaveBeenCalled();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('drops a kept session the server no longer accepts', async () => {
    const first = setup();
    await first.session.signIn('manager', 'demo1234');
    const { session } = setup({
      Me: () => {
        throw new GraphQLRequestError([{ message: 'Sign in first', code: 'UNAUTHENTICATED' }]);
      },
    });
    await session.restore();
    expect(session.isSignedIn).toBe(false);
    expect(session.endReason).toBe('expired');
  });

  it('keeps a kept session while the server is unreachable', async () => {
    const first = setup();
    await first.session.signIn('manager', 'demo1234');
    const { session } = setup({
      Me: () => {
        throw new GraphQLRequestError([{ message: 'Failed to fetch', code: 'NETWORK' }]);
      },
    });
    await session.restore();
    expect(session.isSignedIn).toBe(true);
    expect(session.user?.username).toBe('manager');
  });

  it('end() without a server call: used for 4403, expiry and a disabled account', async () => {
    const { session, calls, client } = setup();
    await session.signIn('manager', 'demo1234');
    session.end('ended');
    expect(calls.map((c) => c.operation)).toEqual(['Login']);
    expect(session.isSignedIn).toBe(false);
    expect(session.endReason).toBe('ended');
    expect(client.disconnect).toHaveBeenCalled();
  });

  it('a new sign-in clears the reason the last session ended', async () => {
    const { session } = setup();
    await session.signIn('manager', 'demo1234');
    session.end('expired');
    await session.signIn('manager', 'demo1234');
    expect(session.endReason).toBeNull();
  });
});
