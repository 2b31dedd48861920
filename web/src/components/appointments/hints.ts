// Live hints of the request form, computed as the server decides them (server/src/appointments/
// domain/standards.ts): C1 late notice and C4 thrift. The server stays the judge; these only warn early.

const DAY = 24 * 3600_000;

export interface StandardFacts {
  advanceNoticeDays: number;
  budgetPerGuest: number;
  hostsAtMostGuests: boolean;
}

export interface LateHint {
  /** C1: less notice than the category asks. */
  late: boolean;
  /** Whole hours of notice the request gives (never negative). */
  noticeHours: number;
  advanceNoticeDays: number;
}

/** C1: a request is late when the visit starts sooner than `advanceNoticeDays` from now. */
export function lateHint(
  standard: Pick<StandardFacts, 'advanceNoticeDays'> | null,
  now: number,
  startAt: string | null,
): LateHint | null {
  if (!standard || !startAt) return null;
  const start = Date.parse(startAt);
  if (Number.isNaN(start)) return null;
  const notice = start - now;
  return {
    late: notice < standard.advanceNoticeDays * DAY,
    noticeHours: Math.max(0, Math.floor(notice / 3600_000)),
    advanceNoticeDays: standard.advanceNoticeDays,
  };
}

export type ThriftHint =
  | { code: 'C4_HOSTS'; field: 'hosts'; hosts: number; guests: number }
  | { code: 'C4_BUDGET'; field: 'estimatedCost'; cost: number; budget: number; perGuest: number };

/** C4: hosts no more than guests (when the category keeps that rule); the cost within budget × guests. */
export function thriftHints(
  standard: StandardFacts | null,
  guests: number | null | undefined,
  hosts: number | null | undefined,
  estimatedCost: number | null | undefined,
): ThriftHint[] {
  if (!standard || !guests || guests < 1) return [];
  const out: ThriftHint[] = [];
  if (standard.hostsAtMostGuests && typeof hosts === 'number' && hosts > guests) {
    out.push({ code: 'C4_HOSTS', field: 'hosts', hosts, guests });
  }
  const budget = standard.budgetPerGuest * guests;
  if (typeof estimatedCost === 'number' && estimatedCost > budget) {
    out.push({
      code: 'C4_BUDGET',
      field: 'estimatedCost',
      cost: estimatedCost,
      budget,
      perGuest: standard.budgetPerGuest,
    });
  }
  return out;
}
