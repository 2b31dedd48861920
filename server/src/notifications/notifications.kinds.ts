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
  // rotation (R14)
  BIG_BUYER: 'BIG_BUYER',
  // visits (V1, V3)
  VISIT_PLAN_SUBMITTED: 'VISIT_PLAN_SUBMITTED',
  VISIT_PLAN_APPROVED: 'VISIT_PLAN_APPROVED',
  VISIT_PLAN_RETURNED: 'VISIT_PLAN_RETURNED',
  VISIT_TASK_ASSIGNED: 'VISIT_TASK_ASSIGNED',
  // reminders raised by the scheduler (server/src/visits/reminders.ts)
  SPECIAL_REQUEST_OVERDUE: 'SPECIAL_REQUEST_OVERDUE',
  VISIT_REPORT_DUE: 'VISIT_REPORT_DUE',
  VISIT_REPORT_LATE: 'VISIT_REPORT_LATE',
  OWNERSHIP_LAPSING: 'OWNERSHIP_LAPSING',
  VISIT_PLAN_DUE: 'VISIT_PLAN_DUE',
  VISIT_PLAN_LATE: 'VISIT_PLAN_LATE',
  TASK_DUE: 'TASK_DUE',
  TASK_OVERDUE: 'TASK_OVERDUE',
  VISIT_TASK_DUE: 'VISIT_TASK_DUE',
  VISIT_TASK_OVERDUE: 'VISIT_TASK_OVERDUE',
  // customers (O9): a user's phone lookups went past their limit; sent to the site's managers
  LOOKUP_BURST: 'LOOKUP_BURST',
} as const;

export type NotificationKind = keyof typeof NotificationKindEnum;
