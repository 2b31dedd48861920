// One business day of the floor log (R15) folded into per-consultant facts. A day is a fresh
// floor (receptions and make-ups never outlive it), so a day's facts depend on its own events
// only, and a closed day's facts never change: they can be kept.
import type { Effect, MakeUp, Reception, RotationEvent, ShiftWindow } from '../../rotation/domain/types.js';

/** Walk-in kinds the figures count per consultant; enquiries (R6: asking the way, looking for someone) apart. */
export const WALK_IN_KINDS = ['NEW', 'RETURNING', 'BROUGHT_ALONG', 'NON_BUYER'] as const;
export type FigureWalkInKind = (typeof WALK_IN_KINDS)[number];

export interface ConsultantDay {
  consultantId: number;
  /** The scheduled shift that day as "start-end" instants (R2), null when not scheduled. */
  shift: string | null;
  /** R6: counted receptions, halves included (R10, R11, O8). */
  counted: number;
  /** Walk-ins served, counted or not, by kind. */
  walkIns: Record<FigureWalkInKind, number>;
  makeUpsGiven: number;
  makeUpsUsed: number;
  /** Make-ups granted, by the rule that granted them (R4, R7, R10, R11, R12). */
  makeUpRules: Record<string, number>;
  /** R15: skipped by a manager. */
  skips: number;
  /** R3: marked absent without notice. */
  absences: number;
}

export interface DayFacts {
  day: string;
  consultants: ConsultantDay[];
  /** Every walk-in of the day by kind, served or not. */
  walkIns: Record<FigureWalkInKind, number>;
  /** R6: people who only asked the way or looked for someone. */
  enquiries: number;
}

export interface DayEvent {
  seq: number;
  event: RotationEvent;
}

const emptyKinds = (): Record<FigureWalkInKind, number> => ({ NEW: 0, RETURNING: 0, BROUGHT_ALONG: 0, NON_BUYER: 0 });

function kindOf(r: Reception): FigureWalkInKind | null {
  // R12: a non-buyer the manager confirmed (or one recorded as such) is a non-buyer.
  if (r.kind === 'NON_BUYER' || r.nonBuyer === 'CONFIRMED') return 'NON_BUYER';
  if (r.kind === 'ASKING_WAY' || r.kind === 'LOOKING_FOR_SOMEONE') return null;
  return r.kind;
}

/**
 * The facts of one day: the last value every reception and make-up took in the day's events
 * (undone events set them back through their inverse effects), and the skips and absences
 * that were not undone. `shifts` are the day's scheduled windows.
 */
export function foldDay(day: string, events: DayEvent[], shifts: ShiftWindow[]): DayFacts {
  const receptions = new Map<string, Reception>();
  const makeUps = new Map<string, MakeUp>();
  const undone = new Set<number>();
  for (const { event } of events) {
    for (const e of event.effects as Effect[]) {
      if (e.op === 'reception') {
        if (e.value) receptions.set(e.id, e.value);
        else receptions.delete(e.id);
      } else if (e.op === 'makeUp') {
        if (e.value) makeUps.set(e.id, e.value);
        else makeUps.delete(e.id);
      }
    }
    if (event.type === 'UNDONE') undone.add(Number(event.explanation.params?.seq));
  }
  const rows = new Map<number, ConsultantDay>();
  const row = (id: number) => {
    let r = rows.get(id);
    if (!r) {
      r = { consultantId: id, shift: null, counted: 0, walkIns: emptyKinds(), makeUpsGiven: 0, makeUpsUsed: 0, makeUpRules: {}, skips: 0, absences: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const s of shifts) row(s.consultantId).shift = `${s.start}-${s.end}`;
  const walkIns = emptyKinds();
  let enquiries = 0;
  for (const r of receptions.values()) {
    if (r.status === 'UNDONE') continue;
    for (const c of r.credit) row(c.consultantId).counted += c.share;
    const kind = kindOf(r);
    if (kind === null) {
      enquiries += 1;
      continue;
    }
    walkIns[kind] += 1;
    if (r.consultantId !== null) row(r.consultantId).walkIns[kind] += 1;
  }
  for (const m of makeUps.values()) {
    const r = row(m.consultantId);
    r.makeUpsGiven += 1;
    r.makeUpRules[m.rule] = (r.makeUpRules[m.rule] ?? 0) + 1;
    if (m.usedAt !== null) r.makeUpsUsed += 1;
  }
  for (const { seq, event } of events) {
    if (undone.has(seq) || event.consultantId === null) continue;
    if (event.type === 'SKIPPED') row(event.consultantId).skips += 1;
    else if (event.type === 'MARKED_ABSENT') row(event.consultantId).absences += 1;
  }
  return { day, consultants: [...rows.values()].sort((a, b) => a.consultantId - b.consultantId), walkIns, enquiries };
}
