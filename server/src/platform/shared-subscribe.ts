import {
  createSourceEventStream,
  execute,
  getOperationAST,
  print,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';

/**
 * graphql-js executes a subscription's selection once per subscriber and event. For
 * fields whose payload is the same for everyone (the floor board: built once per change,
 * no per-viewer field), the result is computed once per payload object and document and
 * shared by every subscriber that asked for the same thing.
 */
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
    const key = shared ? `${print(args.document)}\n${args.operationName ?? ''}\n${JSON.stringify(vars)}` : '';
    const run = (payload: unknown) => execute({ ...args, rootValue: payload });
    return (async function* () {
      for await (const payload of stream as AsyncIterable<unknown>) {
        if (!shared || payload === null || typeof payload !== 'object') {
          yield await run(payload);
          continue;
        }
        let results = cache.get(payload);
        if (!results) cache.set(payload, (results = new Map()));
        let result = results.get(key);
        if (!result) results.set(key, (result = run(payload)));
        yield await result;
      }
    })();
  };
}
