/**
 * An async generator asked to `return()` while it awaits (a subscription waiting for the next
 * event) only ends once that await settles: a closed dashboard's subscription, its context
 * and its event listener stayed in memory until the site's next change. This wrapper ends
 * `upstream` (the iterator being awaited) first, so the await settles at once and the
 * generator's own `return()` completes now.
 */
export function endable<T>(gen: AsyncGenerator<T>, upstream: () => AsyncIterator<unknown> | undefined): AsyncGenerator<T> {
  const wrapper: AsyncGenerator<T> = {
    next: (...args) => gen.next(...args),
    async return(value) {
      await upstream()?.return?.();
      return gen.return(value as T);
    },
    async throw(err) {
      await upstream()?.return?.();
      return gen.throw(err);
    },
    [Symbol.asyncIterator]: () => wrapper,
    // Node 20 types: AsyncGenerator may declare asyncDispose.
  } as AsyncGenerator<T>;
  return wrapper;
}
