import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { boundSendBuffer, SocketsByUser } from './ws-guard.js';

function fakeSocket(buffered: number) {
  const sent: unknown[] = [];
  const s = {
    OPEN: 1,
    CONNECTING: 0,
    readyState: 1,
    bufferedAmount: buffered,
    terminated: false,
    sent,
    send: (data: unknown, cb?: () => void) => {
      sent.push(data);
      cb?.();
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
    for (const s of [stuck, reading]) boundSendBuffer(s as unknown as WebSocket, 4_000_000, (b) => overflows.push(b));
    let called = false;
    (stuck as unknown as WebSocket).send('board', () => (called = true));
    (reading as unknown as WebSocket).send('board');
    expect(stuck.terminated).toBe(true);
    expect(stuck.sent).toEqual([]);
    expect(called).toBe(true);
    expect(overflows).toEqual([5_000_000]);
    expect(reading.terminated).toBe(false);
    expect(reading.sent).toEqual(['board']);
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
