// An appointment's history is data (kind + params, SPEC "every explanation is data"); this turns
// one event into i18n keys and their parameters, so the page renders it in either language.

export type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export interface Line {
  key: string;
  params: Record<string, string | number>;
}

export interface HistoryEvent {
  id: string;
  at: string;
  kind: string;
  params: unknown;
  by?: { displayName: string } | null;
}

export interface HistoryEntry {
  id: string;
  at: string;
  kind: string;
  tone: Tone;
  title: Line;
  details: Line[];
}

/** How ids in params become names, and instants become text (the caller's language and zone). */
export interface HistoryNames {
  person(id: unknown): string;
  room(id: unknown): string;
  equipment(id: unknown): string;
  dateTime(iso: string): string;
  /** P4 cooperation intent (HIGH, MEDIUM, LOW, NONE) in words. */
  intent(value: string): string;
  /** Who did it when the event names nobody (the system). */
  nobody: string;
}

export const KNOWN_KINDS = [
  'REQUESTED',
  'APPROVED',
  'REJECTED',
  'RESCHEDULED',
  'CANCELLED',
  'TASK_DONE',
  'TASK_REOPENED',
  'PREPARED',
  'ARRIVED',
  'COMPLETED',
  'EQUIPMENT_OUT',
  'EQUIPMENT_RETURNED',
  'KEYS_RETURNED',
  'SPECIAL_REQUEST',
  'SPECIAL_REQUEST_ANSWERED',
] as const;

const TONE: Record<(typeof KNOWN_KINDS)[number], Tone> = {
  REQUESTED: 'primary',
  APPROVED: 'success',
  REJECTED: 'danger',
  RESCHEDULED: 'warning',
  CANCELLED: 'info',
  TASK_DONE: 'success',
  TASK_REOPENED: 'warning',
  PREPARED: 'success',
  ARRIVED: 'primary',
  COMPLETED: 'success',
  EQUIPMENT_OUT: 'info',
  EQUIPMENT_RETURNED: 'info',
  KEYS_RETURNED: 'info',
  SPECIAL_REQUEST: 'warning',
  SPECIAL_REQUEST_ANSWERED: 'success',
};

const isKnown = (kind: string): kind is (typeof KNOWN_KINDS)[number] =>
  (KNOWN_KINDS as readonly string[]).includes(kind);

type Params = Record<string, unknown>;
const obj = (v: unknown): Params => (v && typeof v === 'object' ? (v as Params) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const K = (name: string) => `appointments.history.${name}`;
const line = (name: string, params: Line['params'] = {}): Line => ({ key: K(name), params });

/** One history event as a title and detail lines of i18n keys (unknown kinds stay readable). */
export function describeEvent(e: HistoryEvent, names: HistoryNames): HistoryEntry {
  const p = obj(e.params);
  const by = e.by?.displayName ?? names.nobody;
  const details: Line[] = [];
  const reason = () => {
    if (str(p.reason)) details.push(line('reason', { reason: str(p.reason) }));
  };
  let title: Line;

  switch (e.kind) {
    case 'REQUESTED':
      title = line('kinds.REQUESTED', { by });
      if (p.late === true) details.push(line('late', { days: num(p.noticeDays) ?? 0 }));
      break;
    case 'APPROVED':
      title = line('kinds.APPROVED', { by });
      if (p.late === true) details.push(line('lateAccepted'));
      if (num(p.tasks)) details.push(line('tasksCreated', { count: num(p.tasks)! }));
      if (str(p.note)) details.push(line('note', { note: str(p.note) }));
      break;
    case 'REJECTED':
      title = line('kinds.REJECTED', { by });
      reason();
      break;
    case 'RESCHEDULED': {
      const from = obj(p.from);
      const to = obj(p.to);
      title = line('kinds.RESCHEDULED', { by });
      if (str(from.startAt) && str(to.startAt)) {
        details.push(
          line('moved', {
            from: names.dateTime(str(from.startAt)),
            to: names.dateTime(str(to.startAt)),
          }),
        );
      }
      if (from.roomId !== to.roomId && to.roomId !== undefined) {
        details.push(
          line('roomChanged', { from: names.room(from.roomId), to: names.room(to.roomId) }),
        );
      }
      reason();
      break;
    }
    case 'CANCELLED':
      title = line('kinds.CANCELLED', { by });
      if (num(p.tasks)) details.push(line('tasksCancelled', { count: num(p.tasks)! }));
      reason();
      break;
    case 'TASK_DONE':
    case 'TASK_REOPENED':
      title = line(`kinds.${e.kind}`, { by, label: str(p.label) || str(p.key) });
      break;
    case 'PREPARED':
      title = line('kinds.PREPARED');
      break;
    case 'ARRIVED':
      title = line('kinds.ARRIVED', { by, count: num(p.guests) ?? 0 });
      break;
    case 'COMPLETED':
      title = line('kinds.COMPLETED', { by });
      if (num(p.satisfaction)) details.push(line('satisfaction', { score: num(p.satisfaction)! }));
      if (str(p.cooperationIntent)) {
        details.push(line('intent', { intent: names.intent(str(p.cooperationIntent)) }));
      }
      break;
    case 'EQUIPMENT_OUT':
      title = line('kinds.EQUIPMENT_OUT', {
        by,
        item: names.equipment(p.equipmentId),
        person: names.person(p.byUserId),
      });
      break;
    case 'EQUIPMENT_RETURNED':
      title = line('kinds.EQUIPMENT_RETURNED', { by, item: names.equipment(p.equipmentId) });
      break;
    case 'KEYS_RETURNED':
      title = line('kinds.KEYS_RETURNED', { by, room: names.room(p.roomId) });
      break;
    case 'SPECIAL_REQUEST':
      title = line('kinds.SPECIAL_REQUEST', { by, to: names.person(p.escalatedToId) });
      if (str(p.promisedBy))
        details.push(line('promisedBy', { at: names.dateTime(str(p.promisedBy)) }));
      break;
    case 'SPECIAL_REQUEST_ANSWERED':
      title = line('kinds.SPECIAL_REQUEST_ANSWERED', { by });
      if (p.late === true) details.push(line('answeredLate'));
      break;
    default:
      title = line('kinds.OTHER', { by, kind: e.kind });
  }
  return {
    id: e.id,
    at: e.at,
    kind: e.kind,
    tone: isKnown(e.kind) ? TONE[e.kind] : 'info',
    title,
    details,
  };
}

/** The whole history, newest first (the server sends it oldest first). */
export function describeHistory(
  events: readonly HistoryEvent[],
  names: HistoryNames,
): HistoryEntry[] {
  return [...events]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || Number(b.id) - Number(a.id))
    .map((e) => describeEvent(e, names));
}
