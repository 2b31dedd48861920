import type { FormItemRule } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { parsePhone } from '@phone';

// Issue 13: the forms check a phone number with the server's own function (`@phone` is
// server/src/platform/phone.ts), so what the form lets through the API accepts too.

/** Why a typed number cannot be sent; null when it is fine (or optional and left empty). */
export type PhoneProblem = 'required' | 'characters' | 'invalid';

export function phoneProblem(
  value: string | null | undefined,
  required: boolean,
): PhoneProblem | null {
  const parsed = parsePhone(value);
  if (parsed.ok) return null;
  if (parsed.reason === 'EMPTY') return required ? 'required' : null;
  return parsed.reason === 'BAD_CHARACTERS' ? 'characters' : 'invalid';
}

/** The register's key of a valid number, or null. */
export function phoneKey(value: string | null | undefined): string | null {
  const parsed = parsePhone(value);
  return parsed.ok ? parsed.key : null;
}

/** An Element Plus form rule for a phone field, with the message in the user's language. */
export function usePhoneRule() {
  const { t } = useI18n();
  const message = (problem: PhoneProblem) => t(`phoneRule.${problem}`);
  function rule(required = true): FormItemRule {
    return {
      required,
      trigger: 'blur',
      validator: (_r, value: string | null | undefined, cb) => {
        const problem = phoneProblem(value, required);
        if (problem) cb(new Error(message(problem)));
        else cb();
      },
    };
  }
  return { rule, message };
}
