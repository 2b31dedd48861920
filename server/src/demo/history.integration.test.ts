import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type RotationEvent } from '../rotation/domain/index.js';
import { RotationEventEntity, RotationHeadEntity, RotationSnapshotEntity } from '../rotation/rotation.entity.js';
import { databaseKinds } from '../test-support/databases.js';
import { startTestApp, type TestApp } from '../test-support/harness.js';

const kinds = await databaseKinds();

// First start with a month of demo history: the figures page is alive, the floor log it was
// made from is a true fold (decided by the rotation engine), and today's floor continues it.
describe.each(kinds)('demo history on %s', (kind) => {
  let t: TestApp;
  let startMs = 0;
  // 15:00 Asia/Shanghai, Wednesday 12 March 2025.
  const now = Date.UTC(2025, 2, 12, 7, 0);

  beforeAll(async () => {
    const started = Date.now();
    t = await startTestApp(kind, { clock: { now: () => new Date(now) }, env: { DEMO_HISTORY_DAYS: '30' } });
    startMs = Date.now() - started;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a month of floor days, registrations and deals fills the figures of the last month', async () => {
    const token = await t.login('manager');
    const bj = (await t.gql<{ sites: Array<{ id: string; code: string }> }>('{ sites { id code } }', {}, token)).data!.sites.find((s) => s.code === 'BJ')!.id;
    const r = await t.gql<{ siteFigures: any }>(
      `query($s: ID!) { siteFigures(siteId: $s, period: CUSTOM, date: "2025-02-10", to: "2025-03-11") {
        days { day counted } consultants { counted makeUpsGiven registrations followUps deals appointments satisfaction } fairness { spread rows { sharedDays } } } }`,
      { s: bj },
      token,
    );
    expect(r.errors).toBeUndefined();
    const f = r.data!.siteFigures;
    expect(f.days).toHaveLength(30);
    expect(f.days.every((d: { counted: number }) => d.counted > 5)).toBe(true);
    expect(f.consultants).toHaveLength(4);
    const sum = (k: string) => f.consultants.reduce((s: number, c: Record<string, number>) => s + (c[k] ?? 0), 0);
    expect(sum('registrations')).toBeGreaterThan(50);
    expect(sum('followUps')).toBeGreaterThan(50);
    expect(sum('deals')).toBeGreaterThan(0);
    expect(sum('makeUpsGiven')).toBeGreaterThan(0);
    expect(sum('appointments')).toBeGreaterThan(5);
    expect(f.fairness.rows.every((row: { sharedDays: number }) => row.sharedDays === 30)).toBe(true);
    console.info(`${kind}: first start with 30 days of demo history took ${startMs} ms`);
  });

  it('R15: the history is one log with today: the head is the fold of every event', async () => {
    const siteId = (await t.app.ds.query('SELECT id FROM sites WHERE code = ?', ['BJ']))[0].id as number;
    const rows = await t.app.ds.getRepository(RotationEventEntity).find({ where: { siteId }, order: { seq: 'ASC' } });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const head = await t.app.ds.getRepository(RotationHeadEntity).findOneByOrFail({ siteId });
    expect(head.lastSeq).toBe(rows.length);
    const fold = replay(rows.map((r) => JSON.parse(r.payload) as RotationEvent));
    const snapshot = await t.app.ds.getRepository(RotationSnapshotEntity).findOneByOrFail({ siteId });
    expect(snapshot.seq).toBe(head.lastSeq);
    expect(JSON.parse(snapshot.snapshot)).toEqual(JSON.parse(JSON.stringify(fold)));
    // Today's morning came after the history.
    expect(rows[rows.length - 1].businessDay).toBe('2025-03-12');
    expect(new Set(rows.map((r) => r.businessDay)).size).toBe(31);
  });
});
