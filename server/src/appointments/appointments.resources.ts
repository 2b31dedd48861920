import { In, IsNull, LessThan, MoreThan, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { takesRowLocks } from '../platform/db/locks.js';
import { conflict } from '../platform/errors.js';
import { AppointmentEntity, EquipmentEntity, EquipmentReservationEntity, RoomBookingEntity, RoomEntity, TaskEntity } from './appointments.entity.js';
import { clashes } from './domain/rooms.js';

// What an appointment holds (P2 rooms, C3 equipment) and the row locks that serialize it.

/**
 * P2: refuse when another active booking of the room overlaps. A plain read: under READ
 * COMMITTED (see AppointmentWrites.mutate) it sees every booking committed before the room's lock was granted.
 */
export async function requireRoomFree(em: EntityManager, roomId: number, startAt: Date, endAt: Date, appointmentId: number | null) {
  const near = await em.findBy(RoomBookingEntity, { roomId, active: true, startAt: LessThan(endAt), endAt: MoreThan(startAt) });
  const taken = clashes(
    near.map((b) => ({ id: b.appointmentId, resourceId: b.roomId, start: b.startAt.getTime(), end: b.endAt.getTime() })),
    { resourceId: roomId, start: startAt.getTime(), end: endAt.getTime() },
    appointmentId ?? undefined,
  );
  if (taken.length) throw conflict('The room is already booked for that time (P2)', { reason: 'P2_ROOM_TAKEN', field: 'roomId', appointmentIds: taken.map((t) => t.id) });
}

/** P2 and C3: (re)book the room and reserve one free item of each equipment kind. */
export async function holdResources(em: EntityManager, a: AppointmentEntity) {
  await em.update(RoomBookingEntity, { appointmentId: a.id, active: true }, { active: false });
  if (a.roomId !== null) {
    // The room row is the lock: two approvals of one room queue here (FOR UPDATE on MySQL).
    await lockRow(em, RoomEntity, a.roomId);
    await requireRoomFree(em, a.roomId, a.startAt, a.endAt, a.id);
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

export async function release(em: EntityManager, a: AppointmentEntity) {
  await em.update(RoomBookingEntity, { appointmentId: a.id, active: true }, { active: false });
  // C3: what is already out stays on record until it is returned.
  await em.update(EquipmentReservationEntity, { appointmentId: a.id, active: true, checkedOutAt: IsNull() }, { active: false });
  await em.update(TaskEntity, { appointmentId: a.id, state: 'OPEN' }, { state: 'CANCELLED' });
}

/** A reservation with its item, as the equipment views show it. */
export async function withItem(em: EntityManager, r: EquipmentReservationEntity) {
  return Object.assign(r, { equipment: await em.findOneByOrFail(EquipmentEntity, { id: r.equipmentId }) });
}

/** SELECT … FOR UPDATE on MySQL; SQLite's transactions are already one at a time. */
export async function lockRow<T extends ObjectLiteral & { id: number }>(em: EntityManager, entity: EntityTarget<T>, id: number): Promise<T | null> {
  const qb = em.createQueryBuilder(entity, 'x').where('x.id = :id', { id });
  if (takesRowLocks(em)) qb.setLock('pessimistic_write');
  return qb.getOne();
}

export async function lockRows<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, where: Record<string, unknown>): Promise<T[]> {
  const qb = em.createQueryBuilder(entity, 'x');
  for (const [k, v] of Object.entries(where)) qb.andWhere(`x.${k} = :${k}`, { [k]: v });
  if (takesRowLocks(em)) qb.setLock('pessimistic_write');
  return qb.orderBy('x.id', 'ASC').getMany();
}
