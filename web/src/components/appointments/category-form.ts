// The category form's plain logic (C1–C4): the checklist editor's rows, keys and order,
// the winter months (C2), and which form field a server error points at.
import type {
  CategoryInput,
  CategoryRowFragment,
  ChecklistOwner,
  Season,
} from '@/graphql/generated/graphql';

/** Checklist keys and equipment kinds, as the server accepts them. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const CODE_PATTERN = /^[A-Za-z0-9]{1,16}$/;
export const OWNERS: readonly ChecklistOwner[] = ['LEAD', 'ADMINISTRATION', 'RECEIVER'];
/** The editor's season choice; "always" is `null` on the server. */
export type SeasonChoice = Season | 'ALWAYS';
export const SEASONS: readonly SeasonChoice[] = ['ALWAYS', 'WINTER', 'SUMMER'];
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const DEFAULT_WINTER_MONTHS = [11, 12, 1, 2, 3];
export const MAX_CHECKLIST = 50;
export const MAX_DUE_HOURS = 24 * 30;

export interface ChecklistRow {
  /** Stable identity for the list while keys are edited. */
  uid: number;
  key: string;
  label: string;
  season: SeasonChoice;
  dueHoursBefore: number | null;
  owner: ChecklistOwner;
}

export interface CategoryFormState {
  code: string;
  name: string;
  description: string;
  sortOrder: number | null;
  responsibleDepartmentId: string | null;
  responsibleRole: string;
  receiver: string;
  advanceNoticeDays: number | null;
  needsSeniorLeader: boolean;
  meetingRoom: boolean;
  equipmentKinds: string[];
  catering: boolean;
  pickUp: boolean;
  lodging: boolean;
  gifts: boolean;
  budgetPerGuest: number | null;
  hostsAtMostGuests: boolean;
  winterMonths: number[];
  checklist: ChecklistRow[];
}

let uids = 0;
const nextUid = () => ++uids;

/** The form for a category, or for a new one after the last (`nextSortOrder`). */
export function formFromCategory(
  category: CategoryRowFragment | null,
  nextSortOrder = 0,
): CategoryFormState {
  const s = category?.standard;
  return {
    code: category?.code ?? '',
    name: category?.name ?? '',
    description: category?.description ?? '',
    sortOrder: category?.sortOrder ?? nextSortOrder,
    responsibleDepartmentId: s?.responsibleDepartment?.id ?? null,
    responsibleRole: s?.responsibleRole ?? '',
    receiver: s?.receiver ?? '',
    // C1: one day of notice for any reception request.
    advanceNoticeDays: s?.advanceNoticeDays ?? 1,
    needsSeniorLeader: s?.needsSeniorLeader ?? false,
    meetingRoom: s?.meetingRoom ?? false,
    equipmentKinds: [...(s?.equipmentKinds ?? [])],
    catering: s?.catering ?? false,
    pickUp: s?.pickUp ?? false,
    lodging: s?.lodging ?? false,
    gifts: s?.gifts ?? false,
    budgetPerGuest: s?.budgetPerGuest ?? 0,
    hostsAtMostGuests: s?.hostsAtMostGuests ?? true,
    winterMonths: [...(s?.winterMonths ?? DEFAULT_WINTER_MONTHS)],
    checklist: (s?.checklist ?? []).map((i) => ({
      uid: nextUid(),
      key: i.key,
      label: i.label,
      season: i.season ?? 'ALWAYS',
      dueHoursBefore: i.dueHoursBefore,
      owner: i.owner,
    })),
  };
}

/** What the server takes; call after validation (numbers are set). */
export function toCategoryInput(form: CategoryFormState): Required<CategoryInput> {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    description: form.description.trim(),
    sortOrder: form.sortOrder ?? 0,
    responsibleDepartmentId: form.responsibleDepartmentId,
    responsibleRole: form.responsibleRole.trim(),
    receiver: form.receiver.trim(),
    advanceNoticeDays: form.advanceNoticeDays ?? 0,
    needsSeniorLeader: form.needsSeniorLeader,
    meetingRoom: form.meetingRoom,
    equipmentKinds: [...new Set(form.equipmentKinds.map((k) => k.trim()).filter(Boolean))],
    catering: form.catering,
    pickUp: form.pickUp,
    lodging: form.lodging,
    gifts: form.gifts,
    budgetPerGuest: form.budgetPerGuest ?? 0,
    hostsAtMostGuests: form.hostsAtMostGuests,
    winterMonths: [...form.winterMonths].sort((a, b) => a - b),
    checklist: form.checklist.map((r) => ({
      key: r.key.trim(),
      label: r.label.trim(),
      season: r.season === 'ALWAYS' ? null : r.season,
      dueHoursBefore: r.dueHoursBefore ?? 0,
      owner: r.owner,
    })),
  };
}

/** The list with the row at `index` moved by `delta` places; unchanged when it cannot move. */
export function moveRow<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(index, 1);
  next.splice(to, 0, row);
  return next;
}

/** The list without the row at `index`. */
export function removeRow<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}

/** A key not used yet: item-1, item-2, … */
export function freshKey(rows: readonly { key: string }[]): string {
  const used = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (used.has(`item-${n}`)) n += 1;
  return `item-${n}`;
}

/** A new row at the end: always, due one hour before, done by administration. */
export function newRow(rows: readonly ChecklistRow[]): ChecklistRow {
  return {
    uid: nextUid(),
    key: freshKey(rows),
    label: '',
    season: 'ALWAYS',
    dueHoursBefore: 1,
    owner: 'ADMINISTRATION',
  };
}

export type RowProblem = 'keyRequired' | 'keyPattern' | 'keyDuplicate' | 'labelRequired' | 'due';

/** What is wrong with each row, by uid (rows without problems are absent). */
export function checklistProblems(
  rows: readonly ChecklistRow[],
): Map<number, { field: 'key' | 'label' | 'dueHoursBefore'; problem: RowProblem }> {
  const problems = new Map<
    number,
    { field: 'key' | 'label' | 'dueHoursBefore'; problem: RowProblem }
  >();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = r.key.trim();
    if (!key) problems.set(r.uid, { field: 'key', problem: 'keyRequired' });
    else if (!KEY_PATTERN.test(key)) problems.set(r.uid, { field: 'key', problem: 'keyPattern' });
    else if (seen.has(key)) problems.set(r.uid, { field: 'key', problem: 'keyDuplicate' });
    else if (!r.label.trim()) problems.set(r.uid, { field: 'label', problem: 'labelRequired' });
    else if (
      r.dueHoursBefore === null ||
      !Number.isInteger(r.dueHoursBefore) ||
      r.dueHoursBefore < 0 ||
      r.dueHoursBefore > MAX_DUE_HOURS
    ) {
      problems.set(r.uid, { field: 'dueHoursBefore', problem: 'due' });
    }
    seen.add(key);
  }
  return problems;
}

/** C2: the months that are not winter count as summer. */
export function summerMonths(winterMonths: readonly number[]): number[] {
  return MONTHS.filter((m) => !winterMonths.includes(m));
}

/**
 * Where a server error's dotted field (`input.checklist.2.key`, `checklist`, `code`…) belongs:
 * a top-level form field, and for a checklist row its index.
 */
export function errorTarget(field: string): { field: string; row?: number } {
  const parts = field.split('.').filter((p) => p !== 'input');
  if (parts[0] === 'checklist' && parts.length > 1 && /^\d+$/.test(parts[1])) {
    return { field: 'checklist', row: Number(parts[1]) };
  }
  return { field: parts[0] ?? field };
}
