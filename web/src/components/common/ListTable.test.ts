import { flushPromises, mount } from '@vue/test-utils';
import { ElTableColumn } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { GraphQLRequestError } from '@/composables/use-client';
import { i18n } from '@/i18n';
import ListTable from './ListTable.vue';

async function render(props: Partial<InstanceType<typeof ListTable>['$props']>) {
  i18n.global.locale.value = 'zh-CN';
  const wrapper = mount(ListTable, {
    props: { rows: [], loading: false, empty: '还没有部门', ...props },
    attrs: { 'data-test': 'departments-table' },
    slots: { default: () => h(ElTableColumn, { label: '名称', prop: 'name' }) },
    global: { plugins: [i18n] },
  });
  await flushPromises();
  return wrapper;
}

describe('ListTable', () => {
  it('shows the rows, with the count under the table', async () => {
    const w = await render({
      rows: [
        { id: '1', name: '销售部' },
        { id: '2', name: '市场部' },
      ],
    });
    expect(w.get('[data-test=departments-table]').text()).toContain('销售部');
    expect(w.get('.table-footer').text()).toBe('共 2 条');
    expect(w.find('[data-test=list-error]').exists()).toBe(false);
  });

  it('says the list is empty in words, but not while it is still loading', async () => {
    expect((await render({})).text()).toContain('还没有部门');
    expect((await render({ loading: true })).text()).not.toContain('还没有部门');
  });

  it('shows why the list failed instead of the table, and offers to retry', async () => {
    const w = await render({ error: new GraphQLRequestError([]) });
    expect(w.find('[data-test=departments-table]').exists()).toBe(false);
    expect(w.find('.table-footer').exists()).toBe(false);
    await w.get('[data-test=list-error] button').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
  });
});
