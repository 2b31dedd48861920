// Issue 13: intent grades and the "follow-up due" badge, as pure functions of the ownership
// standing (O3) and the site's settings.
import type { Ownership } from './ownership.js';

/** Buying intent, A (ready to buy) to D (little intent). Their meanings are a site setting. */
export const INTENT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type IntentGrade = (typeof INTENT_GRADES)[number];

/** Site settings keys of the grades' wording; null keeps the default wording (in the reader's language). */
export const gradeKeys = (g: IntentGrade) => ({ label: `grade${g}Label`, description: `grade${g}Description` }) as const;

export const DEFAULT_FOLLOW_UP_DUE_DAYS = 3;

export interface FollowUpDue {
  /** DUE: the owner's period (O3) ends within the site's N days; OVERDUE: it has ended (the customer is free). */
  state: 'DUE' | 'OVERDUE';
  /** When ownership lapses (DUE only). */
  lapsesAt: number | null;
  /** Whole days left, rounded up (DUE only): 1 means it lapses within a day. */
  inDays: number | null;
}

const DAY = 24 * 3600_000;

/** O3: is a follow-up due within `withinDays` days, or overdue (lapsed)? Null when neither. */
export function followUpDue(o: Ownership, now: number, withinDays: number): FollowUpDue | null {
  if (o.rule === 'O3') return { state: 'OVERDUE', lapsesAt: null, inDays: null };
  if (o.ownerId === null || o.lapsesAt === null || o.lapsesAt <= now) return null;
  if (o.lapsesAt - now > withinDays * DAY) return null;
  return { state: 'DUE', lapsesAt: o.lapsesAt, inDays: Math.ceil((o.lapsesAt - now) / DAY) };
}
