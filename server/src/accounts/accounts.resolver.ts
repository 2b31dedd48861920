import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { principalOf, type Context } from '../context.js';
import { personOf } from './accounts.loaders.js';
import { parseId } from '../platform/ids.js';
import type { AccountChangedPayload } from './accounts.service.js';
import {
  AccountChange,
  AuthPayload,
  ChangePasswordInput,
  CreateUserInput,
  DepartmentInput,
  PersonView,
  DepartmentType,
  LoginInput,
  SiteInput,
  SiteType,
  UpdateUserInput,
  UserType,
} from './accounts.types.js';
import { Role } from './domain/roles.js';

@Resolver(() => UserType)
export class UserResolver {
  /** Public: the one operation allowed without a token. */
  @Mutation(() => AuthPayload)
  login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return ctx.services.accounts.login(input.username, input.password, ctx.clientAddress);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends this session; the token stops working at once' })
  logout(@Ctx() ctx: Context) {
    return ctx.services.accounts.logout(principalOf(ctx));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Also signs out the other devices of this user' })
  changeMyPassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.changeMyPassword(principalOf(ctx), input.currentPassword, input.newPassword);
  }

  @Authorized()
  @Query(() => UserType)
  me(@Ctx() ctx: Context) {
    return ctx.services.accounts.me(principalOf(ctx));
  }

  @Authorized()
  @Query(() => [PersonView], { description: 'The active people of a site, for pickers (appointment lead, task owners, equipment, escalation)' })
  async sitePeople(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<PersonView[]> {
    const users = await ctx.services.accounts.sitePeople(principalOf(ctx), parseId('siteId', siteId));
    return users.map((u) => ({ id: u.id, displayName: u.displayName }));
  }

  @Authorized(Role.ADMIN)
  @Query(() => [UserType])
  users(@Ctx() ctx: Context) {
    return ctx.services.accounts.listUsers(principalOf(ctx));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.createUser(principalOf(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType)
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.accounts.updateUser(principalOf(ctx), id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType, { description: 'A disabled user is signed out everywhere at once' })
  setUserDisabled(
    @Arg('id', () => ID) id: string,
    @Arg('disabled', () => Boolean) disabled: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.accounts.setUserDisabled(principalOf(ctx), id, disabled);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType, { description: 'Lifts the sign-in lock that repeated wrong passwords put on an account' })
  unlockUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.accounts.unlockUser(principalOf(ctx), id);
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => Date, { nullable: true, description: 'Until when sign-in is locked after repeated wrong passwords' })
  signInLockedUntil(@Root() user: UserType, @Ctx() ctx: Context) {
    return ctx.services.accounts.signIn.lockedUntil(user.username);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Sets a new password and signs the user out everywhere' })
  resetUserPassword(
    @Arg('id', () => ID) id: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.accounts.resetUserPassword(principalOf(ctx), id, password);
  }

  @Authorized()
  @Subscription(() => AccountChange, {
    // A logout or a password change concerns some sessions only.
    subscribe: ({ context }) => {
      const p = principalOf(context as Context);
      return (context as Context).services.accounts.accountChanges(p.userId, p.sessionId);
    },
  })
  async accountChanged(@Root() change: AccountChangedPayload, @Ctx() ctx: Context): Promise<AccountChange> {
    const user = await ctx.services.accounts.me(principalOf(ctx));
    return { user, signedOut: change.signedOut };
  }

  @FieldResolver(() => [SiteType])
  sites(@Root() user: UserType, @Ctx() ctx: Context) {
    return ctx.loaders.sitesOfUser.load(user.id);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  department(@Root() user: UserType, @Ctx() ctx: Context) {
    return user.departmentId ? ctx.loaders.department.load(user.departmentId) : null;
  }
}

@Resolver(() => SiteType)
export class SiteResolver {
  @Authorized()
  @Query(() => [SiteType], { description: 'The sites the signed-in user may see' })
  sites(@Ctx() ctx: Context) {
    return ctx.services.accounts.listSites(principalOf(ctx));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SiteType)
  createSite(@Arg('input', () => SiteInput) input: SiteInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.createSite(principalOf(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SiteType)
  updateSite(@Arg('id', () => ID) id: string, @Arg('input', () => SiteInput) input: SiteInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.updateSite(principalOf(ctx), id, input);
  }
}

@Resolver(() => DepartmentType)
export class DepartmentResolver {
  @Authorized()
  @Query(() => [DepartmentType])
  departments(@Ctx() ctx: Context) {
    return ctx.services.accounts.listDepartments(principalOf(ctx));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DepartmentType)
  createDepartment(@Arg('input', () => DepartmentInput) input: DepartmentInput, @Ctx() ctx: Context) {
    return ctx.services.accounts.createDepartment(principalOf(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DepartmentType)
  updateDepartment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DepartmentInput) input: DepartmentInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.accounts.updateDepartment(principalOf(ctx), id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean)
  deleteDepartment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.accounts.deleteDepartment(principalOf(ctx), id);
  }

  @FieldResolver(() => SiteType, { nullable: true })
  site(@Root() dept: DepartmentType, @Ctx() ctx: Context) {
    return dept.siteId ? ctx.loaders.site.load(dept.siteId) : null;
  }

  @FieldResolver(() => PersonView, { nullable: true, description: 'P1: approves the appointments this department leads' })
  async head(@Root() dept: DepartmentType, @Ctx() ctx: Context): Promise<PersonView | null> {
    return personOf(ctx.loaders, dept.headUserId);
  }
}

export const accountResolvers = [UserResolver, SiteResolver, DepartmentResolver] as const;
