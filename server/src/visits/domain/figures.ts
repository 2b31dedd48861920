// V4: per consultant and month, from the visit rows (pure; the service loads the rows).
import { OUTCOMES, type Outcome } from './visits.js';

export interface FigureVisit {
  consultantId: number;
  /** The planned day 'YYYY-MM-DD' (site calendar). */
  day: string;
  /** Whether its plan was submitted (drafts are not plans yet). */
  planned: boolean;
  checkedInAt: number | null;
  reportedAt: number | null;
  reportLate: boolean;
  outcome: Outcome | null;
  satisfaction: number | null;
}

export interface VisitFigureRow {
  consultantId: number;
  month: string;
  planned: number;
  done: number;
  reported: number;
  reportsOnTime: number;
  reportsLate: number;
  /** Reports checked in but not yet filed. */
  reportsMissing: number;
  outcomes: Record<Outcome, number>;
  satisfactionCount: number;
  /** Mean satisfaction (1–5), null when none was given. */
  satisfactionAverage: number | null;
}

/**
 * V4: rows per consultant and month of the planned day; `done` counts check-ins, reports on
 * time and late count filed reports. Sorted by month, then consultant id.
 */
export function visitFigures(visits: FigureVisit[]): VisitFigureRow[] {
  const rows = new Map<string, VisitFigureRow & { satisfactionSum: number }>();
  for (const v of visits) {
    const month = v.day.slice(0, 7);
    const key = `${month}|${v.consultantId}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        consultantId: v.consultantId,
        month,
        planned: 0,
        done: 0,
        reported: 0,
        reportsOnTime: 0,
        reportsLate: 0,
        reportsMissing: 0,
        outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
        satisfactionCount: 0,
        satisfactionAverage: null,
        satisfactionSum: 0,
      };
      rows.set(key, r);
    }
    if (v.planned) r.planned++;
    if (v.checkedInAt !== null) r.done++;
    if (v.reportedAt !== null) {
      r.reported++;
      if (v.reportLate) r.reportsLate++;
      else r.reportsOnTime++;
      if (v.outcome) r.outcomes[v.outcome]++;
      if (v.satisfaction !== null) {
        r.satisfactionCount++;
        r.satisfactionSum += v.satisfaction;
      }
    } else if (v.checkedInAt !== null) r.reportsMissing++;
  }
  return [...rows.values()]
    .map(({ satisfactionSum, ...r }) => ({ ...r, satisfactionAverage: r.satisfactionCount ? Math.round((satisfactionSum / r.satisfactionCount) * 100) / 100 : null }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.consultantId - b.consultantId);
}
