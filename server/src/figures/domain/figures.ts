// The manager's figures over a period: per consultant, per day, and the fairness of the
// rotation. Plain functions over day facts (from the floor log) and register counts.
import { addDays, format, parseISO, startOfISOWeek, startOfMonth, endOfMonth, endOfISOWeek, differenceInCalendarDays } from 'date-fns';
import { WALK_IN_KINDS, type DayFacts, type FigureWalkInKind } from './day.js';

export type PeriodKind = 'DAY' | 'WEEK' | 'MONTH' | 'CUSTOM';

/** Longest custom period: a year and a day (leap years). */
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  /** First and last business day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The business days a period covers: a day, its ISO week (Monday first), its month, or from–to. */
export function periodOf(kind: PeriodKind, anchor: string, to?: string | null): Period | { error: string } {
  if (!DAY_RE.test(anchor) || Number.isNaN(parseISO(anchor).getTime())) return { error: 'date' };
  const d = parseISO(anchor);
  const fmt = (x: Date) => format(x, 'yyyy-MM-dd');
  switch (kind) {
    case 'DAY':
      return { from: anchor, to: anchor };
    case 'WEEK':
      return { from: fmt(startOfISOWeek(d)), to: fmt(endOfISOWeek(d)) };
    case 'MONTH':
      return { from: fmt(startOfMonth(d)), to: fmt(endOfMonth(d)) };
    case 'CUSTOM': {
      if (!to || !DAY_RE.test(to) || Number.isNaN(parseISO(to).getTime())) return { error: 'to' };
      const n = differenceInCalendarDays(parseISO(to), d) + 1;
      if (n < 1 || n > MAX_PERIOD_DAYS) return { error: 'to' };
      return { from: anchor, to };
    }
  }
}

/** Every day of a period, in order. */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = parseISO(p.from); format(d, 'yyyy-MM-dd') <= p.to; d = addDays(d, 1)) out.push(format(d, 'yyyy-MM-dd'));
  return out;
}

/** What the registers say of one consultant over the period (SQL counts). */
export interface RegisterCounts {
  registrations: number;
  followUps: number;
  /** Follow-ups promised (nextAt) within the period and already due. */
  followUpsDue: number;
  /** … of which the next follow-up was logged by the promised time. */
  followUpsOnTime: number;
  /** O8: deals credited, halves included. */
  deals: number;
  dealUnits: number;
  appointments: number;
  appointmentsCompleted: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

export const emptyRegisterCounts = (): RegisterCounts => ({
  registrations: 0,
  followUps: 0,
  followUpsDue: 0,
  followUpsOnTime: 0,
  deals: 0,
  dealUnits: 0,
  appointments: 0,
  appointmentsCompleted: 0,
  satisfactionSum: 0,
  satisfactionCount: 0,
});

export interface ConsultantFigures extends RegisterCounts {
  consultantId: number;
  counted: number;
  walkIns: Record<FigureWalkInKind, number>;
  makeUpsGiven: number;
  makeUpsUsed: number;
  skips: number;
  absences: number;
  /** Deals per walk-in served (non-buyers excluded); null without walk-ins. */
  conversion: number | null;
  /** Average satisfaction (P4) of the appointments led; null when none was rated. */
  satisfaction: number | null;
}

export interface DayFigures {
  day: string;
  counted: number;
  walkIns: Record<FigureWalkInKind, number>;
  enquiries: number;
}

export interface FairnessRow {
  consultantId: number;
  /** Days this consultant shared the same shift with at least one colleague. */
  sharedDays: number;
  /** Counted receptions on those days. */
  counted: number;
  /** The mean of their shift group, added up over those days. */
  expected: number;
  /** counted − expected: above zero received more than colleagues on the same shifts. */
  deviation: number;
  makeUpsGiven: number;
  makeUpsUsed: number;
  makeUpRules: Record<string, number>;
}

export interface Fairness {
  /** Largest minus smallest deviation among consultants who shared shifts. */
  spread: number;
  rows: FairnessRow[];
}

export interface Figures {
  period: Period;
  days: DayFigures[];
  consultants: ConsultantFigures[];
  fairness: Fairness;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Puts the period together. Consultants are those of the site (`consultantIds`) and anyone
 * the floor log names; rows keep that order.
 */
export function assembleFigures(period: Period, days: DayFacts[], registers: Map<number, RegisterCounts>, consultantIds: number[]): Figures {
  const ids = [...consultantIds];
  const seen = new Set(ids);
  const add = (id: number) => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  // The floor log names every consultant who worked the period; register counts of people
  // who are neither (a manager leading an appointment) stay out of a per-consultant page.
  for (const d of days) for (const c of d.consultants) add(c.consultantId);

  const byId = new Map<number, ConsultantFigures>();
  for (const id of ids) {
    byId.set(id, {
      consultantId: id,
      counted: 0,
      walkIns: { NEW: 0, RETURNING: 0, BROUGHT_ALONG: 0, NON_BUYER: 0 },
      makeUpsGiven: 0,
      makeUpsUsed: 0,
      skips: 0,
      absences: 0,
      ...emptyRegisterCounts(),
      ...registers.get(id),
      conversion: null,
      satisfaction: null,
    });
  }
  const fair = new Map<number, FairnessRow>();
  const dayRows: DayFigures[] = [];
  for (const d of days) {
    let counted = 0;
    for (const c of d.consultants) {
      const f = byId.get(c.consultantId)!;
      f.counted += c.counted;
      counted += c.counted;
      for (const k of WALK_IN_KINDS) f.walkIns[k] += c.walkIns[k];
      f.makeUpsGiven += c.makeUpsGiven;
      f.makeUpsUsed += c.makeUpsUsed;
      f.skips += c.skips;
      f.absences += c.absences;
    }
    dayRows.push({ day: d.day, counted, walkIns: { ...d.walkIns }, enquiries: d.enquiries });
    // Fairness: consultants on the same shift that day are compared with their group's mean.
    const groups = new Map<string, typeof d.consultants>();
    for (const c of d.consultants) {
      if (c.shift === null) continue;
      groups.set(c.shift, [...(groups.get(c.shift) ?? []), c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const mean = group.reduce((s, c) => s + c.counted, 0) / group.length;
      for (const c of group) {
        let r = fair.get(c.consultantId);
        if (!r) {
          r = { consultantId: c.consultantId, sharedDays: 0, counted: 0, expected: 0, deviation: 0, makeUpsGiven: 0, makeUpsUsed: 0, makeUpRules: {} };
          fair.set(c.consultantId, r);
        }
        r.sharedDays += 1;
        r.counted += c.counted;
        r.expected += mean;
        r.makeUpsGiven += c.makeUpsGiven;
        r.makeUpsUsed += c.makeUpsUsed;
        for (const [rule, n] of Object.entries(c.makeUpRules)) r.makeUpRules[rule] = (r.makeUpRules[rule] ?? 0) + n;
      }
    }
  }
  for (const f of byId.values()) {
    const served = f.walkIns.NEW + f.walkIns.RETURNING + f.walkIns.BROUGHT_ALONG;
    f.conversion = served > 0 ? round2(f.deals / served) : null;
    f.satisfaction = f.satisfactionCount > 0 ? round2(f.satisfactionSum / f.satisfactionCount) : null;
    f.counted = round2(f.counted);
  }
  const rows = ids
    .filter((id) => fair.has(id))
    .map((id) => {
      const r = fair.get(id)!;
      return { ...r, counted: round2(r.counted), expected: round2(r.expected), deviation: round2(r.counted - r.expected) };
    });
  const devs = rows.map((r) => r.deviation);
  return {
    period,
    days: dayRows,
    consultants: ids.map((id) => byId.get(id)!),
    fairness: { spread: devs.length ? round2(Math.max(...devs) - Math.min(...devs)) : 0, rows },
  };
}
