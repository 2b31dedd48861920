// The floor's per-batch rule reads (issue 17, session 26): SiteRules.settingsIn + shiftsIn as
// they are (prebuilt statements) against the TypeORM find calls they replaced (copied below),
// on MariaDB, the demo's 滨江 site with 50 consultants' weekly templates (350 rows), one of
// them disabled, and a shift exception today. Prints µs per call (wall and this process's CPU)
// and the ratio; the machine is shared, so read the ratios.
//
//   cd server && npx tsx scripts/bench-rules-reads.ts   # ~2 min; needs MariaDB; BENCH_N=2000 BENCH_ROUNDS=3
// A script, not a test (not run by vitest or CI); here rather than in test/bench/ because it
// imports the server's entities, which need the server's tsconfig (decorators).
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { In, type EntityManager } from 'typeorm';
import { SiteEntity, UserEntity, UserSiteEntity } from '../src/accounts/accounts.entity.js';
import { Role } from '../src/accounts/domain/roles.js';
import { weeklyShifts } from '../src/demo/floor-day.js';
import { seedDemoData } from '../src/demo/seed.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/data-source.js';
import { Transactions } from '../src/platform/db/transaction.js';
import { createLogger } from '../src/platform/logger.js';
import { businessDay, dayAfter, DEFAULT_ROTATION_SETTINGS, shiftsForDay, type RotationSettings, type ShiftWindow } from '../src/rotation/domain/index.js';
import { RotationSettingsEntity, ShiftExceptionEntity, ShiftTemplateEntity } from '../src/rotation/rotation.entity.js';
import { SiteRules } from '../src/rotation/rotation.rules.js';
import { createTestDatabase } from '../src/test-support/databases.js';

const N = Number(process.env.BENCH_N ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONSULTANTS = 50;

/** settingsIn and shiftsIn before session 26 (rotation.rules.ts at a701d0b). */
async function oldSettingsIn(em: EntityManager, siteId: number, timezone: string): Promise<RotationSettings> {
  const row = await em.findOne(RotationSettingsEntity, { where: { siteId } });
  return { ...DEFAULT_ROTATION_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<RotationSettings>) : {}), timezone };
}
async function oldShiftsIn(em: EntityManager, siteId: number, now: Date, timezone: string): Promise<ShiftWindow[]> {
  const day = businessDay(now, timezone);
  const [templates, exceptions] = await Promise.all([
    em.findBy(ShiftTemplateEntity, { siteId }),
    em.findBy(ShiftExceptionEntity, { siteId, date: In([dayAfter(day, -1), day]) }),
  ]);
  const scheduled = [...new Set(templates.map((t) => t.consultantId))];
  const disabled = scheduled.length ? await em.find(UserEntity, { where: { id: In(scheduled), disabled: true }, select: { id: true } }) : [];
  const off = new Set(disabled.map((u) => u.id));
  return shiftsForDay(
    templates.filter((t) => !off.has(t.consultantId)),
    exceptions.map((e) => ({ ...e, startTime: e.startTime ?? undefined, endTime: e.endTime ?? undefined })),
    day,
    timezone,
  );
}

const db = await createTestDatabase('mariadb');
const ds = await openDatabase({ type: 'mysql', url: db.url });
try {
  await seedDemoData(ds, new Transactions(ds), systemClock, createLogger({ logLevel: 'silent' }));
  const site = await ds.getRepository(SiteEntity).findOneByOrFail({ code: 'BJ' });
  const now = new Date();
  const users = await ds.getRepository(UserEntity).save(
    Array.from({ length: CONSULTANTS }, (_, i) => ({
      companyId: site.companyId,
      username: `bench${i}`,
      displayName: `顾问${i}`,
      passwordHash: 'x',
      roles: [Role.CONSULTANT],
      disabled: i === 0,
      allSites: false,
      departmentId: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const ids = users.map((u) => u.id);
  await ds.getRepository(UserSiteEntity).insert(ids.map((userId) => ({ userId, siteId: site.id })));
  await ds.getRepository(ShiftTemplateEntity).delete({ siteId: site.id });
  await ds.getRepository(ShiftTemplateEntity).insert(weeklyShifts(ids).map((t) => ({ ...t, siteId: site.id })));
  const today = businessDay(now.getTime(), site.timezone);
  await ds.getRepository(ShiftExceptionEntity).insert({ siteId: site.id, consultantId: ids[1], date: today, kind: 'SHIFT', startTime: '14:00', endTime: '21:00', note: null });
  await ds.getRepository(RotationSettingsEntity).save({ siteId: site.id, settings: JSON.stringify({ undoWindowMinutes: 7 }), updatedAt: now, updatedBy: ids[1] });

  const rules = new SiteRules(ds, null as never, systemClock, null as never, null as never, { forget() {} });
  const em = ds.manager;
  const variants = {
    old: () => Promise.all([oldSettingsIn(em, site.id, site.timezone), oldShiftsIn(em, site.id, now, site.timezone)]),
    new: () => Promise.all([rules.settingsIn(em, site.id, site.timezone), rules.shiftsIn(em, site.id, now, site.timezone)]),
  };
  const [a, b] = [await variants.old(), await variants.new()];
  if (!isDeepStrictEqual(a, b)) throw new Error(`old and new differ:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  console.log(`rules reads — ${process.platform} ${process.arch}, node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}; ${b[1].length} shift windows, N=${N}, best of ${ROUNDS}`);

  const best: Record<string, { wall: number; cpu: number }> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < N; i++) await run();
      const wall = ((performance.now() - t0) * 1000) / N;
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / N;
      // Round 0 warms both up.
      if (round > 0 && (!best[name] || wall < best[name].wall)) best[name] = { wall, cpu };
    }
  }
  for (const [name, { wall, cpu }] of Object.entries(best)) console.log(`${name.padEnd(4)} ${wall.toFixed(0).padStart(6)} µs/call wall, ${cpu.toFixed(0).padStart(6)} µs/call CPU (this process)`);
  console.log(`new/old: wall ${(best.new.wall / best.old.wall).toFixed(2)}, CPU ${(best.new.cpu / best.old.cpu).toFixed(2)}`);
} finally {
  await ds.destroy();
  await db.drop();
}
