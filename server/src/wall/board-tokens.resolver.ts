import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { BOARD_TOKEN } from '../platform/auth/auth-checker.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { wallPath } from './board-tokens.service.js';
import { BoardTokenView, IssuedBoardTokenView, WallSiteView } from './board-tokens.types.js';

const SUPERVISOR = [Role.MANAGER, Role.ADMIN];
const FLOOR = [Role.MANAGER, Role.ADMIN, Role.RECEPTION, Role.CONSULTANT];

@Resolver()
export class BoardTokensResolver {
  // Also a board token (issue 16): the name and clock zone of its own site, nothing else.
  @Authorized(...FLOOR, BOARD_TOKEN)
  @Query(() => WallSiteView, { description: "A wall screen's site: name and time zone (a board token reads its own site only)" })
  async wallSite(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context): Promise<WallSiteView> {
    const id = parseId('siteId', siteId);
    const { boardTokens, accounts } = ctx.services;
    const site = ctx.board ? await boardTokens.requireViewerSite(ctx.board, id) : await accounts.requireSite(principalOf(ctx), id);
    return { id: site.id, name: site.name, timezone: site.timezone };
  }

  @Authorized(...SUPERVISOR)
  @Query(() => [BoardTokenView], { description: "A site's wall-screen tokens, newest first (no secrets)" })
  boardTokens(@Arg('siteId', () => ID) siteId: string, @Ctx() ctx: Context) {
    return ctx.services.boardTokens.list(principalOf(ctx), parseId('siteId', siteId));
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => IssuedBoardTokenView, { description: 'A read-only board token for a wall screen of the site: no expiry, revocable' })
  async issueBoardToken(@Arg('siteId', () => ID) siteId: string, @Arg('label', () => String) label: string, @Ctx() ctx: Context) {
    const name = label.trim();
    if (name.length < 1 || name.length > 100) throw badInput('label', 'Name the screen (1 to 100 characters)');
    const { token, secret } = await ctx.services.boardTokens.issue(principalOf(ctx), parseId('siteId', siteId), name);
    return { token, secret, wallPath: wallPath(token.siteId, secret) };
  }

  @Authorized(...SUPERVISOR)
  @Mutation(() => BoardTokenView, { description: 'Revokes a board token at once: its screens are disconnected' })
  revokeBoardToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.boardTokens.revoke(principalOf(ctx), id);
  }
}

export const wallResolvers = [BoardTokensResolver] as const;
