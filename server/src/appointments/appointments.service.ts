import { Brackets, In, IsNull, LessThan, MoreThan, Not, type DataSource, type EntityManager, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { takesRowLocks } from '../platform/db/locks.js';
import { DepartmentEntity, SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { canActOnSite, hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { NotificationEntity } from '../notifications/notifications.entity.js';
import type { NotificationKind } from '../notifications/notifications.kinds.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { AppError, badInput, conflict, ErrorCode, forbidden, notFound } from '../platform/errors.js';
import { guestContact } from '../platform/phone-input.js';
import type { EventBus } from '../platform/pubsub.js';
import {
  AppointmentEntity,
  AppointmentEventEntity,
  EquipmentEntity,
  EquipmentReservationEntity,
  GuestEntity,
  RoomBookingEntity,
  RoomEntity,
  SpecialRequestEntity,
  TaskEntity,
} from './appointments.entity.js';
import { HOLDS_RESOURCES, preparedWhenDone, transition, type AppointmentState } from './domain/lifecycle.js';
import { clashes, isOverdue } from './domain/rooms.js';
import { checkThrift, isLate, preparationTasks, taskOwner } from './domain/standards.js';
import { standardOf, type StandardsService } from './standards.service.js';

const SITE_CHANGED = 'APPOINTMENTS:SITE_CHANGED';
const HOUR = 3600_000;

export interface AppointmentRequest {
  categoryId: number;
  purpose: string;
  visitorCompany: string;
  headcount: number;
  hosts: number;
  startAt: Date;
  endAt: Date;
  leadDepartmentId: number;
  supportingDepartmentIds: number[];
  leadUserId: number | null;
  roomId: number | null;
  equipmentKinds: string[] | null;
  estimatedCost: number | null;
  catering: boolean | null;
  pickUp: boolean | null;
  lodging: boolean | null;
  gifts: boolean | null;
  notes: string;
}

export interface GuestInput {
  name: string;
  company: string;
  title: string;
  contact: string;
  businessScope: string;
  purpose: string;
  needs: string;
}

export interface AppointmentFilter {
  states?: AppointmentState[] | null;
  categoryIds?: number[] | null;
  departmentIds?: number[] | null;
  from?: Date | null;
  to?: Date | null;
  search?: string | null;
}

export interface SiteChange {
  siteId: number;
  appointmentId: number;
  state: string;
}

export interface AppointmentDetail {
  appointment: AppointmentEntity;
  tasks: TaskEntity[];
  guests: GuestEntity[];
  booking: RoomBookingEntity | null;
  reservations: Array<EquipmentReservationEntity & { equipment: EquipmentEntity }>;
  specialRequests: SpecialRequestEntity[];
  events: AppointmentEventEntity[];
  approverIds: number[];
}

/** What a mutation leaves to do after commit: tell users and the site's screens. */
interface Outbox {
  notifications: NotificationEntity[];
  siteChanges: SiteChange[];
}

/**
 * Visit appointments (P1–P5) with their rooms (P2), equipment (C3) and preparation tasks
 * (C2, P1). One transaction per call; notifications are stored in it and published after.
 */
export class AppointmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
    private readonly standards: StandardsService,
    private readonly notifications: NotificationsService,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  // ---- reading -----------------------------------------------------------------------------

  async list(p: Principal, siteId: number, f: AppointmentFilter, limit: number, offset: number) {
    await this.accounts.requireSite(p, siteId);
    const qb = this.ds.getRepository(AppointmentEntity).createQueryBuilder('a').where('a.siteId = :siteId', { siteId });
    if (f.states?.length) qb.andWhere('a.state IN (:...states)', { states: f.states });
    if (f.categoryIds?.length) qb.andWhere('a.categoryId IN (:...categoryIds)', { categoryIds: f.categoryIds });
    if (f.departmentIds?.length) qb.andWhere('a.leadDepartmentId IN (:...departmentIds)', { departmentIds: f.departmentIds });
    if (f.from) qb.andWhere('a.endAt > :from', { from: f.from });
    if (f.to) qb.andWhere('a.startAt < :to', { to: f.to });
    const search = f.search?.trim();
    if (search) {
      // '!' escapes the wildcards the same way on MySQL and SQLite (a backslash does not).
      const s = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where("a.purpose LIKE :s ESCAPE '!'", { s }).orWhere("a.visitorCompany LIKE :s ESCAPE '!'", { s })));
    }
    const [rows, total] = await qb.orderBy('a.startAt', 'ASC').addOrderBy('a.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { rows, total };
  }

  /**
   * A customer's timeline: the site's appointments at which a guest left this contact (their
   * phone number as the register keeps it). One query.
   */
  async visitsByContact(siteId: number, contacts: string[]) {
    if (!contacts.length) return [];
    const rows = await this.ds
      .getRepository(GuestEntity)
      .createQueryBuilder('g')
      .innerJoin(AppointmentEntity, 'a', 'a.id = g.appointmentId')
      .select(['a.id AS id', 'a.startAt AS startAt', 'a.state AS state', 'a.purpose AS purpose', 'a.leadUserId AS leadUserId', 'g.name AS guestName'])
      .where('a.siteId = :siteId AND g.contact IN (:...contacts)', { siteId, contacts })
      .orderBy('a.startAt', 'ASC')
      .getRawMany<{ id: number; startAt: Date | string; state: string; purpose: string; leadUserId: number; guestName: string }>();
    const seen = new Set<number>();
    return rows
      .filter((r) => !seen.has(Number(r.id)) && seen.add(Number(r.id)))
      .map((r) => ({ id: Number(r.id), startAt: toDate(r.startAt), state: r.state, purpose: r.purpose, leadUserId: Number(r.leadUserId), guestName: r.guestName }));
  }

  async detail(p: Principal, id: number): Promise<AppointmentDetail> {
    const em = this.ds.manager;
    const a = await this.load(em, p, id);
    const [tasks, guests, booking, reservations, specialRequests, events, approverIds] = await Promise.all([
      em.find(TaskEntity, { where: { appointmentId: id }, order: { dueAt: 'ASC', id: 'ASC' } }),
      em.find(GuestEntity, { where: { appointmentId: id }, order: { id: 'ASC' } }),
      em.findOne(RoomBookingEntity, { where: { appointmentId: id }, order: { id: 'DESC' } }),
      em.find(EquipmentReservationEntity, { where: { appointmentId: id, active: true }, order: { id: 'ASC' } }),
      em.find(SpecialRequestEntity, { where: { appointmentId: id }, order: { id: 'ASC' } }),
      em.find(AppointmentEventEntity, { where: { appointmentId: id }, order: { id: 'ASC' } }),
      this.approverIds(em, a),
    ]);
    const items = reservations.length ? await em.findBy(EquipmentEntity, { id: In(reservations.map((r) => r.equipmentId)) }) : [];
    return {
      appointment: a,
      tasks,
      guests,
      booking,
      reservations: reservations.map((r) => Object.assign(r, { equipment: items.find((e) => e.id === r.equipmentId)! })),
      specialRequests,
      events,
      approverIds,
    };
  }

  /** P2: which rooms are free for a time, and what holds the others. */
  async roomAvailability(p: Principal, siteId: number, startAt: Date, endAt: Date, ignoreAppointmentId: number | null) {
    await this.accounts.requireSite(p, siteId);
    if (endAt <= startAt) throw badInput('endAt', 'The end must be after the start');
    const rooms = await this.ds.getRepository(RoomEntity).find({ where: { siteId, archived: false }, order: { name: 'ASC' } });
    const bookings = rooms.length
      ? await this.ds.getRepository(RoomBookingEntity).find({
          where: { roomId: In(rooms.map((r) => r.id)), active: true, startAt: LessThan(endAt), endAt: MoreThan(startAt) },
        })
      : [];
    return rooms.map((room) => {
      const held = bookings.filter((b) => b.roomId === room.id && b.appointmentId !== ignoreAppointmentId);
      return { room, free: held.length === 0, appointmentIds: held.map((b) => b.appointmentId) };
    });
  }

  async myTasks(p: Principal, includeDone: boolean) {
    const tasks = await this.ds.getRepository(TaskEntity).find({
      where: includeDone ? { ownerId: p.userId, state: Not('CANCELLED') } : { ownerId: p.userId, state: 'OPEN' },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: 200,
    });
    return tasks;
  }

  /** Requests waiting for this user's decision (P1). */
  async myApprovals(p: Principal) {
    const em = this.ds.manager;
    const waiting = await em.find(AppointmentEntity, {
      where: { siteId: In(p.siteIds.length ? p.siteIds : [0]), state: In(['requested', 'rescheduled']), approvedOnce: false },
      order: { startAt: 'ASC' },
    });
    // Approvers depend on the site and the lead department only: asked once per pair.
    const approvers = new Map<string, Promise<number[]>>();
    const mine: AppointmentEntity[] = [];
    for (const a of waiting) {
      const key = `${a.siteId}:${a.leadDepartmentId}`;
      if (!approvers.has(key)) approvers.set(key, this.approverIds(em, a));
      if ((await approvers.get(key)!).includes(p.userId)) mine.push(a);
      if (mine.length === 200) break;
    }
    return mine;
  }

  /** P5: special requests escalated to this user and not answered yet. */
  async mySpecialRequests(p: Principal) {
    return this.ds.getRepository(SpecialRequestEntity).find({ where: { escalatedToId: p.userId, repliedAt: IsNull() }, order: { promisedBy: 'ASC' }, take: 200 });
  }

  async siteChanges(p: Principal, siteId: number): Promise<AsyncIterable<SiteChange>> {
    await this.accounts.requireSite(p, siteId);
    return this.bus.pubSub.subscribe(SITE_CHANGED, siteId) as AsyncIterable<SiteChange>;
  }

  // ---- P1 request and decision ----------------------------------------------------------------

  async request(p: Principal, siteId: number, input: AppointmentRequest): Promise<AppointmentEntity> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.mutate(async (em, out) => {
      const row = await this.standards.category(em, p.companyId, input.categoryId).catch(() => {
        throw badInput('input.categoryId', 'Unknown category');
      });
      if (row.category.archived) throw badInput('input.categoryId', 'This category is archived');
      const standard = standardOf(row);
      const now = this.now();
      this.checkTimes(input.startAt, input.endAt, now);
      // C4: hosts no more than guests (when the category keeps that rule), cost within budget.
      const thrift = checkThrift(standard, input.headcount, standard.hostsAtMostGuests ? input.hosts : 0, input.estimatedCost);
      if (thrift) throw badInput(`input.${thrift.field}`, thrift.message, { reason: thrift.code });
      await this.checkDepartments(em, p, [input.leadDepartmentId], 'input.leadDepartmentId');
      await this.checkDepartments(em, p, input.supportingDepartmentIds, 'input.supportingDepartmentIds');
      const leadUserId = input.leadUserId ?? p.userId;
      await this.checkUser(em, p, leadUserId, 'input.leadUserId', siteId);
      const equipmentKinds = [...new Set((input.equipmentKinds ?? standard.equipment).map((k) => k.trim()).filter(Boolean))];
      await this.checkEquipmentKinds(em, siteId, equipmentKinds);
      if (standard.meetingRoom && input.roomId === null) throw badInput('input.roomId', 'This category needs a meeting room (C1)', { reason: 'C1_ROOM' });
      if (input.roomId !== null) {
        const room = await this.checkRoom(em, siteId, input.roomId, input.headcount + input.hosts);
        // P2: refused early when an approved appointment already holds the room.
        await this.requireRoomFree(em, room.id, input.startAt, input.endAt, null);
      }
      const a = await em.save(
        em.create(AppointmentEntity, {
          siteId,
          categoryId: input.categoryId,
          state: 'requested',
          approvedOnce: false,
          purpose: input.purpose.trim(),
          visitorCompany: input.visitorCompany.trim(),
          headcount: input.headcount,
          hosts: input.hosts,
          startAt: input.startAt,
          endAt: input.endAt,
          leadDepartmentId: input.leadDepartmentId,
          supportingDepartmentIds: [...new Set(input.supportingDepartmentIds)].filter((d) => d !== input.leadDepartmentId).map(String),
          leadUserId,
          roomId: input.roomId,
          equipmentKinds,
          estimatedCost: input.estimatedCost,
          catering: input.catering ?? standard.catering,
          pickUp: input.pickUp ?? standard.pickUp,
          lodging: input.lodging ?? standard.lodging,
          gifts: input.gifts ?? standard.gifts,
          notes: input.notes.trim(),
          // C1: allowed, but only an approval that says so accepts it.
          late: isLate(standard, now, input.startAt.getTime()),
          requestedById: p.userId,
          requestedAt: new Date(now),
          lateApproved: false,
          updatedAt: new Date(now),
        }),
      );
      await this.record(em, a, p, 'REQUESTED', null, 'requested', { late: a.late, noticeDays: standard.advanceNoticeDays });
      for (const userId of await this.approverIds(em, a)) this.notify(em, out, userId, 'APPROVAL_REQUESTED', a, { late: a.late });
      out.siteChanges.push({ siteId: site.id, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  /** P1: the head of the lead department approves; this books the room, reserves equipment and creates the tasks. */
  async approve(p: Principal, id: number, input: { acknowledgeLate: boolean; note: string | null; taskOwners: Array<{ key: string; userId: number }> }) {
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, id, true);
      await this.requireApprover(em, p, a);
      if (a.approvedOnce) throw conflict('Already approved; a reschedule keeps the approval', { reason: 'P3_INVALID_TRANSITION', from: a.state, to: 'approved' });
      this.move(a, 'approved');
      if (a.late && !input.acknowledgeLate) {
        throw badInput('acknowledgeLate', 'This request gives less notice than its category asks; approve it only by saying so (C1)', { reason: 'C1_LATE' });
      }
      const site = await em.findOneByOrFail(SiteEntity, { id: a.siteId });
      const row = await this.standards.category(em, p.companyId, a.categoryId);
      const standard = standardOf(row);
      const from = a.state as AppointmentState;
      // P2 and C3: hold the room and the equipment for the time.
      await this.holdResources(em, a);
      // P1: the category's checklist becomes tasks with owners and due times (C2: by season).
      const administrationUserId = row.category.responsibleDepartmentId ? ((await em.findOneBy(DepartmentEntity, { id: row.category.responsibleDepartmentId }))?.headUserId ?? null) : null;
      const overrides = new Map(input.taskOwners.map((o) => [o.key, o.userId]));
      for (const [key, userId] of overrides) {
        if (!standard.checklist.some((i) => i.key === key)) throw badInput('taskOwners', `No checklist item "${key}"`);
        await this.checkUser(em, p, userId, 'taskOwners', a.siteId);
      }
      const now = this.now();
      const drafts = preparationTasks(standard, a.startAt.getTime(), site.timezone);
      await em.update(TaskEntity, { appointmentId: a.id, state: 'OPEN' }, { state: 'CANCELLED' });
      const tasks = drafts.map((d) =>
        em.create(TaskEntity, {
          appointmentId: a.id,
          ownerId: overrides.get(d.key) ?? taskOwner(d.owner, { leadUserId: a.leadUserId, receiverUserId: null, administrationUserId }),
          key: d.key,
          label: d.label,
          // A late approval leaves at least an hour (never past the start), not a task already overdue.
          dueAt: new Date(Math.min(a.startAt.getTime(), Math.max(d.due, now + HOUR))),
          state: 'OPEN',
          doneAt: null,
          doneById: null,
        }),
      );
      if (tasks.length) await em.save(TaskEntity, tasks);
      a.state = 'approved';
      a.approvedOnce = true;
      a.lateApproved = a.late;
      a.decidedById = p.userId;
      a.decidedAt = new Date(now);
      a.decisionReason = input.note?.trim() || null;
      a.updatedAt = new Date(now);
      await em.save(a);
      await this.record(em, a, p, 'APPROVED', from, 'approved', { late: a.late, note: a.decisionReason, tasks: tasks.length });
      for (const userId of new Set([a.requestedById, a.leadUserId])) this.notify(em, out, userId, 'APPROVED', a, { late: a.late });
      const counts = new Map<number, number>();
      for (const t of tasks) counts.set(t.ownerId, (counts.get(t.ownerId) ?? 0) + 1);
      for (const [userId, count] of counts) this.notify(em, out, userId, 'TASK_ASSIGNED', a, { count });
      await this.prepareIfDone(em, a, p, out);
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  async reject(p: Principal, id: number, reason: string) {
    if (!reason.trim()) throw badInput('reason', 'Say why the request is rejected');
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, id, true);
      await this.requireApprover(em, p, a);
      if (a.approvedOnce) throw conflict('Already approved; cancel it instead', { reason: 'P3_INVALID_TRANSITION', from: a.state, to: 'rejected' });
      const from = this.move(a, 'rejected');
      a.decidedById = p.userId;
      a.decidedAt = this.clock.now();
      a.decisionReason = reason.trim();
      await this.release(em, a);
      await this.save(em, a, p, 'REJECTED', from, { reason: a.decisionReason });
      for (const userId of new Set([a.requestedById, a.leadUserId])) this.notify(em, out, userId, 'REJECTED', a, { reason: a.decisionReason });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  // ---- P3 reschedule and cancel ---------------------------------------------------------------

  /** P3: a reschedule moves the tasks, the room and the equipment, and tells their owners. */
  async reschedule(p: Principal, id: number, input: { startAt: Date; endAt: Date; roomId: number | null; reason: string; acknowledgeLate: boolean }) {
    if (!input.reason.trim()) throw badInput('reason', 'Say why the appointment moves');
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, id, true);
      await this.requireParty(em, p, a);
      const from = this.move(a, 'rescheduled');
      this.checkTimes(input.startAt, input.endAt, this.now());
      const row = await this.standards.category(em, p.companyId, a.categoryId);
      const standard = standardOf(row);
      const late = isLate(standard, this.now(), input.startAt.getTime());
      if (late && a.approvedOnce && !a.lateApproved) {
        // C1: moving an approved visit to short notice needs its approver to say so.
        if (!input.acknowledgeLate) throw badInput('acknowledgeLate', 'The new time gives less notice than the category asks (C1)', { reason: 'C1_LATE' });
        await this.requireApprover(em, p, a);
        a.lateApproved = true;
      }
      const delta = input.startAt.getTime() - a.startAt.getTime();
      const previous = { startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), roomId: a.roomId };
      const roomId = input.roomId ?? a.roomId;
      if (roomId !== null && roomId !== a.roomId) await this.checkRoom(em, a.siteId, roomId, a.headcount + a.hosts);
      a.startAt = input.startAt;
      a.endAt = input.endAt;
      a.roomId = roomId;
      a.late = late;
      const owners = new Set<number>();
      if (a.approvedOnce) {
        await this.holdResources(em, a);
        const tasks = await em.findBy(TaskEntity, { appointmentId: a.id, state: 'OPEN' });
        for (const t of tasks) {
          t.dueAt = new Date(t.dueAt.getTime() + delta);
          owners.add(t.ownerId);
        }
        if (tasks.length) await em.save(TaskEntity, tasks);
      } else if (roomId !== null) {
        await this.requireRoomFree(em, roomId, a.startAt, a.endAt, a.id);
      }
      await this.save(em, a, p, 'RESCHEDULED', from, { reason: input.reason.trim(), from: previous, to: { startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), roomId: a.roomId } });
      const told = new Set([...owners, a.leadUserId, a.requestedById, ...(a.approvedOnce ? [] : await this.approverIds(em, a))]);
      told.delete(p.userId);
      for (const userId of told) this.notify(em, out, userId, 'RESCHEDULED', a, { from: previous.startAt, to: a.startAt.toISOString(), reason: input.reason.trim() });
      // Preparation already complete stays complete at the new time.
      if (a.approvedOnce) await this.prepareIfDone(em, a, p, out);
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  /** P3: a cancellation frees the room and equipment, cancels the open tasks and tells their owners. */
  async cancel(p: Principal, id: number, reason: string) {
    if (!reason.trim()) throw badInput('reason', 'Say why the appointment is cancelled');
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, id, true);
      await this.requireParty(em, p, a);
      const from = this.move(a, 'cancelled');
      const open = await em.findBy(TaskEntity, { appointmentId: a.id, state: 'OPEN' });
      await this.release(em, a);
      await this.save(em, a, p, 'CANCELLED', from, { reason: reason.trim(), tasks: open.length });
      const told = new Set([...open.map((t) => t.ownerId), a.leadUserId, a.requestedById]);
      told.delete(p.userId);
      for (const userId of told) this.notify(em, out, userId, 'CANCELLED', a, { reason: reason.trim() });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  // ---- tasks ----------------------------------------------------------------------------------

  /** Ticks (or unticks) a preparation task; the last one makes the appointment prepared (P3). */
  async setTaskDone(p: Principal, taskId: number, done: boolean) {
    return this.mutate(async (em, out) => {
      const task = await em.findOneBy(TaskEntity, { id: taskId });
      if (!task) throw notFound('Task');
      const a = await this.load(em, p, task.appointmentId, true);
      if (task.ownerId !== p.userId && a.leadUserId !== p.userId && !(await this.isApprover(em, p, a))) {
        throw forbidden('Only the task owner, the lead or the approver ticks this task');
      }
      if (!HOLDS_RESOURCES.includes(a.state as AppointmentState) || a.state === 'arrived') {
        throw conflict(`The appointment is ${a.state}; its tasks are closed`, { reason: 'TASKS_CLOSED' });
      }
      if (task.state === 'CANCELLED') throw conflict('This task was cancelled', { reason: 'TASK_CANCELLED' });
      if ((task.state === 'DONE') === done) return { task, appointment: a };
      task.state = done ? 'DONE' : 'OPEN';
      task.doneAt = done ? this.clock.now() : null;
      task.doneById = done ? p.userId : null;
      await em.save(task);
      await this.record(em, a, p, done ? 'TASK_DONE' : 'TASK_REOPENED', null, null, { taskId: task.id, key: task.key, label: task.label });
      if (done) await this.prepareIfDone(em, a, p, out);
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return { task, appointment: a };
    });
  }

  // ---- P4 arrival and outcome ------------------------------------------------------------------

  async recordArrival(p: Principal, id: number, guests: GuestInput[]) {
    if (!guests.length) throw badInput('guests', 'Record at least one guest (P4)');
    // Issue 13: a contact typed as a phone number follows the register's rule and key, so the
    // customer's timeline finds the visit by their number.
    guests = guests.map((g, i) => ({ ...g, contact: guestContact(g.contact, `guests.${i}.contact`) }));
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, id, true);
      if (!hasRole(p, Role.RECEPTION, Role.MANAGER) && a.leadUserId !== p.userId) throw forbidden('The desk, a manager or the lead records arrivals');
      if (!a.approvedOnce) throw conflict('This appointment was never approved (P1)', { reason: 'P1_NOT_APPROVED' });
      const from = this.move(a, 'arrived');
      const now = this.clock.now();
      await em.save(
        GuestEntity,
        guests.map((g) => em.create(GuestEntity, { ...trimAll(g), appointmentId: a.id, recordedAt: now })),
      );
      a.arrivedAt = now;
      // Preparation that is still open is moot once the guests are here.
      await em.update(TaskEntity, { appointmentId: a.id, state: 'OPEN' }, { state: 'CANCELLED' });
      await this.save(em, a, p, 'ARRIVED', from, { guests: guests.length });
      if (a.leadUserId !== p.userId) this.notify(em, out, a.leadUserId, 'GUESTS_ARRIVED', a, { guests: guests.length });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  async complete(p: Principal, id: number, input: { outcome: string; cooperationIntent: string; feedback: string; satisfaction: number }) {
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, id, true);
      if (a.leadUserId !== p.userId && !hasRole(p, Role.MANAGER) && !(await this.isApprover(em, p, a))) {
        throw forbidden('The lead records how the visit went');
      }
      const from = this.move(a, 'completed');
      Object.assign(a, { outcome: input.outcome.trim(), cooperationIntent: input.cooperationIntent, feedback: input.feedback.trim(), satisfaction: input.satisfaction, completedAt: this.clock.now() });
      await this.save(em, a, p, 'COMPLETED', from, { satisfaction: input.satisfaction, cooperationIntent: input.cooperationIntent });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  // ---- C3 equipment and keys ----------------------------------------------------------------------

  /** C3: equipment is checked out from administration by a named person. */
  async checkOutEquipment(p: Principal, reservationId: number, byUserId: number) {
    return this.mutate(async (em, out) => {
      const r = await em.findOneBy(EquipmentReservationEntity, { id: reservationId, active: true });
      if (!r) throw notFound('Reservation');
      const a = await this.load(em, p, r.appointmentId, true);
      if (!['approved', 'rescheduled', 'prepared', 'arrived'].includes(a.state)) throw conflict(`The appointment is ${a.state}`, { reason: 'P3_INVALID_TRANSITION' });
      if (r.checkedOutAt) throw conflict('Already checked out', { reason: 'C3_CHECKED_OUT' });
      await this.checkUser(em, p, byUserId, 'byUserId', a.siteId);
      r.checkedOutById = byUserId;
      r.checkedOutAt = this.clock.now();
      await em.save(r);
      await this.record(em, a, p, 'EQUIPMENT_OUT', null, null, { reservationId: r.id, equipmentId: r.equipmentId, byUserId });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return withItem(em, r);
    });
  }

  /** C3: and must be returned after the meeting. */
  async returnEquipment(p: Principal, reservationId: number) {
    return this.mutate(async (em, out) => {
      const r = await em.findOneBy(EquipmentReservationEntity, { id: reservationId, active: true });
      if (!r) throw notFound('Reservation');
      const a = await this.load(em, p, r.appointmentId, true);
      if (!r.checkedOutAt) throw conflict('It was never checked out', { reason: 'C3_NOT_CHECKED_OUT' });
      if (r.returnedAt) throw conflict('Already returned', { reason: 'C3_RETURNED' });
      r.returnedAt = this.clock.now();
      r.returnedById = p.userId;
      // A cancelled visit kept the item only while it was out (see release); back, it is free for that time again.
      if (a.state === 'cancelled') r.active = false;
      await em.save(r);
      await this.record(em, a, p, 'EQUIPMENT_RETURNED', null, null, { reservationId: r.id, equipmentId: r.equipmentId });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return withItem(em, r);
    });
  }

  /** C3: the room is locked and the keys returned after the meeting. */
  async returnRoomKeys(p: Principal, appointmentId: number) {
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, appointmentId, true);
      if (!['arrived', 'completed'].includes(a.state)) throw conflict('Keys are returned after the meeting', { reason: 'C3_NOT_MET' });
      const b = await em.findOneBy(RoomBookingEntity, { appointmentId, active: true });
      if (!b) throw conflict('No room was booked', { reason: 'C3_NO_ROOM' });
      if (b.keysReturnedAt) throw conflict('Keys already returned', { reason: 'C3_RETURNED' });
      b.keysReturnedAt = this.clock.now();
      b.keysReturnedById = p.userId;
      await em.save(b);
      await this.record(em, a, p, 'KEYS_RETURNED', null, null, { roomId: b.roomId });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return b;
    });
  }

  // ---- P5 special requests -------------------------------------------------------------------------

  async raiseSpecialRequest(p: Principal, appointmentId: number, input: { text: string; escalatedToId: number; promisedBy: Date }) {
    if (!input.text.trim()) throw badInput('input.text', 'Describe the request');
    return this.mutate(async (em, out) => {
      const a = await this.load(em, p, appointmentId, true);
      if (['completed', 'rejected', 'cancelled'].includes(a.state)) throw conflict(`The appointment is ${a.state}`, { reason: 'P3_INVALID_TRANSITION' });
      await this.checkUser(em, p, input.escalatedToId, 'input.escalatedToId', a.siteId);
      if (input.promisedBy.getTime() <= this.now()) throw badInput('input.promisedBy', 'The promised reply time must be in the future (P5)');
      const r = await em.save(
        em.create(SpecialRequestEntity, { appointmentId, text: input.text.trim(), raisedById: p.userId, raisedAt: this.clock.now(), escalatedToId: input.escalatedToId, promisedBy: input.promisedBy, reply: null, repliedAt: null }),
      );
      await this.record(em, a, p, 'SPECIAL_REQUEST', null, null, { requestId: r.id, escalatedToId: r.escalatedToId, promisedBy: r.promisedBy.toISOString() });
      if (r.escalatedToId !== p.userId) this.notify(em, out, r.escalatedToId, 'SPECIAL_REQUEST', a, { requestId: r.id, promisedBy: r.promisedBy.toISOString() });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return r;
    });
  }

  async answerSpecialRequest(p: Principal, id: number, reply: string) {
    if (!reply.trim()) throw badInput('reply', 'Write the reply');
    return this.mutate(async (em, out) => {
      const r = await em.findOneBy(SpecialRequestEntity, { id });
      if (!r) throw notFound('Special request');
      const a = await this.load(em, p, r.appointmentId, true);
      if (r.escalatedToId !== p.userId && !hasRole(p, Role.MANAGER)) throw forbidden('Only the person it was escalated to answers it');
      if (r.repliedAt) throw conflict('Already answered', { reason: 'P5_ANSWERED' });
      r.reply = reply.trim();
      r.repliedAt = this.clock.now();
      await em.save(r);
      const late = r.repliedAt.getTime() > r.promisedBy.getTime();
      await this.record(em, a, p, 'SPECIAL_REQUEST_ANSWERED', null, null, { requestId: r.id, late });
      if (r.raisedById !== p.userId) this.notify(em, out, r.raisedById, 'SPECIAL_REQUEST_ANSWERED', a, { requestId: r.id, late });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return r;
    });
  }

  /** P5: flagged when the promised reply time passed without a reply. */
  specialRequestOverdue(r: SpecialRequestEntity): boolean {
    return isOverdue({ promisedBy: r.promisedBy.getTime(), repliedAt: r.repliedAt?.getTime() ?? null }, this.now());
  }

  /** C3: equipment out after the meeting's end is flagged until it is back. */
  equipmentOverdue(r: EquipmentReservationEntity): boolean {
    return r.checkedOutAt !== null && r.returnedAt === null && this.now() > r.endAt.getTime();
  }

  // ---- for loaders ---------------------------------------------------------------------------------

  async appointmentsByIds(ids: readonly number[]): Promise<(AppointmentEntity | null)[]> {
    const rows = await this.ds.getRepository(AppointmentEntity).findBy({ id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  }

  async taskProgress(ids: readonly number[]): Promise<Array<{ done: number; total: number }>> {
    const rows: Array<{ appointmentId: number; state: string; n: string | number }> = await this.ds
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select('t.appointmentId', 'appointmentId')
      .addSelect('t.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('t.appointmentId IN (:...ids)', { ids: [...ids] })
      .andWhere("t.state <> 'CANCELLED'")
      .groupBy('t.appointmentId')
      .addGroupBy('t.state')
      .getRawMany();
    return ids.map((id) => {
      const mine = rows.filter((r) => Number(r.appointmentId) === id);
      const total = mine.reduce((s, r) => s + Number(r.n), 0);
      const done = mine.filter((r) => r.state === 'DONE').reduce((s, r) => s + Number(r.n), 0);
      return { done, total };
    });
  }

  // ---- internals -----------------------------------------------------------------------------------

  private async mutate<T>(work: (em: EntityManager, out: Outbox) => Promise<T>): Promise<T> {
    let out: Outbox = { notifications: [], siteChanges: [] };
    // READ COMMITTED: after a row lock is granted, every read sees what the previous holder
    // committed, and range reads take no gap locks (under REPEATABLE READ concurrent approvals
    // of different rooms deadlocked on the bookings index).
    const result = await this.tx.run(
      async (em) => {
        out = { notifications: [], siteChanges: [] };
        const r = await work(em, out);
        if (out.notifications.length) await em.save(out.notifications);
        return r;
      },
      { isolation: 'READ COMMITTED' },
    );
    // After commit: a retried transaction publishes once.
    this.notifications.publish(out.notifications);
    const seen = new Set<string>();
    for (const c of out.siteChanges) {
      const key = `${c.siteId}:${c.appointmentId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.bus.pubSub.publish(SITE_CHANGED, c.siteId, c);
    }
    return result;
  }

  private notify(em: EntityManager, out: Outbox, userId: number, kind: NotificationKind, a: AppointmentEntity, params: Record<string, unknown>) {
    out.notifications.push(
      this.notifications.build(em, {
        userId,
        kind,
        appointmentId: a.id,
        params: { purpose: a.purpose, visitorCompany: a.visitorCompany, startAt: a.startAt.toISOString(), ...params },
      }),
    );
  }

  private async load(em: EntityManager, p: Principal, id: number, lock = false): Promise<AppointmentEntity> {
    const a = lock ? await lockRow(em, AppointmentEntity, id) : await em.findOneBy(AppointmentEntity, { id });
    if (!a) throw notFound('Appointment');
    // Through the transaction's own connection: a second pooled one per transaction would let
    // as many concurrent mutations as the pool has connections wait for each other forever.
    const site = await em.findOneBy(SiteEntity, { id: a.siteId });
    if (!site || !canActOnSite(p, site)) throw notFound('Appointment');
    return a;
  }

  /** P3: every move goes through the life-cycle table. */
  private move(a: AppointmentEntity, to: AppointmentState): AppointmentState {
    const from = a.state as AppointmentState;
    const t = transition(from, to);
    if (!t.ok) throw new AppError(ErrorCode.CONFLICT, t.message, { reason: 'P3_INVALID_TRANSITION', ...t.params });
    if (to === 'prepared' && !a.approvedOnce) throw conflict('Not approved yet (P1)', { reason: 'P1_NOT_APPROVED' });
    a.state = to;
    return from;
  }

  private async save(em: EntityManager, a: AppointmentEntity, p: Principal | null, kind: string, from: AppointmentState, params: Record<string, unknown>) {
    a.updatedAt = this.clock.now();
    await em.save(a);
    await this.record(em, a, p, kind, from, a.state, params);
  }

  private async record(em: EntityManager, a: AppointmentEntity, p: Principal | null, kind: string, from: string | null, to: string | null, params: Record<string, unknown>) {
    await em.insert(AppointmentEventEntity, { appointmentId: a.id, at: this.clock.now(), byId: p?.userId ?? null, kind, fromState: from, toState: to, params: JSON.stringify(params) });
  }

  private async prepareIfDone(em: EntityManager, a: AppointmentEntity, p: Principal, out: Outbox) {
    const open = await em.countBy(TaskEntity, { appointmentId: a.id, state: 'OPEN' });
    const next = preparedWhenDone(a.state as AppointmentState, a.approvedOnce, open);
    if (!next) return;
    const from = this.move(a, next);
    await this.save(em, a, p, 'PREPARED', from, {});
    out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
  }

  /** P1: the lead department's head; a department without a head falls back to the site's managers. */
  async approverIds(em: EntityManager, a: AppointmentEntity): Promise<number[]> {
    const dept = await em.findOneBy(DepartmentEntity, { id: a.leadDepartmentId });
    // A disabled head decides nothing: the managers step in.
    if (dept?.headUserId && (await em.existsBy(UserEntity, { id: dept.headUserId, disabled: false }))) return [dept.headUserId];
    const links = await em.findBy(UserSiteEntity, { siteId: a.siteId });
    if (!links.length) return [];
    const users = await em.findBy(UserEntity, { id: In(links.map((l) => l.userId)), disabled: false });
    return users.filter((u) => u.roles.includes(Role.MANAGER)).map((u) => u.id);
  }

  private async isApprover(em: EntityManager, p: Principal, a: AppointmentEntity) {
    return (await this.approverIds(em, a)).includes(p.userId);
  }

  private async requireApprover(em: EntityManager, p: Principal, a: AppointmentEntity) {
    if (!(await this.isApprover(em, p, a))) throw new AppError(ErrorCode.FORBIDDEN, 'Only the head of the lead department decides this request (P1)', { reason: 'P1_NOT_APPROVER' });
  }

  /** Who may move or cancel: the requester, the lead, the approver or a manager. */
  private async requireParty(em: EntityManager, p: Principal, a: AppointmentEntity) {
    if (a.requestedById === p.userId || a.leadUserId === p.userId || hasRole(p, Role.MANAGER)) return;
    if (await this.isApprover(em, p, a)) return;
    throw forbidden('Only the requester, the lead, the approver or a manager changes this appointment');
  }

  private checkTimes(startAt: Date, endAt: Date, now: number) {
    if (Number.isNaN(startAt.getTime()) || startAt.getTime() <= now) throw badInput('input.startAt', 'The visit must be in the future');
    if (!(endAt > startAt)) throw badInput('input.endAt', 'The end must be after the start');
    if (endAt.getTime() - startAt.getTime() > 24 * HOUR) throw badInput('input.endAt', 'A visit lasts at most 24 hours');
  }

  private async checkDepartments(em: EntityManager, p: Principal, ids: number[], field: string) {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = await em.countBy(DepartmentEntity, { id: In(unique), companyId: p.companyId });
    if (found !== unique.length) throw badInput(field, 'Unknown department');
  }

  /** The lead, task owners, escalation and borrowers are active people of the appointment's site. */
  private async checkUser(em: EntityManager, p: Principal, userId: number, field: string, siteId: number) {
    const u = await em.findOneBy(UserEntity, { id: userId, companyId: p.companyId });
    if (!u || u.disabled) throw badInput(field, 'Not an active user of this company');
    if (!u.roles.includes(Role.ADMIN) && !(await em.existsBy(UserSiteEntity, { userId, siteId }))) throw badInput(field, 'Not a member of this site');
  }

  private async checkRoom(em: EntityManager, siteId: number, roomId: number, people: number) {
    const room = await em.findOneBy(RoomEntity, { id: roomId, siteId });
    if (!room || room.archived) throw badInput('input.roomId', 'Unknown room');
    if (room.capacity < people) throw badInput('input.roomId', `The room seats ${room.capacity}; guests and hosts are ${people}`, { reason: 'ROOM_TOO_SMALL' });
    return room;
  }

  private async checkEquipmentKinds(em: EntityManager, siteId: number, kinds: string[]) {
    if (!kinds.length) return;
    const items = await em.findBy(EquipmentEntity, { siteId, kind: In(kinds), archived: false });
    const missing = kinds.filter((k) => !items.some((i) => i.kind === k));
    if (missing.length) throw badInput('input.equipmentKinds', `This site has no ${missing.join(', ')}`, { reason: 'C3_UNKNOWN_KIND', kinds: missing });
  }

  /**
   * P2: refuse when another active booking of the room overlaps. A plain read: under READ
   * COMMITTED (see mutate) it sees every booking committed before the room's lock was granted.
   */
  private async requireRoomFree(em: EntityManager, roomId: number, startAt: Date, endAt: Date, appointmentId: number | null) {
    const near = await em.findBy(RoomBookingEntity, { roomId, active: true, startAt: LessThan(endAt), endAt: MoreThan(startAt) });
    const taken = clashes(
      near.map((b) => ({ id: b.appointmentId, resourceId: b.roomId, start: b.startAt.getTime(), end: b.endAt.getTime() })),
      { resourceId: roomId, start: startAt.getTime(), end: endAt.getTime() },
      appointmentId ?? undefined,
    );
    if (taken.length) throw conflict('The room is already booked for that time (P2)', { reason: 'P2_ROOM_TAKEN', field: 'roomId', appointmentIds: taken.map((t) => t.id) });
  }

  /** P2 and C3: (re)book the room and reserve one free item of each equipment kind. */
  private async holdResources(em: EntityManager, a: AppointmentEntity) {
    await em.update(RoomBookingEntity, { appointmentId: a.id, active: true }, { active: false });
    if (a.roomId !== null) {
      // The room row is the lock: two approvals of one room queue here (FOR UPDATE on MySQL).
      await lockRow(em, RoomEntity, a.roomId);
      await this.requireRoomFree(em, a.roomId, a.startAt, a.endAt, a.id);
      await em.insert(RoomBookingEntity, { roomId: a.roomId, appointmentId: a.id, startAt: a.startAt, endAt: a.endAt, active: true, keysReturnedAt: null, keysReturnedById: null });
    }
    const previous = await em.findBy(EquipmentReservationEntity, { appointmentId: a.id, active: true });
    await em.update(EquipmentReservationEntity, { appointmentId: a.id, active: true }, { active: false });
    for (const kind of [...a.equipmentKinds].sort()) {
      const items = await lockRows(em, EquipmentEntity, { siteId: a.siteId, kind, archived: false });
      const ids = items.map((i) => i.id);
      const busy = ids.length ? await em.findBy(EquipmentReservationEntity, { equipmentId: In(ids), active: true, startAt: LessThan(a.endAt), endAt: MoreThan(a.startAt) }) : [];
      // Keep the item it had when it is still free; else the first free one.
      const had = previous.find((r) => ids.includes(r.equipmentId));
      const free = items.filter((i) => !busy.some((b) => b.equipmentId === i.id));
      const pick = free.find((i) => i.id === had?.equipmentId) ?? free[0];
      if (!pick) throw conflict(`No ${kind} is free at that time (C3)`, { reason: 'C3_EQUIPMENT_UNAVAILABLE', kind });
      await em.insert(EquipmentReservationEntity, {
        equipmentId: pick.id,
        appointmentId: a.id,
        startAt: a.startAt,
        endAt: a.endAt,
        active: true,
        ...(had && had.equipmentId === pick.id
          ? { checkedOutById: had.checkedOutById, checkedOutAt: had.checkedOutAt, returnedAt: had.returnedAt, returnedById: had.returnedById }
          : { checkedOutById: null, checkedOutAt: null, returnedAt: null, returnedById: null }),
      });
    }
  }

  private async release(em: EntityManager, a: AppointmentEntity) {
    await em.update(RoomBookingEntity, { appointmentId: a.id, active: true }, { active: false });
    // C3: what is already out stays on record until it is returned.
    await em.update(EquipmentReservationEntity, { appointmentId: a.id, active: true, checkedOutAt: IsNull() }, { active: false });
    await em.update(TaskEntity, { appointmentId: a.id, state: 'OPEN' }, { state: 'CANCELLED' });
  }
}

/** A reservation with its item, as the equipment views show it. */
async function withItem(em: EntityManager, r: EquipmentReservationEntity) {
  return Object.assign(r, { equipment: await em.findOneByOrFail(EquipmentEntity, { id: r.equipmentId }) });
}

function trimAll<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;
}

/** SELECT … FOR UPDATE on MySQL; SQLite's transactions are already one at a time. */
async function lockRow<T extends ObjectLiteral & { id: number }>(em: EntityManager, entity: EntityTarget<T>, id: number): Promise<T | null> {
  const qb = em.createQueryBuilder(entity, 'x').where('x.id = :id', { id });
  if (takesRowLocks(em)) qb.setLock('pessimistic_write');
  return qb.getOne();
}


async function lockRows<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, where: Record<string, unknown>): Promise<T[]> {
  const qb = em.createQueryBuilder(entity, 'x');
  for (const [k, v] of Object.entries(where)) qb.andWhere(`x.${k} = :${k}`, { [k]: v });
  if (takesRowLocks(em)) qb.setLock('pessimistic_write');
  return qb.orderBy('x.id', 'ASC').getMany();
}

/** Raw datetimes: a Date on MySQL, an ISO-like string (UTC) on SQLite. */
function toDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}
