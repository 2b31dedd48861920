/**
 * An async iterator without async-generator machinery: the subscription layers run per
 * subscriber and change (issue 17, thousands of sockets), where each generator layer costs its
 * own promises and microtasks. `end` runs on return() and throw(), at once (as endable does).
 */
export function plainIterator<T>(next: () => Promise<IteratorResult<T, undefined>>, end: () => Promise<void>): AsyncGenerator<T> {
  const it: AsyncGenerator<T> = {
    next,
    async return() {
      await end();
      return { done: true, value: undefined };
    },
    async throw(err: unknown) {
      await end();
      throw err;
    },
    [Symbol.asyncIterator]: () => it,
  } as AsyncGenerator<T>;
  return it;
}
