import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { SendGuard, SocketsByUser } from './ws-guard.js';

function fakeSocket(buffered: number) {
  const sent: unknown[] = [];
  /** Send callbacks not called yet: the kernel has not taken these bytes. */
  const waiting: Array<() => void> = [];
  const s = {
    OPEN: 1,
    CONNECTING: 0,
    CLOSED: 3,
    readyState: 1,
    bufferedAmount: buffered,
    terminated: false,
    sent,
    waiting,
    send: (data: unknown, cb?: () => void) => {
      sent.push(data);
      if (cb) waiting.push(cb);
    },
    /** The peer reads: every waiting send completes. */
    drain() {
      waiting.splice(0).forEach((cb) => cb());
    },
    terminate() {
      this.terminated = true;
      this.readyState = 3;
    },
  };
  return s;
}

describe('WebSocket guards', () => {
  it('a socket whose backlog passed the bound is terminated and the message dropped; another is not touched', () => {
    const stuck = fakeSocket(5_000_000);
    const reading = fakeSocket(0);
    const overflows: number[] = [];
    const guard = new SendGuard({ maxBuffered: 4_000_000, maxStallMs: 10_000 }, (i) => overflows.push(i.buffered));
    for (const s of [stuck, reading]) guard.install(s as unknown as WebSocket);
    let called = false;
    (stuck as unknown as WebSocket).send('board', () => (called = true));
    (reading as unknown as WebSocket).send('board');
    reading.drain();
    expect(stuck.terminated).toBe(true);
    expect(stuck.sent).toEqual([]);
    expect(called).toBe(true);
    expect(overflows).toEqual([5_000_000]);
    expect(reading.terminated).toBe(false);
    expect(reading.sent).toEqual(['board']);
  });

  it('a send that makes no progress past the stall bound closes the socket, on the next send or on the sweep; one that progresses does not', () => {
    let now = 0;
    const stalled: number[] = [];
    const guard = new SendGuard({ maxBuffered: 4_000_000, maxStallMs: 1_000 }, (i) => stalled.push(i.stalledMs), () => now);
    const stuck = fakeSocket(0);
    const slow = fakeSocket(0);
    const idle = fakeSocket(0);
    for (const s of [stuck, slow, idle]) guard.install(s as unknown as WebSocket);
    const send = (s: ReturnType<typeof fakeSocket>) => (s as unknown as WebSocket).send('board', () => undefined);
    send(stuck);
    send(slow);
    send(idle);
    idle.drain();
    now = 800;
    slow.drain(); // progress within the bound: a new allowance
    send(slow);
    now = 1_500;
    guard.sweep([stuck, slow, idle] as unknown as WebSocket[]);
    expect(stuck.terminated).toBe(true);
    expect(stalled).toEqual([1_500]);
    expect(slow.terminated).toBe(false);
    expect(idle.terminated).toBe(false);
    // Past the bound, the next send itself closes the socket without sending.
    now = 2_000;
    send(slow);
    expect(slow.terminated).toBe(true);
    expect(slow.sent).toEqual(['board', 'board']);
    // Nothing pending is never a stall, however long it stays quiet.
    now = 100_000;
    guard.sweep([idle] as unknown as WebSocket[]);
    expect(idle.terminated).toBe(false);
  });

  it('sockets per user: past the cap the oldest are handed back to be closed', () => {
    const reg = new SocketsByUser<string>();
    expect(reg.add(1, 'a', 2)).toEqual([]);
    expect(reg.add(1, 'b', 2)).toEqual([]);
    expect(reg.add(2, 'x', 2)).toEqual([]);
    expect(reg.add(1, 'c', 2)).toEqual(['a']);
    expect(reg.of(1)).toEqual(['b', 'c']);
    reg.remove(1, 'b');
    expect(reg.of(1)).toEqual(['c']);
  });
});
