/**
 * Every kind of notification, from every feature. A feature adds its kinds here (and the
 * web adds their words to its i18n messages); params are the kind's facts.
 */
export const NotificationKindEnum = {
  // appointments (P1, P3, P5)
  APPROVAL_REQUESTED: 'APPROVAL_REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  TASK_ASSIGNED: 'TASK_ASSIGNED',
  RESCHEDULED: 'RESCHEDULED',
  CANCELLED: 'CANCELLED',
  GUESTS_ARRIVED: 'GUESTS_ARRIVED',
  SPECIAL_REQUEST: 'SPECIAL_REQUEST',
  SPECIAL_REQUEST_ANSWERED: 'SPECIAL_REQUEST_ANSWERED',
  // customers (O9): a user's phone lookups went past their limit; sent to the site's managers
  LOOKUP_BURST: 'LOOKUP_BURST',
} as const;

export type NotificationKind = keyof typeof NotificationKindEnum;
