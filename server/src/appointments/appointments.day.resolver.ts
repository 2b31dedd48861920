import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { PersonView } from '../accounts/accounts.types.js';
import { principalOf, type Context } from '../context.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { ALL, appointmentView, person, taskView } from './appointments.views.js';
import {
  AppointmentEventView,
  AppointmentView,
  EquipmentReservationView,
  GuestInput,
  OutcomeInput,
  RoomBookingView,
  RoomView,
  SpecialRequestInput,
  SpecialRequestView,
  TaskChangeView,
  TaskView,
} from './appointments.types.js';

// ---- the day: preparation tasks, arrival and outcome (P4), equipment and keys (C3), special requests (P5) ----

@Resolver()
export class AppointmentDayResolver {
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

export const appointmentDayResolvers = [
  AppointmentDayResolver,
  TaskFieldsResolver,
  SpecialRequestFieldsResolver,
  ReservationFieldsResolver,
  RoomBookingFieldsResolver,
  EventFieldsResolver,
] as const;
