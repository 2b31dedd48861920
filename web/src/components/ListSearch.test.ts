import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n';
import ListSearch from './ListSearch.vue';

function render(modelValue = '') {
  const applied: string[] = [];
  const wrapper = mount(ListSearch, {
    props: {
      modelValue,
      placeholder: 'Search',
      'onUpdate:modelValue': (v: string) => {
        applied.push(v);
        void wrapper.setProps({ modelValue: v });
      },
    },
    attrs: { 'data-test': 'search' },
    global: { plugins: [i18n] },
  });
  return { wrapper, applied, input: wrapper.get('input[data-test=search]') };
}

describe('ListSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies what is typed, trimmed, after a pause in typing', async () => {
    const { input, applied } = render();
    await input.setValue(' 王');
    await input.setValue(' 王芳 ');
    vi.advanceTimersByTime(299);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual(['王芳']);
  });

  it('applies at once on Enter, and only once', async () => {
    const { input, applied } = render();
    await input.setValue('7788');
    await input.trigger('keydown', { key: 'Enter' });
    expect(applied).toEqual(['7788']);
    vi.advanceTimersByTime(1000);
    expect(applied).toEqual(['7788']);
  });

  it('empties the box when the search is cleared from outside (reset filters)', async () => {
    const { wrapper, input, applied } = render('林');
    expect((input.element as HTMLInputElement).value).toBe('林');
    await wrapper.setProps({ modelValue: '' });
    expect((input.element as HTMLInputElement).value).toBe('');
    vi.advanceTimersByTime(1000);
    expect(applied).toEqual([]);
  });
});
