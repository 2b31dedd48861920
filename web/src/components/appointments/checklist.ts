import type { ChecklistOwner, Season } from '@/graphql/generated/graphql';

// C2 and P1: which checklist items an approval turns into tasks (by the season of the visit) and
// who gets each by default, as the server decides it (server/src/appointments/domain/standards.ts).

export interface ChecklistItemFacts {
  key: string;
  label: string;
  season: Season | null;
  dueHoursBefore: number;
  owner: ChecklistOwner;
}

/** C2: the season of a visit, by its month in the site's time zone. */
export function seasonOf(
  visitAt: string,
  winterMonths: readonly number[],
  timeZone: string,
): Season {
  const month = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' }).format(new Date(visitAt)),
  );
  return winterMonths.includes(month) ? 'WINTER' : 'SUMMER';
}

/** The items that become tasks for a visit at `visitAt`. */
export function itemsForVisit<T extends ChecklistItemFacts>(
  items: readonly T[],
  visitAt: string,
  winterMonths: readonly number[],
  timeZone: string,
): T[] {
  const season = seasonOf(visitAt, winterMonths, timeZone);
  return items.filter((i) => i.season === null || i.season === season);
}

export interface Person {
  id: string;
  displayName: string;
}

/** P1: the default owner: administration's items go to the responsible department's head, else the lead. */
export function defaultOwner(
  owner: ChecklistOwner,
  lead: Person,
  administrationHead: Person | null,
): Person {
  return owner === 'ADMINISTRATION' && administrationHead ? administrationHead : lead;
}
