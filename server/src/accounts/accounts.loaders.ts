import DataLoader from 'dataloader';
import type { AccountsService } from './accounts.service.js';

/** Per-request batching: a list of users costs one query for all their sites. */
// `cache: false` for long-lived subscription contexts: batch, but never serve stale rows.
export function createAccountLoaders(accounts: AccountsService, opts: { cache: boolean }) {
  return {
    sitesOfUser: new DataLoader((ids: readonly number[]) => accounts.sitesOfUsers(ids), opts),
    department: new DataLoader((ids: readonly number[]) => accounts.departmentsByIds(ids), opts),
    site: new DataLoader((ids: readonly number[]) => accounts.sitesByIds(ids), opts),
    user: new DataLoader((ids: readonly number[]) => accounts.usersByIds(ids), opts),
  };
}
export type AccountLoaders = ReturnType<typeof createAccountLoaders>;

/** A user as other screens show them (`Person`), through the request's user loader. */
export async function personOf(loaders: AccountLoaders, id: number | null): Promise<{ id: number; displayName: string } | null> {
  if (id === null) return null;
  const u = await loaders.user.load(id);
  return u ? { id: u.id, displayName: u.displayName } : null;
}
