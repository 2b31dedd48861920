import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { NotificationEntity } from './notifications.entity.js';
import { NotificationPageView, NotificationView } from './notifications.types.js';

const ALL = Object.values(Role);
const view = (n: NotificationEntity): NotificationView => ({ ...n, params: JSON.parse(n.params) });

@Resolver()
export class NotificationResolver {
  @Authorized(...ALL)
  @Query(() => NotificationPageView)
  async notifications(@Arg('limit', () => Int, { defaultValue: 30 }) limit: number, @Ctx() ctx: Context) {
    if (limit < 1 || limit > 200) throw badInput('limit', 'limit must be between 1 and 200');
    const r = await ctx.services.notifications.list(principalOf(ctx), limit);
    return { unread: r.unread, rows: r.rows.map(view) };
  }

  @Authorized(...ALL)
  @Mutation(() => Int, { description: 'Marks the given notifications (all when omitted) read; returns how many changed' })
  markNotificationsRead(@Arg('ids', () => [ID], { nullable: true }) ids: string[] | null, @Ctx() ctx: Context) {
    return ctx.services.notifications.markRead(principalOf(ctx), ids ? ids.map((id) => parseId('ids', id)) : null);
  }

  @Authorized(...ALL)
  @Subscription(() => NotificationView, {
    name: 'myNotifications',
    description: 'The signed-in user’s new notifications (tasks, approvals, moves, alerts, reminders), as they are stored',
    subscribe: ({ context }) => (context as Context).services.notifications.of(principalOf(context as Context).userId),
  })
  myNotifications(@Root() n: NotificationEntity): NotificationView {
    return view(n);
  }
}

export const notificationResolvers = [NotificationResolver] as const;
