import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PersonView } from '../accounts/accounts.types.js';
import { Role } from '../accounts/domain/roles.js';
import { personOf } from '../accounts/accounts.loaders.js';
import { principalOf, type Context } from '../context.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { IMPORT_MAX_BYTES, type ImportRow } from './customers.import.js';
import type { CustomerRow, DisputeCount, RegisterSettings } from './customers.service.js';
import type { IntentGrade as IntentGradeValue } from './domain/follow-up-due.js';
import {
  ConflictView,
  CustomerDetailView,
  CustomerDisputesView,
  CustomerExportView,
  CustomerImportPreviewView,
  CustomerImportResultView,
  CustomerPageView,
  CustomerScope,
  IntentGrade,
  CustomerSettingsInput,
  CustomerSettingsView,
  CustomerView,
  DealCreditView,
  DealInput,
  DealPageView,
  DealView,
  DecisionInput,
  DecisionView,
  FollowUpInput,
  FollowUpView,
  OwnershipView,
  RegisterCheckView,
  RegisterCustomerInput,
  RegisterResultView,
  RegistrationView,
  TimelineEntryView,
} from './customers.types.js';
import { customerTimeline } from './customers.timeline.js';

const ALL = [Role.MANAGER, Role.ADMIN, Role.RECEPTION, Role.CONSULTANT];
const SUPERVISOR = [Role.MANAGER, Role.ADMIN];
const DAY = 24 * 3600_000;

export function customerView(r: CustomerRow, now: number): CustomerView {
  const o = r.ownership;
  return {
    id: r.customer.id,
    siteId: r.customer.siteId,
    name: r.customer.name,
    phone: r.phone,
    phoneMasked: r.phoneMasked,
    createdAt: r.customer.createdAt,
    dealClosed: r.dealClosed,
    intentGrade: r.customer.intentGrade,
    followUpDue: r.followUpDue && { state: r.followUpDue.state, lapsesAt: r.followUpDue.lapsesAt === null ? null : new Date(r.followUpDue.lapsesAt), inDays: r.followUpDue.inDays },
    ownership: {
      ownerId: o.ownerId,
      since: o.since === null ? null : new Date(o.since),
      lapsesAt: o.lapsesAt === null ? null : new Date(o.lapsesAt),
      rule: o.rule,
      lapsesSoon: o.lapsesAt !== null && o.lapsesAt - now <= DAY,
    },
  };
}

const settingsView = (siteId: number, s: RegisterSettings): CustomerSettingsView => ({
  siteId,
  followUpDays: s.followUpDays,
  dealLookbackDays: s.dealLookbackDays,
  followUpDueDays: s.followUpDueDays,
  grades: s.grades,
});

const person = (ctx: Context, id: number | null) => personOf(ctx.loaders, id);

const now = (ctx: Context) => ctx.services.customers.now();

@Resolver()
export class CustomersResolver {
  @Authorized(...ALL)
  @Query(() => CustomerSettingsView)
  async customerSettings(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<CustomerSettingsView> {
    const id = parseId('siteId', siteId);
    return settingsView(id, await ctx.services.customers.settings(principalOf(ctx), id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CustomerSettingsView)
  async updateCustomerSettings(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => CustomerSettingsInput) input: CustomerSettingsInput, @Ctx() ctx: Context) {
    const id = parseId('siteId', siteId);
    return settingsView(id, await ctx.services.customers.updateSettings(principalOf(ctx), id, { ...input }));
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => CustomerView, { description: "Sets a customer's intent grade (null: not graded); the owner or a manager. On the timeline." })
  async setCustomerGrade(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('grade', () => IntentGrade, { nullable: true }) grade: IntentGradeValue | null,
    @Ctx() ctx: Context,
  ) {
    const row = await ctx.services.customers.setGrade(principalOf(ctx), parseId('customerId', customerId), grade ?? null);
    return customerView(row, now(ctx));
  }

  @Authorized(...ALL)
  @Query(() => RegisterCheckView, { description: 'The register form’s live duplicate check (O5, O6)' })
  async registerCheck(@Arg('siteId', () => ID) siteId: string, @Arg('name', () => String) name: string, @Arg('phone', () => String) phone: string, @Ctx() ctx: Context) {
    const site = parseId('siteId', siteId);
    await ctx.services.lookups.guard(principalOf(ctx), site, 'REGISTER_CHECK', phone);
    const r = await ctx.services.customers.check(principalOf(ctx), site, name, phone);
    return { match: r.match.kind, customers: r.rows.map((x) => customerView(x, now(ctx))) };
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER, Role.RECEPTION)
  @Mutation(() => RegisterResultView, { description: 'O1: a valid registration has the real name, a phone and the consultant' })
  async registerCustomer(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => RegisterCustomerInput) input: RegisterCustomerInput, @Ctx() ctx: Context) {
    const site = parseId('siteId', siteId);
    // O9: a registration answers who the number belongs to, as the check does.
    await ctx.services.lookups.guard(principalOf(ctx), site, 'REGISTER', input.phone);
    const r = await ctx.services.customers.register(principalOf(ctx), site, {
      name: input.name,
      phone: input.phone,
      consultantId: input.consultantId ? parseId('input.consultantId', input.consultantId) : null,
      family: input.family ?? [],
      intent: input.intent ?? {},
      relation: input.relation ?? null,
    });
    return { match: r.match.kind, registrationId: r.registrationId, customer: customerView(r.row, now(ctx)) };
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => RegistrationView, { description: 'O1: a correction is a new record pointing at the old one' })
  correctRegistration(@Arg('id', () => ID) id: string, @Arg('name', () => String) name: string, @Arg('phone', () => String) phone: string, @Ctx() ctx: Context) {
    const p = principalOf(ctx);
    // O9: a correction takes a typed phone like a registration does, so it is counted as a lookup.
    const guard = (siteId: number, typed: string) => ctx.services.lookups.guard(p, siteId, 'CORRECTION', typed);
    return ctx.services.customers.correct(p, parseId('id', id), { name, phone }, guard).then((r) => ({ ...r, intent: JSON.parse(r.intent) }));
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER)
  @Mutation(() => CustomerView, { description: 'O3: a follow-up keeps ownership alive' })
  async logFollowUp(@Arg('customerId', () => ID) customerId: string, @Arg('input', () => FollowUpInput) input: FollowUpInput, @Ctx() ctx: Context) {
    const row = await ctx.services.customers.logFollowUp(principalOf(ctx), parseId('customerId', customerId), input);
    return customerView(row, now(ctx));
  }

  @Authorized(...ALL)
  @Query(() => [CustomerView], { description: 'R7: a phone number or its last four digits → the owner, or free' })
  async customerLookup(@Arg('siteId', () => ID) siteId: string, @Arg('query', () => String) query: string, @Ctx() ctx: Context) {
    const site = parseId('siteId', siteId);
    await ctx.services.lookups.guard(principalOf(ctx), site, 'DESK_LOOKUP', query);
    const rows = await ctx.services.customers.findByPhoneForDesk(principalOf(ctx), site, query);
    return rows.map((r) => customerView(r, now(ctx)));
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER, Role.ADMIN)
  @Query(() => CustomerPageView, { description: 'The register; MINE is sorted by how soon ownership lapses (O3)' })
  async customers(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('scope', () => CustomerScope, { defaultValue: 'ALL' }) scope: keyof typeof CustomerScope,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('grade', () => IntentGrade, { nullable: true, description: 'Only customers of this intent grade' }) grade: IntentGradeValue | null,
    @Arg('followUpDue', () => Boolean, { defaultValue: false, description: "Only customers whose ownership lapses (O3) within the site's follow-up-due window, soonest first" })
    followUpDue: boolean,
    @Ctx() ctx: Context,
  ) {
    if (limit < 1 || limit > 200) throw badInput('limit', 'limit must be between 1 and 200');
    if (offset < 0) throw badInput('offset', 'offset must not be negative');
    const site = parseId('siteId', siteId);
    // O9: a search by phone number is a lookup like the desk's (a name search is not).
    const typed = search?.trim() ?? '';
    const digits = typed.replace(/\D/g, '');
    if (digits.length >= 4 && digits.length === typed.replace(/[\s+-]/g, '').length) {
      await ctx.services.lookups.guard(principalOf(ctx), site, 'REGISTER_SEARCH', digits);
    }
    const page = await ctx.services.customers.list(principalOf(ctx), site, { scope, search, limit, offset, grade, followUpDue });
    return { total: page.total, rows: page.rows.map((r) => customerView(r, now(ctx))) };
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER, Role.ADMIN)
  @Query(() => [CustomerView], {
    nullable: 'items',
    description: "Customers by id, one answer per id in order (null: not of this site), e.g. the cards of the consultant's phone page, which start from receptions (O3 badge). At most 50.",
  })
  async customersByIds(@Arg('siteId', () => ID) siteId: string, @Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > 50) throw badInput('ids', 'At most 50 customers at once');
    const rows = await ctx.services.customers.byIds(principalOf(ctx), parseId('siteId', siteId), ids.map((id, i) => parseId(`ids.${i}`, id)));
    return rows.map((r) => (r ? customerView(r, now(ctx)) : null));
  }

  @Authorized(Role.CONSULTANT, Role.MANAGER, Role.ADMIN)
  @Query(() => CustomerDetailView, { description: "A customer's page: registrations, follow-ups, decisions, deals (the timeline)" })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CustomerDetailView> {
    const d = await ctx.services.customers.detail(principalOf(ctx), parseId('id', id));
    return {
      customer: customerView(d.row, now(ctx)),
      family: d.family,
      registrations: d.registrations.map((r) => ({ ...r, intent: JSON.parse(r.intent) })),
      followUps: d.followUps,
      decisions: d.decisions.map((x) => ({ ...x, details: x.details ? JSON.parse(x.details) : null })),
      deals: d.deals.map(dealView),
      conflicts: d.conflicts.map((c) => ({ ...c, details: JSON.parse(c.details) })),
      source: { id: d.row.customer.id, siteId: d.row.customer.siteId, phone: d.row.customer.phone },
      gradeChanges: d.gradeChanges,
    };
  }

  @Authorized(...SUPERVISOR)
  @Query(() => DealPageView, { description: 'Deals of a site, newest first' })
  async deals(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ) {
    if (limit < 1 || limit > 200) throw badInput('limit', 'limit must be between 1 and 200');
    const page = await ctx.services.customers.deals(principalOf(ctx), parseId('siteId', siteId), { limit, offset: Math.max(0, offset) });
    return { total: page.total, deals: page.deals.map(dealView) };
  }

  @Authorized(...SUPERVISOR)
  @Query(() => [ConflictView], { description: 'Waiting for the manager (O5, O6, disputed deals)' })
  async customerConflicts(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    const rows = await ctx.services.customers.conflicts(principalOf(ctx), parseId('siteId', siteId));
    return rows.map((c) => ({ ...c, details: JSON.parse(c.details) }));
  }

  @Authorized(...SUPERVISOR)
  @Query(() => CustomerDisputesView, { description: "How many of the site's conflicts wait for the manager" })
  async customerDisputes(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<CustomerDisputesView> {
    const d = await ctx.services.customers.disputes(principalOf(ctx), parseId('siteId', siteId));
    return { siteId: d.siteId, open: d.open };
  }

  @Authorized(...SUPERVISOR)
  @Subscription(() => CustomerDisputesView, {
    name: 'customerDisputes',
    description: "The site's open conflicts now, then on every change (the floor board's disputes alert)",
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      return ctx.services.customers.watchDisputes(principalOf(ctx), parseId('siteId', args.siteId as string));
    },
  })
  customerDisputesChanged(@Root() d: DisputeCount, @Arg('siteId', () => ID) _siteId: string): CustomerDisputesView {
    return { siteId: d.siteId, open: d.open };
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => CustomerView, { description: 'The manager settles ownership or a conflict, with a reason' })
  async decideOwnership(@Arg('input', () => DecisionInput) input: DecisionInput, @Ctx() ctx: Context) {
    const row = await ctx.services.customers.decide(principalOf(ctx), {
      customerId: parseId('input.customerId', input.customerId),
      conflictId: input.conflictId ? parseId('input.conflictId', input.conflictId) : null,
      kind: input.kind,
      consultantId: input.consultantId ? parseId('input.consultantId', input.consultantId) : null,
      reason: input.reason,
      sameAsId: input.sameAsCustomerId ? parseId('input.sameAsCustomerId', input.sameAsCustomerId) : null,
      relation: input.relation ?? null,
    });
    return customerView(row, now(ctx));
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => DealView, { description: 'O7: attributed by looking back from the deal date; O8: a helper splits the credit' })
  async recordDeal(@Arg('input', () => DealInput) input: DealInput, @Ctx() ctx: Context) {
    const deal = await ctx.services.customers.recordDeal(principalOf(ctx), {
      customerId: parseId('input.customerId', input.customerId),
      buyerName: input.buyerName,
      dealAt: input.dealAt,
      units: input.units,
      helperId: input.helperId ? parseId('input.helperId', input.helperId) : null,
    });
    return dealView(deal);
  }
}

@Resolver(() => DealView)
export class DealFieldsResolver {
  @FieldResolver(() => String, { description: "The register's name of the customer" })
  async customerName(@Root() d: DealView, @Ctx() ctx: Context) {
    return (await ctx.loaders.customerName.load(d.customerId)) ?? '';
  }
}

function dealView(d: { id: number; customerId: number; buyerName: string; dealAt: Date; units: number; credit: string; attribution: string }): DealView {
  return { ...d, credit: JSON.parse(d.credit), attribution: JSON.parse(d.attribution) };
}

@Resolver(() => CustomerDetailView)
export class CustomerDetailFieldsResolver {
  @FieldResolver(() => [TimelineEntryView], {
    description: 'The whole story, oldest first: receptions (who, counted or not and why), registrations, follow-ups, appointments, disputes, deals',
  })
  async timeline(@Root() d: CustomerDetailView, @Ctx() ctx: Context): Promise<TimelineEntryView[]> {
    const src = d.source!;
    const [receptions, visits] = await Promise.all([
      ctx.services.rotation.receptionsOf(src.id),
      ctx.services.appointments.visitsByContact(src.siteId, [src.phone, `+86${src.phone}`]),
    ]);
    return customerTimeline({
      registrations: d.registrations,
      followUps: d.followUps,
      decisions: d.decisions,
      deals: d.deals,
      conflicts: d.conflicts,
      receptions,
      visits,
      gradeChanges: d.gradeChanges ?? [],
    });
  }
}

@Resolver(() => TimelineEntryView)
export class TimelineEntryFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true, description: 'Who served, registered, followed up, leads the visit or is credited' })
  consultant(@Root() e: TimelineEntryView, @Ctx() ctx: Context) {
    return person(ctx, e.consultantId);
  }

  @FieldResolver(() => PersonView, { nullable: true, description: 'Who acted, when not the consultant (the manager deciding, the desk linking)' })
  actor(@Root() e: TimelineEntryView, @Ctx() ctx: Context) {
    return person(ctx, e.actorId);
  }

  @FieldResolver(() => [PersonView], { description: 'The people the details mention by id (owner, helper…)' })
  async people(@Root() e: TimelineEntryView, @Ctx() ctx: Context) {
    return (await Promise.all(e.peopleIds.map((id) => person(ctx, id)))).filter((x) => x !== null);
  }
}

// People behind ids, through the per-request user loader (a list costs one query).
@Resolver(() => OwnershipView)
export class OwnershipFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  owner(@Root() o: OwnershipView, @Ctx() ctx: Context) {
    return person(ctx, o.ownerId);
  }
}

@Resolver(() => RegistrationView)
export class RegistrationFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() r: RegistrationView, @Ctx() ctx: Context) {
    return person(ctx, r.consultantId);
  }
}

@Resolver(() => FollowUpView)
export class FollowUpFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() r: FollowUpView, @Ctx() ctx: Context) {
    return person(ctx, r.consultantId);
  }
}

@Resolver(() => DecisionView)
export class DecisionFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() r: DecisionView, @Ctx() ctx: Context) {
    return person(ctx, r.consultantId);
  }

  @FieldResolver(() => PersonView, { nullable: true })
  decidedBy(@Root() r: DecisionView, @Ctx() ctx: Context) {
    return person(ctx, r.decidedBy);
  }
}

@Resolver(() => ConflictView)
export class ConflictFieldsResolver {
  @FieldResolver(() => String, { description: "The register's name of the customer" })
  async customerName(@Root() c: ConflictView, @Ctx() ctx: Context) {
    return (await ctx.loaders.customerName.load(c.customerId)) ?? '';
  }

  @FieldResolver(() => ID)
  customerId(@Root() c: ConflictView) {
    return c.customerId;
  }
}

@Resolver(() => DealCreditView)
export class DealCreditFieldsResolver {
  @FieldResolver(() => PersonView, { nullable: true })
  consultant(@Root() r: DealCreditView, @Ctx() ctx: Context) {
    return person(ctx, r.consultantId);
  }
}

/** The file of an import, decoded; bad names and bad base64 are BAD_USER_INPUT. */
function importFile(fileName: string, contentBase64: string): { fileName: string; content: Buffer } {
  const name = fileName.trim();
  if (!name || name.length > 200) throw badInput('fileName', 'A file name of at most 200 characters');
  if (!/\.(xlsx|csv)$/i.test(name)) throw badInput('fileName', 'Import an .xlsx or .csv file');
  if (contentBase64.length > Math.ceil(IMPORT_MAX_BYTES / 3) * 4) throw badInput('contentBase64', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  if (!contentBase64.length || !/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) throw badInput('contentBase64', 'The file content is not base64');
  return { fileName: name, content: Buffer.from(contentBase64, 'base64') };
}

const importRowView = (r: ImportRow) => ({
  row: r.row,
  name: r.name,
  phone: r.phone,
  consultant: r.consultantName,
  registeredAt: r.registeredAt === null ? null : new Date(r.registeredAt),
  budget: r.budget,
  size: r.size,
  source: r.source,
});

@Resolver()
export class CustomerImportResolver {
  @Authorized(...SUPERVISOR)
  @Query(() => CustomerImportPreviewView, { description: 'Reads and checks a register file (xlsx or csv) without importing it' })
  async previewCustomerImport(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Ctx() ctx: Context,
  ): Promise<CustomerImportPreviewView> {
    const r = await ctx.services.customers.previewImport(principalOf(ctx), parseId('siteId', siteId), importFile(fileName, contentBase64));
    return { rows: r.total, valid: r.rows.length, errorCount: r.errors.length, errors: r.errors.slice(0, 500), sample: r.sample.map(importRowView) };
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => CustomerImportResultView, { description: 'O1: imports every row in one transaction, or nothing if any row is invalid' })
  importCustomers(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Ctx() ctx: Context,
  ): Promise<CustomerImportResultView> {
    return ctx.services.customers.importRegister(principalOf(ctx), parseId('siteId', siteId), importFile(fileName, contentBase64));
  }

  @Authorized(Role.MANAGER, Role.ADMIN, Role.CONSULTANT)
  @Query(() => CustomerExportView, { description: 'The register as xlsx; O9: consultants get masked numbers except their own customers' })
  async exportCustomers(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<CustomerExportView> {
    const f = await ctx.services.customers.exportRegister(principalOf(ctx), parseId('siteId', siteId));
    return { fileName: f.fileName, contentBase64: f.content.toString('base64') };
  }
}

export const customerResolvers = [
  CustomersResolver,
  CustomerImportResolver,
  OwnershipFieldsResolver,
  RegistrationFieldsResolver,
  FollowUpFieldsResolver,
  DecisionFieldsResolver,
  DealCreditFieldsResolver,
  DealFieldsResolver,
  ConflictFieldsResolver,
  CustomerDetailFieldsResolver,
  TimelineEntryFieldsResolver,
] as const;
