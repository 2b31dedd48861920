import type { CustomerDetailQuery } from '@/graphql/generated/graphql';

// A customer's page shows one timeline, newest first, merged from the register's records:
// registrations (O1: a correction points at the one it corrects), follow-ups (O3), the
// manager's ownership decisions, deals (O7, O8) and conflicts (O5, O6, disputed deals).

type Detail = CustomerDetailQuery['customer'];
export type TimelineRegistration = Detail['registrations'][number];
export type TimelineFollowUp = Detail['followUps'][number];
export type TimelineDecision = Detail['decisions'][number];
export type TimelineDeal = Detail['deals'][number];
export type TimelineConflict = Detail['conflicts'][number];
/** The server's timeline entry (receptions on the floor, links, appointments). */
export type TimelineFloor = Detail['timeline'][number];

export type TimelineEntry =
  | {
      kind: 'registration';
      key: string;
      at: string;
      item: TimelineRegistration;
      /** O1: the registration this one corrects (null: an original registration). */
      corrects: TimelineRegistration | null;
      /** O1: the newer registration that corrects this one (null: it still stands). */
      correctedBy: TimelineRegistration | null;
    }
  | { kind: 'followUp'; key: string; at: string; item: TimelineFollowUp }
  | { kind: 'decision'; key: string; at: string; item: TimelineDecision }
  | { kind: 'deal'; key: string; at: string; item: TimelineDeal }
  | { kind: 'conflict'; key: string; at: string; item: TimelineConflict }
  /** A walk-in received on the floor (who, counted or not and why: R1–R12). */
  | { kind: 'reception'; key: string; at: string; item: TimelineFloor }
  /** A reception recorded with a typed name, linked to this customer afterwards. */
  | { kind: 'linked'; key: string; at: string; item: TimelineFloor }
  /** A visit appointment at which a guest left this customer's number (P4). */
  | { kind: 'appointment'; key: string; at: string; item: TimelineFloor }
  /** A change of the intent grade (issue 13): who, from, to. */
  | { kind: 'grade'; key: string; at: string; item: TimelineFloor };

/** On the same instant, the later step of a story comes first (newest first). */
const ORDER: Record<TimelineEntry['kind'], number> = {
  deal: 0,
  decision: 1,
  conflict: 2,
  linked: 3,
  followUp: 4,
  appointment: 5,
  registration: 6,
  reception: 7,
  grade: 8,
};

const FLOOR_KINDS: Record<string, 'reception' | 'linked' | 'appointment' | 'grade'> = {
  RECEPTION: 'reception',
  LINKED: 'linked',
  APPOINTMENT: 'appointment',
  GRADE: 'grade',
};

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** Every record of a customer as one list, newest first. */
export function buildTimeline(
  detail: Pick<Detail, 'registrations' | 'followUps' | 'decisions' | 'deals' | 'conflicts'> & {
    timeline?: Detail['timeline'];
  },
): TimelineEntry[] {
  const byId = new Map(detail.registrations.map((r) => [r.id, r]));
  const correctedBy = new Map<string, TimelineRegistration>();
  for (const r of detail.registrations) if (r.correctsId) correctedBy.set(r.correctsId, r);

  const entries: TimelineEntry[] = [
    ...detail.registrations.map((r): TimelineEntry => ({
      kind: 'registration',
      key: `registration-${r.id}`,
      at: r.at,
      item: r,
      corrects: r.correctsId ? (byId.get(r.correctsId) ?? null) : null,
      correctedBy: correctedBy.get(r.id) ?? null,
    })),
    ...detail.followUps.map((f): TimelineEntry => ({
      kind: 'followUp',
      key: `followUp-${f.id}`,
      at: f.at,
      item: f,
    })),
    ...detail.decisions.map((d): TimelineEntry => ({
      kind: 'decision',
      key: `decision-${d.id}`,
      at: d.at,
      item: d,
    })),
    ...detail.deals.map((d): TimelineEntry => ({
      kind: 'deal',
      key: `deal-${d.id}`,
      at: d.dealAt,
      item: d,
    })),
    ...detail.conflicts.map((c): TimelineEntry => ({
      kind: 'conflict',
      key: `conflict-${c.id}`,
      at: c.createdAt,
      item: c,
    })),
    // The server's timeline brings what the register's lists do not hold: the floor and visits.
    ...(detail.timeline ?? []).flatMap((e, i): TimelineEntry[] => {
      const kind = FLOOR_KINDS[e.kind];
      return kind ? [{ kind, key: `${kind}-${floorKey(e) ?? i}`, at: e.at, item: e }] : [];
    }),
  ];
  return entries.sort(
    (a, b) =>
      time(b.at) - time(a.at) ||
      ORDER[a.kind] - ORDER[b.kind] ||
      String(b.key).localeCompare(String(a.key), undefined, { numeric: true }),
  );
}

/** O1: the registrations that stand (not corrected by a newer one), newest first. */
export function standingRegistrations(
  registrations: readonly TimelineRegistration[],
): TimelineRegistration[] {
  const corrected = new Set(registrations.map((r) => r.correctsId).filter(Boolean));
  return registrations
    .filter((r) => !corrected.has(r.id))
    .sort((a, b) => time(b.at) - time(a.at) || Number(b.id) - Number(a.id));
}

/** O7 attribution as the server records it on a deal (JSON). */
export interface DealAttribution {
  consultantId: number | null;
  lookedBack: boolean;
  buyerMatches: boolean;
  lookbackDays: number | null;
}

/** Reads a deal's attribution JSON defensively (older or partial records). */
export function readAttribution(raw: unknown): DealAttribution {
  const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    consultantId: typeof a.consultantId === 'number' ? a.consultantId : null,
    lookedBack: a.lookedBack === true,
    buyerMatches: a.buyerMatches !== false,
    lookbackDays: typeof a.lookbackDays === 'number' ? a.lookbackDays : null,
  };
}

/** A registration's intent (budget, size, source) as recorded (JSON). */
export function readIntent(raw: unknown): { budget: string; size: string; source: string } {
  const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return { budget: s(a.budget), size: s(a.size), source: s(a.source) };
}

/** What a conflict records (JSON): the rule and the customers or deal it is about. */
export interface ConflictFacts {
  /** O5 same name, O6 same phone, DEAL a disputed deal (O7). */
  kind: 'O5' | 'O6' | 'DEAL' | 'OTHER';
  /** The registered customers this one collides with (O5, O6). */
  existingIds: string[];
  buyerName: string | null;
  buyerMatches: boolean;
  /** DEAL: the owner found by looking back, if any. */
  hasOwner: boolean;
}

export function readConflict(kind: string, raw: unknown): ConflictFacts {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const match = (d.match && typeof d.match === 'object' ? d.match : {}) as Record<string, unknown>;
  const ids = Array.isArray(match.customerIds)
    ? match.customerIds
    : match.customerId !== undefined && match.customerId !== null
      ? [match.customerId]
      : [];
  return {
    kind: kind === 'O5' || kind === 'O6' || kind === 'DEAL' ? kind : 'OTHER',
    existingIds: ids.map(String),
    buyerName: typeof d.buyerName === 'string' ? d.buyerName : null,
    buyerMatches: d.buyerMatches !== false,
    hasOwner: d.owner !== null && d.owner !== undefined,
  };
}

/** The answers a manager may give to a conflict: O5 verify, O6 family, a deal assign or release. */
export function conflictAnswers(
  kind: ConflictFacts['kind'],
): Array<'SAME_PERSON' | 'DIFFERENT' | 'FAMILY' | 'ASSIGN' | 'RELEASE'> {
  switch (kind) {
    case 'O5':
      return ['SAME_PERSON', 'DIFFERENT'];
    case 'O6':
      return ['FAMILY', 'DIFFERENT'];
    default:
      return ['ASSIGN', 'RELEASE'];
  }
}

function floorKey(e: TimelineFloor): string | null {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const id = d.receptionId ?? d.appointmentId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** What a reception entry's details hold (see server/src/customers/customers.timeline.ts). */
export interface ReceptionFacts {
  receptionId: string;
  walkInKind: string;
  status: string;
  customerName: string | null;
  broughtAlong: boolean;
  explanation: unknown;
}

export function readReception(raw: unknown): ReceptionFacts {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    receptionId: String(d.receptionId ?? ''),
    walkInKind: String(d.walkInKind ?? 'NEW'),
    status: String(d.status ?? ''),
    customerName: typeof d.customerName === 'string' ? d.customerName : null,
    broughtAlong: d.broughtAlong === true,
    explanation: d.explanation ?? null,
  };
}
