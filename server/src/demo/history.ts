// Demo history: the weeks before first start, so the figures page has something to show.
// Every floor day is decided by the real rotation engine (decide/evolve) from the commands a
// desk, the consultants and the manager would give; the figures are then computed from this
// log and the registers like any other day's. Random but repeatable (a seeded generator).
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DepartmentEntity, SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import { Role } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import { AppointmentEntity, CategoryEntity } from '../appointments/appointments.entity.js';
import { CustomerEntity, DealEntity, FollowUpEntity, RegistrationEntity } from '../customers/customers.entity.js';
import { businessDay, DEFAULT_ROTATION_SETTINGS, initialState, shiftsForDay, type RotationState } from '../rotation/domain/index.js';
import { RotationEventEntity } from '../rotation/rotation.entity.js';
import { demoWeek } from './floor.js';
import { seeded, simulateDay, type SimulatedDay } from './floor-day.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface HistoryResult {
  /** The fold after the last history event: the floor of today continues its sequence. */
  state: RotationState;
  events: number;
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
  const settings = { ...DEFAULT_ROTATION_SETTINGS, timezone: site.timezone };
  const templates = demoWeek(ids, now, site.timezone);
  let count = 0;
  const registered: SimulatedDay['registered'] = [];
  for (let back = days; back >= 1; back -= 1) {
    const day = businessDay(now.getTime() - back * DAY, site.timezone);
    const shifts = shiftsForDay(templates, [], day, site.timezone);
    const sim = simulateDay(state, { day, consultants: ids, deskId: people.deskId, managerId: people.managerId, settings, shifts, walkIns: 20, rnd });
    state = sim.state;
    registered.push(...sim.registered);
    const rows = sim.events.map(({ seq, at, event }) => ({ siteId: site.id, seq, type: event.type, payload: JSON.stringify(event), actorId: event.actorId, at: new Date(at), businessDay: day }));
    for (let i = 0; i < rows.length; i += 500) await em.insert(RotationEventEntity, rows.slice(i, i + 500));
    count += rows.length;
  }
  await seedRegisters(em, site.id, registered, people.managerId, now, rnd);
  return { state, events: count };
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
