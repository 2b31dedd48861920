import { In, type EntityManager } from 'typeorm';
import { DepartmentEntity, SiteEntity, UserEntity, UserSiteEntity } from '../accounts/accounts.entity.js';
import { canActOnSite, hasRole, Role, type Principal } from '../accounts/domain/roles.js';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../platform/errors.js';
import { AppointmentEntity, EquipmentEntity, RoomEntity } from './appointments.entity.js';
import { lockRow } from './appointments.resources.js';

// Who may act on an appointment, and the checks of its inputs against the site's people,
// departments, rooms and equipment. Plain functions of the transaction's entity manager.

export const HOUR = 3600_000;

/** Loads an appointment the principal's sites may see (under a row lock inside a mutation). */
export async function load(em: EntityManager, p: Principal, id: number, lock = false): Promise<AppointmentEntity> {
  const a = lock ? await lockRow(em, AppointmentEntity, id) : await em.findOneBy(AppointmentEntity, { id });
  if (!a) throw notFound('Appointment');
  // Through the transaction's own connection: a second pooled one per transaction would let
  // as many concurrent mutations as the pool has connections wait for each other forever.
  const site = await em.findOneBy(SiteEntity, { id: a.siteId });
  if (!site || !canActOnSite(p, site)) throw notFound('Appointment');
  return a;
}

/** P1: the lead department's head; a department without a head falls back to the site's managers. */
export async function approverIds(em: EntityManager, a: AppointmentEntity): Promise<number[]> {
  const dept = await em.findOneBy(DepartmentEntity, { id: a.leadDepartmentId });
  // A disabled head decides nothing: the managers step in.
  if (dept?.headUserId && (await em.existsBy(UserEntity, { id: dept.headUserId, disabled: false }))) return [dept.headUserId];
  const links = await em.findBy(UserSiteEntity, { siteId: a.siteId });
  if (!links.length) return [];
  const users = await em.findBy(UserEntity, { id: In(links.map((l) => l.userId)), disabled: false });
  return users.filter((u) => u.roles.includes(Role.MANAGER)).map((u) => u.id);
}

export async function isApprover(em: EntityManager, p: Principal, a: AppointmentEntity) {
  return (await approverIds(em, a)).includes(p.userId);
}

export async function requireApprover(em: EntityManager, p: Principal, a: AppointmentEntity) {
  if (!(await isApprover(em, p, a))) throw new AppError(ErrorCode.FORBIDDEN, 'Only the head of the lead department decides this request (P1)', { reason: 'P1_NOT_APPROVER' });
}

/** Who may move or cancel: the requester, the lead, the approver or a manager. */
export async function requireParty(em: EntityManager, p: Principal, a: AppointmentEntity) {
  if (a.requestedById === p.userId || a.leadUserId === p.userId || hasRole(p, Role.MANAGER)) return;
  if (await isApprover(em, p, a)) return;
  throw forbidden('Only the requester, the lead, the approver or a manager changes this appointment');
}

export function checkTimes(startAt: Date, endAt: Date, now: number) {
  if (Number.isNaN(startAt.getTime()) || startAt.getTime() <= now) throw badInput('input.startAt', 'The visit must be in the future');
  if (!(endAt > startAt)) throw badInput('input.endAt', 'The end must be after the start');
  if (endAt.getTime() - startAt.getTime() > 24 * HOUR) throw badInput('input.endAt', 'A visit lasts at most 24 hours');
}

export async function checkDepartments(em: EntityManager, p: Principal, ids: number[], field: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await em.countBy(DepartmentEntity, { id: In(unique), companyId: p.companyId });
  if (found !== unique.length) throw badInput(field, 'Unknown department');
}

/** The lead, task owners, escalation and borrowers are active people of the appointment's site. */
export async function checkUser(em: EntityManager, p: Principal, userId: number, field: string, siteId: number) {
  const u = await em.findOneBy(UserEntity, { id: userId, companyId: p.companyId });
  if (!u || u.disabled) throw badInput(field, 'Not an active user of this company');
  if (!u.roles.includes(Role.ADMIN) && !(await em.existsBy(UserSiteEntity, { userId, siteId }))) throw badInput(field, 'Not a member of this site');
}

export async function checkRoom(em: EntityManager, siteId: number, roomId: number, people: number) {
  const room = await em.findOneBy(RoomEntity, { id: roomId, siteId });
  if (!room || room.archived) throw badInput('input.roomId', 'Unknown room');
  if (room.capacity < people) throw badInput('input.roomId', `The room seats ${room.capacity}; guests and hosts are ${people}`, { reason: 'ROOM_TOO_SMALL' });
  return room;
}

export async function checkEquipmentKinds(em: EntityManager, siteId: number, kinds: string[]) {
  if (!kinds.length) return;
  const items = await em.findBy(EquipmentEntity, { siteId, kind: In(kinds), archived: false });
  const missing = kinds.filter((k) => !items.some((i) => i.kind === k));
  if (missing.length) throw badInput('input.equipmentKinds', `This site has no ${missing.join(', ')}`, { reason: 'C3_UNKNOWN_KIND', kinds: missing });
}
