/**
 * A notification is data (`kind` + `params`, STYLE "Every explanation is data"); this turns
 * it into words in the current language. Every kind's params carry the appointment's
 * purpose, visitorCompany and startAt; the kinds add their own (see the server’s
 * appointments.service.ts `notify` calls; other features add kinds in
 * server/src/notifications/notifications.kinds.ts).
 */

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface NotificationLike {
  kind: string;
  params: unknown;
}

export interface NotificationText {
  /** What happened, short: the popover's bold line and the toast's title. */
  title: string;
  /** Which visit: company · purpose. */
  subject: string;
  /** When the visit is (site time zone). */
  when: string;
  /** The kind's own facts (count, reason, new time…); may be empty. */
  detail: string;
}

export const NOTIFICATION_KINDS = [
  'APPROVAL_REQUESTED',
  'APPROVED',
  'REJECTED',
  'TASK_ASSIGNED',
  'RESCHEDULED',
  'CANCELLED',
  'GUESTS_ARRIVED',
  'SPECIAL_REQUEST',
  'SPECIAL_REQUEST_ANSWERED',
  'CUSTOMER_OWNERSHIP_LOST',
  'BIG_BUYER',
  // Reminders about an appointment (server/src/visits/reminders.ts): P5 and P1 tasks.
  'SPECIAL_REQUEST_OVERDUE',
  'TASK_DUE',
  'TASK_OVERDUE',
  'LOOKUP_BURST',
] as const;

/** Kinds about outbound visits (V1, V3) and customers (O3): a month or a customer, not an appointment. */
export const VISIT_NOTIFICATION_KINDS = [
  'VISIT_PLAN_SUBMITTED',
  'VISIT_PLAN_APPROVED',
  'VISIT_PLAN_RETURNED',
  'VISIT_PLAN_DUE',
  'VISIT_PLAN_LATE',
  'VISIT_REPORT_DUE',
  'VISIT_REPORT_LATE',
  'VISIT_TASK_ASSIGNED',
  'VISIT_TASK_DUE',
  'VISIT_TASK_OVERDUE',
  'OWNERSHIP_LAPSING',
] as const;

/** Kinds about the sales floor, not a visit: their subject is the site and the customer. */
const FLOOR_KINDS = new Set<string>(['BIG_BUYER']);

const KNOWN = new Set<string>(NOTIFICATION_KINDS);
const VISIT_KINDS = new Set<string>(VISIT_NOTIFICATION_KINDS);

/** Words for a visit or customer notification: the subject is the month or the customer. */
function visitText(
  kind: string,
  p: Record<string, unknown>,
  t: Translate,
  dateTime: (iso: string | null | undefined) => string,
): NotificationText {
  const title = t(`notifications.kinds.${kind}`);
  const month = text(p.month);
  const subject = month
    ? t('notifications.detail.visitSubjectMonth', { month })
    : t('notifications.detail.visitSubjectCustomer', { name: text(p.customerName) });
  const dueAt = text(p.dueAt) || text(p.lapsesAt);
  const when = !dueAt
    ? ''
    : kind === 'OWNERSHIP_LAPSING'
      ? t('notifications.detail.visitWhenLapses', { at: dateTime(dueAt) })
      : t('notifications.detail.visitWhenDue', { at: dateTime(dueAt) });
  const parts: string[] = [];
  if (kind === 'VISIT_PLAN_SUBMITTED') {
    parts.push(
      p.late === true
        ? t('notifications.detail.planLate', { name: text(p.ownerName) })
        : t('notifications.detail.planBy', { name: text(p.ownerName), count: count(p.visits) }),
    );
  }
  if (text(p.comment)) parts.push(t('notifications.detail.comment', { comment: text(p.comment) }));
  if (text(p.text)) parts.push(t('notifications.detail.promise', { text: text(p.text) }));
  // A manager's copy of an overdue reminder says whose it is.
  if (p.forManager === true && text(p.ownerName))
    parts.push(t('notifications.detail.whose', { name: text(p.ownerName) }));
  return { title, subject, when, detail: parts.join(t('common.listSeparator')) };
}

function record(params: unknown): Record<string, unknown> {
  return params && typeof params === 'object' && !Array.isArray(params)
    ? (params as Record<string, unknown>)
    : {};
}
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);

export function notificationText(
  n: NotificationLike,
  t: Translate,
  dateTime: (iso: string | null | undefined) => string,
): NotificationText {
  const p = record(n.params);
  if (n.kind === 'LOOKUP_BURST') {
    // O9: about a colleague, not a visit.
    return {
      title: t('notifications.kinds.LOOKUP_BURST'),
      subject: t('notifications.lookupBurst.subject', { name: text(p.userName), site: text(p.siteName) }),
      when: t('notifications.lookupBurst.when', { at: dateTime(text(p.at) || null) }),
      detail: t('notifications.detail.lookupBurst', { limit: count(p.limit) }),
    };
  }
  if (VISIT_KINDS.has(n.kind)) return visitText(n.kind, p, t, dateTime);
  if (FLOOR_KINDS.has(n.kind)) {
    return {
      title: t(`notifications.kinds.${n.kind}`),
      subject: t('notifications.floorSubject', {
        site: text(p.siteName),
        customer: text(p.customerName) || t('notifications.unnamedCustomer'),
      }),
      when: t('notifications.floorWhen', { at: dateTime(text(p.at) || null) }),
      // R14: how many units, and who is with the customer.
      detail: t('notifications.detail.bigBuyer', {
        units: count(p.units),
        name: text(p.consultantName) || t('notifications.nobodyYet'),
      }),
    };
  }
  const subject = t('notifications.subject', {
    company: text(p.visitorCompany),
    purpose: text(p.purpose),
  });
  const when = t('notifications.when', { at: dateTime(text(p.startAt) || null) });
  if (!KNOWN.has(n.kind)) {
    return { title: t('notifications.kinds.OTHER', { kind: n.kind }), subject, when, detail: '' };
  }
  const title = t(`notifications.kinds.${n.kind}`);
  if (n.kind === 'CUSTOMER_OWNERSHIP_LOST') {
    // O5/O6: a verified merge gave a customer of this consultant to another owner (O2).
    return {
      title,
      subject: text(p.customerName),
      when: '',
      detail: t(
        p.rule === 'O6'
          ? 'notifications.detail.mergedFamily'
          : 'notifications.detail.mergedSamePerson',
        { name: text(p.mergedName) || text(p.customerName) },
      ),
    };
  }
  let detail = '';
  switch (n.kind) {
    case 'APPROVAL_REQUESTED':
      // C1: a late request needs an approval that says so.
      detail = p.late === true ? t('notifications.detail.lateRequest') : '';
      break;
    case 'APPROVED':
      detail = p.late === true ? t('notifications.detail.lateApproved') : '';
      break;
    case 'REJECTED':
    case 'CANCELLED':
      detail = text(p.reason) ? t('notifications.detail.reason', { reason: text(p.reason) }) : '';
      break;
    case 'TASK_ASSIGNED':
      detail = t('notifications.detail.tasks', { count: count(p.count) });
      break;
    case 'RESCHEDULED':
      detail = t('notifications.detail.moved', {
        from: dateTime(text(p.from) || null),
        to: dateTime(text(p.to) || null),
      });
      if (text(p.reason))
        detail += t('notifications.detail.reasonAfter', { reason: text(p.reason) });
      break;
    case 'GUESTS_ARRIVED':
      detail = t('notifications.detail.guests', { count: count(p.guests) });
      break;
    case 'SPECIAL_REQUEST':
      // P5: answered by the promised time.
      detail = t('notifications.detail.promisedBy', { at: dateTime(text(p.promisedBy) || null) });
      break;
    case 'SPECIAL_REQUEST_OVERDUE':
      detail = t('notifications.detail.promisedBy', { at: dateTime(text(p.promisedBy) || null) });
      if (p.forManager === true && text(p.ownerName))
        detail +=
          t('common.listSeparator') + t('notifications.detail.whose', { name: text(p.ownerName) });
      break;
    case 'TASK_DUE':
    case 'TASK_OVERDUE':
      detail = t('notifications.detail.taskLabel', { label: text(p.label) });
      if (p.forManager === true && text(p.ownerName))
        detail +=
          t('common.listSeparator') + t('notifications.detail.whose', { name: text(p.ownerName) });
      break;
    case 'SPECIAL_REQUEST_ANSWERED':
      detail = t(
        p.late === true ? 'notifications.detail.answeredLate' : 'notifications.detail.answered',
      );
      break;
  }
  return { title, subject, when, detail };
}
