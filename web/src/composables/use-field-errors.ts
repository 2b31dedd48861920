import { GraphQLRequestError } from './use-client';

/**
 * The input field a server error points at (`extensions.field`, last path segment), with
 * its code, so a form can put a message in its own words next to that field.
 */
export function fieldError(err: unknown): { field: string; code: string; reason?: string } | null {
  if (!(err instanceof GraphQLRequestError) || !err.field) return null;
  const field = err.field.split('.').pop() ?? err.field;
  return { field, code: err.code, reason: err.reason };
}
