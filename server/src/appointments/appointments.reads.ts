import { Brackets, In, IsNull, LessThan, MoreThan, Not, type DataSource } from 'typeorm';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Principal } from '../accounts/domain/roles.js';
import { badInput } from '../platform/errors.js';
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
import { approverIds as approversOf, load } from './appointments.checks.js';
import type { AppointmentState } from './domain/lifecycle.js';

export interface AppointmentFilter {
  states?: AppointmentState[] | null;
  categoryIds?: number[] | null;
  departmentIds?: number[] | null;
  from?: Date | null;
  to?: Date | null;
  search?: string | null;
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

/** What the appointment pages and the loaders read: lists, one appointment's detail, rooms free (P2), my work. */
export class AppointmentReads {
  constructor(
    private readonly ds: DataSource,
    private readonly accounts: AccountsService,
  ) {}

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
    const a = await load(em, p, id);
    const [tasks, guests, booking, reservations, specialRequests, events, approverIds] = await Promise.all([
      em.find(TaskEntity, { where: { appointmentId: id }, order: { dueAt: 'ASC', id: 'ASC' } }),
      em.find(GuestEntity, { where: { appointmentId: id }, order: { id: 'ASC' } }),
      em.findOne(RoomBookingEntity, { where: { appointmentId: id }, order: { id: 'DESC' } }),
      em.find(EquipmentReservationEntity, { where: { appointmentId: id, active: true }, order: { id: 'ASC' } }),
      em.find(SpecialRequestEntity, { where: { appointmentId: id }, order: { id: 'ASC' } }),
      em.find(AppointmentEventEntity, { where: { appointmentId: id }, order: { id: 'ASC' } }),
      approversOf(em, a),
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
      if (!approvers.has(key)) approvers.set(key, approversOf(em, a));
      if ((await approvers.get(key)!).includes(p.userId)) mine.push(a);
      if (mine.length === 200) break;
    }
    return mine;
  }

  /** P5: special requests escalated to this user and not answered yet. */
  async mySpecialRequests(p: Principal) {
    return this.ds.getRepository(SpecialRequestEntity).find({ where: { escalatedToId: p.userId, repliedAt: IsNull() }, order: { promisedBy: 'ASC' }, take: 200 });
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
}

/** Raw datetimes: a Date on MySQL, an ISO-like string (UTC) on SQLite. */
function toDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}
