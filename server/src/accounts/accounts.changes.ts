import { Fanout } from '../platform/fanout.js';
import type { EventBus } from '../platform/pubsub.js';

export const ACCOUNT_CHANGED = 'ACCOUNT_CHANGED';
export interface AccountChangedPayload {
  userId: number;
  /** The session(s) it applies to are over: the client drops to the sign-in page. */
  signedOut: boolean;
  /** Rights changed or sessions ended: the user's open sockets close (4403) on every instance. */
  closeSockets: boolean;
  /** Only this session (logout). */
  sessionId?: string | null;
  /** Every session but this one (a password changed by its owner). */
  exceptSessionId?: string | null;
}

/** Whether a change concerns a socket or subscription opened by this session. */
export function changeApplies(change: AccountChangedPayload, sessionId: string): boolean {
  if (change.sessionId && change.sessionId !== sessionId) return false;
  return change.exceptSessionId !== sessionId;
}

/** An account's changes on the bus: published by the sessions and users, listened to by sockets. */
export class AccountChanges {
  /** One bus listener per user, however many sockets they have open (issue 17). */
  private readonly changes = new Fanout<AccountChangedPayload>(
    (key) => this.bus.pubSub.subscribe(ACCOUNT_CHANGED, Number(key)) as AsyncIterable<AccountChangedPayload>,
  );

  constructor(private readonly bus: EventBus) {}

  /** This user's account changes that concern this session, from one shared listener per user. */
  subscribe(userId: number, sessionId: string): AsyncIterable<AccountChangedPayload> {
    return this.changes.subscribe(String(userId), (c) => changeApplies(c, sessionId));
  }

  /** Calls `sink` on each change of this user; returns a stop. */
  listen(userId: number, sink: (change: AccountChangedPayload) => void): () => void {
    return this.changes.listen(String(userId), sink);
  }

  publish(change: AccountChangedPayload) {
    this.bus.pubSub.publish(ACCOUNT_CHANGED, change.userId, change);
  }
}
