import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { SiteEntity } from '../accounts/accounts.entity.js';
import { restoreState, type RotationState } from '../rotation/domain/index.js';
import { RotationSnapshotEntity } from '../rotation/rotation.entity.js';
import { seedFloorMorning } from './floor.js';

const site = { id: 1, timezone: 'Asia/Shanghai' } as SiteEntity;
const ids = [11, 12, 13, 14];

/** The demo's floor as first started at `now`: the site's snapshot, written through a stub manager. */
async function morningAt(now: Date): Promise<RotationState> {
  let snapshot = '';
  const em = {
    insert: async (entity: unknown, row: { snapshot?: string }) => {
      if (entity === RotationSnapshotEntity) snapshot = row.snapshot!;
    },
  } as unknown as EntityManager;
  await seedFloorMorning(em, site, ids, 2, now);
  return restoreState(snapshot);
}

/** What a new user sees: who is where, with how many make-ups, and the walk-ins by kind and state. */
const floor = (s: RotationState) => ({
  members: ids.map((id) => ({ id, presence: s.members[id]?.presence, inLine: s.members[id]?.queuedAt != null })),
  makeUps: Object.values(s.makeUps).map((m) => [m.consultantId, m.kind]),
  receptions: [...s.receptions.values()].map((r) => [r.kind, r.status, r.consultantId]),
});

describe('the demo floor (first start)', () => {
  it('R1–R5: a first start just after midnight shows the same floor as one in the late morning', async () => {
    // 01:10 and 11:30 in Shanghai on the same day: the floor opened 70 minutes and 150+ minutes before.
    const night = await morningAt(new Date('2026-01-05T17:10:00Z'));
    const day = await morningAt(new Date('2026-01-06T03:30:00Z'));
    expect(floor(day).receptions.length).toBeGreaterThan(5);
    expect(floor(night)).toEqual(floor(day));
  });
});
