import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '@/composables/fake-client';
import { installClient } from '@/composables/use-client';
import type { CustomerRowFragment } from '@/graphql/generated/graphql';
import { i18n } from '@/i18n';
import CustomerLookup from './CustomerLookup.vue';

const wangs: CustomerRowFragment = {
  id: '7',
  name: '林晓雨',
  phone: null,
  phoneMasked: '139****7788',
  createdAt: '2026-11-24T02:00:00Z',
  dealClosed: true,
  ownership: {
    owner: { id: '3', displayName: '王芳' },
    since: '2026-11-24T02:00:00Z',
    lapsesAt: '2026-12-02T16:00:00Z',
    rule: 'O2',
    lapsesSoon: false,
  },
  intentGrade: null,
  followUpDue: null,
};

function render(answer: () => unknown) {
  const fake = fakeClient({ CustomerLookup: answer });
  installClient(fake.client);
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(CustomerLookup, {
    props: { siteId: '1' },
    global: { plugins: [pinia, i18n] },
  });
  return { wrapper, fake };
}

describe('CustomerLookup (R7)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('looks up once four digits are typed and shows the owner, the masked phone and the deal', async () => {
    const { wrapper, fake } = render(() => ({ customerLookup: [wangs] }));
    const input = wrapper.get('input[data-test=lookup-input]');
    await input.setValue('778');
    vi.advanceTimersByTime(500);
    expect(fake.calls).toHaveLength(0);
    await input.setValue('7788');
    vi.advanceTimersByTime(300);
    await flushPromises();
    expect(fake.calls).toEqual([
      { operation: 'CustomerLookup', variables: { siteId: '1', query: '7788' } },
    ]);
    const row = wrapper.get('[data-test=lookup-row]');
    expect(row.text()).toContain('王芳');
    expect(row.text()).toContain('139****7788');
    expect(row.text()).toContain('已成交');
  });

  it('picking a customer hands it to the page', async () => {
    const { wrapper } = render(() => ({ customerLookup: [wangs] }));
    await wrapper.get('input[data-test=lookup-input]').setValue('13955507788');
    vi.advanceTimersByTime(300);
    await flushPromises();
    await wrapper.get('[data-test=lookup-pick]').trigger('click');
    expect(wrapper.emitted('pick')).toEqual([[wangs]]);
  });

  it('says when the number is not in the register (a new customer)', async () => {
    const { wrapper } = render(() => ({ customerLookup: [] }));
    await wrapper.get('input[data-test=lookup-input]').setValue('0000');
    vi.advanceTimersByTime(300);
    await flushPromises();
    expect(wrapper.get('[data-test=lookup-empty]').text()).toContain('按新客户接待');
  });

  it('shows a failed lookup as an error, not as "not found"', async () => {
    const { wrapper } = render(() => {
      throw new Error('down');
    });
    await wrapper.get('input[data-test=lookup-input]').setValue('7788');
    vi.advanceTimersByTime(300);
    await flushPromises();
    expect(wrapper.find('[data-test=lookup-error]').exists()).toBe(true);
    expect(wrapper.find('[data-test=lookup-empty]').exists()).toBe(false);
  });
});
