import type { EntityManager } from 'typeorm';

/** MySQL locks rows (SELECT … FOR UPDATE); SQLite runs one transaction at a time and needs none. */
export const takesRowLocks = (em: EntityManager): boolean => em.connection.options.type === 'mysql';

/** Find options that lock the rows read, where the database locks rows. */
export const forUpdate = (em: EntityManager) => (takesRowLocks(em) ? { lock: { mode: 'pessimistic_write' as const } } : {});
