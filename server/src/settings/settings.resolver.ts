import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PersonView } from '../accounts/accounts.types.js';
import { Role } from '../accounts/domain/roles.js';
import { personOf } from '../accounts/accounts.loaders.js';
import { principalOf, type Context } from '../context.js';
import { badInput, notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { SettingsArea, SettingsChangeView } from './settings.types.js';

@Resolver(() => SettingsChangeView)
export class SettingsHistoryResolver {
  @Authorized(Role.ADMIN, Role.MANAGER)
  @Query(() => [SettingsChangeView], { description: "Who changed a site's settings, when, from what to what; newest first" })
  settingsHistory(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('area', () => SettingsArea) area: SettingsArea,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<SettingsChangeView[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badInput('limit', 'limit must be between 1 and 200');
    return ctx.services.settings.history(principalOf(ctx), parseId('siteId', siteId), area, limit);
  }

  @FieldResolver(() => PersonView, { description: 'Who saved the change' })
  async by(@Root() c: SettingsChangeView, @Ctx() ctx: Context): Promise<PersonView> {
    const person = await personOf(ctx.loaders, c.byId);
    if (!person) throw notFound('User');
    return person;
  }
}

export const settingsResolvers = [SettingsHistoryResolver] as const;
