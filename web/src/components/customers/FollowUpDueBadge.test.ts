import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, type Locale } from '@/i18n';
import { useLocaleStore } from '@/stores/locale';
import FollowUpDueBadge from './FollowUpDueBadge.vue';

// Issue 13 (O3): the badge says what the server computed: due within N days, overdue, or nothing.
const render = (
  due: InstanceType<typeof FollowUpDueBadge>['$props']['due'],
  locale: Locale = 'en',
) => {
  const pinia = createPinia();
  setActivePinia(pinia);
  useLocaleStore().setLocale(locale);
  return mount(FollowUpDueBadge, { props: { due }, global: { plugins: [pinia, i18n] } });
};

describe('FollowUpDueBadge (O3)', () => {
  afterEach(() => {
    useLocaleStore().setLocale('zh-CN');
  });

  it('O3: a follow-up due in 2 days shows as due, with the days left', () => {
    const w = render({ state: 'DUE', inDays: 2, lapsesAt: '2026-12-08T16:00:00Z' });
    expect(w.get('[data-test=follow-up-due]').text()).toBe('Follow-up due within 2 days');
    expect(w.find('[data-test=follow-up-overdue]').exists()).toBe(false);
  });

  it('O3: one day left reads in the singular; in Chinese as well', () => {
    expect(render({ state: 'DUE', inDays: 1, lapsesAt: '2026-12-07T16:00:00Z' }).text()).toBe(
      'Follow-up due within 1 day',
    );
    expect(
      render({ state: 'DUE', inDays: 3, lapsesAt: '2026-12-09T16:00:00Z' }, 'zh-CN').text(),
    ).toBe('3 天内需跟进');
  });

  it('O3: a lapsed ownership shows as overdue', () => {
    const w = render({ state: 'OVERDUE', inDays: null, lapsesAt: null });
    expect(w.get('[data-test=follow-up-overdue]').text()).toBe('Follow-up overdue');
  });

  it('O3: nothing shows when no follow-up is due', () => {
    expect(render(null).text()).toBe('');
  });
});
