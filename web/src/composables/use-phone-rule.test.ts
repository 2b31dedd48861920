import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import { phoneKey, phoneProblem, usePhoneRule } from './use-phone-rule';

/** The register form's phone rule as Element Plus runs it: the message it would show, or null. */
function validate(rule: ReturnType<ReturnType<typeof usePhoneRule>['rule']>, value: string) {
  let out: string | null = 'not called';
  const validator = rule.validator as (r: unknown, v: string, cb: (e?: Error) => void) => void;
  validator({}, value, (e) => (out = e ? e.message : null));
  return out;
}

function withRule(): ReturnType<typeof usePhoneRule> {
  let rule!: ReturnType<typeof usePhoneRule>;
  mount(
    defineComponent({
      setup() {
        rule = usePhoneRule();
        return () => h('div');
      },
    }),
    { global: { plugins: [i18n] } },
  );
  return rule;
}

describe('the register form phone rule (issue 13)', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('Phone rule: the form accepts what the server keys, with spaces, dashes and +86', () => {
    const { rule } = withRule();
    for (const typed of ['138 1234 5678', '+86 138-1234-5678', '0571-8888 6666', '+49 1512 3456789']) {
      expect(validate(rule(true), typed), typed).toBeNull();
    }
    expect(phoneKey('+86 138-1234-5678')).toBe('13812345678');
  });

  it('Phone rule: letters are refused (not stripped), in the user language', () => {
    const { rule } = withRule();
    i18n.global.locale.value = 'zh-CN';
    expect(validate(rule(true), '1381234567O')).toBe(i18n.global.t('phoneRule.characters'));
    expect(validate(rule(true), '1381234567O')).toContain('数字');
    i18n.global.locale.value = 'en';
    expect(validate(rule(true), '1381234567O')).toContain('digits');
  });

  it('Phone rule: too short or not a mobile is refused; empty only when required', () => {
    const { rule } = withRule();
    i18n.global.locale.value = 'en';
    expect(validate(rule(true), '138123')).toBe(i18n.global.t('phoneRule.invalid'));
    expect(validate(rule(true), '12345678901')).toBe(i18n.global.t('phoneRule.invalid'));
    expect(validate(rule(true), '')).toBe(i18n.global.t('phoneRule.required'));
    expect(validate(rule(false), '')).toBeNull();
    expect(phoneProblem('  ', false)).toBeNull();
  });
});
