import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DepartmentType, PersonView } from '../accounts/accounts.types.js';
import { hasRole, Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { SpecialRequestEntity } from './appointments.entity.js';
import type { AppointmentState } from './domain/lifecycle.js';
import type { SiteChange } from './appointments.service.js';
import { appointmentDayResolvers } from './appointments.day.resolver.js';
import { ALL, appointmentView, categoryView, optionalId, person, taskView } from './appointments.views.js';
import { standardsResolvers } from './standards.resolver.js';
import {
  AppointmentChangeView,
  AppointmentDetailView,
  AppointmentFilterInput,
  AppointmentPageView,
  AppointmentRequestInput,
  AppointmentView,
  ApproveInput,
  CategoryView,
  RescheduleInput,
  RoomView,
  SpecialRequestView,
  TaskProgressView,
  TaskView,
} from './appointments.types.js';

export { appointmentView, categoryView } from './appointments.views.js';

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

/** The feature's resolvers as schema.ts registers them: standards, appointments, the day and its pieces. */
export const appointmentResolvers = [...standardsResolvers, AppointmentResolver, ...appointmentDayResolvers] as const;
