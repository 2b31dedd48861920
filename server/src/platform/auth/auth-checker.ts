import type { AuthCheckerFn } from 'type-graphql';
import type { Principal, Role } from '../../accounts/domain/roles.js';
import { forbidden, unauthenticated } from '../errors.js';

/**
 * `@Authorized()` needs a signed-in user; `@Authorized(Role.X, …)` needs one of the roles.
 * Site membership is checked where the site is known (the service), not here.
 */
export const authChecker: AuthCheckerFn<{ principal: Principal | null }, Role> = ({ context }, roles) => {
  if (!context.principal) throw unauthenticated();
  if (roles.length > 0 && !roles.some((r) => context.principal!.roles.includes(r))) throw forbidden();
  return true;
};
