import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { personOf } from '../accounts/accounts.loaders.js';
import { PersonView } from '../accounts/accounts.types.js';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { notFound } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import type { FigureWalkInKind } from './domain/day.js';
import { ConsultantFiguresView, FairnessRowView, FiguresPeriod, SiteFiguresView, type WalkInCountsView } from './figures.types.js';

const walkIns = (k: Record<FigureWalkInKind, number>): WalkInCountsView => ({ new: k.NEW, returning: k.RETURNING, broughtAlong: k.BROUGHT_ALONG, nonBuyer: k.NON_BUYER });

@Resolver(() => SiteFiguresView)
export class FiguresResolver {
  @Authorized(Role.MANAGER, Role.ADMIN)
  @Query(() => SiteFiguresView, { description: "The manager's figures of a site over a day, week, month or custom period (site time zone)" })
  async siteFigures(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('period', () => FiguresPeriod) period: FiguresPeriod,
    @Arg('date', () => String, { description: 'A day of the period (the first one for CUSTOM), YYYY-MM-DD' }) date: string,
    @Arg('to', () => String, { nullable: true, description: 'CUSTOM only: the last day, included' }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<SiteFiguresView> {
    const f = await ctx.services.figures.figures(principalOf(ctx), parseId('siteId', siteId), period, date, to);
    return {
      siteId: f.siteId,
      from: f.period.from,
      to: f.period.to,
      days: f.days.map((d) => ({ ...d, walkIns: walkIns(d.walkIns) })),
      consultants: f.consultants.map((c) => Object.assign(new ConsultantFiguresView(), { ...c, walkIns: walkIns(c.walkIns) })),
      fairness: {
        spread: f.fairness.spread,
        rows: f.fairness.rows.map((r) =>
          Object.assign(new FairnessRowView(), { ...r, makeUpRules: Object.entries(r.makeUpRules).sort().map(([rule, count]) => ({ rule, count })) }),
        ),
      },
    };
  }
}

@Resolver(() => ConsultantFiguresView)
export class ConsultantFiguresResolver {
  @FieldResolver(() => PersonView)
  async consultant(@Root() c: ConsultantFiguresView, @Ctx() ctx: Context): Promise<PersonView> {
    const person = await personOf(ctx.loaders, c.consultantId);
    if (!person) throw notFound('User');
    return person;
  }
}

@Resolver(() => FairnessRowView)
export class FairnessRowResolver {
  @FieldResolver(() => PersonView)
  async consultant(@Root() r: FairnessRowView, @Ctx() ctx: Context): Promise<PersonView> {
    const person = await personOf(ctx.loaders, r.consultantId);
    if (!person) throw notFound('User');
    return person;
  }
}

export const figuresResolvers = [FiguresResolver, ConsultantFiguresResolver, FairnessRowResolver] as const;
