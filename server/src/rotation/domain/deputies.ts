// R15: "the manager or a named deputy" supervises the order. A manager names a deputy for a
// site and a period of business days; while it runs, the deputy may do what the manager does
// on the floor, and every act records for whom (the manager who named them).

export interface Deputyship {
  id: number;
  deputyId: number;
  /** The manager who named the deputy: the deputy acts for them. */
  managerId: number;
  /** First and last business day (YYYY-MM-DD, site time), both included. */
  fromDay: string;
  toDay: string;
  revokedAt: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The deputyship that lets `userId` supervise on `day`, if any (the earliest named wins). */
export function activeDeputyship<T extends Deputyship>(rows: T[], userId: number, day: string): T | null {
  return rows.filter((r) => r.deputyId === userId && r.revokedAt === null && r.fromDay <= day && day <= r.toDay).sort((a, b) => a.id - b.id)[0] ?? null;
}

/** Why a period cannot be named, as a field and a message; null when it can. */
export function deputyPeriodProblem(fromDay: string, toDay: string, today: string): { field: 'from' | 'to'; message: string } | null {
  if (!DAY.test(fromDay) || Number.isNaN(Date.parse(`${fromDay}T00:00:00Z`))) return { field: 'from', message: 'from must be a date (YYYY-MM-DD)' };
  if (!DAY.test(toDay) || Number.isNaN(Date.parse(`${toDay}T00:00:00Z`))) return { field: 'to', message: 'to must be a date (YYYY-MM-DD)' };
  if (toDay < fromDay) return { field: 'to', message: 'The period must end on or after its first day' };
  if (toDay < today) return { field: 'to', message: 'The period is already over' };
  return null;
}
