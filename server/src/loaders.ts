import DataLoader from 'dataloader';
import type { Services } from './context.js';
import { createAccountLoaders } from './accounts/accounts.loaders.js';

/** Every feature's DataLoaders, made fresh for each request. */
export function createLoaders(services: Services, opts = { cache: true }) {
  return {
    ...createAccountLoaders(services.accounts, opts),
    customerName: new DataLoader((ids: readonly number[]) => services.customers.namesByIds(ids), opts),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
