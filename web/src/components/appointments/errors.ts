import { GraphQLRequestError } from '@/composables/use-client';

// What went wrong with an appointment action, in the user's words: the server's
// `extensions.reason` (a SPEC rule or a state) first, then the input field, then the code.

export const KNOWN_REASONS = [
  'C1_LATE',
  'C1_ROOM',
  'C4_HOSTS',
  'C4_BUDGET',
  'HEADCOUNT',
  'ROOM_TOO_SMALL',
  'P2_ROOM_TAKEN',
  'C3_EQUIPMENT_UNAVAILABLE',
  'C3_UNKNOWN_KIND',
  'C3_CHECKED_OUT',
  'C3_NOT_CHECKED_OUT',
  'C3_RETURNED',
  'C3_NOT_MET',
  'C3_NO_ROOM',
  'P1_NOT_APPROVER',
  'P1_NOT_APPROVED',
  'P3_INVALID_TRANSITION',
  'TASKS_CLOSED',
  'TASK_CANCELLED',
  'P5_ANSWERED',
] as const;

/** Input fields (last path segment) that have their own message. */
export const KNOWN_FIELDS = [
  'categoryId',
  'purpose',
  'visitorCompany',
  'headcount',
  'hosts',
  'startAt',
  'endAt',
  'leadDepartmentId',
  'supportingDepartmentIds',
  'leadUserId',
  'roomId',
  'equipmentKinds',
  'estimatedCost',
  'notes',
  'reason',
  'reply',
  'text',
  'promisedBy',
  'escalatedToId',
  'byUserId',
  'taskOwners',
  'guests',
  'outcome',
] as const;

const CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
]);

export interface ActionError {
  /** i18n key of the message. */
  key: string;
  /** The form field the message belongs next to, if any (last path segment). */
  field: string | null;
  reason: string | null;
}

/** The i18n key (and field) for a failed appointment request or action. */
export function actionError(err: unknown): ActionError {
  if (!(err instanceof GraphQLRequestError))
    return { key: 'errors.unknown', field: null, reason: null };
  const reason = err.reason ?? null;
  const rawField = err.field ?? null;
  const field = rawField ? (rawField.split('.').pop() ?? rawField) : null;
  if (reason && (KNOWN_REASONS as readonly string[]).includes(reason)) {
    return { key: `appointments.reasons.${reason}`, field, reason };
  }
  if (
    err.code === 'BAD_USER_INPUT' &&
    field &&
    (KNOWN_FIELDS as readonly string[]).includes(field)
  ) {
    return { key: `appointments.fieldErrors.${field}`, field, reason };
  }
  return { key: `errors.${CODES.has(err.code) ? err.code : 'unknown'}`, field, reason };
}
