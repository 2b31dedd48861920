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
    // A plain iterator, not an async generator: this runs per subscriber and change (issue 17,
    // thousands of sockets), and each generator layer costs its own promises and microtasks.
    // Closing ends the source at once (as endable does), not after its next event.
    let done = false;
    const end = async () => {
      done = true;
      await source.return?.();
    };
    const results: AsyncGenerator<ExecutionResult> = {
      async next() {
        if (done) return { done: true, value: undefined };
        const r = await source.next();
        if (r.done) {
          done = true;
          return { done: true, value: undefined };
        }
        const payload: unknown = r.value;
        if (!shared || payload === null || typeof payload !== 'object') return { done: false, value: await run(payload) };
        let found = cache.get(payload);
        if (!found) cache.set(payload, (found = new Map()));
        const byKey = found;
        let result = byKey.get(key);
        if (!result) {
          const computed = markShareable(run(payload));
          byKey.set(key, (result = computed));
          // Later subscribers take the result itself, without awaiting a promise again.
          void computed.then((value) => byKey.set(key, value), () => undefined);
        }
        return { done: false, value: result instanceof Promise ? await result : result };
      },
      async return() {
        await end();
        return { done: true, value: undefined };
      },
      async throw(err: unknown) {
        await end();
        throw err;
      },
      [Symbol.asyncIterator]: () => results,
    } as AsyncGenerator<ExecutionResult>;
    return results;
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
