import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { personOf } from '../accounts/accounts.loaders.js';
import { PersonView } from '../accounts/accounts.types.js';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { CustomerView } from '../customers/customers.types.js';
import { parseId } from '../platform/ids.js';
import { OUTCOMES } from './domain/visits.js';
import type { VisitSettings } from './domain/settings.js';
import type { DueVisitRow, PlanWithVisits } from './visits.service.js';
import type { VisitEntity, VisitTaskEntity } from './visits.entity.js';
import {
  DueVisitView,
  RegionInput,
  RegionView,
  SaveVisitPlanInput,
  VisitFiguresView,
  VisitLocationInput,
  VisitPlanView,
  VisitReportInput,
  VisitSettingsInput,
  VisitSettingsView,
  VisitTaskView,
  VisitView,
} from './visits.types.js';

const ALL = [Role.MANAGER, Role.ADMIN, Role.RECEPTION, Role.CONSULTANT];
const SUPERVISOR = [Role.MANAGER, Role.ADMIN];
const PLANNERS = [Role.MANAGER, Role.ADMIN, Role.CONSULTANT];

const settingsView = (s: VisitSettings): VisitSettingsView => ({
  siteRegion: s.siteProvince && s.siteCity ? { province: s.siteProvince, city: s.siteCity, district: s.siteDistrict } : null,
  sameCityMonths: s.sameCityMonths,
  sameProvinceMonths: s.sameProvinceMonths,
  elsewhereMonths: s.elsewhereMonths,
  reportDueDays: s.reportDueDays,
  planReminderDays: s.planReminderDays,
  timezone: s.timezone,
});

export function visitView(v: VisitEntity, now: number): VisitView {
  return {
    ...v,
    location: v.latitude !== null && v.longitude !== null ? { latitude: v.latitude, longitude: v.longitude, accuracy: v.accuracy ?? 0 } : null,
    // V3: a report filed late, or still missing after its due time.
    reportLate: v.reportedAt ? v.reportLate : v.reportDueAt !== null && now > v.reportDueAt.getTime(),
  };
}

const planView = (r: PlanWithVisits, now: number): VisitPlanView => ({ ...r.plan, visits: r.visits.map((v) => visitView(v, now)) });
const taskView = (t: VisitTaskEntity): VisitTaskView => ({ ...t, done: t.state === 'DONE' });

@Resolver()
export class VisitsResolver {
  @Authorized(...ALL)
  @Query(() => VisitSettingsView)
  async visitSettings(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    return settingsView(await ctx.services.visits.settings(principalOf(ctx), parseId('siteId', siteId)));
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => VisitSettingsView, { description: "V1–V3: the site's region, visit intervals, report and plan deadlines" })
  async updateVisitSettings(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => VisitSettingsInput) input: VisitSettingsInput, @Ctx() ctx: Context) {
    const r = input.siteRegion;
    const s = await ctx.services.visits.updateSettings(principalOf(ctx), parseId('siteId', siteId), {
      siteProvince: r?.province ?? null,
      siteCity: r?.city ?? null,
      siteDistrict: r?.district ?? null,
      sameCityMonths: input.sameCityMonths,
      sameProvinceMonths: input.sameProvinceMonths,
      elsewhereMonths: input.elsewhereMonths,
      reportDueDays: input.reportDueDays,
      planReminderDays: input.planReminderDays,
    });
    return settingsView(s);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => RegionView, { nullable: true, description: "V2: sets or clears a customer's region (province, city, district codes)" })
  async setCustomerRegion(@Arg('customerId', () => ID) customerId: string, @Arg('region', () => RegionInput, { nullable: true }) region: RegionInput | null, @Ctx() ctx: Context) {
    const c = await ctx.services.visits.setCustomerRegion(principalOf(ctx), parseId('customerId', customerId), region ? { province: region.province, city: region.city, district: region.district ?? null } : null);
    return c.regionProvince && c.regionCity ? { province: c.regionProvince, city: c.regionCity, district: c.regionDistrict } : null;
  }

  @Authorized(...PLANNERS)
  @Query(() => [DueVisitView], { description: "V2: owned customers by when they are due for a visit, overdue first (a consultant's own; a manager's any or all)" })
  async dueVisits(@Arg('siteId', () => ID) siteId: string, @Arg('consultantId', () => ID, { nullable: true }) consultantId: string | null, @Ctx() ctx: Context) {
    const rows = await ctx.services.visits.due(principalOf(ctx), parseId('siteId', siteId), consultantId ? parseId('consultantId', consultantId) : null);
    return rows.map((d: DueVisitRow) => ({ ...d, dueAt: new Date(d.dueAt), lastVisitAt: d.lastVisitAt === null ? null : new Date(d.lastVisitAt) }));
  }

  @Authorized(...PLANNERS)
  @Query(() => VisitPlanView, { nullable: true, description: "V1: a consultant's plan for a month (the caller's own unless a manager names one)" })
  async visitPlan(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('month', () => String) month: string,
    @Arg('consultantId', () => ID, { nullable: true }) consultantId: string | null,
    @Ctx() ctx: Context,
  ) {
    const r = await ctx.services.visits.plan(principalOf(ctx), parseId('siteId', siteId), month, consultantId ? parseId('consultantId', consultantId) : null);
    return r && planView(r, ctx.services.visits.now());
  }

  @Authorized(...SUPERVISOR)
  @Query(() => [VisitPlanView], { description: "V1: the site's submitted plans for a month, for review" })
  async visitPlans(@Arg('siteId', () => ID) siteId: string, @Arg('month', () => String) month: string, @Ctx() ctx: Context) {
    const now = ctx.services.visits.now();
    return (await ctx.services.visits.plans(principalOf(ctx), parseId('siteId', siteId), month)).map((r) => planView(r, now));
  }

  @Authorized(Role.CONSULTANT)
  @Mutation(() => VisitPlanView, { description: "V1: drafts (or reworks a returned) month's plan; its visits are replaced" })
  async saveVisitPlan(@Arg('input', () => SaveVisitPlanInput) input: SaveVisitPlanInput, @Ctx() ctx: Context) {
    const items = input.items.map((i, n) => ({ customerId: parseId(`items.${n}.customerId`, i.customerId), day: i.day, purpose: i.purpose, content: i.content }));
    return planView(await ctx.services.visits.savePlan(principalOf(ctx), parseId('siteId', input.siteId), input.month, items), ctx.services.visits.now());
  }

  @Authorized(Role.CONSULTANT)
  @Mutation(() => VisitPlanView, { description: 'V1: submits the plan to the manager (late once its month has begun)' })
  async submitVisitPlan(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return planView(await ctx.services.visits.submitPlan(principalOf(ctx), parseId('planId', planId)), ctx.services.visits.now());
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => VisitPlanView)
  async approveVisitPlan(@Arg('planId', () => ID) planId: string, @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: Context) {
    return planView(await ctx.services.visits.approvePlan(principalOf(ctx), parseId('planId', planId), comment), ctx.services.visits.now());
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => VisitPlanView, { description: 'V1: returns the plan with a comment' })
  async returnVisitPlan(@Arg('planId', () => ID) planId: string, @Arg('comment', () => String) comment: string, @Ctx() ctx: Context) {
    return planView(await ctx.services.visits.returnPlan(principalOf(ctx), parseId('planId', planId), comment), ctx.services.visits.now());
  }

  @Authorized(Role.CONSULTANT)
  @Query(() => [VisitView], { description: "The consultant's approved visits waiting for a check-in or report (through next week)" })
  async myVisits(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    const now = ctx.services.visits.now();
    return (await ctx.services.visits.myVisits(principalOf(ctx), parseId('siteId', siteId))).map((v) => visitView(v, now));
  }

  @Authorized(Role.CONSULTANT)
  @Mutation(() => VisitView, { description: "Check-in on the visit day, with the browser's location when the user allows it" })
  async checkInVisit(@Arg('visitId', () => ID) visitId: string, @Arg('location', () => VisitLocationInput, { nullable: true }) location: VisitLocationInput | null, @Ctx() ctx: Context) {
    return visitView(await ctx.services.visits.checkIn(principalOf(ctx), parseId('visitId', visitId), location), ctx.services.visits.now());
  }

  @Authorized(Role.CONSULTANT)
  @Mutation(() => VisitView, { description: 'V3: the visit report; promised items become tasks' })
  async reportVisit(@Arg('visitId', () => ID) visitId: string, @Arg('input', () => VisitReportInput) input: VisitReportInput, @Ctx() ctx: Context) {
    const r = await ctx.services.visits.report(principalOf(ctx), parseId('visitId', visitId), {
      outcome: input.outcome,
      feedback: input.feedback,
      nextSteps: input.nextSteps,
      satisfaction: input.satisfaction ?? null,
      promises: input.promises.map((pr, n) => ({ text: pr.text, dueAt: pr.dueAt, ownerId: pr.ownerId ? parseId(`promises.${n}.ownerId`, pr.ownerId) : null })),
    });
    return visitView(r.visit, ctx.services.visits.now());
  }

  @Authorized(...ALL)
  @Query(() => [VisitTaskView], { description: 'V3: open promised items the user owns' })
  async myVisitTasks(@Ctx() ctx: Context) {
    return (await ctx.services.visits.myVisitTasks(principalOf(ctx))).map(taskView);
  }

  @Authorized(...ALL)
  @Mutation(() => VisitTaskView)
  async setVisitTaskDone(@Arg('id', () => ID) id: string, @Arg('done', () => Boolean) done: boolean, @Ctx() ctx: Context) {
    return taskView(await ctx.services.visits.setVisitTaskDone(principalOf(ctx), parseId('id', id), done));
  }

  @Authorized(...SUPERVISOR)
  @Query(() => [VisitFiguresView], { description: 'V4: per consultant and month of visits planned in [from, to): planned vs done, reports on time, outcomes, satisfaction' })
  async visitFigures(@Arg('siteId', () => ID) siteId: string, @Arg('from', () => Date) from: Date, @Arg('to', () => Date) to: Date, @Ctx() ctx: Context) {
    const rows = await ctx.services.visits.figuresFor(principalOf(ctx), parseId('siteId', siteId), from, to);
    return rows.map((r) => ({ ...r, outcomes: OUTCOMES.map((o) => ({ outcome: o, count: r.outcomes[o] })) }));
  }
}

@Resolver(() => VisitView)
export class VisitFieldsResolver {
  @FieldResolver(() => String, { description: "The register's name of the customer" })
  async customerName(@Root() v: VisitView, @Ctx() ctx: Context) {
    return (await ctx.loaders.customerName.load(v.customerId)) ?? '';
  }
  @FieldResolver(() => ID)
  customerId(@Root() v: VisitView) {
    return v.customerId;
  }
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() v: VisitView, @Ctx() ctx: Context) {
    return personOf(ctx.loaders, v.consultantId);
  }
  @FieldResolver(() => [VisitTaskView], { description: 'V3: promised items' })
  async tasks(@Root() v: VisitView, @Ctx() ctx: Context) {
    return (await ctx.loaders.visitTasks.load(v.id)).map(taskView);
  }
}

@Resolver(() => VisitPlanView)
export class VisitPlanFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() p: VisitPlanView, @Ctx() ctx: Context) {
    return personOf(ctx.loaders, p.consultantId);
  }
  @FieldResolver(() => PersonView, { nullable: true })
  decidedBy(@Root() p: VisitPlanView, @Ctx() ctx: Context) {
    return personOf(ctx.loaders, p.decidedById);
  }
}

@Resolver(() => DueVisitView)
export class DueVisitFieldsResolver {
  @FieldResolver(() => ID)
  customerId(@Root() d: DueVisitView) {
    return d.customerId;
  }
  @FieldResolver(() => String)
  async customerName(@Root() d: DueVisitView, @Ctx() ctx: Context) {
    return (await ctx.loaders.customerName.load(d.customerId)) ?? '';
  }
  @FieldResolver(() => RegionView, { nullable: true })
  region(@Root() d: DueVisitView, @Ctx() ctx: Context) {
    return ctx.loaders.customerRegion.load(d.customerId);
  }
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() d: DueVisitView, @Ctx() ctx: Context) {
    return personOf(ctx.loaders, d.consultantId);
  }
}

@Resolver(() => VisitFiguresView)
export class VisitFiguresFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() r: VisitFiguresView, @Ctx() ctx: Context) {
    return personOf(ctx.loaders, r.consultantId);
  }
}

/** V2: a customer's region, wherever a Customer is shown. */
@Resolver(() => CustomerView)
export class CustomerRegionResolver {
  @FieldResolver(() => RegionView, { nullable: true, description: 'V2: province, city, district codes' })
  region(@Root() c: CustomerView, @Ctx() ctx: Context) {
    return ctx.loaders.customerRegion.load(c.id);
  }
}

export const visitResolvers = [VisitsResolver, VisitFieldsResolver, VisitPlanFieldsResolver, DueVisitFieldsResolver, VisitFiguresFieldsResolver, CustomerRegionResolver] as const;
