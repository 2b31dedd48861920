import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { BOARD_TOKEN } from '../platform/auth/auth-checker.js';
import { badInput } from '../platform/errors.js';
import type { BoardViewer } from '../wall/board-tokens.service.js';
import { attachDirect, offerDirect, type Take } from '../platform/direct.js';
import { plainIterator } from '../platform/plain-iterator.js';
import { parseId } from '../platform/ids.js';
import { optionalPhone } from '../platform/phone-input.js';
import type { WalkInInput as DomainWalkIn } from './domain/index.js';
import {
  RotationSettingsInput,
  RotationSettingsType,
  ShiftExceptionInput,
  ShiftExceptionType,
  ShiftTemplateInput,
  ShiftTemplateType,
} from './rotation-settings.types.js';
import { boardFeed } from './rotation.feed.js';
import { RotationBoardFeedMessage } from './rotation.feed.types.js';
import type { FloorCommand } from './rotation.service.js';
import {
  AssignByHandInput,
  FloorChangeView,
  FloorDeputyInput,
  FloorDeputyView,
  PersonView,
  RotationBoardView,
  ReceptionView,
  RotationEventPageView,
  WalkInInput,
} from './rotation.types.js';

const FLOOR = [Role.MANAGER, Role.ADMIN, Role.RECEPTION, Role.CONSULTANT];
const DESK = [Role.MANAGER, Role.ADMIN, Role.RECEPTION];
const SUPERVISOR = [Role.MANAGER, Role.ADMIN];

/** A board token's live board: the private view of each change (one object per change, shared). */
function privateWatch(ctx: Context, viewer: BoardViewer, siteId: number, afterSeq: number | null): AsyncGenerator<RotationBoardView> {
  const { boardTokens, rotation } = ctx.services;
  let inner: AsyncGenerator<RotationBoardView> | undefined;
  let done = false;
  let up: Take<RotationBoardView> | undefined;
  // A plain iterator (platform/plain-iterator.ts): closed while waiting for a change, it ends the inner feed at once.
  const boards = plainIterator<RotationBoardView>(
    async () => {
      if (done) return { done: true, value: undefined };
      if (!inner) {
        inner = rotation.watchSite(await boardTokens.requireViewerSite(viewer, siteId), afterSeq);
        // The direct path (platform/direct.ts); the private view is built once per board.
        attachDirect<Take<RotationBoardView>>(inner, (board) => !!up && up(boardTokens.privateView(board)));
        if (done) await inner.return(undefined);
      }
      const r = await inner.next();
      if (r.done || done) {
        done = true;
        return { done: true, value: undefined };
      }
      return { done: false, value: boardTokens.privateView(r.value) };
    },
    async () => {
      done = true;
      await inner?.return(undefined);
    },
  );
  offerDirect<Take<RotationBoardView>>(boards, (take) => (up = take));
  return boards;
}

const optId = (field: string, v: string | null | undefined) => (v == null || v === '' ? null : parseId(field, v));

function walkIn(w: WalkInInput, prefix = 'input'): DomainWalkIn {
  return {
    kind: w.kind,
    customerName: w.customerName,
    // Issue 13: the register's phone rule, before the lookup guard counts the number.
    phone: optionalPhone(w.phone, `${prefix}.phone`),
    partySize: w.partySize ?? undefined,
    unitsAsked: w.unitsAsked ?? null,
    customerId: optId(`${prefix}.customerId`, w.customerId),
    broughtById: optId(`${prefix}.broughtById`, w.broughtById),
    ownerId: optId(`${prefix}.ownerId`, w.ownerId),
    dealClosed: !!w.dealClosed,
    newCustomerRegistered: !!w.newCustomerRegistered,
    helperId: optId(`${prefix}.helperId`, w.helperId),
    ownerServesBoth: !!w.ownerServesBoth,
  };
}

@Resolver()
export class RotationResolver {
  private async run(ctx: Context, siteId: string, command: FloorCommand, opts: { registerCustomer?: boolean } = {}): Promise<FloorChangeView> {
    const p = principalOf(ctx);
    const site = parseId('siteId', siteId);
    const { seq, events, reception, board } = await ctx.services.rotation.execute(p, site, command, opts);
    return { seq, events, reception, boardOf: board };
  }

  /** O9: a walk-in given by phone looks the number up in the register (R7). */
  private async guardPhone(ctx: Context, siteId: string, w: WalkInInput) {
    if (w.phone && !w.customerId) await ctx.services.lookups.guard(principalOf(ctx), parseId('siteId', siteId), 'WALK_IN', w.phone);
  }

  /** A consultant acts for themselves; the desk and managers name the consultant. */
  private self(ctx: Context, consultantId: string | null | undefined): number {
    if (consultantId) return parseId('consultantId', consultantId);
    return principalOf(ctx).userId;
  }

  // ---- reads ----------------------------------------------------------------------------

  // Also a wall screen's board token (issue 16): its own site, privacy forced on.
  @Authorized(...FLOOR, BOARD_TOKEN)
  @Query(() => RotationBoardView, { description: 'The live floor of a site (SPEC section 6)' })
  async rotationBoard(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    const id = parseId('siteId', siteId);
    if (ctx.board) {
      const { boardTokens, rotation } = ctx.services;
      return boardTokens.privateView(await rotation.boardOfSite(await boardTokens.requireViewerSite(ctx.board, id)));
    }
    return ctx.services.rotation.board(principalOf(ctx), id);
  }

  @Authorized(...FLOOR)
  @Query(() => RotationBoardView, { description: 'R15: the board as it was right after event `seq` (replay)' })
  rotationBoardAt(@Arg('siteId', () => ID) siteId: string, @Arg('seq', () => Int) seq: number, @Ctx() ctx: Context) {
    return ctx.services.rotation.boardAt(principalOf(ctx), parseId('siteId', siteId), seq);
  }

  @Authorized(...FLOOR)
  @Query(() => RotationEventPageView, { description: 'R15: the floor log, newest first' })
  rotationHistory(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('day', () => String, { nullable: true }) day: string | null,
    @Arg('beforeSeq', () => Int, { nullable: true }) beforeSeq: number | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw badInput('day', 'day must be YYYY-MM-DD');
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badInput('limit', 'limit must be between 1 and 200');
    return ctx.services.rotation.history(principalOf(ctx), parseId('siteId', siteId), { day, beforeSeq, limit });
  }

  @Authorized(...FLOOR)
  @Query(() => [PersonView], { description: 'Consultants of a site' })
  async siteConsultants(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<PersonView[]> {
    const users = await ctx.services.rotation.consultants(principalOf(ctx), parseId('siteId', siteId));
    return users.filter((u) => !u.disabled).map((u) => ({ id: u.id, displayName: u.displayName }));
  }

  @Authorized(...FLOOR)
  @Query(() => RotationSettingsType)
  async rotationSettings(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<RotationSettingsType> {
    const id = parseId('siteId', siteId);
    return { siteId: id, ...(await ctx.services.rotation.settings(principalOf(ctx), id)) };
  }

  @Authorized(...FLOOR)
  @Query(() => [ShiftTemplateType], { description: 'R2: the weekly shifts of a site' })
  shiftTemplates(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    return ctx.services.rotation.shiftTemplates(principalOf(ctx), parseId('siteId', siteId));
  }

  @Authorized(...FLOOR)
  @Query(() => [ShiftExceptionType], { description: 'R2: days that differ from the weekly template' })
  shiftExceptions(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.rotation.shiftExceptions(principalOf(ctx), parseId('siteId', siteId), from, to);
  }

  // ---- deputies (R15) ----------------------------------------------------------------------

  @Authorized(...FLOOR)
  @Query(() => [FloorDeputyView], { description: 'R15: deputies named to supervise the floor today or later' })
  floorDeputies(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    return ctx.services.rotation.deputies(principalOf(ctx), parseId('siteId', siteId));
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => FloorDeputyView, { description: 'R15: a manager names a deputy who supervises the floor for them over a period' })
  nameFloorDeputy(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => FloorDeputyInput) input: FloorDeputyInput, @Ctx() ctx: Context) {
    return ctx.services.rotation.nameDeputy(principalOf(ctx), parseId('siteId', siteId), input);
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => Boolean, { description: 'R15: ends a deputyship at once' })
  endFloorDeputy(@Arg('siteId', () => ID) siteId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.rotation.endDeputy(principalOf(ctx), parseId('siteId', siteId), id);
  }

  // ---- settings and shifts (administrators and managers) --------------------------------

  @Authorized(Role.ADMIN)
  @Mutation(() => RotationSettingsType, { description: "A site's rule variants (R7, R8, R9, R11) and numbers" })
  async updateRotationSettings(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('input', () => RotationSettingsInput) input: RotationSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<RotationSettingsType> {
    const id = parseId('siteId', siteId);
    return { siteId: id, ...(await ctx.services.rotation.updateSettings(principalOf(ctx), id, { ...input })) };
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => [ShiftTemplateType], { description: 'R2: replaces the weekly shifts of a site' })
  setShiftTemplates(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('shifts', () => [ShiftTemplateInput]) shifts: ShiftTemplateInput[],
    @Ctx() ctx: Context,
  ) {
    return ctx.services.rotation.setShiftTemplates(principalOf(ctx), parseId('siteId', siteId), shifts);
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => ShiftExceptionType)
  addShiftException(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => ShiftExceptionInput) input: ShiftExceptionInput, @Ctx() ctx: Context) {
    return ctx.services.rotation.addShiftException(principalOf(ctx), parseId('siteId', siteId), input);
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => Boolean)
  removeShiftException(@Arg('siteId', () => ID) siteId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.rotation.removeShiftException(principalOf(ctx), parseId('siteId', siteId), id);
  }

  // ---- floor actions: consultants for themselves (R1, R4) --------------------------------

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: "I'm on the floor; back from business (R4)" })
  checkIn(@Arg('siteId', () => ID) siteId: string, @Arg('consultantId', () => ID, { nullable: true }) consultantId: string | null, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'CHECK_IN', consultantId: this.self(ctx, consultantId) });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R4: signed out on company business; keeps make-ups for missed turns' })
  goAway(@Arg('siteId', () => ID) siteId: string, @Arg('consultantId', () => ID, { nullable: true }) consultantId: string | null, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'GO_AWAY', consultantId: this.self(ctx, consultantId) });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'Leaves the floor (with notice); the place in the line is given up' })
  checkOut(@Arg('siteId', () => ID) siteId: string, @Arg('consultantId', () => ID, { nullable: true }) consultantId: string | null, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'CHECK_OUT', consultantId: this.self(ctx, consultantId) });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'My customer left (R5: no longer busy)' })
  endReception(@Arg('siteId', () => ID) siteId: string, @Arg('receptionId', () => ID) receptionId: string, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'END_RECEPTION', receptionId });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: "R11: the walk-in is a colleague's customer: hand over at once" })
  handOver(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('receptionId', () => ID) receptionId: string,
    @Arg('toConsultantId', () => ID, { nullable: true }) toConsultantId: string | null,
    @Arg('customerId', () => ID, { nullable: true, description: "R11: the colleague's customer found in the register: handed to its owner (O2)" })
    customerId: string | null,
    @Ctx() ctx: Context,
  ) {
    const customer = optId('customerId', customerId);
    if (customer === null && !toConsultantId) throw badInput('toConsultantId', 'Name the colleague or pick their customer');
    return this.run(ctx, siteId, { type: 'HAND_OVER', receptionId, toConsultantId: customer === null ? parseId('toConsultantId', toConsultantId!) : 0, customerId: customer });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: "R11: the colleague is off shift or unreachable: keep serving as a courtesy" })
  keepForColleague(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('receptionId', () => ID) receptionId: string,
    @Arg('colleagueId', () => ID, { nullable: true }) colleagueId: string | null,
    @Arg('customerId', () => ID, { nullable: true, description: "R11: the colleague's customer found in the register: kept for its owner (O2)" })
    customerId: string | null,
    @Ctx() ctx: Context,
  ) {
    const customer = optId('customerId', customerId);
    if (customer === null && !colleagueId) throw badInput('colleagueId', 'Name the colleague or pick their customer');
    return this.run(ctx, siteId, { type: 'KEEP_FOR_COLLEAGUE', receptionId, colleagueId: customer === null ? parseId('colleagueId', colleagueId!) : 0, customerId: customer });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R12: a non-buyer (peer, builder, seller…), reported within the window' })
  reportNonBuyer(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('receptionId', () => ID) receptionId: string,
    @Arg('keep', () => Boolean, { description: 'Keep serving (else the last consultant in the queue takes over)' }) keep: boolean,
    @Ctx() ctx: Context,
  ) {
    return this.run(ctx, siteId, { type: 'REPORT_NON_BUYER', receptionId, keep });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R14: the customer asks for several units' })
  reportBigBuyer(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('receptionId', () => ID) receptionId: string,
    @Arg('units', () => Int) units: number,
    @Ctx() ctx: Context,
  ) {
    return this.run(ctx, siteId, { type: 'REPORT_BIG_BUYER', receptionId, units });
  }

  // ---- the desk (R3, R6–R12) ------------------------------------------------------------

  @Authorized(...DESK)
  @Mutation(() => FloorChangeView, { description: 'A walk-in arrives: who receives them, and why' })
  async recordWalkIn(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => WalkInInput) input: WalkInInput, @Ctx() ctx: Context) {
    const w = walkIn(input);
    await this.guardPhone(ctx, siteId, input);
    return this.run(ctx, siteId, { type: 'RECORD_WALK_IN', walkIn: w }, { registerCustomer: !!input.registerCustomer });
  }

  @Authorized(...FLOOR)
  @Mutation(() => Boolean, {
    description: 'A reception recorded with a typed name, linked to its customer later: nothing decided then is decided again; it shows on their timeline',
  })
  async linkReceptionToCustomer(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('receptionId', () => ID) receptionId: string,
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: Context,
  ) {
    await ctx.services.rotation.linkReception(principalOf(ctx), parseId('siteId', siteId), receptionId, parseId('customerId', customerId));
    return true;
  }

  @Authorized(...FLOOR)
  @Query(() => [ReceptionView], { description: 'Receptions of the last days not linked to any customer (a typed name or none), newest first' })
  unlinkedReceptions(@Arg('siteId', () => ID) siteId: string, @Arg('days', () => Int, { defaultValue: 7 }) days: number, @Ctx() ctx: Context) {
    if (days < 0 || days > 31) throw badInput('days', 'days must be between 0 and 31');
    return ctx.services.rotation.unlinkedReceptions(principalOf(ctx), parseId('siteId', siteId), days);
  }

  @Authorized(...DESK)
  @Mutation(() => FloorChangeView, { description: 'R3: not on the floor when their turn came, without notice: the turn is lost' })
  markAbsent(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('consultantId', () => ID) consultantId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ) {
    return this.run(ctx, siteId, { type: 'MARK_ABSENT', consultantId: parseId('consultantId', consultantId), reason });
  }

  // The desk within the window; the manager or a named deputy any change of today (R15).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'Undo: the desk a mis-tapped walk-in within the window; a manager any change of today (R15)' })
  undoFloorChange(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('seq', () => Int) seq: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ) {
    return this.run(ctx, siteId, { type: 'UNDO', seq, reason });
  }

  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'A consultant takes back their own tap (left, away, back, customer left) within the undo window' })
  takeBackMyChange(@Arg('siteId', () => ID) siteId: string, @Arg('seq', () => Int) seq: number, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'TAKE_BACK', seq });
  }

  // ---- the manager (R5, R10–R12, R14, R15) -------------------------------------------------

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R15: assign by hand; to a busy consultant it is an approved second reception (R5)' })
  async assignByHand(@Arg('siteId', () => ID) siteId: string, @Arg('input', () => AssignByHandInput) input: AssignByHandInput, @Ctx() ctx: Context) {
    const w = input.walkIn ? walkIn(input.walkIn, 'input.walkIn') : null;
    if (input.walkIn) await this.guardPhone(ctx, siteId, input.walkIn);
    return this.run(ctx, siteId, {
      type: 'ASSIGN_BY_HAND',
      receptionId: input.receptionId ?? null,
      walkIn: w,
      consultantId: parseId('input.consultantId', input.consultantId),
      counted: input.counted,
      reason: input.reason,
    });
  }

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R15: move a consultant to a place in the line' })
  moveInLine(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('consultantId', () => ID) consultantId: string,
    @Arg('position', () => Int) position: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return this.run(ctx, siteId, { type: 'MOVE', consultantId: parseId('consultantId', consultantId), position, reason });
  }

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R15: skip a consultant (to the back of the line)' })
  skipTurn(@Arg('siteId', () => ID) siteId: string, @Arg('consultantId', () => ID) consultantId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'SKIP', consultantId: parseId('consultantId', consultantId), reason });
  }

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R15: put a skipped or absent consultant back in the place they had' })
  reinstate(@Arg('siteId', () => ID) siteId: string, @Arg('consultantId', () => ID) consultantId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'REINSTATE', consultantId: parseId('consultantId', consultantId), reason });
  }

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R12: confirm (or reject) a non-buyer report' })
  decideNonBuyer(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('receptionId', () => ID) receptionId: string,
    @Arg('confirmed', () => Boolean) confirmed: boolean,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return this.run(ctx, siteId, { type: 'DECIDE_NON_BUYER', receptionId, confirmed, reason });
  }

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R14 and others: the manager has seen the alert' })
  acknowledgeAlert(@Arg('siteId', () => ID) siteId: string, @Arg('alertId', () => ID) alertId: string, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'ACKNOWLEDGE_ALERT', alertId });
  }

  // R15: the manager or a named deputy (checked by the service).
  @Authorized(...FLOOR)
  @Mutation(() => FloorChangeView, { description: 'R10/R11: a same-day deal with the helper splits the credit half/half' })
  recordSameDayDeal(@Arg('siteId', () => ID) siteId: string, @Arg('receptionId', () => ID) receptionId: string, @Ctx() ctx: Context) {
    return this.run(ctx, siteId, { type: 'RECORD_SAME_DAY_DEAL', receptionId });
  }

  // ---- live ----------------------------------------------------------------------------------

  // Also a wall screen's board token (issue 16): its own site, privacy forced on.
  @Authorized(...FLOOR, BOARD_TOKEN)
  @Subscription(() => RotationBoardView, {
    name: 'rotationBoard',
    description: 'The whole board on every change. Send the last seq you saw as afterSeq to catch up without gaps or repeats.',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const siteId = parseId('siteId', args.siteId as string);
      const afterSeq = (args.afterSeq as number | null) ?? null;
      if (ctx.board) return privateWatch(ctx, ctx.board, siteId, afterSeq);
      return ctx.services.rotation.watch(principalOf(ctx), siteId, afterSeq);
    },
  })
  rotationBoardChanged(
    @Root() board: RotationBoardView,
    @Arg('siteId', () => ID) _siteId: string,
    @Arg('afterSeq', () => Int, { nullable: true }) _afterSeq: number | null,
  ): RotationBoardView {
    return board;
  }

  // Issue 17: the same feed as changes. A board token's changes are of its private boards.
  @Authorized(...FLOOR, BOARD_TOKEN)
  @Subscription(() => RotationBoardFeedMessage, {
    name: 'rotationBoardFeed',
    description:
      'The whole board once (in messages of bounded size), then only what changed, each change with the seq it applies to. A change whose baseSeq is not the seq held means a gap: subscribe again with afterSeq.',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const siteId = parseId('siteId', args.siteId as string);
      const afterSeq = (args.afterSeq as number | null) ?? null;
      if (ctx.board) return boardFeed(privateWatch(ctx, ctx.board, siteId, afterSeq));
      return boardFeed(ctx.services.rotation.watch(principalOf(ctx), siteId, afterSeq));
    },
  })
  rotationBoardFeedMessage(
    @Root() message: RotationBoardFeedMessage,
    @Arg('siteId', () => ID) _siteId: string,
    @Arg('afterSeq', () => Int, { nullable: true, description: 'The last seq held: its missed events come with the whole board' }) _afterSeq: number | null,
  ): RotationBoardFeedMessage {
    return message;
  }
}

/** Issue 17: the whole board of a floor action's answer, built only for a client that selects it. */
@Resolver(() => FloorChangeView)
export class FloorChangeResolver {
  @FieldResolver(() => RotationBoardView, {
    description: 'The whole board after this action',
    deprecationReason: 'Issue 17: the whole board on every action is too large; use seq, events and reception, and the board from rotationBoardFeed',
  })
  board(@Root() change: FloorChangeView): RotationBoardView {
    return change.boardOf();
  }
}

export const rotationResolvers = [RotationResolver, FloorChangeResolver] as const;
