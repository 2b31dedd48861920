// Demo floor: weekly shifts, and a morning of floor events up to the moment of first start,
// decided by the real rotation engine so the board a new user sees is a true fold.
import { TZDate } from '@date-fns/tz';
import type { EntityManager } from 'typeorm';
import type { SiteEntity } from '../accounts/accounts.entity.js';
import {
  businessDay,
  decide,
  DEFAULT_ROTATION_SETTINGS,
  evolve,
  initialState,
  shiftsForDay,
  type RotationCommand,
  type RotationState,
} from '../rotation/domain/index.js';
import { RotationEventEntity, RotationHeadEntity, RotationSnapshotEntity, ShiftTemplateEntity } from '../rotation/rotation.entity.js';

/**
 * Opening hours 09:00–21:00, stretched to cover the hour of first start, so a demo started
 * at night still shows a floor at work.
 */
export function demoHours(now: Date, timezone: string): { open: string; close: string } {
  const hour = new TZDate(now.getTime(), timezone).getHours();
  const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return { open: pad(Math.min(9, Math.max(0, hour - 3))), close: hour + 3 > 23 ? '23:59' : pad(Math.max(21, hour + 3)) };
}

function week(consultantIds: number[], hours: { open: string; close: string }) {
  return consultantIds.flatMap((consultantId) =>
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId, weekday, startTime: hours.open, endTime: hours.close })),
  );
}

/** The demo's weekly shifts: everyone every day, opening hours as of first start. */
export function demoWeek(consultantIds: number[], now: Date, timezone: string) {
  return week(consultantIds, demoHours(now, timezone));
}

export async function seedShifts(em: EntityManager, site: SiteEntity, consultantIds: number[], now: Date) {
  await em.insert(ShiftTemplateEntity, week(consultantIds, demoHours(now, site.timezone)).map((r) => ({ ...r, siteId: site.id })));
}

type Step = (ids: number[]) => Omit<RotationCommand, 'actor'> & { as?: 'desk' | 'self' };

/** What happens on a sales floor between opening and now, one step every few minutes. */
const MORNING: Array<[minutes: number, step: Step]> = [
  [0, ([a]) => ({ type: 'CHECK_IN', consultantId: a, as: 'self' })],
  [2, ([, b]) => ({ type: 'CHECK_IN', consultantId: b, as: 'self' })],
  [4, ([, , c]) => ({ type: 'CHECK_IN', consultantId: c, as: 'self' })],
  [6, ([, , , d]) => ({ type: 'CHECK_IN', consultantId: d, as: 'self' })],
  [14, () => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: '孙女士', phone: '13812345678', partySize: 2 } })],
  [23, () => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'ASKING_WAY' } })],
  [31, () => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: '周先生', phone: '13987654321' } })],
  [40, ([, , c]) => ({ type: 'GO_AWAY', consultantId: c, as: 'self' })],
  [52, () => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: '吴先生', phone: '13700001111', partySize: 3, unitsAsked: 3 } })],
  [65, () => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: '郑女士', phone: '13622223333' } })],
  [78, ([a]) => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'RETURNING', customerName: '钱先生', phone: '13544445555', ownerId: a } })],
  [96, ([, , c]) => ({ type: 'CHECK_IN', consultantId: c, as: 'self' })],
  [110, () => ({ type: 'RECORD_WALK_IN', walkIn: { kind: 'NEW', customerName: '冯女士', phone: '13366667777' } })],
];

/** Today's floor up to now, continuing the log of `from` (the demo history's fold). Writes the site's head and snapshot. */
export async function seedFloorMorning(em: EntityManager, site: SiteEntity, ids: number[], deskId: number, now: Date, from: RotationState = initialState()) {
  const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: site.timezone };
  const day = businessDay(now, site.timezone);
  const shifts = shiftsForDay(week(ids, demoHours(now, site.timezone)), [], day, site.timezone);
  const open = shifts[0]?.start;
  let state: RotationState = from;
  const writeHead = async () => {
    if (state.seq === 0) return;
    await em.insert(RotationHeadEntity, { siteId: site.id, lastSeq: state.seq, updatedAt: now });
    await em.insert(RotationSnapshotEntity, { siteId: site.id, seq: state.seq, day: state.day, snapshot: JSON.stringify(state), updatedAt: now });
  };
  if (open === undefined || now.getTime() < open) return writeHead();
  // The morning ends a few minutes before now; customers who came early have left. Its steps
  // span 150 minutes; a floor open for less (a first start just after midnight) gets them
  // closer together, so a new user sees the same floor at any hour.
  const span = 150 * 60_000;
  const start = Math.max(open, now.getTime() - span);
  const scale = Math.min(1, Math.max(0, now.getTime() - 60_000 - start) / span);
  const events: Array<{ seq: number; at: number; json: string; type: string; actorId: number }> = [];
  const apply = (cmd: RotationCommand, at: number) => {
    const d = decide(state, cmd, { now: at, settings, shifts });
    if (!d.ok) return;
    for (const e of d.events) {
      state = evolve(state, e);
      events.push({ seq: state.seq, at, json: JSON.stringify(e), type: e.type, actorId: e.actorId });
    }
  };
  for (const [minutes, make] of MORNING) {
    const at = start + Math.round(minutes * 60_000 * scale);
    if (at >= now.getTime() - 60_000) break;
    const { as, ...cmd } = make(ids);
    const actorId = as === 'self' && 'consultantId' in cmd ? (cmd.consultantId as number) : deskId;
    apply({ ...cmd, actor: { userId: actorId, supervisor: false, desk: as !== 'self' } } as RotationCommand, at);
    // Earlier customers leave after about twenty minutes.
    for (const r of state.receptions.values()) {
      if (r.status === 'ACTIVE' && r.startedAt !== null && at - r.startedAt >= 20 * 60_000 * scale && r.consultantId !== null) {
        apply({ type: 'END_RECEPTION', receptionId: r.id, actor: { userId: r.consultantId, supervisor: false, desk: false } }, at + 30_000);
      }
    }
  }
  if (!events.length) return writeHead();
  await em.insert(
    RotationEventEntity,
    events.map((e) => ({ siteId: site.id, seq: e.seq, type: e.type, payload: e.json, actorId: e.actorId, at: new Date(e.at), businessDay: day })),
  );
  await writeHead();
}
