import type { FormItemRule, FormRules } from 'element-plus';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A text that must be filled in (spaces alone do not count) and may be at most `max` long. */
export function requiredText(t: Translate, field: string, max: number): FormItemRule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required', { field }) },
    { max, message: t('validation.maxLength', { field, max }) },
  ];
}

/** A whole number from `min` to `max` (an empty box fails too); checked on blur and change. */
export function wholeNumber(min: number, max: number, message: string): FormItemRule {
  return {
    validator: (_rule, value: number | null, callback) =>
      Number.isInteger(value) && value! >= min && value! <= max
        ? callback()
        : callback(new Error(message)),
    trigger: ['blur', 'change'],
  };
}

/** One whole-number rule per field of a settings form, each with its own bounds and words. */
export function rangeRules<F extends { field: string; min: number; max: number }>(
  fields: readonly F[],
  message: (field: F) => string,
): FormRules {
  return Object.fromEntries(fields.map((f) => [f.field, [wholeNumber(f.min, f.max, message(f))]]));
}
