import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { GraphQLRequestError, useClient } from '@/composables/use-client';
import { homeFor } from '@/composables/use-permissions';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  type SessionUserFragment,
} from '@/graphql/generated/graphql';

export type SessionUser = SessionUserFragment;

/**
 * Why the last session ended, for the sign-in page:
 * signedOut — the user asked; expired — the token ran out or the server refused it;
 * ended — an administrator disabled the account or reset its password.
 */
export type EndReason = 'signedOut' | 'expired' | 'ended';

export const SESSION_STORAGE_KEY = 'reception.session';

interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

// setTimeout holds at most 2^31-1 ms (~24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

function readStored(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'string' || !parsed.user)
      return null;
    return parsed as StoredSession;
  } catch {
    return null;
  }
}

/** The signed-in user and their token; opens the live socket while a session lasts. */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(null);
  const expiresAt = ref<string | null>(null);
  const user = shallowRef<SessionUser | null>(null);
  const endReason = ref<EndReason | null>(null);
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const isSignedIn = computed(() => token.value !== null && user.value !== null);
  const roles = computed(() => user.value?.roles ?? []);
  const home = computed(() => homeFor(roles.value));

  function persist() {
    try {
      if (token.value && expiresAt.value && user.value) {
        const stored: StoredSession = {
          token: token.value,
          expiresAt: expiresAt.value,
          user: user.value,
        };
        localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(stored));
      } else {
        localStorage.removeItem(SESSION_STORAGE_KEY);
      }
    } catch {
      // Storage unavailable: the session lasts as long as the page.
    }
  }

  function scheduleExpiry() {
    clearTimeout(expiryTimer);
    if (!expiresAt.value) return;
    const ms = Date.parse(expiresAt.value) - Date.now();
    if (!(ms > 0)) {
      end('expired');
      return;
    }
    expiryTimer = setTimeout(
      () => (ms > MAX_TIMER_MS ? scheduleExpiry() : end('expired')),
      Math.min(ms, MAX_TIMER_MS),
    );
  }

  function begin(session: StoredSession) {
    token.value = session.token;
    expiresAt.value = session.expiresAt;
    user.value = session.user;
    endReason.value = null;
    persist();
    scheduleExpiry();
    if (token.value) useClient().connect();
  }

  /** Throws GraphQLRequestError (UNAUTHENTICATED for a wrong password or a disabled account). */
  async function signIn(username: string, password: string): Promise<void> {
    const { login } = await useClient().request(
      LoginDocument,
      { input: { username: username.trim(), password } },
      { anonymous: true },
    );
    begin({ token: login.token, expiresAt: login.expiresAt, user: login.user });
  }

  /**
   * Picks up the session kept in this browser, if it has not expired, and checks it with
   * the server. Offline, the kept user stands until the server can be asked.
   */
  async function restore(): Promise<void> {
    const stored = readStored();
    if (!stored) return;
    if (!(Date.parse(stored.expiresAt) > Date.now())) {
      try {
        localStorage.removeItem(SESSION_STORAGE_KEY);
      } catch {
        // ignore
      }
      return;
    }
    begin(stored);
    try {
      await refreshUser();
    } catch (err) {
      // UNAUTHENTICATED already ended the session through the client's hook.
      if (!(err instanceof GraphQLRequestError) || err.code !== 'NETWORK') end('expired');
    }
  }

  async function refreshUser(): Promise<void> {
    if (!token.value) return;
    const { me } = await useClient().request(MeDocument);
    setUser(me);
  }

  function setUser(next: SessionUser) {
    if (!token.value) return;
    user.value = next;
    persist();
  }

  let signingOut = false;

  /** The user signs out: the server forgets the token, the socket closes. */
  async function signOut(): Promise<void> {
    // The server closes this user's sockets (4403) as it forgets the token, often before the
    // reply arrives: that close is this sign-out, not an expiry to come back from.
    signingOut = true;
    try {
      if (token.value) {
        try {
          await useClient().request(LogoutDocument);
        } catch {
          // Already invalid or unreachable: signing out here is what matters.
        }
      }
      end('signedOut');
    } finally {
      signingOut = false;
    }
  }

  /** Ends the session in this browser (no server call): expiry, 4403, account disabled. */
  function end(given: EndReason) {
    const reason: EndReason = signingOut ? 'signedOut' : given;
    clearTimeout(expiryTimer);
    expiryTimer = undefined;
    const wasSignedIn = token.value !== null;
    token.value = null;
    expiresAt.value = null;
    user.value = null;
    persist();
    useClient().disconnect();
    if (wasSignedIn || reason === 'signedOut') endReason.value = reason;
  }

  return {
    token,
    expiresAt,
    user,
    endReason,
    isSignedIn,
    roles,
    home,
    signIn,
    restore,
    refreshUser,
    setUser,
    signOut,
    end,
  };
});
