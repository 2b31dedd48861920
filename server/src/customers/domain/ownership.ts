// Registration and ownership (SPEC section 2, O1–O8) as pure functions of the register,
// the follow-ups, the manager's decisions and a date. Days are the site's days.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

export interface OwnershipSettings {
  /** O3: days without a follow-up after which ownership lapses. */
  followUpDays: number;
  /** O7: days a deal looks back for its owner. */
  dealLookbackDays: number;
  timezone: string;
}

export const DEFAULT_OWNERSHIP_SETTINGS: Omit<OwnershipSettings, 'timezone'> = { followUpDays: 7, dealLookbackDays: 7 };

/** One registration as recorded (O1: never edited; a correction points at what it corrects). */
export interface Registration {
  id: number;
  customerId: number;
  consultantId: number | null;
  name: string | null;
  phone: string | null;
  at: number;
  correctsId: number | null;
}

export interface FollowUp {
  customerId: number;
  consultantId: number;
  at: number;
}

/** A manager's decision on a customer: who owns it from `at` on, or that it is free. */
export interface OwnershipDecision {
  customerId: number;
  kind: 'ASSIGN' | 'RELEASE';
  consultantId: number | null;
  at: number;
}

export interface Claim {
  consultantId: number;
  /** The registration (or null for a manager's assignment) the claim rests on. */
  registrationId: number | null;
  start: number;
  /** When it lapses (O3) or a manager ended it. */
  end: number;
  lastActivity: number;
  decided: boolean;
}

export interface Ownership {
  ownerId: number | null;
  registrationId: number | null;
  since: number | null;
  /** When ownership lapses unless a follow-up is logged (O3). */
  lapsesAt: number | null;
  /** Why: O2 earliest valid registration, O3 lapsed (free), O4 none valid, DECISION. */
  rule: 'O2' | 'O3' | 'O4' | 'DECISION' | 'NONE';
}

/** O4: a registration without the real name, a phone number and the consultant is invalid. */
export function isComplete(r: Pick<Registration, 'name' | 'phone' | 'consultantId'>): boolean {
  return !!r.name?.trim() && !!r.phone?.trim() && r.consultantId !== null;
}

/**
 * O1: the registrations that stand, after corrections. A correction replaces what it
 * corrects; it keeps the original's place in time only if the original was already valid
 * (fixing a typo), so a blank registration filled in later does not win an earlier date.
 */
export function effectiveRegistrations(all: Registration[]): Array<Registration & { effectiveAt: number }> {
  const byId = new Map(all.map((r) => [r.id, r]));
  const corrected = new Set(all.filter((r) => r.correctsId !== null).map((r) => r.correctsId!));
  const root = (r: Registration): Registration => {
    let cur = r;
    const seen = new Set<number>();
    while (cur.correctsId !== null && byId.has(cur.correctsId) && !seen.has(cur.id)) {
      seen.add(cur.id);
      const prev = byId.get(cur.correctsId)!;
      if (!isComplete(prev)) break;
      cur = prev;
    }
    return cur;
  };
  return all
    .filter((r) => !corrected.has(r.id) && isComplete(r))
    .map((r) => ({ ...r, effectiveAt: r.correctsId !== null ? Math.min(r.at, root(r).at) : r.at }));
}

/** O3: start of the site day `followUpDays + 1` days after the day of the last activity. */
export function lapseTime(lastActivity: number, s: OwnershipSettings): number {
  const day = startOfDay(new TZDate(lastActivity, s.timezone));
  return addDays(day, s.followUpDays + 1).getTime();
}

function claimOf(consultantId: number, registrationId: number | null, start: number, decided: boolean, followUps: FollowUp[], s: OwnershipSettings): Claim {
  let last = start;
  let end = lapseTime(last, s);
  // Follow-ups keep the claim alive; one logged after it lapsed does not revive it.
  for (const f of followUps) {
    if (f.consultantId !== consultantId || f.at < start) continue;
    if (f.at >= end) break;
    last = Math.max(last, f.at);
    end = lapseTime(last, s);
  }
  return { consultantId, registrationId, start, end, lastActivity: last, decided };
}

/** Every claim on one customer, from registrations and decisions. */
export function claims(
  customerId: number,
  input: { registrations: Registration[]; followUps: FollowUp[]; decisions: OwnershipDecision[] },
  s: OwnershipSettings,
): Claim[] {
  const followUps = input.followUps.filter((f) => f.customerId === customerId).sort((a, b) => a.at - b.at);
  const regs = effectiveRegistrations(input.registrations.filter((r) => r.customerId === customerId));
  const decisions = input.decisions.filter((d) => d.customerId === customerId).sort((a, b) => a.at - b.at);
  const result: Claim[] = regs.map((r) => claimOf(r.consultantId!, r.id, r.effectiveAt, false, followUps, s));
  for (const d of decisions) {
    // A decision ends every claim before it; an assignment starts a new one.
    for (const c of result) if (c.start <= d.at && c.end > d.at) c.end = d.at;
    if (d.kind === 'ASSIGN' && d.consultantId !== null) result.push(claimOf(d.consultantId, null, d.at, true, followUps, s));
  }
  return result.sort((a, b) => a.start - b.start || (a.registrationId ?? 0) - (b.registrationId ?? 0));
}

/** O2: the owner at `at` is the earliest valid registration still within its follow-up period. */
export function ownershipAt(
  customerId: number,
  input: { registrations: Registration[]; followUps: FollowUp[]; decisions: OwnershipDecision[] },
  at: number,
  s: OwnershipSettings,
): Ownership {
  const all = claims(customerId, input, s).filter((c) => c.start <= at);
  const alive = all.filter((c) => at < c.end);
  const owner = alive.find((c) => c.decided) ?? alive[0];
  if (owner) {
    return { ownerId: owner.consultantId, registrationId: owner.registrationId, since: owner.start, lapsesAt: owner.end, rule: owner.decided ? 'DECISION' : 'O2' };
  }
  return { ownerId: null, registrationId: null, since: null, lapsesAt: null, rule: all.length ? 'O3' : input.registrations.some((r) => r.customerId === customerId) ? 'O4' : 'NONE' };
}

/**
 * O7: a deal goes to the owner on the deal date, or else to the last owner whose claim was
 * alive within the look-back window before it.
 */
export function attributeDeal(
  customerId: number,
  input: { registrations: Registration[]; followUps: FollowUp[]; decisions: OwnershipDecision[] },
  dealAt: number,
  s: OwnershipSettings,
): { consultantId: number | null; registrationId: number | null; rule: 'O7'; lookedBack: boolean } {
  const now = ownershipAt(customerId, input, dealAt, s);
  if (now.ownerId !== null) return { consultantId: now.ownerId, registrationId: now.registrationId, rule: 'O7', lookedBack: false };
  const windowStart = addDays(startOfDay(new TZDate(dealAt, s.timezone)), -s.dealLookbackDays).getTime();
  const recent = claims(customerId, input, s)
    .filter((c) => c.start <= dealAt && c.end > windowStart)
    .sort((a, b) => b.end - a.end);
  const last = recent[0];
  return { consultantId: last?.consultantId ?? null, registrationId: last?.registrationId ?? null, rule: 'O7', lookedBack: !!last };
}

// ---- who is this person? (O5, O6) ---------------------------------------------------------

export type Relation = 'PARENT' | 'SPOUSE';
export const IMMEDIATE_FAMILY: Relation[] = ['PARENT', 'SPOUSE'];

export interface KnownCustomer {
  id: number;
  name: string;
  phone: string;
  family: Array<{ name: string; relation: string }>;
}

export type Match =
  | { kind: 'NEW' }
  | { kind: 'SAME'; customerId: number }
  /** O6: same phone, a different name that is immediate family: stays with the owner. */
  | { kind: 'FAMILY'; customerId: number; relation: string }
  /** O6: same phone, a different name that is not immediate family: the manager decides. */
  | { kind: 'PHONE_CONFLICT'; customerId: number }
  /** O5: same name, different phone: a different person unless someone verifies it. */
  | { kind: 'SAME_NAME'; customerIds: number[] };

const sameName = (a: string, b: string) => a.replace(/\s/g, '').toLowerCase() === b.replace(/\s/g, '').toLowerCase();

/** How a name and a (normalized) phone relate to the register. */
export function matchPerson(name: string, phone: string, known: KnownCustomer[], declared?: { relation: string } | null): Match {
  const byPhone = known.find((c) => c.phone === phone);
  if (byPhone) {
    if (sameName(byPhone.name, name)) return { kind: 'SAME', customerId: byPhone.id };
    const family = byPhone.family.find((f) => sameName(f.name, name) && IMMEDIATE_FAMILY.includes(f.relation as Relation));
    if (family) return { kind: 'FAMILY', customerId: byPhone.id, relation: family.relation };
    if (declared && IMMEDIATE_FAMILY.includes(declared.relation as Relation)) return { kind: 'FAMILY', customerId: byPhone.id, relation: declared.relation };
    return { kind: 'PHONE_CONFLICT', customerId: byPhone.id };
  }
  const byName = known.filter((c) => sameName(c.name, name));
  if (byName.length) return { kind: 'SAME_NAME', customerIds: byName.map((c) => c.id) };
  return { kind: 'NEW' };
}

/** O7: a buyer whose name differs from the registration still matches through immediate family. */
export function buyerMatches(buyerName: string, customer: KnownCustomer): boolean {
  if (sameName(buyerName, customer.name)) return true;
  return customer.family.some((f) => sameName(f.name, buyerName) && IMMEDIATE_FAMILY.includes(f.relation as Relation));
}

/** O8: split credit as recorded on a deal. */
export function splitCredit(owner: number, helper: number): Array<{ consultantId: number; share: number }> {
  return owner === helper ? [{ consultantId: owner, share: 1 }] : [
    { consultantId: owner, share: 0.5 },
    { consultantId: helper, share: 0.5 },
  ];
}
