import { useI18n } from 'vue-i18n';
import { useFormat } from './use-format';

// Every explanation is data (STYLE): { rule, params, passed } as decide() stores it
// (server/src/rotation/domain/decide.ts). This renders it in the current language; ids in
// the params are people, named through the board or the site's consultants.

export interface Explanation {
  rule: string;
  params?: Record<string, unknown>;
  passed?: Array<{
    consultantId: number | string;
    rule: string;
    since?: number;
    credited?: boolean;
    lost?: boolean;
  }>;
}

/** Looks a person's name up by id (numbers and strings alike). */
export type Names = (id: unknown) => string;

export interface PersonLike {
  id: string;
  displayName: string;
}

/** A name lookup over some lists of people; an unknown id reads as #id. */
export function namesFrom(...lists: Array<readonly PersonLike[] | null | undefined>): Names {
  const map = new Map<string, string>();
  for (const list of lists) for (const p of list ?? []) map.set(String(p.id), p.displayName);
  return (id) => (id === null || id === undefined ? '' : (map.get(String(id)) ?? `#${String(id)}`));
}

export function asExplanation(value: unknown): Explanation {
  if (value && typeof value === 'object' && typeof (value as Explanation).rule === 'string') {
    return value as Explanation;
  }
  return { rule: '' };
}

const RULES_WITH_TITLES = new Set([
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
  'R15',
]);

/**
 * Sentences in the UI language without rule ids, for everyone (issue 16): rule ids never
 * reach the text (a rule is named by its title); a manager finds the id in a tooltip.
 */
export function useExplain() {
  const { t, te } = useI18n();
  const { time } = useFormat();

  const at = (ms: unknown) => (typeof ms === 'number' || typeof ms === 'string' ? time(ms) : '');

  /** "Busy" — the rule's short title in the UI language; an unknown id reads as nothing. */
  function rule(id: string | null | undefined): string {
    if (!id) return '';
    return RULES_WITH_TITLES.has(id) ? t(`explain.rules.${id}`) : '';
  }

  /** Whom the walk-in went past, one sentence each: "Wang passed over: busy since 10:42 (R5)". */
  function passed(value: unknown, names: Names): string[] {
    const e = asExplanation(value);
    return (e.passed ?? []).map((p) => {
      const name = names(p.consultantId);
      if (p.rule === 'R5') {
        return p.since
          ? t('explain.passed.R5', { name, since: at(p.since) })
          : t('explain.passed.R5NoTime', { name });
      }
      if (p.rule === 'R4') {
        return t(p.credited ? 'explain.passed.R4Credited' : 'explain.passed.R4', {
          name,
          since: at(p.since),
        });
      }
      if (p.rule === 'R2') return t('explain.passed.R2', { name });
      if (p.rule === 'R3') {
        return t(p.lost ? 'explain.passed.R3' : 'explain.passed.R3NoTurn', {
          name,
          since: at(p.since),
        });
      }
      return t('explain.passed.other', { name, rule: rule(p.rule) });
    });
  }

  /**
   * Why a walk-in went to whom (a reception's explanation), in one sentence.
   * `to` is the consultant who receives (the reception's consultant).
   */
  function reception(value: unknown, names: Names, to?: string | null): string {
    const e = asExplanation(value);
    const p = e.params ?? {};
    const name = to ?? names(null);
    const variant = String(p.variant ?? '');
    let main: string;
    switch (e.rule) {
      case 'R1':
        main = t(
          p.via === 'PRIORITY_MAKE_UP' || p.via === 'MAKE_UP'
            ? 'explain.reception.R1MakeUp'
            : 'explain.reception.R1',
          { name },
        );
        break;
      case 'R5':
        main = p.noOneFree ? t('explain.reception.R5Waiting') : t('explain.reception.R1', { name });
        break;
      case 'R6':
        main = t(
          p.kind === 'LOOKING_FOR_SOMEONE'
            ? 'explain.reception.R6Looking'
            : 'explain.reception.R6Way',
        );
        break;
      case 'R7': {
        const owner = names(p.owner);
        if (p.ownerAbsent) main = t('explain.reception.R7OwnerAbsent', { owner, name });
        else if (p.dealClosed) main = t('explain.reception.R7Closed', { owner });
        else if (variant === 'B') main = t('explain.reception.R7OpenB', { owner });
        else main = t('explain.reception.R7OpenA', { owner });
        if (p.servesBoth) main += t('explain.reception.servesBoth', { owner });
        break;
      }
      case 'R8':
        main = t(p.counted ? 'explain.reception.R8Counted' : 'explain.reception.R8NotCounted', {
          name,
          variant,
        });
        break;
      case 'R9':
        main =
          p.consultantAbsent != null
            ? t('explain.reception.R9Absent', { absent: names(p.consultantAbsent), name })
            : t('explain.reception.R9', { name });
        break;
      case 'R10':
        main =
          p.helper != null
            ? t('explain.reception.R10Helper', { owner: names(p.owner), helper: names(p.helper) })
            : t('explain.reception.R10Both', { owner: names(p.owner) });
        break;
      case 'R11':
        main = p.courtesy
          ? t('explain.reception.R11Courtesy', { name, colleague: names(p.colleague) })
          : t('explain.reception.R11HandOver', { from: names(p.from), to: names(p.to), variant });
        break;
      case 'R12':
        main = p.noOneFree ? t('explain.reception.R12NoOne') : t('explain.reception.R12', { name });
        break;
      case 'R15':
        main = byHand(p, name, names);
        break;
      default:
        main = rule(e.rule) ? t('explain.reception.other', { name, rule: rule(e.rule) }) : name;
    }
    // A line turn of R1/R7/R8/R9 may come from a make-up, and may have waited.
    if (p.via === 'PRIORITY_MAKE_UP' || p.via === 'MAKE_UP') {
      main += t(
        p.via === 'PRIORITY_MAKE_UP'
          ? 'explain.reception.viaPriority'
          : 'explain.reception.viaMakeUp',
        {
          rule: rule(String(p.makeUpRule ?? '')),
        },
      );
    }
    if (p.waitedSince) main += t('explain.reception.waited', { since: at(p.waitedSince) });
    return [main, ...passed(e, names)].filter(Boolean).join(t('explain.separator'));
  }

  function byHand(p: Record<string, unknown>, name: string, names: Names): string {
    const parts = [t('explain.reception.R15', { name })];
    if (p.ruleChoice != null && String(p.ruleChoice) !== '')
      parts.push(t('explain.reception.R15RuleChoice', { rule: names(p.ruleChoice) }));
    if (p.second) parts.push(t('explain.reception.R15Second'));
    parts.push(t(p.counted ? 'explain.counted' : 'explain.notCounted'));
    if (p.offShift) parts.push(t('explain.reception.R15OffShift'));
    return (
      parts.join(t('explain.separator')) +
      t('explain.overrides', { rule: rule(String(p.overrides ?? 'R1')) })
    );
  }

  /** What a log entry says happened, and why. */
  function event(
    ev: { type: string; explanation: unknown; consultant?: PersonLike | null },
    names: Names,
  ): string {
    const e = asExplanation(ev.explanation);
    const p = e.params ?? {};
    const name = ev.consultant?.displayName ?? '';
    switch (ev.type) {
      case 'CHECKED_IN':
        return t(
          p.inShift === false ? 'explain.event.CHECKED_IN_OFF_SHIFT' : 'explain.event.CHECKED_IN',
          { name },
        );
      case 'CAME_BACK':
        return e.rule === 'R3'
          ? t('explain.event.CAME_BACK_ABSENT', { name, since: at(p.absentSince) })
          : t('explain.event.CAME_BACK', { name, since: at(p.awaySince) });
      case 'WENT_AWAY':
      case 'CHECKED_OUT':
      case 'MARKED_ABSENT':
      case 'SKIPPED':
      case 'REINSTATED':
        return t(`explain.event.${ev.type}`, { name });
      case 'WALK_IN_RECORDED':
      case 'ASSIGNED_BY_HAND':
        return reception(e, names, name || null);
      case 'WALK_IN_ASSIGNED':
        return t('explain.event.WALK_IN_ASSIGNED', {
          name,
          count: Array.isArray(p.assigned) ? p.assigned.length : 1,
        });
      case 'RECEPTION_ENDED':
        return t('explain.event.RECEPTION_ENDED', { name, minutes: Number(p.minutes ?? 0) });
      case 'HANDED_OVER':
        return t('explain.event.HANDED_OVER', {
          from: names(p.from),
          to: names(p.to),
          variant: String(p.variant ?? ''),
        });
      case 'KEPT_FOR_COLLEAGUE':
        return t('explain.event.KEPT_FOR_COLLEAGUE', { name, colleague: names(p.colleague) });
      case 'NON_BUYER_REPORTED':
        return (
          (p.keep
            ? t('explain.event.NON_BUYER_KEPT', { name })
            : t('explain.event.NON_BUYER_PASSED', { name, to: names(p.to) })) +
          (p.madeUp ? t('explain.event.madeUp') : '')
        );
      case 'NON_BUYER_DECIDED':
        return t(
          p.confirmed ? 'explain.event.NON_BUYER_CONFIRMED' : 'explain.event.NON_BUYER_REJECTED',
        );
      case 'BIG_BUYER_REPORTED':
        return t('explain.event.BIG_BUYER_REPORTED', {
          units: Number(p.units ?? 0),
          threshold: Number(p.threshold ?? 0),
        });
      case 'ALERT_ACKNOWLEDGED':
        return t('explain.event.ALERT_ACKNOWLEDGED', { kind: alertKind(String(p.kind ?? '')) });
      case 'SAME_DAY_DEAL_RECORDED':
        return t('explain.event.SAME_DAY_DEAL_RECORDED', {
          owner: names(p.owner),
          helper: names(p.helper),
        });
      case 'MOVED':
        return t('explain.event.MOVED', { name, from: Number(p.from ?? 0), to: Number(p.to ?? 0) });
      case 'TAKEN_BACK':
        return t('floorCall.takenBackEvent', {
          name,
          type: eventType(String(p.undoneType ?? '')),
        });
      case 'UNDONE':
        // Plain words: no event number (issue 16).
        return t('explain.event.UNDONE', { type: eventType(String(p.undoneType ?? '')) });
      default:
        return eventType(ev.type);
    }
  }

  /** Who acted: a named deputy is shown with the manager they acted for (R15). */
  function actor(ev: { actor: PersonLike; actingFor?: PersonLike | null }): string {
    return ev.actingFor
      ? t('explain.actingFor', { name: ev.actor.displayName, manager: ev.actingFor.displayName })
      : ev.actor.displayName;
  }

  /** The rule an override set aside (R15), when the entry is one. */
  function overrides(value: unknown): string | null {
    const o = asExplanation(value).params?.overrides;
    return typeof o === 'string' && o ? o : null;
  }

  const label = (prefix: string, key: string) =>
    key && te(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : key;
  const eventType = (type: string) => label('floor.eventTypes', type);
  const alertKind = (kind: string) => label('floor.alertKinds', kind);
  const walkInKind = (kind: string) => label('floor.kinds', kind);
  const floorState = (state: string) => label('floor.states', state);

  return {
    rule,
    actor,
    passed,
    reception,
    event,
    overrides,
    eventType,
    alertKind,
    walkInKind,
    floorState,
  };
}
