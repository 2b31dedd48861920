import type { AuthCheckerFn } from 'type-graphql';
import type { Principal } from '../../accounts/domain/roles.js';
import type { BoardViewer } from '../../wall/board-tokens.service.js';
import { AppError, ErrorCode, forbidden, unauthenticated } from '../errors.js';

/**
 * Listed in `@Authorized(…)` next to roles: a wall screen's board token may call this too
 * (issue 16). Everything without it is FORBIDDEN to a board token.
 */
export const BOARD_TOKEN = 'BOARD_TOKEN';

/** Everything a board token may not do: a stable code and reason. */
export const boardTokenRefused = (message = 'A wall-screen token only reads the board of its site') =>
  new AppError(ErrorCode.FORBIDDEN, message, { reason: 'BOARD_TOKEN' });

/**
 * `@Authorized()` needs a signed-in user; `@Authorized(Role.X, …)` needs one of the roles.
 * Site membership is checked where the site is known (the service), not here.
 */
export const authChecker: AuthCheckerFn<{ principal: Principal | null; board?: BoardViewer | null }, string> = ({ context }, roles) => {
  if (!context.principal) {
    if (context.board) {
      if (roles.includes(BOARD_TOKEN)) return true;
      throw boardTokenRefused();
    }
    throw unauthenticated();
  }
  const userRoles = roles.filter((r) => r !== BOARD_TOKEN);
  if (userRoles.length > 0 && !userRoles.some((r) => (context.principal!.roles as string[]).includes(r))) throw forbidden();
  return true;
};
