import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentEntity, SiteEntity } from '../accounts/accounts.entity.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import type { Transactions } from '../platform/db/transaction.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { badInput, conflict } from '../platform/errors.js';
import type { EventBus } from '../platform/pubsub.js';
import { AppointmentEntity, TaskEntity, type EquipmentReservationEntity, type SpecialRequestEntity } from './appointments.entity.js';
import { approverIds, checkDepartments, checkEquipmentKinds, checkRoom, checkTimes, checkUser, HOUR, load, requireApprover, requireParty } from './appointments.checks.js';
import { AppointmentDay, type GuestInput } from './appointments.day.js';
import { AppointmentReads, type AppointmentDetail, type AppointmentFilter } from './appointments.reads.js';
import { holdResources, release, requireRoomFree } from './appointments.resources.js';
import { AppointmentWrites, SITE_CHANGED, type SiteChange } from './appointments.writes.js';
import type { AppointmentState } from './domain/lifecycle.js';
import { checkThrift, isLate, preparationTasks, taskOwner } from './domain/standards.js';
import { standardOf, type StandardsService } from './standards.service.js';

export type { AppointmentDetail, AppointmentFilter } from './appointments.reads.js';
export type { GuestInput } from './appointments.day.js';
export type { SiteChange } from './appointments.writes.js';

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

/**
 * Visit appointments (P1–P5) with their rooms (P2), equipment (C3) and preparation tasks
 * (C2, P1). One transaction per call; notifications are stored in it and published after.
 * Here: the request, its decision (P1), reschedule and cancel (P3). Beside it: the reads
 * (appointments.reads.ts), the day itself: tasks, arrival, equipment, keys, special requests
 * (appointments.day.ts), the shared transaction and event log (appointments.writes.ts), who
 * may act and input checks (appointments.checks.ts), rooms and equipment held (appointments.resources.ts).
 */
export class AppointmentsService {
  private readonly writes: AppointmentWrites;
  private readonly reads: AppointmentReads;
  private readonly day: AppointmentDay;

  constructor(
    ds: DataSource,
    tx: Transactions,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly accounts: AccountsService,
    private readonly standards: StandardsService,
    notifications: NotificationsService,
  ) {
    this.writes = new AppointmentWrites(tx, clock, bus, notifications);
    this.reads = new AppointmentReads(ds, accounts);
    this.day = new AppointmentDay(this.writes, clock);
  }

  now(): number {
    return this.clock.now().getTime();
  }

  // ---- reading: appointments.reads.ts ------------------------------------------------------

  list(p: Principal, siteId: number, f: AppointmentFilter, limit: number, offset: number) {
    return this.reads.list(p, siteId, f, limit, offset);
  }

  /** A customer's timeline: the site's appointments at which a guest left this contact. */
  visitsByContact(siteId: number, contacts: string[]) {
    return this.reads.visitsByContact(siteId, contacts);
  }

  detail(p: Principal, id: number): Promise<AppointmentDetail> {
    return this.reads.detail(p, id);
  }

  /** P2: which rooms are free for a time, and what holds the others. */
  roomAvailability(p: Principal, siteId: number, startAt: Date, endAt: Date, ignoreAppointmentId: number | null) {
    return this.reads.roomAvailability(p, siteId, startAt, endAt, ignoreAppointmentId);
  }

  myTasks(p: Principal, includeDone: boolean) {
    return this.reads.myTasks(p, includeDone);
  }

  /** Requests waiting for this user's decision (P1). */
  myApprovals(p: Principal) {
    return this.reads.myApprovals(p);
  }

  /** P5: special requests escalated to this user and not answered yet. */
  mySpecialRequests(p: Principal) {
    return this.reads.mySpecialRequests(p);
  }

  async siteChanges(p: Principal, siteId: number): Promise<AsyncIterable<SiteChange>> {
    await this.accounts.requireSite(p, siteId);
    return this.bus.pubSub.subscribe(SITE_CHANGED, siteId) as AsyncIterable<SiteChange>;
  }

  // ---- P1 request and decision ----------------------------------------------------------------

  async request(p: Principal, siteId: number, input: AppointmentRequest): Promise<AppointmentEntity> {
    const site = await this.accounts.requireSite(p, siteId);
    return this.writes.mutate(async (em, out) => {
      const row = await this.standards.category(em, p.companyId, input.categoryId).catch(() => {
        throw badInput('input.categoryId', 'Unknown category');
      });
      if (row.category.archived) throw badInput('input.categoryId', 'This category is archived');
      const standard = standardOf(row);
      const now = this.now();
      checkTimes(input.startAt, input.endAt, now);
      // C4: hosts no more than guests (when the category keeps that rule), cost within budget.
      const thrift = checkThrift(standard, input.headcount, standard.hostsAtMostGuests ? input.hosts : 0, input.estimatedCost);
      if (thrift) throw badInput(`input.${thrift.field}`, thrift.message, { reason: thrift.code });
      await checkDepartments(em, p, [input.leadDepartmentId], 'input.leadDepartmentId');
      await checkDepartments(em, p, input.supportingDepartmentIds, 'input.supportingDepartmentIds');
      const leadUserId = input.leadUserId ?? p.userId;
      await checkUser(em, p, leadUserId, 'input.leadUserId', siteId);
      const equipmentKinds = [...new Set((input.equipmentKinds ?? standard.equipment).map((k) => k.trim()).filter(Boolean))];
      await checkEquipmentKinds(em, siteId, equipmentKinds);
      if (standard.meetingRoom && input.roomId === null) throw badInput('input.roomId', 'This category needs a meeting room (C1)', { reason: 'C1_ROOM' });
      if (input.roomId !== null) {
        const room = await checkRoom(em, siteId, input.roomId, input.headcount + input.hosts);
        // P2: refused early when an approved appointment already holds the room.
        await requireRoomFree(em, room.id, input.startAt, input.endAt, null);
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
      await this.writes.record(em, a, p, 'REQUESTED', null, 'requested', { late: a.late, noticeDays: standard.advanceNoticeDays });
      for (const userId of await approverIds(em, a)) this.writes.notify(em, out, userId, 'APPROVAL_REQUESTED', a, { late: a.late });
      out.siteChanges.push({ siteId: site.id, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  /** P1: the head of the lead department approves; this books the room, reserves equipment and creates the tasks. */
  async approve(p: Principal, id: number, input: { acknowledgeLate: boolean; note: string | null; taskOwners: Array<{ key: string; userId: number }> }) {
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, id, true);
      await requireApprover(em, p, a);
      if (a.approvedOnce) throw conflict('Already approved; a reschedule keeps the approval', { reason: 'P3_INVALID_TRANSITION', from: a.state, to: 'approved' });
      this.writes.move(a, 'approved');
      if (a.late && !input.acknowledgeLate) {
        throw badInput('acknowledgeLate', 'This request gives less notice than its category asks; approve it only by saying so (C1)', { reason: 'C1_LATE' });
      }
      const site = await em.findOneByOrFail(SiteEntity, { id: a.siteId });
      const row = await this.standards.category(em, p.companyId, a.categoryId);
      const standard = standardOf(row);
      const from = a.state as AppointmentState;
      // P2 and C3: hold the room and the equipment for the time.
      await holdResources(em, a);
      // P1: the category's checklist becomes tasks with owners and due times (C2: by season).
      const administrationUserId = row.category.responsibleDepartmentId ? ((await em.findOneBy(DepartmentEntity, { id: row.category.responsibleDepartmentId }))?.headUserId ?? null) : null;
      const overrides = new Map(input.taskOwners.map((o) => [o.key, o.userId]));
      for (const [key, userId] of overrides) {
        if (!standard.checklist.some((i) => i.key === key)) throw badInput('taskOwners', `No checklist item "${key}"`);
        await checkUser(em, p, userId, 'taskOwners', a.siteId);
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
      await this.writes.record(em, a, p, 'APPROVED', from, 'approved', { late: a.late, note: a.decisionReason, tasks: tasks.length });
      for (const userId of new Set([a.requestedById, a.leadUserId])) this.writes.notify(em, out, userId, 'APPROVED', a, { late: a.late });
      const counts = new Map<number, number>();
      for (const t of tasks) counts.set(t.ownerId, (counts.get(t.ownerId) ?? 0) + 1);
      for (const [userId, count] of counts) this.writes.notify(em, out, userId, 'TASK_ASSIGNED', a, { count });
      await this.writes.prepareIfDone(em, a, p, out);
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  async reject(p: Principal, id: number, reason: string) {
    if (!reason.trim()) throw badInput('reason', 'Say why the request is rejected');
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, id, true);
      await requireApprover(em, p, a);
      if (a.approvedOnce) throw conflict('Already approved; cancel it instead', { reason: 'P3_INVALID_TRANSITION', from: a.state, to: 'rejected' });
      const from = this.writes.move(a, 'rejected');
      a.decidedById = p.userId;
      a.decidedAt = this.clock.now();
      a.decisionReason = reason.trim();
      await release(em, a);
      await this.writes.save(em, a, p, 'REJECTED', from, { reason: a.decisionReason });
      for (const userId of new Set([a.requestedById, a.leadUserId])) this.writes.notify(em, out, userId, 'REJECTED', a, { reason: a.decisionReason });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  // ---- P3 reschedule and cancel ---------------------------------------------------------------

  /** P3: a reschedule moves the tasks, the room and the equipment, and tells their owners. */
  async reschedule(p: Principal, id: number, input: { startAt: Date; endAt: Date; roomId: number | null; reason: string; acknowledgeLate: boolean }) {
    if (!input.reason.trim()) throw badInput('reason', 'Say why the appointment moves');
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, id, true);
      await requireParty(em, p, a);
      const from = this.writes.move(a, 'rescheduled');
      checkTimes(input.startAt, input.endAt, this.now());
      const row = await this.standards.category(em, p.companyId, a.categoryId);
      const standard = standardOf(row);
      const late = isLate(standard, this.now(), input.startAt.getTime());
      if (late && a.approvedOnce && !a.lateApproved) {
        // C1: moving an approved visit to short notice needs its approver to say so.
        if (!input.acknowledgeLate) throw badInput('acknowledgeLate', 'The new time gives less notice than the category asks (C1)', { reason: 'C1_LATE' });
        await requireApprover(em, p, a);
        a.lateApproved = true;
      }
      const delta = input.startAt.getTime() - a.startAt.getTime();
      const previous = { startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), roomId: a.roomId };
      const roomId = input.roomId ?? a.roomId;
      if (roomId !== null && roomId !== a.roomId) await checkRoom(em, a.siteId, roomId, a.headcount + a.hosts);
      a.startAt = input.startAt;
      a.endAt = input.endAt;
      a.roomId = roomId;
      a.late = late;
      const owners = new Set<number>();
      if (a.approvedOnce) {
        await holdResources(em, a);
        const tasks = await em.findBy(TaskEntity, { appointmentId: a.id, state: 'OPEN' });
        for (const t of tasks) {
          t.dueAt = new Date(t.dueAt.getTime() + delta);
          owners.add(t.ownerId);
        }
        if (tasks.length) await em.save(TaskEntity, tasks);
      } else if (roomId !== null) {
        await requireRoomFree(em, roomId, a.startAt, a.endAt, a.id);
      }
      await this.writes.save(em, a, p, 'RESCHEDULED', from, { reason: input.reason.trim(), from: previous, to: { startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), roomId: a.roomId } });
      const told = new Set([...owners, a.leadUserId, a.requestedById, ...(a.approvedOnce ? [] : await approverIds(em, a))]);
      told.delete(p.userId);
      for (const userId of told) this.writes.notify(em, out, userId, 'RESCHEDULED', a, { from: previous.startAt, to: a.startAt.toISOString(), reason: input.reason.trim() });
      // Preparation already complete stays complete at the new time.
      if (a.approvedOnce) await this.writes.prepareIfDone(em, a, p, out);
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  /** P3: a cancellation frees the room and equipment, cancels the open tasks and tells their owners. */
  async cancel(p: Principal, id: number, reason: string) {
    if (!reason.trim()) throw badInput('reason', 'Say why the appointment is cancelled');
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, id, true);
      await requireParty(em, p, a);
      const from = this.writes.move(a, 'cancelled');
      const open = await em.findBy(TaskEntity, { appointmentId: a.id, state: 'OPEN' });
      await release(em, a);
      await this.writes.save(em, a, p, 'CANCELLED', from, { reason: reason.trim(), tasks: open.length });
      const told = new Set([...open.map((t) => t.ownerId), a.leadUserId, a.requestedById]);
      told.delete(p.userId);
      for (const userId of told) this.writes.notify(em, out, userId, 'CANCELLED', a, { reason: reason.trim() });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }
  // ---- the day: appointments.day.ts -----------------------------------------------------------

  /** Ticks (or unticks) a preparation task; the last one makes the appointment prepared (P3). */
  setTaskDone(p: Principal, taskId: number, done: boolean) {
    return this.day.setTaskDone(p, taskId, done);
  }

  /** P4: the guests are here. */
  recordArrival(p: Principal, id: number, guests: GuestInput[]) {
    return this.day.recordArrival(p, id, guests);
  }

  /** P4: how the visit went. */
  complete(p: Principal, id: number, input: { outcome: string; cooperationIntent: string; feedback: string; satisfaction: number }) {
    return this.day.complete(p, id, input);
  }

  /** C3: equipment is checked out from administration by a named person. */
  checkOutEquipment(p: Principal, reservationId: number, byUserId: number) {
    return this.day.checkOutEquipment(p, reservationId, byUserId);
  }

  /** C3: and must be returned after the meeting. */
  returnEquipment(p: Principal, reservationId: number) {
    return this.day.returnEquipment(p, reservationId);
  }

  /** C3: the room is locked and the keys returned after the meeting. */
  returnRoomKeys(p: Principal, appointmentId: number) {
    return this.day.returnRoomKeys(p, appointmentId);
  }

  /** P5: a special request escalated to someone who promises a reply by a time. */
  raiseSpecialRequest(p: Principal, appointmentId: number, input: { text: string; escalatedToId: number; promisedBy: Date }) {
    return this.day.raiseSpecialRequest(p, appointmentId, input);
  }

  answerSpecialRequest(p: Principal, id: number, reply: string) {
    return this.day.answerSpecialRequest(p, id, reply);
  }

  /** P5: flagged when the promised reply time passed without a reply. */
  specialRequestOverdue(r: SpecialRequestEntity): boolean {
    return this.day.specialRequestOverdue(r);
  }

  /** C3: equipment out after the meeting's end is flagged until it is back. */
  equipmentOverdue(r: EquipmentReservationEntity): boolean {
    return this.day.equipmentOverdue(r);
  }

  // ---- for loaders ---------------------------------------------------------------------------------

  appointmentsByIds(ids: readonly number[]): Promise<(AppointmentEntity | null)[]> {
    return this.reads.appointmentsByIds(ids);
  }

  taskProgress(ids: readonly number[]): Promise<Array<{ done: number; total: number }>> {
    return this.reads.taskProgress(ids);
  }

  /** P1: the lead department's head; a department without a head falls back to the site's managers. */
  approverIds(em: EntityManager, a: AppointmentEntity): Promise<number[]> {
    return approverIds(em, a);
  }
}
