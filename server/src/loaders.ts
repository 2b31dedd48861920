import DataLoader from 'dataloader';
import type { Services } from './context.js';
import { createAccountLoaders } from './accounts/accounts.loaders.js';

/** Every feature's DataLoaders, made fresh for each request. */
export function createLoaders(services: Services, opts = { cache: true }) {
  return {
    ...createAccountLoaders(services.accounts, opts),
    customerName: new DataLoader((ids: readonly number[]) => services.customers.namesByIds(ids), opts),
    category: new DataLoader((ids: readonly number[]) => services.standards.categoriesByIds(ids), opts),
    room: new DataLoader((ids: readonly number[]) => services.standards.roomsByIds(ids), opts),
    appointment: new DataLoader((ids: readonly number[]) => services.appointments.appointmentsByIds(ids), opts),
    taskProgress: new DataLoader((ids: readonly number[]) => services.appointments.taskProgress(ids), opts),
    customerRegion: new DataLoader((ids: readonly number[]) => services.visits.regionsByIds(ids), opts),
    visitTasks: new DataLoader((ids: readonly number[]) => services.visits.visitTasks(ids), opts),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
