// A customer's story in one list (issue 13): receptions on the floor, registrations,
// follow-ups, appointments, disputes, decisions and deals, oldest first. Built from what the
// customer page already loaded plus the receptions and visits: a fixed number of queries.
import type { Reception } from '../rotation/domain/index.js';
import { TimelineKind, type TimelineEntryView } from './customers.types.js';

export interface TimelineSources {
  registrations: Array<{ id: number; consultantId: number | null; name: string | null; at: Date; correctsId: number | null }>;
  followUps: Array<{ id: number; consultantId: number; at: Date; kind: string; note: string | null }>;
  decisions: Array<{ id: number; kind: string; consultantId: number | null; decidedBy: number; at: Date; reason: string }>;
  deals: Array<{ id: number; dealAt: Date; units: number; buyerName: string; credit: Array<{ consultantId: number; share: number }> }>;
  conflicts: Array<{ id: number; kind: string; createdAt: Date; resolvedAt: Date | null }>;
  receptions: Array<{ raw: Reception; broughtAlong: boolean; linkedById: number | null; linkedAt: Date | null }>;
  visits: Array<{ id: number; startAt: Date; state: string; purpose: string; leadUserId: number; guestName: string }>;
  gradeChanges: Array<{ at: Date; fromGrade: string | null; toGrade: string | null; byId: number }>;
}

const PEOPLE_PARAMS = ['owner', 'helper', 'from', 'to', 'colleague', 'consultantAbsent', 'registeredToday'];

/** The people a reception's explanation names (for the client to put names on them). */
function peopleOf(r: Reception): number[] {
  const ids = new Set<number>();
  const add = (v: unknown) => {
    if (typeof v === 'number') ids.add(v);
  };
  add(r.consultantId);
  add(r.ownerId);
  for (const c of r.credit) add(c.consultantId);
  const walk = (e: Reception['explanation'] | undefined) => {
    if (!e) return;
    for (const k of PEOPLE_PARAMS) add(e.params?.[k]);
    for (const p of e.passed ?? []) add(p.consultantId);
    const previous = e.params?.previous as Reception['explanation'] | undefined;
    if (previous && previous !== e) walk(previous);
  };
  walk(r.explanation);
  return [...ids];
}

export function customerTimeline(s: TimelineSources): TimelineEntryView[] {
  const out: TimelineEntryView[] = [];
  const entry = (e: Partial<TimelineEntryView> & Pick<TimelineEntryView, 'at' | 'kind' | 'details'>): void => {
    out.push({ consultantId: null, actorId: null, counted: null, rule: null, peopleIds: [], ...e });
  };
  for (const { raw: r, broughtAlong, linkedById, linkedAt } of s.receptions) {
    entry({
      at: new Date(r.arrivedAt),
      kind: TimelineKind.RECEPTION,
      consultantId: r.consultantId,
      counted: r.credit.length > 0,
      rule: r.explanation.rule,
      peopleIds: peopleOf(r),
      details: {
        receptionId: r.id,
        walkInKind: r.kind,
        status: r.status,
        customerName: r.customerName,
        broughtAlong,
        explanation: r.explanation,
        credit: r.credit,
        linked: linkedAt !== null,
      },
    });
    if (linkedAt) {
      entry({ at: linkedAt, kind: TimelineKind.LINKED, actorId: linkedById, details: { receptionId: r.id, arrivedAt: new Date(r.arrivedAt).toISOString(), customerName: r.customerName } });
    }
  }
  for (const r of s.registrations) {
    entry({ at: r.at, kind: TimelineKind.REGISTRATION, consultantId: r.consultantId, rule: 'O1', details: { name: r.name, correction: r.correctsId !== null } });
  }
  for (const f of s.followUps) entry({ at: f.at, kind: TimelineKind.FOLLOW_UP, consultantId: f.consultantId, rule: 'O3', details: { followUpKind: f.kind, note: f.note } });
  for (const v of s.visits) {
    entry({ at: v.startAt, kind: TimelineKind.APPOINTMENT, consultantId: v.leadUserId, details: { appointmentId: v.id, state: v.state, purpose: v.purpose, guestName: v.guestName } });
  }
  for (const c of s.conflicts) {
    const rule = c.kind === 'DEAL' ? 'O7' : c.kind;
    entry({ at: c.createdAt, kind: TimelineKind.DISPUTE_OPENED, rule, details: { conflictId: c.id, conflictKind: c.kind } });
    if (c.resolvedAt) entry({ at: c.resolvedAt, kind: TimelineKind.DISPUTE_SETTLED, rule, details: { conflictId: c.id, conflictKind: c.kind } });
  }
  for (const d of s.decisions) {
    entry({ at: d.at, kind: TimelineKind.DECISION, consultantId: d.consultantId, actorId: d.decidedBy, details: { decisionKind: d.kind, reason: d.reason } });
  }
  for (const d of s.deals) {
    entry({
      at: d.dealAt,
      kind: TimelineKind.DEAL,
      consultantId: d.credit[0]?.consultantId ?? null,
      rule: 'O7',
      peopleIds: d.credit.map((c) => c.consultantId),
      details: { dealId: d.id, units: d.units, buyerName: d.buyerName, credit: d.credit },
    });
  }
  for (const g of s.gradeChanges) entry({ at: g.at, kind: TimelineKind.GRADE, actorId: g.byId, details: { from: g.fromGrade, to: g.toGrade } });
  const order = Object.values(TimelineKind) as string[];
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || order.indexOf(a.kind) - order.indexOf(b.kind));
}
