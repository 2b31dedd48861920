/**
 * A WebSocket stand-in for tests of the live client: each `new` is recorded, and the test
 * plays the server (open, acknowledge, send, close) by hand. Nothing happens on its own,
 * so tests decide every step and the clock stays fake.
 */
export class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeWebSocket[] = [];

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static get last(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }

  readyState = FakeWebSocket.CONNECTING;
  /** Messages the client sent, parsed. */
  sent: Array<{ type: string; id?: string; payload?: Record<string, unknown> }> = [];
  closedWith: { code: number; reason: string } | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as FakeWebSocket['sent'][number]);
  }

  /** The client closes (dispose, or a protocol error). */
  close(code = 1000, reason = ''): void {
    if (this.readyState === FakeWebSocket.CLOSED) return;
    this.closedWith = { code, reason };
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.({ code, reason, wasClean: true });
  }

  // ---- the server's side ---------------------------------------------------------------

  open(): void {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.({});
  }

  receive(message: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  ack(): void {
    this.receive({ type: 'connection_ack' });
  }

  /** The server (or the network) ends the connection. */
  drop(code = 1006, reason = ''): void {
    if (this.readyState === FakeWebSocket.CLOSED) return;
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.({ code, reason, wasClean: code !== 1006 });
  }

  /** What a browser does when the server cannot be reached: `error`, then `close` 1006. */
  fail(): void {
    this.onerror?.({ type: 'error' });
    this.drop(1006);
  }

  subscriptions(): Array<{ id: string; query: string }> {
    return this.sent
      .filter((m) => m.type === 'subscribe')
      .map((m) => ({ id: m.id!, query: String(m.payload?.query) }));
  }
}
