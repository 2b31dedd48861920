import type { WebSocket } from 'ws';

/**
 * A socket whose peer stopped reading (a dashboard in a frozen tab) holds every message sent
 * to it in memory. Past `maxBuffered` bytes waiting it is terminated, and the message dropped;
 * other sockets are not slowed. Wraps `send` (install before anything else wraps it).
 */
export function boundSendBuffer(socket: WebSocket, maxBuffered: number, onOverflow: (buffered: number) => void) {
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  socket.send = ((...args: unknown[]) => {
    if (socket.bufferedAmount > maxBuffered) {
      const cb = args[args.length - 1];
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
        onOverflow(socket.bufferedAmount);
        socket.terminate();
      }
      if (typeof cb === 'function') (cb as () => void)();
      return;
    }
    return send(...args);
  }) as WebSocket['send'];
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
