import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '@/composables/use-client';
import { i18n } from '@/i18n';
import SettingsHistory, { type SettingsChangeRow } from './SettingsHistory.vue';

const change: SettingsChangeRow = {
  id: '2',
  at: '2026-03-10T04:05:00Z',
  by: { id: '1', displayName: '系统管理员' },
  before: { r11ColleagueCustomer: 'A', bigBuyerUnits: 3, undoWindowMinutes: 2 },
  after: { r11ColleagueCustomer: 'B', bigBuyerUnits: 5, undoWindowMinutes: 2 },
  changed: ['r11ColleagueCustomer', 'bigBuyerUnits'],
};

function render(props: Partial<InstanceType<typeof SettingsHistory>['$props']>) {
  const pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
  return mount(SettingsHistory, {
    props: {
      changes: null,
      loading: false,
      error: null,
      timeZone: 'Asia/Shanghai',
      label: (f: string) => `label:${f}`,
      value: (f: string, v: unknown) => `${f}=${String(v)}`,
      ...props,
    },
    global: { plugins: [pinia, i18n] },
  });
}

describe('SettingsHistory', () => {
  it('shows who changed what and when, each changed field from → to, and nothing else', () => {
    const w = render({ changes: [change] });
    const entry = w.get('[data-test=history-entry]');
    expect(entry.text()).toContain('系统管理员 修改');
    expect(entry.text()).toContain('2026/03/10 12:05');
    const lines = w.findAll('[data-test=history-line]');
    expect(lines.map((l) => l.attributes('data-field'))).toEqual([
      'r11ColleagueCustomer',
      'bigBuyerUnits',
    ]);
    expect(lines[0].get('.label').text()).toBe('label:r11ColleagueCustomer');
    expect(lines[0].get('.before').text()).toBe('r11ColleagueCustomer=A');
    expect(lines[0].get('.after').text()).toBe('r11ColleagueCustomer=B');
    expect(lines[1].get('.after').text()).toBe('bigBuyerUnits=5');
    expect(w.text()).not.toContain('undoWindowMinutes');
  });

  it('says so when nothing was changed yet, and when older changes are left out', () => {
    expect(render({ changes: [] }).text()).toContain('还没有修改记录');
    expect(render({ changes: [change], limit: 1 }).text()).toContain('只显示最近 1 次修改');
    expect(render({ changes: [change], limit: 50 }).text()).not.toContain('只显示最近');
  });

  it('a failed load offers to retry', async () => {
    const w = render({ error: new GraphQLRequestError([]) });
    expect(w.find('[data-test=history-entry]').exists()).toBe(false);
    await w.get('[data-test=list-error] button').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
  });
});
