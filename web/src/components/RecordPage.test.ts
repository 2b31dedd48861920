import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { GraphQLRequestError } from '@/composables/use-client';
import { i18n } from '@/i18n';
import RecordPage from './RecordPage.vue';

function render(props: Partial<InstanceType<typeof RecordPage>['$props']>) {
  return mount(RecordPage, {
    props: {
      title: '星河科技',
      backLabel: 'Back',
      error: null,
      loaded: true,
      actions: [],
      ...props,
    },
    slots: {
      default: '<p data-test="record">the record</p>',
      dialogs: '<p data-test="dialogs" />',
    },
    global: { plugins: [i18n] },
  });
}

describe('RecordPage', () => {
  it('shows the record and its actions once loaded; a tap runs the action', async () => {
    const run = vi.fn();
    const wrapper = render({ actions: [{ label: 'Approve', test: 'action-approve', run }] });
    expect(wrapper.find('[data-test=record]').exists()).toBe(true);
    await wrapper.get('[data-test=action-approve]').trigger('click');
    expect(run).toHaveBeenCalledOnce();
    await wrapper.findAll('button')[0].trigger('click');
    expect(wrapper.emitted('back')).toHaveLength(1);
  });

  it('offers no action and no record while loading, but keeps the dialogs mounted', () => {
    const wrapper = render({
      loaded: false,
      actions: [{ label: 'Approve', test: 'action-approve', run: () => {} }],
    });
    expect(wrapper.find('[data-test=action-approve]').exists()).toBe(false);
    expect(wrapper.find('[data-test=record]').exists()).toBe(false);
    expect(wrapper.find('[data-test=dialogs]').exists()).toBe(true);
  });

  it('says "not found" for a record that is not there, and offers a retry for other failures', async () => {
    const missing = render({
      loaded: false,
      error: new GraphQLRequestError([{ message: 'x', code: 'NOT_FOUND' }]),
    });
    expect(missing.text()).toContain(i18n.global.t('errors.NOT_FOUND'));
    expect(missing.find('[data-test=list-error]').exists()).toBe(false);

    const failed = render({
      loaded: false,
      error: new GraphQLRequestError([{ message: 'x', code: 'NETWORK' }]),
    });
    expect(failed.find('[data-test=list-error]').exists()).toBe(true);
    await failed.get('[data-test=list-error] button').trigger('click');
    expect(failed.emitted('retry')).toHaveLength(1);
  });
});
