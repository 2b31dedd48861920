import { hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import type { Clock } from '../platform/clock.js';
import { badInput, conflict, forbidden, notFound } from '../platform/errors.js';
import { guestContact } from '../platform/phone-input.js';
import { EquipmentReservationEntity, GuestEntity, RoomBookingEntity, SpecialRequestEntity, TaskEntity } from './appointments.entity.js';
import { checkUser, isApprover, load } from './appointments.checks.js';
import { withItem } from './appointments.resources.js';
import type { AppointmentWrites } from './appointments.writes.js';
import { HOLDS_RESOURCES, type AppointmentState } from './domain/lifecycle.js';
import { isOverdue } from './domain/rooms.js';

export interface GuestInput {
  name: string;
  company: string;
  title: string;
  contact: string;
  businessScope: string;
  purpose: string;
  needs: string;
}

/**
 * An approved appointment up to its day and on it: preparation tasks, arrival and outcome (P4),
 * equipment and room keys (C3), special requests (P5).
 */
export class AppointmentDay {
  constructor(
    private readonly writes: AppointmentWrites,
    private readonly clock: Clock,
  ) {}

  // ---- tasks ----------------------------------------------------------------------------------

  /** Ticks (or unticks) a preparation task; the last one makes the appointment prepared (P3). */
  async setTaskDone(p: Principal, taskId: number, done: boolean) {
    return this.writes.mutate(async (em, out) => {
      const task = await em.findOneBy(TaskEntity, { id: taskId });
      if (!task) throw notFound('Task');
      const a = await load(em, p, task.appointmentId, true);
      if (task.ownerId !== p.userId && a.leadUserId !== p.userId && !(await isApprover(em, p, a))) {
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
      await this.writes.record(em, a, p, done ? 'TASK_DONE' : 'TASK_REOPENED', null, null, { taskId: task.id, key: task.key, label: task.label });
      if (done) await this.writes.prepareIfDone(em, a, p, out);
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
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, id, true);
      if (!hasRole(p, Role.RECEPTION, Role.MANAGER) && a.leadUserId !== p.userId) throw forbidden('The desk, a manager or the lead records arrivals');
      if (!a.approvedOnce) throw conflict('This appointment was never approved (P1)', { reason: 'P1_NOT_APPROVED' });
      const from = this.writes.move(a, 'arrived');
      const now = this.clock.now();
      await em.save(
        GuestEntity,
        guests.map((g) => em.create(GuestEntity, { ...trimAll(g), appointmentId: a.id, recordedAt: now })),
      );
      a.arrivedAt = now;
      // Preparation that is still open is moot once the guests are here.
      await em.update(TaskEntity, { appointmentId: a.id, state: 'OPEN' }, { state: 'CANCELLED' });
      await this.writes.save(em, a, p, 'ARRIVED', from, { guests: guests.length });
      if (a.leadUserId !== p.userId) this.writes.notify(em, out, a.leadUserId, 'GUESTS_ARRIVED', a, { guests: guests.length });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  async complete(p: Principal, id: number, input: { outcome: string; cooperationIntent: string; feedback: string; satisfaction: number }) {
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, id, true);
      if (a.leadUserId !== p.userId && !hasRole(p, Role.MANAGER) && !(await isApprover(em, p, a))) {
        throw forbidden('The lead records how the visit went');
      }
      const from = this.writes.move(a, 'completed');
      Object.assign(a, { outcome: input.outcome.trim(), cooperationIntent: input.cooperationIntent, feedback: input.feedback.trim(), satisfaction: input.satisfaction, completedAt: this.clock.now() });
      await this.writes.save(em, a, p, 'COMPLETED', from, { satisfaction: input.satisfaction, cooperationIntent: input.cooperationIntent });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return a;
    });
  }

  // ---- C3 equipment and keys ----------------------------------------------------------------------

  /** C3: equipment is checked out from administration by a named person. */
  async checkOutEquipment(p: Principal, reservationId: number, byUserId: number) {
    return this.writes.mutate(async (em, out) => {
      const r = await em.findOneBy(EquipmentReservationEntity, { id: reservationId, active: true });
      if (!r) throw notFound('Reservation');
      const a = await load(em, p, r.appointmentId, true);
      if (!['approved', 'rescheduled', 'prepared', 'arrived'].includes(a.state)) throw conflict(`The appointment is ${a.state}`, { reason: 'P3_INVALID_TRANSITION' });
      if (r.checkedOutAt) throw conflict('Already checked out', { reason: 'C3_CHECKED_OUT' });
      await checkUser(em, p, byUserId, 'byUserId', a.siteId);
      r.checkedOutById = byUserId;
      r.checkedOutAt = this.clock.now();
      await em.save(r);
      await this.writes.record(em, a, p, 'EQUIPMENT_OUT', null, null, { reservationId: r.id, equipmentId: r.equipmentId, byUserId });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return withItem(em, r);
    });
  }

  /** C3: and must be returned after the meeting. */
  async returnEquipment(p: Principal, reservationId: number) {
    return this.writes.mutate(async (em, out) => {
      const r = await em.findOneBy(EquipmentReservationEntity, { id: reservationId, active: true });
      if (!r) throw notFound('Reservation');
      const a = await load(em, p, r.appointmentId, true);
      if (!r.checkedOutAt) throw conflict('It was never checked out', { reason: 'C3_NOT_CHECKED_OUT' });
      if (r.returnedAt) throw conflict('Already returned', { reason: 'C3_RETURNED' });
      r.returnedAt = this.clock.now();
      r.returnedById = p.userId;
      // A cancelled visit kept the item only while it was out (see release); back, it is free for that time again.
      if (a.state === 'cancelled') r.active = false;
      await em.save(r);
      await this.writes.record(em, a, p, 'EQUIPMENT_RETURNED', null, null, { reservationId: r.id, equipmentId: r.equipmentId });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return withItem(em, r);
    });
  }

  /** C3: the room is locked and the keys returned after the meeting. */
  async returnRoomKeys(p: Principal, appointmentId: number) {
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, appointmentId, true);
      if (!['arrived', 'completed'].includes(a.state)) throw conflict('Keys are returned after the meeting', { reason: 'C3_NOT_MET' });
      const b = await em.findOneBy(RoomBookingEntity, { appointmentId, active: true });
      if (!b) throw conflict('No room was booked', { reason: 'C3_NO_ROOM' });
      if (b.keysReturnedAt) throw conflict('Keys already returned', { reason: 'C3_RETURNED' });
      b.keysReturnedAt = this.clock.now();
      b.keysReturnedById = p.userId;
      await em.save(b);
      await this.writes.record(em, a, p, 'KEYS_RETURNED', null, null, { roomId: b.roomId });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return b;
    });
  }

  // ---- P5 special requests -------------------------------------------------------------------------

  async raiseSpecialRequest(p: Principal, appointmentId: number, input: { text: string; escalatedToId: number; promisedBy: Date }) {
    if (!input.text.trim()) throw badInput('input.text', 'Describe the request');
    return this.writes.mutate(async (em, out) => {
      const a = await load(em, p, appointmentId, true);
      if (['completed', 'rejected', 'cancelled'].includes(a.state)) throw conflict(`The appointment is ${a.state}`, { reason: 'P3_INVALID_TRANSITION' });
      await checkUser(em, p, input.escalatedToId, 'input.escalatedToId', a.siteId);
      if (input.promisedBy.getTime() <= this.writes.now()) throw badInput('input.promisedBy', 'The promised reply time must be in the future (P5)');
      const r = await em.save(
        em.create(SpecialRequestEntity, { appointmentId, text: input.text.trim(), raisedById: p.userId, raisedAt: this.clock.now(), escalatedToId: input.escalatedToId, promisedBy: input.promisedBy, reply: null, repliedAt: null }),
      );
      await this.writes.record(em, a, p, 'SPECIAL_REQUEST', null, null, { requestId: r.id, escalatedToId: r.escalatedToId, promisedBy: r.promisedBy.toISOString() });
      if (r.escalatedToId !== p.userId) this.writes.notify(em, out, r.escalatedToId, 'SPECIAL_REQUEST', a, { requestId: r.id, promisedBy: r.promisedBy.toISOString() });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return r;
    });
  }

  async answerSpecialRequest(p: Principal, id: number, reply: string) {
    if (!reply.trim()) throw badInput('reply', 'Write the reply');
    return this.writes.mutate(async (em, out) => {
      const r = await em.findOneBy(SpecialRequestEntity, { id });
      if (!r) throw notFound('Special request');
      const a = await load(em, p, r.appointmentId, true);
      if (r.escalatedToId !== p.userId && !hasRole(p, Role.MANAGER)) throw forbidden('Only the person it was escalated to answers it');
      if (r.repliedAt) throw conflict('Already answered', { reason: 'P5_ANSWERED' });
      r.reply = reply.trim();
      r.repliedAt = this.clock.now();
      await em.save(r);
      const late = r.repliedAt.getTime() > r.promisedBy.getTime();
      await this.writes.record(em, a, p, 'SPECIAL_REQUEST_ANSWERED', null, null, { requestId: r.id, late });
      if (r.raisedById !== p.userId) this.writes.notify(em, out, r.raisedById, 'SPECIAL_REQUEST_ANSWERED', a, { requestId: r.id, late });
      out.siteChanges.push({ siteId: a.siteId, appointmentId: a.id, state: a.state });
      return r;
    });
  }

  /** P5: flagged when the promised reply time passed without a reply. */
  specialRequestOverdue(r: SpecialRequestEntity): boolean {
    return isOverdue({ promisedBy: r.promisedBy.getTime(), repliedAt: r.repliedAt?.getTime() ?? null }, this.writes.now());
  }

  /** C3: equipment out after the meeting's end is flagged until it is back. */
  equipmentOverdue(r: EquipmentReservationEntity): boolean {
    return r.checkedOutAt !== null && r.returnedAt === null && this.writes.now() > r.endAt.getTime();
  }
}

function trimAll<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;
}
