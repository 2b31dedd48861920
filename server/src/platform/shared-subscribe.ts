import {
  createSourceEventStream,
  execute,
  getOperationAST,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { WebSocket } from 'ws';
import { attachDirect, directPath, offerDirect, type Take } from './direct.js';
import { traceSend } from './fanout-trace.js';
import { plainIterator } from './plain-iterator.js';

/**
 * graphql-js executes a subscription's selection once per subscriber and event. For
 * fields whose payload is the same for everyone (the floor board: built once per change,
 * no per-viewer field), the result is computed once per payload object and document and
 * shared by every subscriber that asked for the same thing.
 */
/** Results computed once and sent to several subscribers. */
const shareable = new WeakSet<object>();

/** Checked documents are shared between sockets (documentChecker): each is printed once. */
const prints = new WeakMap<DocumentNode, string>();
function printed(document: DocumentNode): string {
  let text = prints.get(document);
  if (text === undefined) prints.set(document, (text = print(document)));
  return text;
}

export function sharedSubscribe(sharedFields: string[]) {
  const cache = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  return async (args: ExecutionArgs) => {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream;
    const op = getOperationAST(args.document, args.operationName);
    const field = op?.selectionSet.selections[0];
    const shared = field?.kind === 'Field' && op!.selectionSet.selections.length === 1 && sharedFields.includes(field.name.value);
    // The arguments only pick the stream; the selection and its directives pick the result.
    const { afterSeq: _a, ...vars } = (args.variableValues ?? {}) as Record<string, unknown>;
    const key = shared ? `${printed(args.document)}\n${args.operationName ?? ''}\n${JSON.stringify(vars)}` : '';
    const run = (payload: unknown) => execute({ ...args, rootValue: payload });
    /** This subscription's result for an event: for a shared field, computed once for all. */
    const resultOf = (payload: unknown): Promise<ExecutionResult> | ExecutionResult => {
      if (!shared || payload === null || typeof payload !== 'object') return run(payload);
      let found = cache.get(payload);
      if (!found) cache.set(payload, (found = new Map()));
      const byKey = found;
      let result = byKey.get(key);
      if (!result) {
        const computed = run(payload);
        if (computed instanceof Promise) {
          byKey.set(key, (result = computed));
          // Later subscribers take the result itself, without awaiting a promise again.
          void computed.then(
            (value) => {
              shareable.add(value);
              byKey.set(key, value);
            },
            () => undefined,
          );
        } else {
          shareable.add(computed);
          byKey.set(key, (result = computed));
        }
      }
      return result;
    };
    const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    let done = false;
    /** Direct sends whose result was still being computed: a later message goes after them. */
    let behind: Promise<void> | null = null;
    // A plain iterator, not an async generator (issue 17). Closing ends the source at once.
    const results = plainIterator<ExecutionResult>(
      async () => {
        if (done) return { done: true, value: undefined };
        const r = await source.next();
        if (r.done) {
          // Direct sends still on their way go before graphql-ws's `complete`.
          if (behind) await behind;
          done = true;
          return { done: true, value: undefined };
        }
        const result = resultOf(r.value);
        const value = result instanceof Promise ? await result : result;
        if (behind) await behind;
        return { done: false, value };
      },
      async () => {
        done = true;
        await source.return?.();
      },
    );
    let sender: DirectSender | undefined;
    offerDirect<DirectSender>(results, (s) => (sender = s));
    // The direct path (see direct.ts): only shared results (computed once per change) go that way.
    if (shared) {
      attachDirect<Take<unknown>>(source, (payload) => {
        if (done || !sender?.ready() || payload === null || typeof payload !== 'object') return false;
        const result = resultOf(payload);
        directPath.taken += 1;
        if (!(result instanceof Promise) && !behind) {
          sender.send(result);
          return true;
        }
        const s = sender;
        const sent = (behind ?? Promise.resolve())
          .then(() => result)
          .then((value) => {
            if (!done) s.send(value);
          })
          .catch((err: unknown) => s.fail(err));
        behind = sent;
        void sent.then(() => {
          if (behind === sent) behind = null;
        });
        return true;
      });
    }
    return results;
  };
}

/** Where a subscription's direct path sends (app.ts: its socket and id). */
export interface DirectSender {
  /** Whether a message may go now: the socket is open and has nothing pending (as graphql-ws waits). */
  ready(): boolean;
  send(result: ExecutionResult): void;
  fail(err: unknown): void;
}

// ---- serialized once -------------------------------------------------------------------------
// graphql-ws stringifies every `next` message per subscriber, and `ws` encodes the string per
// socket: at thousands of subscribers that is most of a change's fan-out. A shared result is
// serialized once to UTF-8 bytes; graphql-ws is handed a stand-in that stringifies to a
// placeholder, and the socket swaps the placeholder for the bytes. JSON.stringify → send runs
// synchronously inside graphql-ws, so the bytes handed over in toJSON are the ones this send
// needs.

const PLACEHOLDER = '\u0000shared-result';
const PLACEHOLDER_TAIL = `"payload":${JSON.stringify(PLACEHOLDER)}}`;
let handedOver: Buffer | null = null;

class SerializedResult {
  /** The result's JSON and the message's closing brace. */
  constructor(readonly bytes: Buffer) {}
  toJSON() {
    handedOver = this.bytes;
    return PLACEHOLDER;
  }
}

const serialized = new WeakMap<object, SerializedResult>();

/**
 * graphql-ws `onNext`: for a result shared by subscribers (and without errors, whose JSON
 * graphql-ws formats itself), the stand-in serialized once; otherwise nothing (sent as usual).
 */
export function serializedOnce(result: ExecutionResult): SerializedResult | undefined {
  if (!shareable.has(result) || result.errors) return undefined;
  let s = serialized.get(result);
  if (!s) serialized.set(result, (s = new SerializedResult(Buffer.from(`${JSON.stringify(result)}}`))));
  return s;
}

/** Lets a socket send a stand-in's bytes in place of its placeholder (register before useServer). */
export function sendSerializedResults(socket: WebSocket) {
  const send = socket.send.bind(socket) as (data: unknown, options: object, cb?: (err?: Error) => void) => void;
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    const cb = typeof rest[rest.length - 1] === 'function' ? (rest[rest.length - 1] as (err?: Error) => void) : undefined;
    if (handedOver && typeof data === 'string' && data.endsWith(PLACEHOLDER_TAIL)) {
      const tail = handedOver;
      handedOver = null;
      traceSend();
      // One frame: this subscriber's head, then the shared bytes, copied into one buffer (a change
      // is a few KB); `ws` writes its header and the buffer to the kernel at once. Two frames
      // cost twice the framing and writes per socket (issue 17: thousands of sockets a change).
      const head = data.slice(0, data.length - PLACEHOLDER_TAIL.length) + '"payload":';
      const message = Buffer.allocUnsafe(Buffer.byteLength(head) + tail.length);
      tail.copy(message, message.write(head, 0, 'utf8'));
      return send(message, { binary: false }, cb);
    }
    return (send as (...a: unknown[]) => void)(data, ...rest);
  }) as WebSocket['send'];
}

/**
 * The direct path's sends for subscription `id` on `socket`: the message graphql-ws would have
 * sent for `result`, byte for byte (a shared result's bytes serialized once), without its
 * per-subscription await chain. `busy` tells whether a send on the socket is still pending.
 */
export function directSender(socket: WebSocket, id: string, busy: (socket: WebSocket) => boolean): DirectSender {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  const headBytes = Buffer.from(head);
  return {
    ready: () => socket.readyState === socket.OPEN && !busy(socket),
    send(result) {
      if (socket.readyState !== socket.OPEN) return;
      const once = serializedOnce(result);
      let message: Buffer | string;
      if (once) {
        traceSend();
        message = Buffer.allocUnsafe(headBytes.length + once.bytes.length);
        headBytes.copy(message);
        once.bytes.copy(message, headBytes.length);
      } else {
        const { errors, ...rest } = result;
        message = `${head}${JSON.stringify(errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest)}}`;
      }
      // Errors end the socket, which ends its subscriptions (as a failed send in graphql-ws does).
      socket.send(message, { binary: false }, () => undefined);
    },
    fail: () => socket.close(1011, 'Internal server error'),
  };
}
