// One simulated day on a sales floor, decided by the real rotation engine (decide/evolve):
// check-ins, walk-ins of every kind, receptions that end, a business trip (R4), now and then
// an absence (R3) or a manager's skip (R15), check-outs. Pure: no database, no clock. Used by
// the demo history and by the figures benchmark.
import { TZDate } from '@date-fns/tz';
import { decide, evolve, type RotationCommand, type RotationEvent, type RotationSettings, type RotationState, type ShiftTemplateRow, type ShiftWindow, type WalkInKind } from '../rotation/domain/index.js';

const MINUTE = 60_000;

/** The simulated floors' shifts: every day of the week, start to end, for each consultant. */
export function weeklyShifts(ids: number[], startTime = '09:00', endTime = '21:00'): ShiftTemplateRow[] {
  return ids.flatMap((consultantId) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ consultantId, weekday, startTime, endTime })));
}

/** A small seeded generator (mulberry32): the same history for the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨'];

type Command = RotationCommand extends infer C ? (C extends RotationCommand ? Omit<C, 'actor'> : never) : never;

interface Planned {
  at: number;
  cmd: Command;
  as: number;
  desk?: boolean;
  supervisor?: boolean;
}

export interface SimulatedDay {
  state: RotationState;
  /** Each event with its sequence number and the instant it was decided at. */
  events: Array<{ seq: number; at: number; event: RotationEvent }>;
  /** NEW walk-ins the consultant registered (O1): who, when, the customer's name. */
  registered: Array<{ consultantId: number; at: number; name: string }>;
}

export interface DayOptions {
  day: string;
  consultants: number[];
  deskId: number;
  managerId: number;
  settings: RotationSettings;
  shifts: ShiftWindow[];
  /** Walk-ins of the day (before the weekend bump). */
  walkIns: number;
  /** Share of NEW walk-ins registered. */
  registerShare?: number;
  rnd: () => number;
}

export function simulateDay(from: RotationState, o: DayOptions): SimulatedDay {
  let state = from;
  const { rnd, consultants: ids } = o;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const events: SimulatedDay['events'] = [];
  const registered: SimulatedDay['registered'] = [];
  if (!o.shifts.length) return { state, events, registered };
  const open = Math.max(...o.shifts.map((s) => s.start)) + 5 * MINUTE;
  const close = Math.min(...o.shifts.map((s) => s.end)) - 30 * MINUTE;
  const plan: Planned[] = [];
  for (const [i, id] of ids.entries()) plan.push({ at: open + i * 2 * MINUTE + Math.floor(rnd() * 2) * MINUTE, cmd: { type: 'CHECK_IN', consultantId: id }, as: id });
  const weekday = new TZDate(open, o.settings.timezone).getDay();
  const walkIns = Math.round(o.walkIns * (weekday === 0 || weekday === 6 ? 1.5 : 1) * (0.8 + rnd() * 0.4));
  const span = Math.max(60 * MINUTE, close - open - 60 * MINUTE);
  for (let n = 0; n < walkIns; n += 1) {
    const at = open + 20 * MINUTE + Math.floor(rnd() * span);
    const r = rnd();
    const kind: WalkInKind = r < 0.68 ? 'NEW' : r < 0.8 ? 'RETURNING' : r < 0.85 ? 'BROUGHT_ALONG' : r < 0.9 ? 'NON_BUYER' : r < 0.96 ? 'ASKING_WAY' : 'LOOKING_FOR_SOMEONE';
    const name = `${pick(SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'}`;
    const owner = kind === 'RETURNING' || kind === 'BROUGHT_ALONG' ? pick(ids) : null;
    plan.push({
      at,
      as: o.deskId,
      desk: true,
      cmd: { type: 'RECORD_WALK_IN', walkIn: { kind, customerName: kind === 'ASKING_WAY' ? null : name, partySize: 1 + Math.floor(rnd() * 3), ownerId: owner, dealClosed: false } },
    });
  }
  // R4: someone is out on business for an hour or two on most days.
  if (rnd() < 0.6) {
    const who = pick(ids);
    const from = open + (60 + Math.floor(rnd() * 240)) * MINUTE;
    plan.push({ at: from, as: who, cmd: { type: 'GO_AWAY', consultantId: who } });
    plan.push({ at: from + (60 + Math.floor(rnd() * 60)) * MINUTE, as: who, cmd: { type: 'CHECK_IN', consultantId: who } });
  }
  // R3: now and then someone is not on the floor when the desk looks; back later.
  if (rnd() < 0.15) {
    const who = pick(ids);
    const when = open + (120 + Math.floor(rnd() * 200)) * MINUTE;
    plan.push({ at: when, as: o.deskId, desk: true, cmd: { type: 'MARK_ABSENT', consultantId: who, reason: null } });
    plan.push({ at: when + 40 * MINUTE, as: who, cmd: { type: 'CHECK_IN', consultantId: who } });
  }
  // R15: the manager skips a turn once in a while.
  if (rnd() < 0.1) {
    plan.push({ at: open + (200 + Math.floor(rnd() * 200)) * MINUTE, as: o.managerId, supervisor: true, cmd: { type: 'SKIP', consultantId: pick(ids), reason: '临时处理客户签约' } });
  }
  plan.sort((a, b) => a.at - b.at);
  const endsAt = new Map<string, number>();
  const apply = (p: Planned) => {
    const cmd = { ...p.cmd, actor: { userId: p.as, supervisor: !!p.supervisor, desk: !!p.desk } } as RotationCommand;
    const d = decide(state, cmd, { now: p.at, settings: o.settings, shifts: o.shifts });
    if (!d.ok) return;
    for (const e of d.events) {
      state = evolve(state, e);
      events.push({ seq: state.seq, at: p.at, event: e });
    }
  };
  const endDue = (until: number) => {
    for (const [rid, end] of [...endsAt].sort((a, b) => a[1] - b[1])) {
      if (end > until) continue;
      endsAt.delete(rid);
      const r = state.receptions.get(rid);
      if (r?.status === 'ACTIVE' && r.consultantId !== null) apply({ at: Math.max(end, p0), as: r.consultantId, cmd: { type: 'END_RECEPTION', receptionId: rid } });
    }
  };
  let p0 = open;
  const track = () => {
    for (const r of state.receptions.values()) {
      if (r.status === 'ACTIVE' && !endsAt.has(r.id) && r.startedAt !== null) {
        const short = r.kind === 'ASKING_WAY' || r.kind === 'LOOKING_FOR_SOMEONE';
        endsAt.set(r.id, r.startedAt + (short ? 2 : 15 + Math.floor(rnd() * 35)) * MINUTE);
        if (r.kind === 'NEW' && r.consultantId !== null && r.customerName && rnd() < (o.registerShare ?? 0.45)) {
          registered.push({ consultantId: r.consultantId, at: r.startedAt + 10 * MINUTE, name: r.customerName });
        }
      }
    }
  };
  for (const p of plan) {
    endDue(p.at);
    p0 = p.at;
    apply(p);
    track();
  }
  endDue(Number.MAX_SAFE_INTEGER);
  track();
  endDue(Number.MAX_SAFE_INTEGER);
  for (const id of ids) apply({ at: close + 20 * MINUTE, as: id, cmd: { type: 'CHECK_OUT', consultantId: id } });
  return { state, events, registered };
}
