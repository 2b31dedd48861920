// The check of bench:assign and bench:floor: the stored floor log, replayed, never has a consultant
// with two active receptions (R5), whichever instance or client wrote it.

/** One stored event: its sequence number and the whole domain event as JSON. */
export interface EventRow {
  seq: number;
  payload: string;
}

/**
 * Replays the stored log (each event's effects carry the receptions it changed) and checks,
 * after every event: no consultant with two active receptions, no active reception without a
 * consultant or moved to another consultant while active, and a gapless sequence. R5: a second
 * reception of a busy consultant (R9, R10, R11) is allowed only as the manager's exception:
 * approved at once (`secondApprovedBy`) or with a SECOND_RECEPTION alert raised for it.
 */
export function checkLog(rows: EventRow[], afterSeq = 0) {
  const receptions = new Map<
    string,
    { status: string; consultantId: number | null; secondApprovedBy?: number | null }
  >();
  /** R5: receptions taken as a second one, for the manager to see. */
  const seconds = new Set<string>();
  const problems: string[] = [];
  let day: string | null = null;
  let assignments = 0;
  rows.forEach((row, i) => {
    if (row.seq !== afterSeq + i + 1) problems.push(`seq ${row.seq} at position ${i + 1}`);
    const e = JSON.parse(row.payload) as {
      day: string;
      type: string;
      effects: Array<{
        op: string;
        id: string;
        value: {
          status: string;
          consultantId: number | null;
          secondApprovedBy?: number | null;
          kind?: string;
          receptionId?: string | null;
        } | null;
      }>;
    };
    if (e.day !== day) receptions.clear();
    day = e.day;
    for (const f of e.effects) {
      if (f.op === 'alert' && f.value?.kind === 'SECOND_RECEPTION' && f.value.receptionId)
        seconds.add(String(f.value.receptionId));
      if (f.op !== 'reception') continue;
      if (f.value?.secondApprovedBy != null) seconds.add(String(f.id));
      const before = receptions.get(String(f.id));
      if (f.value === null) {
        receptions.delete(String(f.id));
        continue;
      }
      if (f.value.status === 'ACTIVE' && before?.status !== 'ACTIVE') assignments += 1;
      if (
        before?.status === 'ACTIVE' &&
        f.value.status === 'ACTIVE' &&
        before.consultantId !== f.value.consultantId
      ) {
        problems.push(
          `seq ${row.seq}: reception ${f.id} moved from ${before.consultantId} to ${f.value.consultantId} while active (${e.type})`,
        );
      }
      receptions.set(String(f.id), f.value);
    }
    const busy = new Map<number, number>();
    for (const [id, r] of receptions) {
      if (r.status !== 'ACTIVE') continue;
      if (r.consultantId === null)
        problems.push(`seq ${row.seq}: active reception ${id} has no consultant`);
      else if (!seconds.has(id)) busy.set(r.consultantId, (busy.get(r.consultantId) ?? 0) + 1);
    }
    for (const [c, n] of busy)
      if (n > 1) problems.push(`seq ${row.seq}: consultant ${c} has ${n} active receptions`);
  });
  return { events: rows.length, assignments, seconds: seconds.size, problems };
}
