// Demo history: the weeks before first start, so the figures page has something to show.
// Every floor day is decided by the real rotation engine (decide/evolve) from the commands a
// desk, the consultants and the manager would give; the figures are then computed from this
// log and the registers like any other day's. Random but repeatable (a seeded generator).
import { TZDate } from '@date-fns/tz';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DepartmentEntity, SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import { Role } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { AppointmentEntity, CategoryEntity } from '../appointments/appointments.entity.js';
import { CustomerEntity, DealEntity, FollowUpEntity, RegistrationEntity } from '../customers/customers.entity.js';
import {
  businessDay,
  decide,
  DEFAULT_ROTATION_SETTINGS,
  evolve,
  initialState,
  shiftsForDay,
  type RotationCommand,
  type RotationState,
  type WalkInKind,
} from '../rotation/domain/index.js';
import { RotationEventEntity } from '../rotation/rotation.entity.js';
import type { FloorCommand } from '../rotation/rotation.service.js';
import { demoWeek } from './floor.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A small seeded generator (mulberry32): the same history on every first start of a given day. */
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

export interface HistoryResult {
  /** The fold after the last history event: the floor of today continues its sequence. */
  state: RotationState;
  events: number;
}

interface Planned {
  at: number;
  cmd: FloorCommand;
  as: number;
  desk?: boolean;
  supervisor?: boolean;
}

/**
 * `days` business days before today: check-ins, walk-ins of every kind, consultants away on
 * business (R4), an absence now and then (R3), a manager's skip (R15), and the registrations,
 * follow-ups and deals that follow. Writes the floor events and the registers; returns the fold.
 */
export async function seedHistory(
  em: EntityManager,
  site: SiteEntity,
  ids: number[],
  people: { deskId: number; managerId: number },
  now: Date,
  days: number,
): Promise<HistoryResult> {
  let state = initialState();
  if (days <= 0 || !ids.length) return { state, events: 0 };
  const rnd = seeded(Number(businessDay(now, site.timezone).replaceAll('-', '')));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: site.timezone };
  const templates = demoWeek(ids, now, site.timezone);
  const rows: Array<Partial<RotationEventEntity>> = [];
  const registered: Array<{ consultantId: number; at: number; name: string }> = [];

  for (let back = days; back >= 1; back -= 1) {
    const day = businessDay(now.getTime() - back * DAY, site.timezone);
    const shifts = shiftsForDay(templates, [], day, site.timezone);
    if (!shifts.length) continue;
    const open = Math.max(...shifts.map((s) => s.start)) + 5 * MINUTE;
    const close = Math.min(...shifts.map((s) => s.end)) - 30 * MINUTE;
    const plan: Planned[] = [];
    for (const [i, id] of ids.entries()) plan.push({ at: open + i * 3 * MINUTE + Math.floor(rnd() * 3) * MINUTE, cmd: { type: 'CHECK_IN', consultantId: id }, as: id });
    const weekday = new TZDate(open, site.timezone).getDay();
    const walkIns = Math.round((weekday === 0 || weekday === 6 ? 28 : 16) + rnd() * 10);
    for (let n = 0; n < walkIns; n += 1) {
      const at = open + 20 * MINUTE + Math.floor(rnd() * (close - open - 60 * MINUTE));
      const r = rnd();
      const kind: WalkInKind = r < 0.68 ? 'NEW' : r < 0.8 ? 'RETURNING' : r < 0.85 ? 'BROUGHT_ALONG' : r < 0.9 ? 'NON_BUYER' : r < 0.96 ? 'ASKING_WAY' : 'LOOKING_FOR_SOMEONE';
      const name = `${pick(SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'}`;
      const owner = kind === 'RETURNING' || kind === 'BROUGHT_ALONG' ? pick(ids) : null;
      plan.push({
        at,
        as: people.deskId,
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
      plan.push({ at: when, as: people.deskId, desk: true, cmd: { type: 'MARK_ABSENT', consultantId: who, reason: null } });
      plan.push({ at: when + 40 * MINUTE, as: who, cmd: { type: 'CHECK_IN', consultantId: who } });
    }
    // R15: the manager skips a turn once in a while.
    if (rnd() < 0.1) {
      plan.push({ at: open + (200 + Math.floor(rnd() * 200)) * MINUTE, as: people.managerId, supervisor: true, cmd: { type: 'SKIP', consultantId: pick(ids), reason: '临时处理客户签约' } });
    }
    plan.sort((a, b) => a.at - b.at);
    const endsAt = new Map<string, number>();
    const apply = (p: Planned) => {
      const cmd = { ...p.cmd, actor: { userId: p.as, supervisor: !!p.supervisor, desk: !!p.desk } } as RotationCommand;
      const d = decide(state, cmd, { now: p.at, settings, shifts });
      if (!d.ok) return [];
      for (const e of d.events) {
        state = evolve(state, e);
        rows.push({ siteId: site.id, seq: state.seq, type: e.type, payload: JSON.stringify(e), actorId: e.actorId, at: new Date(p.at), businessDay: day });
      }
      return d.events;
    };
    const endDue = (until: number) => {
      for (const [rid, end] of [...endsAt].sort((a, b) => a[1] - b[1])) {
        if (end > until) continue;
        endsAt.delete(rid);
        const r = state.receptions[rid];
        if (r?.status === 'ACTIVE' && r.consultantId !== null) apply({ at: end, as: r.consultantId, cmd: { type: 'END_RECEPTION', receptionId: rid } });
      }
    };
    const track = () => {
      for (const r of Object.values(state.receptions)) {
        if (r.status === 'ACTIVE' && !endsAt.has(r.id) && r.startedAt !== null) {
          const short = r.kind === 'ASKING_WAY' || r.kind === 'LOOKING_FOR_SOMEONE';
          endsAt.set(r.id, r.startedAt + (short ? 2 : 15 + Math.floor(rnd() * 35)) * MINUTE);
          if (r.kind === 'NEW' && r.consultantId !== null && r.customerName && rnd() < 0.45) {
            registered.push({ consultantId: r.consultantId, at: r.startedAt + 10 * MINUTE, name: r.customerName });
          }
        }
      }
    };
    for (const p of plan) {
      endDue(p.at);
      apply(p);
      track();
    }
    endDue(Number.MAX_SAFE_INTEGER);
    track();
    endDue(Number.MAX_SAFE_INTEGER);
    for (const id of ids) apply({ at: close + 20 * MINUTE, as: id, cmd: { type: 'CHECK_OUT', consultantId: id } });
  }
  for (let i = 0; i < rows.length; i += 500) await em.insert(RotationEventEntity, rows.slice(i, i + 500));
  await seedRegisters(em, site.id, registered, people.managerId, now, rnd);
  return { state, events: rows.length };
}

/** O1, O3, O8: the customers registered on those days, their follow-ups (kept or late) and deals. */
async function seedRegisters(
  em: EntityManager,
  siteId: number,
  registered: Array<{ consultantId: number; at: number; name: string }>,
  managerId: number,
  now: Date,
  rnd: () => number,
) {
  if (!registered.length) return;
  const phones = registered.map((_, i) => `150${String(10_000_000 + i * 7919).slice(-8)}`);
  const customers: Array<Partial<CustomerEntity>> = registered.map((r, i) => ({ siteId, name: r.name, phone: phones[i], phoneLast4: phones[i].slice(-4), createdAt: new Date(r.at) }));
  const ids: number[] = [];
  for (let i = 0; i < customers.length; i += 500) {
    const res = await em.insert(CustomerEntity, customers.slice(i, i + 500));
    ids.push(...res.identifiers.map((x) => Number(x.id)));
  }
  await em.insert(
    RegistrationEntity,
    registered.map((r, i) => ({ siteId, customerId: ids[i], consultantId: r.consultantId, name: r.name, phone: phones[i], at: new Date(r.at), correctsId: null, intent: JSON.stringify({ source: '到访' }), createdBy: r.consultantId })),
  );
  const followUps: Array<Partial<FollowUpEntity>> = [];
  const deals: Array<Partial<DealEntity>> = [];
  for (const [i, r] of registered.entries()) {
    // A follow-up every few days, each promising the next; most kept on time, some late.
    let at = r.at + (1 + Math.floor(rnd() * 2)) * DAY;
    while (at < now.getTime() - DAY && followUps.length < 5000) {
      const gap = (2 + Math.floor(rnd() * 4)) * DAY;
      const late = rnd() < 0.2;
      followUps.push({ customerId: ids[i], consultantId: r.consultantId, at: new Date(at), kind: pick(rnd, ['CALL', 'WECHAT', 'VISIT']), note: null, nextAt: new Date(at + gap) });
      at += gap + (late ? DAY : -2 * 3600_000);
      if (rnd() < 0.35) break;
    }
    if (rnd() < 0.12) {
      const dealAt = r.at + (2 + Math.floor(rnd() * 12)) * DAY;
      if (dealAt < now.getTime() - 3600_000) {
        deals.push({
          siteId,
          customerId: ids[i],
          buyerName: r.name,
          dealAt: new Date(dealAt),
          units: 1,
          credit: JSON.stringify([{ consultantId: r.consultantId, share: 1 }]),
          attribution: JSON.stringify({ consultantId: r.consultantId, rule: 'O7', lookedBack: false, buyerMatches: true, lookbackDays: 7 }),
          recordedBy: managerId,
          createdAt: new Date(dealAt),
        });
      }
    }
  }
  for (let i = 0; i < followUps.length; i += 500) await em.insert(FollowUpEntity, followUps.slice(i, i + 500));
  if (deals.length) await em.insert(DealEntity, deals);
}

const pick = <T>(rnd: () => number, xs: T[]): T => xs[Math.floor(rnd() * xs.length)];

/**
 * P4: visits of the past weeks that took place, with their outcome and satisfaction, led by
 * the riverside office's consultants (written as the register holds them after completion).
 */
export async function seedAppointmentHistory(ds: DataSource, tx: Transactions, clock: Clock, days: number): Promise<void> {
  if (days <= 0) return;
  const site = await ds.getRepository(SiteEntity).findOneByOrFail({ code: 'BJ' });
  const category = await ds.getRepository(CategoryEntity).findOneBy({ companyId: site.companyId, code: 'C' });
  const department = await ds.getRepository(DepartmentEntity).findOneBy({ companyId: site.companyId, siteId: site.id });
  const manager = await ds.getRepository(UserEntity).findOneBy({ companyId: site.companyId, username: 'manager' });
  const links = await ds.getRepository(UserSiteEntity).findBy({ siteId: site.id });
  const users = links.length ? await ds.getRepository(UserEntity).findBy({ id: In(links.map((l) => l.userId)) }) : [];
  const leads = users.filter((u) => u.roles.includes(Role.CONSULTANT)).map((u) => u.id).sort((a, b) => a - b);
  if (!category || !department || !manager || !leads.length) return;
  const now = clock.now();
  const rnd = seeded(days * 7919 + site.id);
  const rows: Array<Partial<AppointmentEntity>> = [];
  for (let back = days; back >= 1; back -= 2) {
    const start = now.getTime() - back * DAY;
    const lead = pick(rnd, leads);
    const satisfaction = 3 + Math.floor(rnd() * 3);
    rows.push({
      siteId: site.id, categoryId: category.id, state: 'completed', approvedOnce: true, purpose: pick(rnd, ['团购洽谈', '渠道合作', '样板间参观']),
      visitorCompany: pick(rnd, ['华远科技有限公司', '链家门店', '城建集团', '星河地产']), headcount: 2 + Math.floor(rnd() * 4), hosts: 1,
      startAt: new Date(start), endAt: new Date(start + 90 * MINUTE), leadDepartmentId: department.id, supportingDepartmentIds: [], leadUserId: lead,
      roomId: null, equipmentKinds: [], estimatedCost: null, catering: false, pickUp: false, lodging: false, gifts: false, notes: '', late: false,
      requestedById: lead, requestedAt: new Date(start - 3 * DAY), decidedById: manager.id, decidedAt: new Date(start - 2 * DAY), decisionReason: null,
      lateApproved: false, arrivedAt: new Date(start), outcome: '达成初步意向', cooperationIntent: satisfaction >= 4 ? 'HIGH' : 'MEDIUM',
      feedback: '接待周到', satisfaction, completedAt: new Date(start + 90 * MINUTE), updatedAt: new Date(start + 90 * MINUTE),
    });
  }
  await tx.run((em) => em.insert(AppointmentEntity, rows));
}
