import { badInput } from './errors.js';

/** GraphQL IDs arrive as strings; our keys are positive integers. */
export function parseId(field: string, value: string | number): number {
  const n = typeof value === 'number' ? value : /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw badInput(field, `${field} is not a valid id`);
  return n;
}
