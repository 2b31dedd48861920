// P2 rooms and C3 equipment: one booking per room (or item) at a time.
export interface Booking {
  id: number;
  resourceId: number;
  start: number;
  end: number;
}

/** Half-open intervals: a meeting that ends at 10:00 does not clash with one starting at 10:00. */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** P2: the bookings a new one would clash with (double booking is refused). */
export function clashes(existing: Booking[], wanted: Omit<Booking, 'id'>, ignoreId?: number): Booking[] {
  return existing.filter((b) => b.resourceId === wanted.resourceId && b.id !== ignoreId && overlaps(b, wanted));
}

/** P5: a special request is overdue when its promised reply time has passed without a reply. */
export function isOverdue(r: { promisedBy: number; repliedAt: number | null }, now: number): boolean {
  return r.repliedAt === null && now > r.promisedBy;
}
