import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonView } from '../accounts/accounts.types.js';

export const AppointmentStateEnum = {
  REQUESTED: 'REQUESTED',
  APPROVED: 'APPROVED',
  RESCHEDULED: 'RESCHEDULED',
  PREPARED: 'PREPARED',
  ARRIVED: 'ARRIVED',
  COMPLETED: 'COMPLETED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
} as const;
registerEnumType(AppointmentStateEnum, { name: 'AppointmentState', description: 'P3: the life cycle of a visit appointment' });

export const ChecklistOwnerEnum = { LEAD: 'LEAD', ADMINISTRATION: 'ADMINISTRATION', RECEIVER: 'RECEIVER' } as const;
registerEnumType(ChecklistOwnerEnum, {
  name: 'ChecklistOwner',
  description: "P1: who gets the task: the appointment's lead, the responsible department's head (administration), or the receiver",
});

export const SeasonEnum = { WINTER: 'WINTER', SUMMER: 'SUMMER' } as const;
registerEnumType(SeasonEnum, { name: 'Season', description: 'C2: seasonal checklist items follow the month of the visit' });

export const TaskStateEnum = { OPEN: 'OPEN', DONE: 'DONE', CANCELLED: 'CANCELLED' } as const;
registerEnumType(TaskStateEnum, { name: 'TaskState' });

export const CooperationIntentEnum = { NONE: 'NONE', LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH' } as const;
registerEnumType(CooperationIntentEnum, { name: 'CooperationIntent', description: 'P4: intent to cooperate after the visit' });


// ---- categories and standards (C1–C4) ---------------------------------------------------------

@ObjectType('ChecklistItem', { description: 'C2: one preparation item of a category' })
export class ChecklistItemView {
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => SeasonEnum, { nullable: true, description: 'Only for visits in this season; null = always' }) season: string | null;
  @Field(() => Int, { description: 'Due this many hours before the visit' }) dueHoursBefore: number;
  @Field(() => ChecklistOwnerEnum) owner: string;
}

@ObjectType('ReceptionStandard', { description: 'C1: how a category is received' })
export class StandardView {
  responsibleDepartmentId: number | null;
  @Field(() => String) responsibleRole: string;
  @Field(() => String, { description: 'Who receives' }) receiver: string;
  @Field(() => Int, { description: 'C1: days of notice a request must give' }) advanceNoticeDays: number;
  @Field(() => Boolean) needsSeniorLeader: boolean;
  @Field(() => Boolean) meetingRoom: boolean;
  @Field(() => [String], { description: 'C3: equipment kinds reserved on approval' }) equipmentKinds: string[];
  @Field(() => Boolean) catering: boolean;
  @Field(() => Boolean) pickUp: boolean;
  @Field(() => Boolean) lodging: boolean;
  @Field(() => Boolean) gifts: boolean;
  @Field(() => Int, { description: 'C4: yuan per guest' }) budgetPerGuest: number;
  @Field(() => Boolean, { description: 'C4: hosts no more than guests' }) hostsAtMostGuests: boolean;
  @Field(() => [Int], { description: 'C2: months counted as winter' }) winterMonths: number[];
  @Field(() => [ChecklistItemView]) checklist: ChecklistItemView[];
}

@ObjectType('Category', { description: 'A client category (A–D by default) with its reception standard' })
export class CategoryView {
  @Field(() => ID) id: number;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'Who the clients of this category are' }) description: string;
  @Field(() => Int) sortOrder: number;
  @Field(() => Boolean) archived: boolean;
  @Field(() => StandardView) standard: StandardView;
}

@InputType()
export class ChecklistItemInput {
  @Field(() => String) @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'key is lower-case letters, digits and dashes' }) key: string;
  @Field(() => String) @Length(1, 200) label: string;
  @Field(() => SeasonEnum, { nullable: true }) @IsOptional() @IsIn([...Object.values(SeasonEnum), null]) season?: 'WINTER' | 'SUMMER' | null;
  @Field(() => Int) @IsInt() @Min(0) @Max(24 * 30) dueHoursBefore: number;
  @Field(() => ChecklistOwnerEnum) @IsIn(Object.values(ChecklistOwnerEnum)) owner: 'LEAD' | 'ADMINISTRATION' | 'RECEIVER';
}

@InputType()
export class CategoryInput {
  @Field(() => String) @Matches(/^[A-Za-z0-9]{1,16}$/, { message: 'code is 1–16 letters or digits' }) code: string;
  @Field(() => String) @Length(1, 100) name: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(500) description: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() sortOrder: number;
  @Field(() => ID, { nullable: true }) @IsOptional() responsibleDepartmentId?: string | null;
  @Field(() => String, { defaultValue: '' }) @MaxLength(200) responsibleRole: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(200) receiver: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(60) advanceNoticeDays: number;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() needsSeniorLeader: boolean;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() meetingRoom: boolean;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(20) @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { each: true, message: 'equipment kinds are lower-case letters, digits and dashes' }) equipmentKinds: string[];
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() catering: boolean;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() pickUp: boolean;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() lodging: boolean;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() gifts: boolean;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) budgetPerGuest: number;
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean() hostsAtMostGuests: boolean;
  @Field(() => [Int], { defaultValue: [11, 12, 1, 2, 3] }) @ArrayMaxSize(12) @IsInt({ each: true }) @Min(1, { each: true }) @Max(12, { each: true }) winterMonths: number[];
  @Field(() => [ChecklistItemInput], { defaultValue: [] }) @ArrayMaxSize(50) @ValidateNested({ each: true }) checklist: ChecklistItemInput[];
}

// ---- rooms and equipment (P2, C3) -----------------------------------------------------------------

@ObjectType('Room')
export class RoomView {
  @Field(() => ID) id: number;
  @Field(() => ID) siteId: number;
  @Field(() => String) name: string;
  @Field(() => Int) capacity: number;
  @Field(() => String) location: string;
  @Field(() => Boolean) archived: boolean;
}

@InputType()
export class RoomInput {
  @Field(() => String) @Length(1, 100) name: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) capacity: number;
  @Field(() => String, { defaultValue: '' }) @MaxLength(200) location: string;
}

@InputType()
export class RoomChangeInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) capacity?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) location?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() archived?: boolean;
}

@ObjectType('Equipment', { description: 'C3: an item administration lends for meetings' })
export class EquipmentView {
  @Field(() => ID) id: number;
  @Field(() => ID) siteId: number;
  @Field(() => String, { description: 'What a standard asks for, e.g. projector' }) kind: string;
  @Field(() => String) name: string;
  @Field(() => Boolean) archived: boolean;
}

@InputType()
export class EquipmentInput {
  @Field(() => String) @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'kind is lower-case letters, digits and dashes' }) kind: string;
  @Field(() => String) @Length(1, 100) name: string;
}

@InputType()
export class EquipmentChangeInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'kind is lower-case letters, digits and dashes' }) kind?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) name?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() archived?: boolean;
}

@ObjectType('RoomAvailability', { description: 'P2: whether a room is free for a time' })
export class RoomAvailabilityView {
  @Field(() => RoomView) room: RoomView;
  @Field(() => Boolean) free: boolean;
  @Field(() => [ID], { description: 'The appointments holding it' }) appointmentIds: number[];
}

// ---- appointments (P1–P5) ---------------------------------------------------------------------------

@ObjectType('TaskProgress')
export class TaskProgressView {
  @Field(() => Int) done: number;
  @Field(() => Int) total: number;
}

@ObjectType('Appointment', { description: 'P1: a visit appointment' })
export class AppointmentView {
  @Field(() => ID) id: number;
  @Field(() => ID) siteId: number;
  categoryId: number;
  @Field(() => AppointmentStateEnum) state: string;
  @Field(() => String) purpose: string;
  @Field(() => String) visitorCompany: string;
  @Field(() => Int, { description: 'Guests' }) headcount: number;
  @Field(() => Int) hosts: number;
  @Field(() => Date) startAt: Date;
  @Field(() => Date) endAt: Date;
  leadDepartmentId: number;
  supportingDepartmentIds: number[];
  leadUserId: number;
  requestedById: number;
  decidedById: number | null;
  roomId: number | null;
  @Field(() => [String]) equipmentKinds: string[];
  @Field(() => Int, { nullable: true }) estimatedCost: number | null;
  @Field(() => Boolean) catering: boolean;
  @Field(() => Boolean) pickUp: boolean;
  @Field(() => Boolean) lodging: boolean;
  @Field(() => Boolean) gifts: boolean;
  @Field(() => String) notes: string;
  @Field(() => Boolean, { description: 'C1: requested with less notice than the category asks' }) late: boolean;
  @Field(() => Boolean, { description: 'C1: the approval accepted the short notice' }) lateApproved: boolean;
  @Field(() => Date) requestedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Date, { nullable: true }) arrivedAt: Date | null;
  @Field(() => String, { nullable: true }) outcome: string | null;
  @Field(() => CooperationIntentEnum, { nullable: true }) cooperationIntent: string | null;
  @Field(() => String, { nullable: true }) feedback: string | null;
  @Field(() => Int, { nullable: true, description: 'P4: 1 to 5' }) satisfaction: number | null;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
}

@ObjectType('AppointmentPage')
export class AppointmentPageView {
  @Field(() => Int) total: number;
  @Field(() => [AppointmentView]) rows: AppointmentView[];
}

@ObjectType('Task', { description: 'P1: a preparation task generated on approval' })
export class TaskView {
  @Field(() => ID) id: number;
  @Field(() => ID) appointmentId: number;
  ownerId: number;
  doneById: number | null;
  @Field(() => String) key: string;
  @Field(() => String) label: string;
  @Field(() => Date) dueAt: Date;
  @Field(() => TaskStateEnum) state: string;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => Boolean, { description: 'Open past its due time' }) overdue: boolean;
}

@ObjectType('Guest', { description: 'P4: recorded on arrival' })
export class GuestView {
  @Field(() => ID) id: number;
  @Field(() => String) name: string;
  @Field(() => String) company: string;
  @Field(() => String) title: string;
  @Field(() => String) contact: string;
  @Field(() => String) businessScope: string;
  @Field(() => String) purpose: string;
  @Field(() => String) needs: string;
  @Field(() => Date) recordedAt: Date;
}

@ObjectType('RoomBooking', { description: 'P2: the room held; C3: keys returned after the meeting' })
export class RoomBookingView {
  roomId: number;
  keysReturnedById: number | null;
  @Field(() => Boolean, { description: 'False once the appointment was cancelled or rejected' }) active: boolean;
  @Field(() => Date) startAt: Date;
  @Field(() => Date) endAt: Date;
  @Field(() => Date, { nullable: true }) keysReturnedAt: Date | null;
}

@ObjectType('EquipmentReservation', { description: 'C3: checked out by a named person, returned after the meeting' })
export class EquipmentReservationView {
  @Field(() => ID) id: number;
  @Field(() => EquipmentView) equipment: EquipmentView;
  checkedOutById: number | null;
  returnedById: number | null;
  @Field(() => Date) startAt: Date;
  @Field(() => Date) endAt: Date;
  @Field(() => Date, { nullable: true }) checkedOutAt: Date | null;
  @Field(() => Date, { nullable: true }) returnedAt: Date | null;
  @Field(() => Boolean, { description: 'C3: still out after the meeting ended' }) overdue: boolean;
}

@ObjectType('SpecialRequest', { description: 'P5: escalated with a promised reply time' })
export class SpecialRequestView {
  @Field(() => ID) id: number;
  @Field(() => ID) appointmentId: number;
  raisedById: number;
  escalatedToId: number;
  @Field(() => String) text: string;
  @Field(() => Date) raisedAt: Date;
  @Field(() => Date) promisedBy: Date;
  @Field(() => String, { nullable: true }) reply: string | null;
  @Field(() => Date, { nullable: true }) repliedAt: Date | null;
  @Field(() => Boolean, { description: 'P5: the promised time passed without a reply' }) overdue: boolean;
}

@ObjectType('AppointmentEvent', { description: 'One step of the history, as data (kind + params)' })
export class AppointmentEventView {
  @Field(() => ID) id: number;
  @Field(() => Date) at: Date;
  byId: number | null;
  @Field(() => String) kind: string;
  @Field(() => AppointmentStateEnum, { nullable: true }) fromState: string | null;
  @Field(() => AppointmentStateEnum, { nullable: true }) toState: string | null;
  @Field(() => GraphQLJSON) params: unknown;
}

@ObjectType('AppointmentPermissions', { description: 'What the signed-in user may do with this appointment now' })
export class AppointmentPermissionsView {
  @Field(() => Boolean) decide: boolean;
  @Field(() => Boolean) change: boolean;
  @Field(() => Boolean) recordArrival: boolean;
  @Field(() => Boolean) complete: boolean;
}

@ObjectType('AppointmentDetail')
export class AppointmentDetailView {
  @Field(() => AppointmentView) appointment: AppointmentView;
  @Field(() => [TaskView]) tasks: TaskView[];
  @Field(() => [GuestView]) guests: GuestView[];
  @Field(() => RoomBookingView, { nullable: true }) roomBooking: RoomBookingView | null;
  @Field(() => [EquipmentReservationView]) equipment: EquipmentReservationView[];
  @Field(() => [SpecialRequestView]) specialRequests: SpecialRequestView[];
  @Field(() => [AppointmentEventView]) history: AppointmentEventView[];
  @Field(() => [PersonView], { description: 'P1: who decides the request' }) approvers: PersonView[];
  @Field(() => AppointmentPermissionsView) can: AppointmentPermissionsView;
}

@ObjectType('TaskChange')
export class TaskChangeView {
  @Field(() => TaskView) task: TaskView;
  @Field(() => AppointmentView) appointment: AppointmentView;
}

@ObjectType('AppointmentChange', { description: "Something changed in one of a site's appointments" })
export class AppointmentChangeView {
  @Field(() => ID) siteId: number;
  @Field(() => ID) appointmentId: number;
  @Field(() => AppointmentStateEnum) state: string;
}

@InputType()
export class AppointmentRequestInput {
  @Field(() => ID) categoryId: string;
  @Field(() => String) @Length(1, 500) purpose: string;
  @Field(() => String) @Length(1, 200) visitorCompany: string;
  @Field(() => Int, { description: 'Guests' }) @IsInt() @Min(1) @Max(500) headcount: number;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(0) @Max(500) hosts: number;
  @Field(() => Date) startAt: Date;
  @Field(() => Date) endAt: Date;
  @Field(() => ID) leadDepartmentId: string;
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(20) supportingDepartmentIds: string[];
  @Field(() => ID, { nullable: true, description: 'The lead person (receiver); defaults to the requester' }) @IsOptional() leadUserId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() roomId?: string | null;
  @Field(() => [String], { nullable: true, description: "Defaults to the category's" }) @IsOptional() @ArrayMaxSize(20) equipmentKinds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'C4: the whole estimated cost in yuan' }) @IsOptional() @IsInt() @Min(0) estimatedCost?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() catering?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() pickUp?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() lodging?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() gifts?: boolean | null;
  @Field(() => String, { defaultValue: '' }) @MaxLength(1000) notes: string;
}

@InputType()
export class TaskOwnerInput {
  @Field(() => String) key: string;
  @Field(() => ID) userId: string;
}

@InputType()
export class ApproveInput {
  @Field(() => Boolean, { defaultValue: false, description: 'C1: required to approve a late request' }) @IsBoolean() acknowledgeLate: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) note?: string | null;
  @Field(() => [TaskOwnerInput], { defaultValue: [], description: 'Owners other than the default, by checklist key' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  taskOwners: TaskOwnerInput[];
}

@InputType()
export class RescheduleInput {
  @Field(() => Date) startAt: Date;
  @Field(() => Date) endAt: Date;
  @Field(() => ID, { nullable: true, description: 'Another room; the same when omitted' }) @IsOptional() roomId?: string | null;
  @Field(() => String) @Length(1, 500) reason: string;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() acknowledgeLate: boolean;
}

@InputType()
export class GuestInput {
  @Field(() => String) @Length(1, 50) name: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(200) company: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(100) title: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(100) contact: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(500) businessScope: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(500) purpose: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(500) needs: string;
}

@InputType()
export class OutcomeInput {
  @Field(() => String) @Length(1, 1000) outcome: string;
  @Field(() => CooperationIntentEnum) @IsIn(Object.values(CooperationIntentEnum)) cooperationIntent: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(1000) feedback: string;
  @Field(() => Int, { description: '1 to 5' }) @IsInt() @Min(1) @Max(5) satisfaction: number;
}

@InputType()
export class SpecialRequestInput {
  @Field(() => String) @Length(1, 1000) text: string;
  @Field(() => ID) escalatedToId: string;
  @Field(() => Date, { description: 'P5: the promised reply time' }) promisedBy: Date;
}

@InputType()
export class AppointmentFilterInput {
  @Field(() => [AppointmentStateEnum], { nullable: true }) @IsOptional() states?: string[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() categoryIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Lead department' }) @IsOptional() departmentIds?: string[] | null;
  @Field(() => Date, { nullable: true, description: 'Ends after this' }) @IsOptional() from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Starts before this' }) @IsOptional() to?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) search?: string | null;
}
