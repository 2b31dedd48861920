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
import { endable } from './endable.js';
import { traceSend } from './fanout-trace.js';

/**
 * graphql-js executes a subscription's selection once per subscriber and event. For
 * fields whose payload is the same for everyone (the floor board: built once per change,
 * no per-viewer field), the result is computed once per payload object and document and
 * shared by every subscriber that asked for the same thing.
 */
/** Results computed once and sent to several subscribers. */
const shareable = new WeakSet<object>();

async function markShareable(result: Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> {
  const r = await result;
  shareable.add(r);
  return r;
}

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
    const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    // Closing ends the source at once (see endable), not after its next event.
    return endable((async function* () {
      for await (const payload of { [Symbol.asyncIterator]: () => source }) {
        if (!shared || payload === null || typeof payload !== 'object') {
          yield await run(payload);
          continue;
        }
        let results = cache.get(payload);
        if (!results) cache.set(payload, (results = new Map()));
        let result = results.get(key);
        if (!result) results.set(key, (result = markShareable(run(payload))));
        yield await result;
      }
    })(), () => source);
  };
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
      // One text message in two frames: this subscriber's head, then the shared bytes (no copy),
      // corked into one write to the kernel (at thousands of sockets, writes are most of a change).
      const raw = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      raw?.cork();
      try {
        send(data.slice(0, data.length - PLACEHOLDER_TAIL.length) + '"payload":', { binary: false, fin: false });
        return send(tail, { binary: false, fin: true }, cb);
      } finally {
        raw?.uncork();
      }
    }
    return (send as (...a: unknown[]) => void)(data, ...rest);
  }) as WebSocket['send'];
}
