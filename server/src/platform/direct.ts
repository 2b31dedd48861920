/**
 * The direct path of a subscription (issue 17). A change reaches a board subscriber through
 * several async iterators (the fan-out's queue, the live board, the feed, the shared execution,
 * graphql-ws's for-await), each costing promises and microtasks per socket and change. When the
 * whole chain is parked (every layer waits on the one below, nothing queued, the last send done),
 * the value can go straight up instead: each layer hands the one below a `Take` that does in
 * one call what its next() would have done, or refuses (false), in which case the value takes
 * the iterators as usual. A layer refuses whenever it is not parked, so the order of a
 * subscription's messages is the one the iterators would have given. At the top, graphql-ws's
 * onOperation hands a sender for the subscription's socket and id (app.ts).
 */
export type Take<T> = (value: T) => boolean;

/** For tests: switch the path off for subscriptions started from now on; messages it took. */
export const directPath = { enabled: true, taken: 0 };

const hooks = new WeakMap<object, (up: never) => void>();

/** `iterator` accepts a taker from the layer above (a `Take`, or at the top a sender): `attach` keeps it. */
export function offerDirect<U>(iterator: object, attach: (up: U) => void): void {
  hooks.set(iterator, attach as (up: never) => void);
}

/** Gives `up` to `iterator` if it offers a direct path; false when it does not. */
export function attachDirect<U>(iterator: unknown, up: U): boolean {
  if (!directPath.enabled) return false;
  const attach = iterator !== null && typeof iterator === 'object' ? (hooks.get(iterator) as ((up: U) => void) | undefined) : undefined;
  if (!attach) return false;
  attach(up);
  return true;
}
