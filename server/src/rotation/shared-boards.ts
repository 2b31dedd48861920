import type { Clock } from '../platform/clock.js';

/** How long a first board is handed to more subscribers (real time and clock time alike). */
export const SHARED_BOARD_MS = 1000;

/**
 * The first board of a board subscription, built once for every subscriber that connects to
 * the same site at the same seq and catch-up point within SHARED_BOARD_MS (issue 17: 5,000
 * dashboards connecting each read and projected the whole board, and executed and serialized
 * it). One object for all also lets the feed's changes, the GraphQL result and its bytes be
 * computed once (they are cached per board object). A board only changes with its seq, but
 * for the clock (shifts starting and ending) and for settings, shifts and names, which the
 * feed never announced between changes either; the scheduler's own edits forget the boards.
 */
export class SharedBoards<T> {
  private readonly entries = new Map<string, { real: number; clock: number; board: Promise<T> }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = SHARED_BOARD_MS,
    private readonly realNow: () => number = () => performance.now(),
  ) {}

  /** The board of `key` built within the last ttlMs (or being built), else `build()`'s. */
  get(key: string, build: () => Promise<T>): Promise<T> {
    const real = this.realNow();
    const clock = this.clock.now().getTime();
    const fresh = (e: { real: number; clock: number }) => real - e.real < this.ttlMs && Math.abs(clock - e.clock) < this.ttlMs;
    const hit = this.entries.get(key);
    if (hit && fresh(hit)) return hit.board;
    for (const [k, e] of this.entries) if (!fresh(e)) this.entries.delete(k);
    const entry = { real, clock, board: build() };
    this.entries.set(key, entry);
    // A failed build is not handed to anyone who comes later.
    entry.board.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.board;
  }

  /** Builds from now on (settings or shifts changed through this process). */
  forget(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
