import type { DataSource, EntityManager } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import type { Transactions } from '../platform/db/transaction.js';
import type { Logger } from '../platform/logger.js';
import { initialState, type RotationState } from './domain/index.js';
import { FloorStates, SNAPSHOT_EVERY } from './rotation.state.js';

/** A state at `seq` on `day` (only what a snapshot's bookkeeping reads). */
const at = (seq: number, day = '2025-03-10'): RotationState => ({ ...initialState(), seq, day });

/** FloorStates over a stub transaction: the snapshot rows it writes, and a switch to make a write fail. */
function floorWithStubStore() {
  const written: Array<{ seq: number; day: string | null }> = [];
  let stored: { seq: number; day: string | null } | null = null;
  const store = { failNext: false, written, reads: 0 };
  const em = {
    connection: { options: { type: 'better-sqlite3' } },
    findOne: async () => {
      store.reads += 1;
      return stored;
    },
    insert: async (_: unknown, row: { seq: number; day: string | null }) => {
      if (store.failNext) {
        store.failNext = false;
        throw new Error('disk I/O error');
      }
      stored = { seq: row.seq, day: row.day };
      written.push(stored);
    },
    update: async (_: unknown, __: unknown, row: { seq: number; day: string | null }) => {
      stored = { seq: row.seq, day: row.day };
      written.push(stored);
    },
  } as unknown as EntityManager;
  const tx = { run: <T>(work: (em: EntityManager) => Promise<T>) => work(em) } as unknown as Transactions;
  const warn = vi.fn();
  const floor = new FloorStates({} as DataSource, tx, { now: () => new Date() }, { warn } as unknown as Logger);
  return { floor, store, warn };
}

describe('the floor snapshot, written after the commit (issue 17)', () => {
  it('R15: written on a new day and every SNAPSHOT_EVERY events, one write at a time per site', async () => {
    const { floor, store } = floorWithStubStore();
    floor.snapshotLater(1, at(3));
    // A commit while that write is in progress does not start a second one.
    floor.snapshotLater(1, at(4));
    await floor.snapshotsWritten();
    expect(store.written).toEqual([{ seq: 3, day: '2025-03-10' }]);
    expect(store.reads).toBe(1);
    floor.snapshotLater(1, at(3 + SNAPSHOT_EVERY - 1));
    await floor.snapshotsWritten();
    expect(store.written).toHaveLength(1);
    floor.snapshotLater(1, at(3 + SNAPSHOT_EVERY));
    await floor.snapshotsWritten();
    floor.snapshotLater(1, at(3 + SNAPSHOT_EVERY + 1, '2025-03-11'));
    await floor.snapshotsWritten();
    expect(store.written.map((w) => w.seq)).toEqual([3, 3 + SNAPSHOT_EVERY, 4 + SNAPSHOT_EVERY]);
  });

  it('R15: a failed write fails no command: it is logged, and the next commit writes the snapshot', async () => {
    const { floor, store, warn } = floorWithStubStore();
    store.failNext = true;
    floor.snapshotLater(1, at(5));
    await floor.snapshotsWritten();
    expect(store.written).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ siteId: 1, seq: 5 });
    floor.snapshotLater(1, at(6));
    await floor.snapshotsWritten();
    expect(store.written).toEqual([{ seq: 6, day: '2025-03-10' }]);
  });
});
