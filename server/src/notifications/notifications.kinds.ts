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
  // customers (O5, O6): a verified merge took a consultant's customer to another owner
  CUSTOMER_OWNERSHIP_LOST: 'CUSTOMER_OWNERSHIP_LOST',
} as const;

export type NotificationKind = keyof typeof NotificationKindEnum;
