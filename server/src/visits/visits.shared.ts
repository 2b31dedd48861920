import { badInput } from '../platform/errors.js';
import { Role } from '../accounts/domain/roles.js';
import type { Rejection } from './domain/visits.js';

// What the visits files share: who supervises, a day, a domain rejection as an input error,
// and raw datetimes read back from either database.

export const SUPERVISOR = [Role.MANAGER, Role.ADMIN];
export const DAY = 24 * 3600_000;

export const rejected = (r: Rejection, field = 'input') =>
  badInput(field, r.reason, { reason: r.code });

/** Raw DATETIME values: Date from mysql2 (UTC), 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) from SQLite. */
export function toTime(v: Date | string): number {
  if (v instanceof Date) return v.getTime();
  return new Date(v.replace(' ', 'T') + (v.endsWith('Z') ? '' : 'Z')).getTime();
}
