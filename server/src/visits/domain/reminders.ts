// Reminders that fire without anyone looking (issue 15): from the open items and a time,
// which reminders are due. Each has a key that names it once for ever: the scheduler
// stores the key before it notifies, so a reminder fires once even with two instances.
import { monthOf, monthStart, nextMonth } from './calendar.js';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** How long before a due time the owner is reminded. */
export const LEAD = {
  /** V3: a day before the report is due. */
  report: DAY,
  /** O3: a day before ownership lapses. */
  ownership: DAY,
  /** Appointment preparation tasks and promised items: two hours before. */
  task: 2 * HOUR,
} as const;

export type ReminderKind =
  | 'SPECIAL_REQUEST_OVERDUE'
  | 'VISIT_REPORT_DUE'
  | 'VISIT_REPORT_LATE'
  | 'OWNERSHIP_LAPSING'
  | 'VISIT_PLAN_DUE'
  | 'VISIT_PLAN_LATE'
  | 'TASK_DUE'
  | 'TASK_OVERDUE'
  | 'VISIT_TASK_DUE'
  | 'VISIT_TASK_OVERDUE';

export interface Reminder {
  key: string;
  kind: ReminderKind;
  siteId: number;
  /** The owner; when overdue, the site's managers too. */
  ownerId: number;
  toManagers: boolean;
  appointmentId?: number;
  params: Record<string, unknown>;
}

export interface ReminderFacts {
  now: number;
  sites: Array<{ siteId: number; timezone: string; planReminderDays: number; consultants: number[] }>;
  /** Next month's and this month's plans that were submitted (any state but DRAFT/RETURNED). */
  submittedPlans: Array<{ siteId: number; consultantId: number; month: string }>;
  /** P5: unanswered special requests. */
  specialRequests: Array<{ id: number; siteId: number; appointmentId: number; escalatedToId: number; promisedBy: number }>;
  /** V3: visits checked in without a report. */
  unreported: Array<{ id: number; siteId: number; consultantId: number; customerId: number; reportDueAt: number }>;
  /** O3: owned customers with the time ownership lapses. */
  ownerships: Array<{ customerId: number; siteId: number; ownerId: number; lapsesAt: number }>;
  /** P1: open preparation tasks of live appointments. */
  tasks: Array<{ id: number; siteId: number; appointmentId: number; ownerId: number; dueAt: number; label: string }>;
  /** V3: open promised items. */
  visitTasks: Array<{ id: number; siteId: number; visitId: number; ownerId: number; dueAt: number; text: string }>;
}

/** Every reminder due at `facts.now`; the scheduler skips the keys already fired. */
export function remindersDue(f: ReminderFacts): Reminder[] {
  const now = f.now;
  const out: Reminder[] = [];
  // P5: an escalation past its promised reply time.
  for (const r of f.specialRequests) {
    if (now >= r.promisedBy)
      out.push({ key: `P5:${r.id}`, kind: 'SPECIAL_REQUEST_OVERDUE', siteId: r.siteId, ownerId: r.escalatedToId, toManagers: true, appointmentId: r.appointmentId, params: { specialRequestId: r.id, promisedBy: new Date(r.promisedBy).toISOString() } });
  }
  // V3: a report due soon, then late.
  for (const v of f.unreported) {
    const params = { visitId: v.id, customerId: v.customerId, dueAt: new Date(v.reportDueAt).toISOString() };
    if (now >= v.reportDueAt) out.push({ key: `V3_LATE:${v.id}`, kind: 'VISIT_REPORT_LATE', siteId: v.siteId, ownerId: v.consultantId, toManagers: true, params });
    else if (now >= v.reportDueAt - LEAD.report) out.push({ key: `V3_DUE:${v.id}`, kind: 'VISIT_REPORT_DUE', siteId: v.siteId, ownerId: v.consultantId, toManagers: false, params });
  }
  // O3: ownership lapses within a day unless a follow-up is logged (a follow-up moves lapsesAt, so a new key).
  for (const o of f.ownerships) {
    if (now < o.lapsesAt && now >= o.lapsesAt - LEAD.ownership)
      out.push({ key: `O3:${o.customerId}:${o.ownerId}:${o.lapsesAt}`, kind: 'OWNERSHIP_LAPSING', siteId: o.siteId, ownerId: o.ownerId, toManagers: false, params: { customerId: o.customerId, lapsesAt: new Date(o.lapsesAt).toISOString() } });
  }
  // V1: next month's plan near month end; this month's plan missing once the month has begun.
  const submitted = new Set(f.submittedPlans.map((p) => `${p.siteId}:${p.consultantId}:${p.month}`));
  for (const s of f.sites) {
    const current = monthOf(now, s.timezone);
    const next = nextMonth(current);
    const remindFrom = monthStart(next, s.timezone) - s.planReminderDays * DAY;
    for (const c of s.consultants) {
      if (now >= remindFrom && !submitted.has(`${s.siteId}:${c}:${next}`))
        out.push({ key: `V1_DUE:${s.siteId}:${c}:${next}`, kind: 'VISIT_PLAN_DUE', siteId: s.siteId, ownerId: c, toManagers: false, params: { month: next, dueAt: new Date(monthStart(next, s.timezone)).toISOString() } });
      if (!submitted.has(`${s.siteId}:${c}:${current}`))
        out.push({ key: `V1_LATE:${s.siteId}:${c}:${current}`, kind: 'VISIT_PLAN_LATE', siteId: s.siteId, ownerId: c, toManagers: true, params: { month: current, consultantId: c } });
    }
  }
  // P1 preparation tasks and V3 promised items: due soon, then overdue.
  for (const t of f.tasks) {
    const params = { taskId: t.id, label: t.label, dueAt: new Date(t.dueAt).toISOString() };
    if (now >= t.dueAt) out.push({ key: `TASK_LATE:${t.id}:${t.dueAt}`, kind: 'TASK_OVERDUE', siteId: t.siteId, ownerId: t.ownerId, toManagers: true, appointmentId: t.appointmentId, params });
    else if (now >= t.dueAt - LEAD.task) out.push({ key: `TASK_DUE:${t.id}:${t.dueAt}`, kind: 'TASK_DUE', siteId: t.siteId, ownerId: t.ownerId, toManagers: false, appointmentId: t.appointmentId, params });
  }
  for (const t of f.visitTasks) {
    const params = { visitTaskId: t.id, visitId: t.visitId, text: t.text, dueAt: new Date(t.dueAt).toISOString() };
    if (now >= t.dueAt) out.push({ key: `VTASK_LATE:${t.id}`, kind: 'VISIT_TASK_OVERDUE', siteId: t.siteId, ownerId: t.ownerId, toManagers: true, params });
    else if (now >= t.dueAt - LEAD.task) out.push({ key: `VTASK_DUE:${t.id}`, kind: 'VISIT_TASK_DUE', siteId: t.siteId, ownerId: t.ownerId, toManagers: false, params });
  }
  return out;
}
