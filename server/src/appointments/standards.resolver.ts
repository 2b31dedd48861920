import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DepartmentType } from '../accounts/accounts.types.js';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { parseId } from '../platform/ids.js';
import { ALL, categoryView, optionalId } from './appointments.views.js';
import {
  CategoryInput,
  CategoryView,
  EquipmentChangeInput,
  EquipmentInput,
  EquipmentView,
  RoomAvailabilityView,
  RoomChangeInput,
  RoomInput,
  RoomView,
  StandardView,
} from './appointments.types.js';

// ---- categories (C1, C2), rooms (P2), equipment (C3) ---------------------------------------------------

function categoryInput(input: CategoryInput) {
  return {
    ...input,
    responsibleDepartmentId: optionalId('input.responsibleDepartmentId', input.responsibleDepartmentId),
    checklist: input.checklist.map((i) => ({ ...i, season: i.season ?? null })),
  };
}

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

export const standardsResolvers = [CategoryResolver, StandardFieldsResolver, RoomResolver, EquipmentResolver] as const;
