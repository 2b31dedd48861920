import { Between, LessThan, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { takesRowLocks } from '../platform/db/locks.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { Logger } from '../platform/logger.js';
import { isDuplicateKey } from '../platform/errors.js';
import { NextRead } from '../platform/next-read.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import { initialState, liveUndoEntries, replay, restoreState, type RotationEvent, type RotationState } from './domain/index.js';
import { RotationEventEntity, RotationHeadEntity, RotationSnapshotEntity } from './rotation.entity.js';
import type { StoredEvent } from './rotation.view.js';

/**
 * A snapshot of the folded state is written every this many events (and on a new day), not on
 * every change: it grows to ~2 MiB through a busy day. Readers without the state in memory fold
 * the events after it, ~10 µs each: at most ~10 ms for a site's first read.
 */
export const SNAPSHOT_EVERY = 1000;

export type Head = Pick<RotationHeadEntity, 'siteId' | 'lastSeq'>;

/** The newest snapshot of a site that this process knows of (read, written or looked up). */
type SnapshotMark = Pick<RotationSnapshotEntity, 'seq' | 'day'>;

/** The floor log's head row (the site's lock), the snapshots, and each site's folded state. */
export class FloorStates {
  /** Each site's folded state as last committed, as this process knows it (state.seq = lastSeq). */
  private readonly states = new Map<number, RotationState>();
  private readonly headReads = new NextRead<number, Head | null>();
  private readonly marks = new Map<number, SnapshotMark>();
  /** Each site's snapshot write in progress: one at a time. */
  private readonly writing = new Map<number, Promise<void>>();

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  /**
   * After a commit: the committed state's snapshot when one is due, written in the background
   * after the commands' answers and outside the site's lock (issue 17: written under it, ~2 MiB
   * late in a busy day held every instance's commands for tens of milliseconds). A state is
   * never changed once committed, so it can be serialized later. A failed write is logged and
   * tried again after a later commit; meanwhile readers fold the log after the older snapshot.
   */
  snapshotLater(siteId: number, state: RotationState): void {
    if (!this.due(siteId, state) || this.writing.has(siteId)) return;
    const write = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.writeSnapshot(siteId, state))
      .catch((err: unknown) => this.logger?.warn({ err, siteId, seq: state.seq }, 'floor snapshot not written; readers fold the log after the previous one'))
      .finally(() => this.writing.delete(siteId));
    this.writing.set(siteId, write);
  }

  /** Waits for the snapshot writes in progress (a stopping server, tests). */
  async snapshotsWritten(): Promise<void> {
    await Promise.all(this.writing.values());
  }

  private due(siteId: number, state: RotationState): boolean {
    const mark = this.marks.get(siteId);
    return !mark || (state.seq > mark.seq && (state.seq - mark.seq >= SNAPSHOT_EVERY || state.day !== mark.day));
  }

  private learn(siteId: number, mark: SnapshotMark): void {
    const known = this.marks.get(siteId);
    if (!known || known.seq < mark.seq) this.marks.set(siteId, { seq: mark.seq, day: mark.day });
  }

  private async writeSnapshot(siteId: number, state: RotationState): Promise<void> {
    await this.tx.run(async (em) => {
      // Another instance may have written one since: a small read before the large write.
      const stored = await em.findOne(RotationSnapshotEntity, { where: { siteId }, select: { seq: true, day: true } });
      this.learn(siteId, stored ?? { seq: 0, day: null });
      if (!this.due(siteId, state)) return;
      const row = { seq: state.seq, day: state.day, snapshot: JSON.stringify(state), updatedAt: this.clock.now() };
      if (!stored) {
        try {
          await em.insert(RotationSnapshotEntity, { siteId, ...row });
        } catch (err) {
          // Another instance's first snapshot went in first: it serves as well.
          if (isDuplicateKey(err)) return;
          throw err;
        }
      } else if (em.connection.options.type !== 'mysql') {
        await em.update(RotationSnapshotEntity, { siteId, seq: LessThan(state.seq) }, row);
      } else {
        // A prepared-statement parameter: the text protocol would escape ~2 MiB character by character.
        const sql = 'UPDATE `rotation_snapshots` SET `seq` = ?, `day` = ?, `snapshot` = ?, `updatedAt` = ? WHERE `siteId` = ? AND `seq` < ?';
        await executePrepared(em, sql, [row.seq, row.day, row.snapshot, row.updatedAt, siteId, row.seq]);
      }
      this.learn(siteId, row);
    });
  }

  /** The site's lock row, created on first use. */
  async lockHead(em: EntityManager, siteId: number): Promise<Head> {
    const lock = () => HEAD_LOCKED.first(em, { siteId });
    const found = await lock();
    if (found) return found;
    try {
      await em.insert(RotationHeadEntity, { siteId, lastSeq: 0, updatedAt: this.clock.now() });
    } catch (err) {
      // Another transaction created it first; its row lock now orders us after it. Anything
      // else (a deadlock between two first inserts) rolled the transaction back: retry it.
      if (!isDuplicateKey(err)) throw err;
    }
    return (await lock())!;
  }

  /**
   * The site's state at the head: this process's copy caught up with the events appended since
   * (another instance's, or the previous command's when MariaDB grants the lock before that
   * command hears its commit), else the snapshot folded forward. Only committed states are
   * kept: an unlocked SQLite read shares the connection with a transaction in progress.
   */
  async stateAt(em: EntityManager, siteId: number, head: Head, locked: boolean): Promise<RotationState> {
    const known = this.states.get(siteId);
    let state: RotationState;
    if (known && known.seq <= head.lastSeq && head.lastSeq - known.seq <= SNAPSHOT_EVERY) {
      state = await this.foldLog(em, siteId, known, head.lastSeq);
    } else {
      const row = await em.findOne(RotationSnapshotEntity, { where: { siteId } });
      if (row) this.learn(siteId, row);
      const snapshot = row ? restoreState(row.snapshot) : initialState();
      // Unlocked, the head may have been read before a newer snapshot was written.
      state = await this.foldLog(em, siteId, snapshot, Math.max(head.lastSeq, snapshot.seq));
    }
    if (locked || em.connection.options.type === 'mysql') this.remember(siteId, state);
    return state;
  }

  /** The site's state at its current head, for reads (no lock); `shared`: one head read for the callers of this moment. */
  async currentState(siteId: number, shared = false): Promise<RotationState> {
    const read = () => HEAD.first(this.ds.manager, { siteId });
    const head = await (shared ? this.headReads.get(siteId, read) : read());
    return head ? this.stateAt(this.ds.manager, siteId, head, false) : initialState();
  }

  /** `base` folded forward with the stored events after it, up to `upto`. */
  private async foldLog(em: EntityManager, siteId: number, base: RotationState, upto: number): Promise<RotationState> {
    if (base.seq >= upto) return base;
    const rows = await LOG_BETWEEN.rows(em, { siteId, from: base.seq + 1, upto });
    const state = replay(
      rows.map((r) => JSON.parse(r.payload) as RotationEvent),
      base,
    );
    if (state.seq !== upto) throw new Error(`The floor log of site ${siteId} ends at ${state.seq}, its head says ${upto}`);
    return state;
  }

  /** Keeps a committed state for the next command; never goes back to an older one. */
  remember(siteId: number, state: RotationState) {
    if ((this.states.get(siteId)?.seq ?? -1) < state.seq) this.states.set(siteId, state);
  }

  /** Events after `afterSeq` (a reconnecting subscriber's catch-up). */
  async eventsAfter(siteId: number, afterSeq: number, uptoSeq?: number): Promise<StoredEvent[]> {
    const rows = await this.ds.getRepository(RotationEventEntity).find({
      where: { siteId, seq: uptoSeq === undefined ? MoreThan(afterSeq) : Between(afterSeq + 1, uptoSeq) },
      order: { seq: 'ASC' },
    });
    return rows.map(toStored);
  }
}

// Issue 17: read on every floor command; built once (see Prebuilt).
const headRow = (locked: boolean) =>
  new Prebuilt<Head, 'siteId'>(
    ['siteId'],
    { siteId: [RotationHeadEntity, 'h', 'siteId'], lastSeq: [RotationHeadEntity, 'h', 'lastSeq'] },
    (qb, ds) => {
      qb.from(RotationHeadEntity, 'h').where('h.siteId = :siteId');
      return locked && takesRowLocks(ds.manager) ? qb.setLock('pessimistic_write') : qb;
    },
  );
const HEAD = headRow(false);
const HEAD_LOCKED = headRow(true);

const LOG_BETWEEN = new Prebuilt<Pick<RotationEventEntity, 'payload'>, 'siteId' | 'from' | 'upto'>(
  ['siteId', 'from', 'upto'],
  { payload: [RotationEventEntity, 'e', 'payload'] },
  (qb) => qb.from(RotationEventEntity, 'e').where('e.siteId = :siteId AND e.seq BETWEEN :from AND :upto').orderBy('e.seq', 'ASC'),
);

export function toStored(r: RotationEventEntity): StoredEvent {
  return { seq: r.seq, event: JSON.parse(r.payload) as RotationEvent };
}

export function undoableSeqs(state: RotationState): Set<number> {
  return new Set(liveUndoEntries(state).map((u) => u.seq));
}

/** One statement on the transaction's own connection (mysql2's callback API), as a prepared statement. */
async function executePrepared(em: EntityManager, sql: string, values: unknown[]): Promise<void> {
  const conn = (await em.queryRunner!.connect()) as { execute(sql: string, values: unknown[], cb: (err: Error | null) => void): void };
  await new Promise<void>((resolve, reject) => conn.execute(sql, values, (err) => (err ? reject(err) : resolve())));
}
