/** Whose settings a change is about: the floor rules (R7–R14), the register (O3, O7) or visits (V1–V3). */
export const SettingsArea = { ROTATION: 'ROTATION', CUSTOMERS: 'CUSTOMERS', VISITS: 'VISITS' } as const;
export type SettingsArea = (typeof SettingsArea)[keyof typeof SettingsArea];

/** A settings document as stored: values only, never sentences. */
export type SettingsValues = Record<string, string | number | boolean | null>;

/** The keys whose values differ, in the order they appear (after's keys first, then dropped ones). */
export function changedKeys(before: SettingsValues, after: SettingsValues): string[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((k) => (before[k] ?? null) !== (after[k] ?? null));
}

/** The values of `keys` in `settings`, in that order (drops the time zone and unknown keys). */
export function pickValues(settings: object, keys: readonly string[]): SettingsValues {
  const s = settings as Record<string, SettingsValues[string] | undefined>;
  return Object.fromEntries(keys.map((k) => [k, s[k] ?? null]));
}
