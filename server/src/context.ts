import type { AppointmentsService } from './appointments/appointments.service.js';
import type { StandardsService } from './appointments/standards.service.js';
import type { Principal } from './accounts/domain/roles.js';
import type { AccountsService } from './accounts/accounts.service.js';
import type { CustomersService } from './customers/customers.service.js';
import type { LookupGuard } from './customers/lookup-guard.js';
import type { FiguresService } from './figures/figures.service.js';
import type { Loaders } from './loaders.js';
import { boardTokenRefused } from './platform/auth/auth-checker.js';
import type { NotificationsService } from './notifications/notifications.service.js';
import type { RotationService } from './rotation/rotation.service.js';
import type { SettingsHistoryService } from './settings/settings.service.js';
import type { VisitsService } from './visits/visits.service.js';
import type { BoardTokensService, BoardViewer } from './wall/board-tokens.service.js';

/** The services a resolver may call; built once in app.ts. */
export interface Services {
  accounts: AccountsService;
  rotation: RotationService;
  customers: CustomersService;
  standards: StandardsService;
  appointments: AppointmentsService;
  settings: SettingsHistoryService;
  notifications: NotificationsService;
  lookups: LookupGuard;
  visits: VisitsService;
  figures: FiguresService;
  boardTokens: BoardTokensService;
}

/** Per request (HTTP) or per subscription operation (WebSocket). */
export interface Context {
  principal: Principal | null;
  /** A wall screen's board token (issue 16): set only when principal is null. */
  board?: BoardViewer | null;
  services: Services;
  loaders: Loaders;
  /** HTTP only: the client's address (behind TRUST_PROXY, from X-Forwarded-For). */
  clientAddress?: string;
}

/** For resolvers that are behind @Authorized: the principal is known to be there. */
export function principalOf(ctx: Context): Principal {
  // A board token reaches here only through a subscription's subscribe (not auth-checked).
  if (!ctx.principal && ctx.board) throw boardTokenRefused();
  if (!ctx.principal) throw new Error('principalOf called without @Authorized');
  return ctx.principal;
}
