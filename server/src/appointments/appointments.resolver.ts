import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DepartmentType, PersonView } from '../accounts/accounts.types.js';
import { hasRole, Role } from '../accounts/domain/roles.js';
import { personOf } from '../accounts/accounts.loaders.js';
import { principalOf, type Context } from '../context.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { AppointmentEntity, SpecialRequestEntity, TaskEntity } from './appointments.entity.js';
import type { AppointmentState } from './domain/lifecycle.js';
import type { SiteChange } from './appointments.service.js';
import type { CategoryRow } from './standards.service.js';
import {
  AppointmentChangeView,
  AppointmentDetailView,
  AppointmentEventView,
  AppointmentFilterInput,
  AppointmentPageView,
  AppointmentRequestInput,
  AppointmentView,
  ApproveInput,
  CategoryInput,
  CategoryView,
  EquipmentChangeInput,
  EquipmentInput,
  EquipmentReservationView,
  EquipmentView,
  GuestInput,
  OutcomeInput,
  RescheduleInput,
  RoomAvailabilityView,
  RoomBookingView,
  RoomChangeInput,
  RoomInput,
  RoomView,
  SpecialRequestInput,
  SpecialRequestView,
  StandardView,
  TaskChangeView,
  TaskProgressView,
  TaskView,
} from './appointments.types.js';

const ALL = [Role.MANAGER, Role.ADMIN, Role.RECEPTION, Role.CONSULTANT];

const optionalId = (field: string, v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : parseId(field, v));

export function categoryView(r: CategoryRow): CategoryView {
  const c = r.category;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    description: c.description,
    sortOrder: c.sortOrder,
    archived: c.archived,
    standard: {
      responsibleDepartmentId: c.responsibleDepartmentId,
      responsibleRole: c.responsibleRole,
      receiver: c.receiver,
      advanceNoticeDays: c.advanceNoticeDays,
      needsSeniorLeader: c.needsSeniorLeader,
      meetingRoom: c.meetingRoom,
      equipmentKinds: c.equipmentKinds,
      catering: c.catering,
      pickUp: c.pickUp,
      lodging: c.lodging,
      gifts: c.gifts,
      budgetPerGuest: c.budgetPerGuest,
      hostsAtMostGuests: c.hostsAtMostGuests,
      winterMonths: c.winterMonths.map(Number),
      checklist: r.checklist.map((i) => ({ key: i.key, label: i.label, season: i.season, dueHoursBefore: i.dueHoursBefore, owner: i.owner })),
    },
  };
}

export function appointmentView(a: AppointmentEntity): AppointmentView {
  return { ...a, state: a.state.toUpperCase(), supportingDepartmentIds: a.supportingDepartmentIds.map(Number) };
}

const taskView = (t: TaskEntity, now: number): TaskView => ({ ...t, overdue: t.state === 'OPEN' && t.dueAt.getTime() < now });

const person = (ctx: Context, id: number | null) => personOf(ctx.loaders, id);

function categoryInput(input: CategoryInput) {
  return {
    ...input,
    responsibleDepartmentId: optionalId('input.responsibleDepartmentId', input.responsibleDepartmentId),
    checklist: input.checklist.map((i) => ({ ...i, season: i.season ?? null })),
  };
}

// ---- categories, rooms, equipment ---------------------------------------------------------------------

@Resolver(() => CategoryView)
export class CategoryResolver {
  @Authorized(...ALL)
  @Query(() => [CategoryView], { description: 'C1: client categories with their reception standards' })
  async categories(@Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean, @Ctx() ctx: Context) {
    return (await ctx.services.standards.categories(principalOf(ctx), includeArchived)).map(categoryView);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CategoryView)
  async createCategory(@Arg('input', () => CategoryInput) input: CategoryInput, @Ctx() ctx: Context) {
    return categoryView(await ctx.services.standards.createCategory(principalOf(ctx), categoryInput(input)));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CategoryView)
  async updateCategory(@Arg('id', () => ID) id: string, @Arg('input', () => CategoryInput) input: CategoryInput, @Ctx() ctx: Context) {
    return categoryView(await ctx.services.standards.updateCategory(principalOf(ctx), parseId('id', id), categoryInput(input)));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CategoryView, { description: 'An archived category takes no new requests; its appointments stay' })
  async setCategoryArchived(@Arg('id', () => ID) id: string, @Arg('archived', () => Boolean) archived: boolean, @Ctx() ctx: Context) {
    return categoryView(await ctx.services.standards.setCategoryArchived(principalOf(ctx), parseId('id', id), archived));
  }
}

@Resolver(() => StandardView)
export class StandardFieldsResolver {
  @FieldResolver(() => DepartmentType, { nullable: true, description: 'C1: the responsible department; its head owns administration tasks' })
  responsibleDepartment(@Root() s: StandardView, @Ctx() ctx: Context) {
    return s.responsibleDepartmentId ? ctx.loaders.department.load(s.responsibleDepartmentId) : null;
  }
}

@Resolver(() => RoomView)
export class RoomResolver {
  @Authorized(...ALL)
  @Query(() => [RoomView])
  rooms(@Arg('siteId', () => ID) siteId: string, @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean, @Ctx() ctx: Context) {
    return ctx.services.standards.rooms(principalOf(ctx), parseId('siteId', siteId), includeArchived);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RoomView)
  createRoom(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => RoomInput) input: RoomInput, @Ctx() ctx: Context) {
    return ctx.services.standards.createRoom(principalOf(ctx), parseId('siteId', siteId), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RoomView)
  updateRoom(@Arg('id', () => ID) id: string, @Arg('input', () => RoomChangeInput) input: RoomChangeInput, @Ctx() ctx: Context) {
    return ctx.services.standards.updateRoom(principalOf(ctx), parseId('id', id), input);
  }

  @Authorized(...ALL)
  @Query(() => [RoomAvailabilityView], { description: 'P2: which rooms are free for a time' })
  async roomAvailability(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('startAt', () => Date) startAt: Date,
    @Arg('endAt', () => Date) endAt: Date,
    @Arg('ignoreAppointmentId', () => ID, { nullable: true }) ignoreAppointmentId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.appointments.roomAvailability(principalOf(ctx), parseId('siteId', siteId), startAt, endAt, optionalId('ignoreAppointmentId', ignoreAppointmentId));
  }
}

@Resolver(() => EquipmentView)
export class EquipmentResolver {
  @Authorized(...ALL)
  @Query(() => [EquipmentView], { description: 'C3: the equipment administration lends' })
  equipment(@Arg('siteId', () => ID) siteId: string, @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean, @Ctx() ctx: Context) {
    return ctx.services.standards.equipment(principalOf(ctx), parseId('siteId', siteId), includeArchived);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => EquipmentView)
  createEquipment(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => EquipmentInput) input: EquipmentInput, @Ctx() ctx: Context) {
    return ctx.services.standards.createEquipment(principalOf(ctx), parseId('siteId', siteId), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => EquipmentView)
  updateEquipment(@Arg('id', () => ID) id: string, @Arg('input', () => EquipmentChangeInput) input: EquipmentChangeInput, @Ctx() ctx: Context) {
    return ctx.services.standards.updateEquipment(principalOf(ctx), parseId('id', id), input);
  }
}

// ---- appointments -------------------------------------------------------------------------------------

@Resolver(() => AppointmentView)
export class AppointmentResolver {
  @Authorized(...ALL)
  @Query(() => AppointmentPageView, { description: 'Appointments of a site by start time; filters by state, category, lead department and time' })
  async appointments(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('filter', () => AppointmentFilterInput, { nullable: true }) filter: AppointmentFilterInput | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ) {
    if (limit < 1 || limit > 500) throw badInput('limit', 'limit must be between 1 and 500');
    if (offset < 0) throw badInput('offset', 'offset must not be negative');
    const f = filter ?? {};
    const page = await ctx.services.appointments.list(
      principalOf(ctx),
      parseId('siteId', siteId),
      {
        states: f.states?.map((s) => s.toLowerCase() as AppointmentState) ?? null,
        categoryIds: f.categoryIds?.map((id) => parseId('filter.categoryIds', id)) ?? null,
        departmentIds: f.departmentIds?.map((id) => parseId('filter.departmentIds', id)) ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
        search: f.search ?? null,
      },
      limit,
      offset,
    );
    return { total: page.total, rows: page.rows.map(appointmentView) };
  }

  @Authorized(...ALL)
  @Query(() => AppointmentDetailView, { description: 'One appointment with its tasks, guests, room, equipment, special requests and history' })
  async appointment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AppointmentDetailView> {
    const p = principalOf(ctx);
    const s = ctx.services.appointments;
    const d = await s.detail(p, parseId('id', id));
    const now = s.now();
    const a = d.appointment;
    const approver = d.approverIds.includes(p.userId);
    const party = approver || a.requestedById === p.userId || a.leadUserId === p.userId || hasRole(p, Role.MANAGER);
    return {
      appointment: appointmentView(a),
      tasks: d.tasks.map((t) => taskView(t, now)),
      guests: d.guests,
      roomBooking: d.booking,
      equipment: d.reservations.map((r) => ({ ...r, overdue: s.equipmentOverdue(r) })),
      specialRequests: d.specialRequests.map((r) => ({ ...r, overdue: s.specialRequestOverdue(r) })),
      history: d.events.map((e) => ({ ...e, fromState: e.fromState?.toUpperCase() ?? null, toState: e.toState?.toUpperCase() ?? null, params: JSON.parse(e.params) })),
      approvers: (await Promise.all(d.approverIds.map((uid) => person(ctx, uid)))).filter((x): x is PersonView => x !== null),
      can: {
        decide: approver && ['requested', 'rescheduled'].includes(a.state) && !a.approvedOnce,
        change: party && ['requested', 'approved', 'rescheduled', 'prepared'].includes(a.state),
        recordArrival: (hasRole(p, Role.RECEPTION, Role.MANAGER) || a.leadUserId === p.userId) && a.approvedOnce && ['approved', 'rescheduled', 'prepared'].includes(a.state),
        complete: (a.leadUserId === p.userId || hasRole(p, Role.MANAGER) || approver) && a.state === 'arrived',
      },
    };
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P1: request a visit appointment; C1 late requests are allowed and flagged' })
  async requestAppointment(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => AppointmentRequestInput) input: AppointmentRequestInput, @Ctx() ctx: Context) {
    const a = await ctx.services.appointments.request(principalOf(ctx), parseId('siteId', siteId), {
      categoryId: parseId('input.categoryId', input.categoryId),
      purpose: input.purpose,
      visitorCompany: input.visitorCompany,
      headcount: input.headcount,
      hosts: input.hosts,
      startAt: input.startAt,
      endAt: input.endAt,
      leadDepartmentId: parseId('input.leadDepartmentId', input.leadDepartmentId),
      supportingDepartmentIds: input.supportingDepartmentIds.map((d) => parseId('input.supportingDepartmentIds', d)),
      leadUserId: optionalId('input.leadUserId', input.leadUserId),
      roomId: optionalId('input.roomId', input.roomId),
      equipmentKinds: input.equipmentKinds ?? null,
      estimatedCost: input.estimatedCost ?? null,
      catering: input.catering ?? null,
      pickUp: input.pickUp ?? null,
      lodging: input.lodging ?? null,
      gifts: input.gifts ?? null,
      notes: input.notes,
    });
    return appointmentView(a);
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P1: the lead department’s head approves: tasks, room (P2) and equipment (C3) follow' })
  async approveAppointment(@Arg('id', () => ID) id: string, @Arg('input', () => ApproveInput, { nullable: true }) input: ApproveInput | null, @Ctx() ctx: Context) {
    const a = await ctx.services.appointments.approve(principalOf(ctx), parseId('id', id), {
      acknowledgeLate: input?.acknowledgeLate ?? false,
      note: input?.note ?? null,
      taskOwners: (input?.taskOwners ?? []).map((o) => ({ key: o.key, userId: parseId('taskOwners.userId', o.userId) })),
    });
    return appointmentView(a);
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P1: rejected with a reason' })
  async rejectAppointment(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return appointmentView(await ctx.services.appointments.reject(principalOf(ctx), parseId('id', id), reason));
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P3: moves tasks, room and equipment and tells their owners' })
  async rescheduleAppointment(@Arg('id', () => ID) id: string, @Arg('input', () => RescheduleInput) input: RescheduleInput, @Ctx() ctx: Context) {
    const a = await ctx.services.appointments.reschedule(principalOf(ctx), parseId('id', id), {
      startAt: input.startAt,
      endAt: input.endAt,
      roomId: optionalId('input.roomId', input.roomId),
      reason: input.reason,
      acknowledgeLate: input.acknowledgeLate,
    });
    return appointmentView(a);
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P3: frees room and equipment, cancels the open tasks and tells their owners' })
  async cancelAppointment(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return appointmentView(await ctx.services.appointments.cancel(principalOf(ctx), parseId('id', id), reason));
  }

  @Authorized(...ALL)
  @Mutation(() => TaskChangeView, { description: 'Tick or untick a preparation task; the last tick makes the appointment prepared (P3)' })
  async setTaskDone(@Arg('id', () => ID) id: string, @Arg('done', () => Boolean) done: boolean, @Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    const r = await s.setTaskDone(principalOf(ctx), parseId('id', id), done);
    return { task: taskView(r.task, s.now()), appointment: appointmentView(r.appointment) };
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P4: the guests are recorded on arrival' })
  async recordArrival(@Arg('id', () => ID) id: string, @Arg('guests', () => [GuestInput]) guests: GuestInput[], @Ctx() ctx: Context) {
    if (guests.length > 100) throw badInput('guests', 'At most 100 guests');
    return appointmentView(await ctx.services.appointments.recordArrival(principalOf(ctx), parseId('id', id), guests));
  }

  @Authorized(...ALL)
  @Mutation(() => AppointmentView, { description: 'P4: outcome, intent to cooperate, feedback and satisfaction after the visit' })
  async completeAppointment(@Arg('id', () => ID) id: string, @Arg('input', () => OutcomeInput) input: OutcomeInput, @Ctx() ctx: Context) {
    return appointmentView(await ctx.services.appointments.complete(principalOf(ctx), parseId('id', id), input));
  }

  @Authorized(...ALL)
  @Mutation(() => EquipmentReservationView, { description: 'C3: checked out from administration by a named person' })
  async checkOutEquipment(@Arg('reservationId', () => ID) reservationId: string, @Arg('byUserId', () => ID) byUserId: string, @Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    const r = await s.checkOutEquipment(principalOf(ctx), parseId('reservationId', reservationId), parseId('byUserId', byUserId));
    return { ...r, overdue: s.equipmentOverdue(r) };
  }

  @Authorized(...ALL)
  @Mutation(() => EquipmentReservationView, { description: 'C3: returned after the meeting' })
  async returnEquipment(@Arg('reservationId', () => ID) reservationId: string, @Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    const r = await s.returnEquipment(principalOf(ctx), parseId('reservationId', reservationId));
    return { ...r, overdue: s.equipmentOverdue(r) };
  }

  @Authorized(...ALL)
  @Mutation(() => RoomBookingView, { description: 'C3: the room is locked and its keys returned' })
  returnRoomKeys(@Arg('appointmentId', () => ID) appointmentId: string, @Ctx() ctx: Context) {
    return ctx.services.appointments.returnRoomKeys(principalOf(ctx), parseId('appointmentId', appointmentId));
  }

  @Authorized(...ALL)
  @Mutation(() => SpecialRequestView, { description: 'P5: escalate a special request with a promised reply time' })
  async raiseSpecialRequest(@Arg('appointmentId', () => ID) appointmentId: string, @Arg('input', () => SpecialRequestInput) input: SpecialRequestInput, @Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    const r = await s.raiseSpecialRequest(principalOf(ctx), parseId('appointmentId', appointmentId), {
      text: input.text,
      escalatedToId: parseId('input.escalatedToId', input.escalatedToId),
      promisedBy: input.promisedBy,
    });
    return { ...r, overdue: s.specialRequestOverdue(r) };
  }

  @Authorized(...ALL)
  @Mutation(() => SpecialRequestView, { description: 'P5: the reply to a special request' })
  async answerSpecialRequest(@Arg('id', () => ID) id: string, @Arg('reply', () => String) reply: string, @Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    const r = await s.answerSpecialRequest(principalOf(ctx), parseId('id', id), reply);
    return { ...r, overdue: s.specialRequestOverdue(r) };
  }

  // ---- my work ----

  @Authorized(...ALL)
  @Query(() => [TaskView], { description: 'The signed-in user’s preparation tasks, soonest due first' })
  async myTasks(@Arg('includeDone', () => Boolean, { defaultValue: false }) includeDone: boolean, @Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    return (await s.myTasks(principalOf(ctx), includeDone)).map((t) => taskView(t, s.now()));
  }

  @Authorized(...ALL)
  @Query(() => [AppointmentView], { description: 'P1: requests waiting for the signed-in user’s decision' })
  async myApprovals(@Ctx() ctx: Context) {
    return (await ctx.services.appointments.myApprovals(principalOf(ctx))).map(appointmentView);
  }

  @Authorized(...ALL)
  @Query(() => [SpecialRequestView], { description: 'P5: special requests escalated to the signed-in user, unanswered' })
  async mySpecialRequests(@Ctx() ctx: Context) {
    const s = ctx.services.appointments;
    return (await s.mySpecialRequests(principalOf(ctx))).map((r: SpecialRequestEntity) => ({ ...r, overdue: s.specialRequestOverdue(r) }));
  }

  @Authorized(...ALL)
  @Subscription(() => AppointmentChangeView, {
    name: 'appointmentChanged',
    description: "Any change to one of a site's appointments (the floor board's day list, the calendar)",
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return ctx.services.appointments.siteChanges(principalOf(ctx), parseId('siteId', args.siteId as string));
    },
  })
  appointmentChanged(@Root() c: SiteChange, @Arg('siteId', () => ID) _siteId: string): AppointmentChangeView {
    return { ...c, state: c.state.toUpperCase() };
  }

  // ---- fields ----

  @FieldResolver(() => CategoryView)
  async category(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    const row = await ctx.loaders.category.load(a.categoryId);
    return row ? categoryView(row) : null;
  }

  @FieldResolver(() => DepartmentType)
  leadDepartment(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return ctx.loaders.department.load(a.leadDepartmentId);
  }

  @FieldResolver(() => [DepartmentType])
  async supportingDepartments(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return (await ctx.loaders.department.loadMany(a.supportingDepartmentIds)).filter((d) => d && !(d instanceof Error));
  }

  @FieldResolver(() => PersonView, { description: 'The lead person, who receives the guests' })
  lead(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return person(ctx, a.leadUserId);
  }

  @FieldResolver(() => PersonView)
  requestedBy(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return person(ctx, a.requestedById);
  }

  @FieldResolver(() => PersonView, { nullable: true })
  decidedBy(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return person(ctx, a.decidedById);
  }

  @FieldResolver(() => RoomView, { nullable: true })
  room(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return a.roomId ? ctx.loaders.room.load(a.roomId) : null;
  }

  @FieldResolver(() => TaskProgressView, { description: 'Preparation: tasks done of all' })
  progress(@Root() a: AppointmentView, @Ctx() ctx: Context) {
    return ctx.loaders.taskProgress.load(a.id);
  }
}

@Resolver(() => TaskView)
export class TaskFieldsResolver {
  @FieldResolver(() => PersonView)
  owner(@Root() t: TaskView, @Ctx() ctx: Context) {
    return person(ctx, t.ownerId);
  }

  @FieldResolver(() => PersonView, { nullable: true })
  doneBy(@Root() t: TaskView, @Ctx() ctx: Context) {
    return person(ctx, t.doneById);
  }

  @FieldResolver(() => AppointmentView)
  async appointment(@Root() t: TaskView, @Ctx() ctx: Context) {
    const a = await ctx.loaders.appointment.load(t.appointmentId);
    return a ? appointmentView(a) : null;
  }
}

@Resolver(() => SpecialRequestView)
export class SpecialRequestFieldsResolver {
  @FieldResolver(() => PersonView)
  raisedBy(@Root() r: SpecialRequestView, @Ctx() ctx: Context) {
    return person(ctx, r.raisedById);
  }

  @FieldResolver(() => PersonView)
  escalatedTo(@Root() r: SpecialRequestView, @Ctx() ctx: Context) {
    return person(ctx, r.escalatedToId);
  }

  @FieldResolver(() => AppointmentView)
  async appointment(@Root() r: SpecialRequestView, @Ctx() ctx: Context) {
    const a = await ctx.loaders.appointment.load(r.appointmentId);
    return a ? appointmentView(a) : null;
  }
}

@Resolver(() => EquipmentReservationView)
export class ReservationFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true, description: 'C3: the named person who took it' })
  checkedOutBy(@Root() r: EquipmentReservationView, @Ctx() ctx: Context) {
    return person(ctx, r.checkedOutById);
  }

  @FieldResolver(() => PersonView, { nullable: true })
  returnedBy(@Root() r: EquipmentReservationView, @Ctx() ctx: Context) {
    return person(ctx, r.returnedById);
  }
}

@Resolver(() => RoomBookingView)
export class RoomBookingFieldsResolver {
  @FieldResolver(() => RoomView)
  room(@Root() b: RoomBookingView, @Ctx() ctx: Context) {
    return ctx.loaders.room.load(b.roomId);
  }

  @FieldResolver(() => PersonView, { nullable: true })
  keysReturnedBy(@Root() b: RoomBookingView, @Ctx() ctx: Context) {
    return person(ctx, b.keysReturnedById);
  }
}

@Resolver(() => AppointmentEventView)
export class EventFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  by(@Root() e: AppointmentEventView, @Ctx() ctx: Context) {
    return person(ctx, e.byId);
  }
}

export const appointmentResolvers = [
  CategoryResolver,
  StandardFieldsResolver,
  RoomResolver,
  EquipmentResolver,
  AppointmentResolver,
  TaskFieldsResolver,
  SpecialRequestFieldsResolver,
  ReservationFieldsResolver,
  RoomBookingFieldsResolver,
  EventFieldsResolver,
] as const;
