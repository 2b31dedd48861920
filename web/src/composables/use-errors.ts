import { useI18n } from 'vue-i18n';
import { GraphQLRequestError } from './use-client';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'NETWORK',
]);

/** The error code of anything thrown by the client ('unknown' otherwise). */
export function errorCode(err: unknown): string {
  return err instanceof GraphQLRequestError && KNOWN_CODES.has(err.code) ? err.code : 'unknown';
}

/** A sentence for a failed request, in the current language. */
export function useErrorMessage() {
  const { t } = useI18n();
  return (err: unknown): string => t(`errors.${errorCode(err)}`);
}
