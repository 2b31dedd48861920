import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../accounts/domain/roles.js';
import { principalOf, type Context } from '../context.js';
import { badInput } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';
import { wallPath } from './board-tokens.service.js';
import { BoardTokenView, IssuedBoardTokenView } from './board-tokens.types.js';

const SUPERVISOR = [Role.MANAGER, Role.ADMIN];

@Resolver()
export class BoardTokensResolver {
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
