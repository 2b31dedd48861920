import { Between, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { takesRowLocks } from '../platform/db/locks.js';
import type { Clock } from '../platform/clock.js';
import { isDuplicateKey } from '../platform/errors.js';
import { NextRead } from '../platform/next-read.js';
import { Prebuilt } from '../platform/db/prebuilt.js';
import { initialState, liveUndoEntries, replay, restoreState, type RotationEvent, type RotationState } from './domain/index.js';
import { RotationEventEntity, RotationHeadEntity } from './rotation.entity.js';
import type { StoredEvent } from './rotation.view.js';

/**
 * The head's snapshot is rewritten every this many events (and on a new day), not on every
 * change: it grows to hundreds of KiB through a busy day, and it is written under the site's
 * lock (issue 17: late in a busy day one write holds the lock for 10–15 ms, and every 200
 * events those writes were bench:assign's slowest batches). Readers without the state in memory
 * fold the events after it, ~10 µs each: at most ~10 ms for a site's first read.
 */
export const SNAPSHOT_EVERY = 1000;

export type Head = Pick<RotationHeadEntity, 'siteId' | 'lastSeq' | 'snapshotSeq'>;

/** The floor log's head row (the site's lock, its snapshot) and each site's folded state. */
export class FloorStates {
  /** Each site's folded state as last committed, as this process knows it (state.seq = lastSeq). */
  private readonly states = new Map<number, RotationState>();
  private readonly headReads = new NextRead<number, Head | null>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The locked head row after a change, with the snapshot when it is due. On MySQL the snapshot
   * (a JSON document that grows through the day) goes as a prepared-statement parameter: the
   * text protocol would escape it character by character on the client, which cost more than the
   * rest of the command.
   */
  async writeHead(em: EntityManager, siteId: number, lastSeq: number, updatedAt: Date, snapshot: string | null): Promise<void> {
    const changes = snapshot === null ? { lastSeq, updatedAt } : { lastSeq, updatedAt, snapshot, snapshotSeq: lastSeq };
    if (em.connection.options.type !== 'mysql') {
      await em.update(RotationHeadEntity, { siteId }, changes);
      return;
    }
    const set = Object.keys(changes).map((column) => `\`${column}\` = ?`);
    // The transaction's own connection (mysql2, callback API).
    const conn = (await em.queryRunner!.connect()) as { execute(sql: string, values: unknown[], cb: (err: Error | null) => void): void };
    await new Promise<void>((resolve, reject) =>
      conn.execute(`UPDATE \`rotation_heads\` SET ${set.join(', ')} WHERE \`siteId\` = ?`, [...Object.values(changes), siteId], (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }

  /** The site's lock row (its seqs only: the snapshot is read when needed), created on first use. */
  async lockHead(em: EntityManager, siteId: number): Promise<Head> {
    const lock = () => HEAD_LOCKED.first(em, { siteId });
    const found = await lock();
    if (found) return found;
    try {
      await em.insert(RotationHeadEntity, {
        siteId,
        lastSeq: 0,
        snapshot: JSON.stringify(initialState()),
        snapshotSeq: 0,
        updatedAt: this.clock.now(),
      });
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
      // One read of the row, so its snapshot and seqs agree even without the lock.
      const row = await em.findOne(RotationHeadEntity, { where: { siteId }, select: { siteId: true, lastSeq: true, snapshotSeq: true, snapshot: true } });
      const snapshot = row ? restoreState(row.snapshot) : initialState();
      state = await this.foldLog(em, siteId, snapshot, row?.lastSeq ?? 0);
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
    { siteId: [RotationHeadEntity, 'h', 'siteId'], lastSeq: [RotationHeadEntity, 'h', 'lastSeq'], snapshotSeq: [RotationHeadEntity, 'h', 'snapshotSeq'] },
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
