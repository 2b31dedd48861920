import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Client categories and their reception standards (C1–C4) are per company; rooms and
// equipment per site; appointments (P1–P5) per site.

/** A client category with its reception standard (C1) inline. */
@Entity('categories')
@Index(['companyId', 'code'], { unique: true })
export class CategoryEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) companyId: number;
  @Column({ type: 'varchar', length: 16 }) code: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 500 }) description: string;
  @Column({ type: 'int' }) sortOrder: number;
  @Column({ type: 'boolean', default: false }) archived: boolean;
  // ---- the standard (C1) ----
  @Column({ type: 'int', nullable: true }) responsibleDepartmentId: number | null;
  @Column({ type: 'varchar', length: 200 }) responsibleRole: string;
  @Column({ type: 'varchar', length: 200 }) receiver: string;
  @Column({ type: 'int' }) advanceNoticeDays: number;
  @Column({ type: 'boolean', default: false }) needsSeniorLeader: boolean;
  @Column({ type: 'boolean', default: false }) meetingRoom: boolean;
  /** C3: equipment kinds reserved on approval, comma-separated. */
  @Column({ type: 'simple-array' }) equipmentKinds: string[];
  @Column({ type: 'boolean', default: false }) catering: boolean;
  @Column({ type: 'boolean', default: false }) pickUp: boolean;
  @Column({ type: 'boolean', default: false }) lodging: boolean;
  @Column({ type: 'boolean', default: false }) gifts: boolean;
  /** C4: yuan per guest. */
  @Column({ type: 'int' }) budgetPerGuest: number;
  /** C4: hosts no more than guests. */
  @Column({ type: 'boolean', default: true }) hostsAtMostGuests: boolean;
  /** C2: months that count as winter, comma-separated. */
  @Column({ type: 'simple-array' }) winterMonths: string[];
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** C2: one item of a category's preparation checklist. */
@Entity('checklist_items')
export class ChecklistItemEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) categoryId: number;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 40 }) key: string;
  @Column({ type: 'varchar', length: 200 }) label: string;
  /** WINTER, SUMMER or null (always). */
  @Column({ type: 'varchar', length: 8, nullable: true }) season: string | null;
  @Column({ type: 'int' }) dueHoursBefore: number;
  /** LEAD, ADMINISTRATION or RECEIVER. */
  @Column({ type: 'varchar', length: 16 }) owner: string;
}

@Entity('rooms')
export class RoomEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'int' }) capacity: number;
  @Column({ type: 'varchar', length: 200 }) location: string;
  @Column({ type: 'boolean', default: false }) archived: boolean;
}

@Entity('equipment')
export class EquipmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  /** What a standard asks for: projector, laser-pointer… */
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'boolean', default: false }) archived: boolean;
}

@Entity('appointments')
@Index(['siteId', 'startAt'])
export class AppointmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) categoryId: number;
  /** P3 state, lower case as the domain's table names it. */
  @Column({ type: 'varchar', length: 16 }) state: string;
  @Column({ type: 'boolean', default: false }) approvedOnce: boolean;
  @Column({ type: 'varchar', length: 500 }) purpose: string;
  @Column({ type: 'varchar', length: 200 }) visitorCompany: string;
  @Column({ type: 'int' }) headcount: number;
  @Column({ type: 'int' }) hosts: number;
  @Column({ type: 'datetime', precision: 3 }) startAt: Date;
  @Column({ type: 'datetime', precision: 3 }) endAt: Date;
  @Column({ type: 'int' }) leadDepartmentId: number;
  /** Comma-separated department ids. */
  @Column({ type: 'simple-array' }) supportingDepartmentIds: string[];
  @Column({ type: 'int' }) leadUserId: number;
  @Column({ type: 'int', nullable: true }) roomId: number | null;
  @Column({ type: 'simple-array' }) equipmentKinds: string[];
  @Column({ type: 'int', nullable: true }) estimatedCost: number | null;
  @Column({ type: 'boolean', default: false }) catering: boolean;
  @Column({ type: 'boolean', default: false }) pickUp: boolean;
  @Column({ type: 'boolean', default: false }) lodging: boolean;
  @Column({ type: 'boolean', default: false }) gifts: boolean;
  @Column({ type: 'varchar', length: 1000 }) notes: string;
  /** C1: requested with less notice than the standard asks. */
  @Column({ type: 'boolean', default: false }) late: boolean;
  @Column({ type: 'int' }) requestedById: number;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'int', nullable: true }) decidedById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) decisionReason: string | null;
  /** C1: the approval said it accepts the short notice. */
  @Column({ type: 'boolean', default: false }) lateApproved: boolean;
  @Column({ type: 'datetime', precision: 3, nullable: true }) arrivedAt: Date | null;
  // ---- P4 after the visit ----
  @Column({ type: 'varchar', length: 1000, nullable: true }) outcome: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) cooperationIntent: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) feedback: string | null;
  @Column({ type: 'int', nullable: true }) satisfaction: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** Append-only history of an appointment: every transition and change, with its parameters. */
@Entity('appointment_events')
export class AppointmentEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) appointmentId: number;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'int', nullable: true }) byId: number | null;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) fromState: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) toState: string | null;
  @Column({ type: 'text' }) params: string;
}

/** P2: a room held for an appointment; `active` rows may not overlap per room. */
@Entity('room_bookings')
@Index(['roomId', 'startAt'])
export class RoomBookingEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) roomId: number;
  @Index() @Column({ type: 'int' }) appointmentId: number;
  @Column({ type: 'datetime', precision: 3 }) startAt: Date;
  @Column({ type: 'datetime', precision: 3 }) endAt: Date;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** C3: the room is locked and the keys returned after the meeting. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) keysReturnedAt: Date | null;
  @Column({ type: 'int', nullable: true }) keysReturnedById: number | null;
}

/** C3: an item reserved for an appointment, checked out by a named person and returned. */
@Entity('equipment_reservations')
@Index(['equipmentId', 'startAt'])
export class EquipmentReservationEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) equipmentId: number;
  @Index() @Column({ type: 'int' }) appointmentId: number;
  @Column({ type: 'datetime', precision: 3 }) startAt: Date;
  @Column({ type: 'datetime', precision: 3 }) endAt: Date;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'int', nullable: true }) checkedOutById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) checkedOutAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) returnedAt: Date | null;
  @Column({ type: 'int', nullable: true }) returnedById: number | null;
}

/** P4: a guest recorded on arrival. */
@Entity('appointment_guests')
export class GuestEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) appointmentId: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @Column({ type: 'varchar', length: 200 }) company: string;
  @Column({ type: 'varchar', length: 100 }) title: string;
  @Column({ type: 'varchar', length: 100 }) contact: string;
  @Column({ type: 'varchar', length: 500 }) businessScope: string;
  @Column({ type: 'varchar', length: 500 }) purpose: string;
  @Column({ type: 'varchar', length: 500 }) needs: string;
  @Column({ type: 'datetime', precision: 3 }) recordedAt: Date;
}

/** P1: a preparation task generated from the category's checklist on approval. */
@Entity('appointment_tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) appointmentId: number;
  @Index() @Column({ type: 'int' }) ownerId: number;
  @Column({ type: 'varchar', length: 40 }) key: string;
  @Column({ type: 'varchar', length: 200 }) label: string;
  @Column({ type: 'datetime', precision: 3 }) dueAt: Date;
  /** OPEN, DONE or CANCELLED. */
  @Column({ type: 'varchar', length: 12 }) state: string;
  @Column({ type: 'datetime', precision: 3, nullable: true }) doneAt: Date | null;
  @Column({ type: 'int', nullable: true }) doneById: number | null;
}

/** P5: a special request escalated with a promised reply time. */
@Entity('special_requests')
export class SpecialRequestEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) appointmentId: number;
  @Column({ type: 'varchar', length: 1000 }) text: string;
  @Column({ type: 'int' }) raisedById: number;
  @Column({ type: 'datetime', precision: 3 }) raisedAt: Date;
  @Index() @Column({ type: 'int' }) escalatedToId: number;
  @Column({ type: 'datetime', precision: 3 }) promisedBy: Date;
  @Column({ type: 'varchar', length: 1000, nullable: true }) reply: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) repliedAt: Date | null;
}

export const appointmentEntities = [
  CategoryEntity,
  ChecklistItemEntity,
  RoomEntity,
  EquipmentEntity,
  AppointmentEntity,
  AppointmentEventEntity,
  RoomBookingEntity,
  EquipmentReservationEntity,
  GuestEntity,
  TaskEntity,
  SpecialRequestEntity,
];
