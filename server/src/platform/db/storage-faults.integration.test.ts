import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/harness.js';

// Issue 17: the SQLite file cannot be written: a read-only file, a full disk. The tests run as
// root on CI machines, where chmod does not stop a write, and mounting a read-only or tiny
// filesystem needs privileges a test does not have. SQLite itself produces the very same errors:
// `PRAGMA query_only` refuses writes with SQLITE_READONLY (what a read-only file gives) and
// `PRAGMA max_page_count` caps the file so a write fails with SQLITE_FULL (what a full disk gives).
// SQLite-only by nature; the database outage on MariaDB is test/e2e/faults-database.test.ts.

const WALK_IN = 'mutation($s: ID!) { recordWalkIn(siteId: $s, input: { kind: ASKING_WAY }) { board { seq } } }';
const BOARD = 'query($s: ID!) { rotationBoard(siteId: $s) { seq } }';

describe('faults: the SQLite file cannot be written (SQLite)', () => {
  let t: TestApp;
  let desk: string;
  let bj: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    desk = await t.login('desk');
    const sites = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, desk)).data!.sites;
    bj = sites.find((s) => s.code === 'BJ')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const head = async () => (await t.gql<{ rotationBoard: { seq: number } }>(BOARD, { s: bj }, desk)).data!.rotationBoard.seq;
  const walkIn = () => t.gql<{ recordWalkIn: { board: { seq: number } } }>(WALK_IN, { s: bj }, desk);
  const integrity = async () => (await t.app.ds.query('PRAGMA integrity_check')) as Array<{ integrity_check: string }>;
  const logged = async () => ((await t.app.ds.query('SELECT seq FROM rotation_events WHERE siteId = ? ORDER BY seq', [Number(bj)])) as Array<{ seq: number }>).map((r) => r.seq);
  const lastSeq = async () => ((await t.app.ds.query('SELECT lastSeq FROM rotation_heads WHERE siteId = ?', [Number(bj)])) as Array<{ lastSeq: number }>)[0].lastSeq;

  it('R1: a read-only file: the walk-in fails with SERVICE_UNAVAILABLE (DATABASE_READ_ONLY), nothing is written, and it works again once writable', async () => {
    expect((await walkIn()).errors).toBeUndefined();
    const before = await head();
    await t.app.ds.query('PRAGMA query_only = ON');
    try {
      const r = await walkIn();
      expect(r.data).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_READ_ONLY' });
      expect(r.errors![0].message).toBe('The database is read-only; nothing was changed');
      // Reads still work.
      expect(await head()).toBe(before);
    } finally {
      await t.app.ds.query('PRAGMA query_only = OFF');
    }
    const after = await walkIn();
    expect(after.data!.recordWalkIn.board.seq).toBe(before + 1);
    expect(await integrity()).toEqual([{ integrity_check: 'ok' }]);
    const seqs = await logged();
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(await lastSeq()).toBe(seqs.length);
  });

  it('R1: a full disk: the walk-in that does not fit fails with SERVICE_UNAVAILABLE (DISK_FULL), the file stays sound, and walk-ins go on once there is room', async () => {
    const pages = ((await t.app.ds.query('PRAGMA page_count')) as Array<{ page_count: number }>)[0].page_count;
    await t.app.ds.query(`PRAGMA max_page_count = ${pages}`);
    let failure: { message: string; extensions?: Record<string, unknown> } | undefined;
    let succeeded = 0;
    try {
      for (let i = 0; i < 2000 && !failure; i++) {
        const r = await walkIn();
        if (r.errors) failure = r.errors[0];
        else succeeded++;
      }
    } finally {
      await t.app.ds.query('PRAGMA max_page_count = 4294967294');
    }
    expect(failure?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DISK_FULL' });
    expect(failure?.message).toBe('The disk is full; nothing was changed');
    const before = await head();
    // Nothing half-written: the log has no hole and the head agrees with it, in the file and in memory.
    expect(await integrity()).toEqual([{ integrity_check: 'ok' }]);
    const seqs = await logged();
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(await lastSeq()).toBe(before);
    const r = await walkIn();
    expect(r.data!.recordWalkIn.board.seq).toBe(before + 1);
    console.log(`[faults-sqlite] ${succeeded} walk-ins fitted before the disk was full`);
  });
});
