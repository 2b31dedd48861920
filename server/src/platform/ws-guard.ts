import type { WebSocket } from 'ws';

export interface SendBounds {
  /** Bytes waiting in `ws` (not yet taken by the kernel) past which the socket is closed. */
  maxBuffered: number;
  /** How long a send may wait to be taken by the kernel, without any progress, before the socket is closed. */
  maxStallMs: number;
}

interface SendState {
  /** Sends handed to `ws` whose callback has not run yet. */
  pending: number;
  /** Since when nothing pending has completed (meaningful while `pending` > 0). */
  since: number;
}

/**
 * A socket whose peer stopped reading (a dashboard in a frozen tab) holds every message sent
 * to it in memory. graphql-ws waits for each send's callback before the next message of a
 * subscription, so a stuck peer rarely grows `bufferedAmount`: the backlog piles up upstream
 * instead (the subscription's event queue). Both are bounded here: past `maxBuffered` bytes
 * waiting, or once a send has made no progress for `maxStallMs`, the socket is terminated
 * (its subscriptions end and their queues are freed); other sockets are not slowed.
 * `install` wraps `send` (install before anything else wraps it); `sweep` catches a socket
 * that stalled with nothing more to send (run it on a timer over the server's clients).
 */
export class SendGuard {
  private readonly state = new WeakMap<WebSocket, SendState>();

  constructor(
    private readonly bounds: SendBounds,
    private readonly onOverflow: (info: { buffered: number; stalledMs: number }) => void,
    private readonly now: () => number = Date.now,
  ) {}

  install(socket: WebSocket) {
    const st: SendState = { pending: 0, since: 0 };
    this.state.set(socket, st);
    const send = socket.send.bind(socket) as (...args: unknown[]) => void;
    socket.send = ((...args: unknown[]) => {
      const last = args[args.length - 1];
      const cb = typeof last === 'function' ? (last as (err?: Error) => void) : undefined;
      if (this.check(socket)) {
        cb?.();
        return;
      }
      if (st.pending++ === 0) st.since = this.now();
      const done = (err?: Error) => {
        st.pending -= 1;
        st.since = this.now(); // progress: the next pending send gets its own allowance
        cb?.(err);
      };
      return send(...(cb ? [...args.slice(0, -1), done] : [...args, done]));
    }) as WebSocket['send'];
  }

  /** Whether a send on the socket has not completed yet. */
  busy(socket: WebSocket): boolean {
    return (this.state.get(socket)?.pending ?? 0) > 0;
  }

  /** Terminates the socket if it is past a bound; true when it is (or was already) closed for it. */
  check(socket: WebSocket): boolean {
    // Closing or closed: `ws` itself refuses the send (and reports it to the callback).
    if (socket.readyState !== socket.OPEN && socket.readyState !== socket.CONNECTING) return false;
    const st = this.state.get(socket);
    const stalledMs = st && st.pending > 0 ? this.now() - st.since : 0;
    const buffered = socket.bufferedAmount;
    if (buffered <= this.bounds.maxBuffered && stalledMs <= this.bounds.maxStallMs) return false;
    this.onOverflow({ buffered, stalledMs });
    socket.terminate();
    return true;
  }

  sweep(sockets: Iterable<WebSocket>) {
    for (const s of sockets) this.check(s);
  }
}

/** The open sockets of each user, for the per-user cap and for closing them on a change. */
export class SocketsByUser<S> {
  private readonly byUser = new Map<number, Set<S>>();

  /** Adds a socket; returns the oldest ones beyond `max`, for the caller to close. */
  add(userId: number, socket: S, max: number): S[] {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(socket);
    const evicted: S[] = [];
    for (const s of set) {
      if (set.size - evicted.length <= max) break;
      evicted.push(s);
    }
    for (const s of evicted) set.delete(s);
    return evicted;
  }

  remove(userId: number, socket: S) {
    const set = this.byUser.get(userId);
    if (!set) return;
    set.delete(socket);
    if (!set.size) this.byUser.delete(userId);
  }

  of(userId: number): S[] {
    return [...(this.byUser.get(userId) ?? [])];
  }
}
