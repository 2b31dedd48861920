import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import ConnectionIndicator from './ConnectionIndicator.vue';

function render(state: 'connected' | 'reconnecting' | 'offline', attempts = 0) {
  return mount(ConnectionIndicator, { props: { state, attempts }, global: { plugins: [i18n] } });
}

describe('ConnectionIndicator', () => {
  it('says the connection is live when connected, without a retry button', () => {
    const wrapper = render('connected');
    expect(wrapper.get('[role=status]').attributes('data-state')).toBe('connected');
    expect(wrapper.text()).toContain('实时连接正常');
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it('offers to retry at once while reconnecting or offline', async () => {
    for (const state of ['reconnecting', 'offline'] as const) {
      const wrapper = render(state, 4);
      expect(wrapper.text()).toContain(state === 'offline' ? '离线' : '正在重连');
      await wrapper.get('button').trigger('click');
      expect(wrapper.emitted('retry')).toHaveLength(1);
    }
  });
});
