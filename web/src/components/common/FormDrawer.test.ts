import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { i18n } from '@/i18n';
import FormDrawer from './FormDrawer.vue';

// The rules are Element Plus's to check; what is tested here is what the drawer does with
// their answer.
const form = vi.hoisted(() => ({ valid: true, validate: vi.fn(), clearValidate: vi.fn() }));
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElForm: defineComponent({
    setup(_, { slots, expose }) {
      expose({
        validate: () => {
          form.validate();
          return form.valid ? Promise.resolve(true) : Promise.reject(new Error('invalid'));
        },
        clearValidate: form.clearValidate,
      });
      return () => h('form', slots.default?.());
    },
  }),
}));

async function render(valid: boolean, extra: Record<string, unknown> = {}) {
  form.valid = valid;
  form.validate.mockClear();
  form.clearValidate.mockClear();
  const wrapper = mount(FormDrawer, {
    props: { modelValue: true, title: '新建部门', model: { name: '' }, ...extra },
    slots: { default: () => h('p', { class: 'fields' }, '名称') },
    global: { plugins: [i18n], stubs: { teleport: true } },
  });
  await flushPromises(); // the drawer renders its body once open
  return { wrapper, form };
}

const button = (w: Awaited<ReturnType<typeof render>>['wrapper'], text: string) =>
  w.findAll('button').find((b) => b.text() === text)!;

describe('FormDrawer', () => {
  it('shows the title, the fields and Cancel / Save', async () => {
    const { wrapper } = await render(true);
    expect(wrapper.text()).toContain('新建部门');
    expect(wrapper.find('.fields').exists()).toBe(true);
    expect(wrapper.get('[data-test=save]').text()).toBe('保存');
  });

  it('saves a form that passes its rules, after telling the owner it was tried', async () => {
    const { wrapper, form } = await render(true);
    await wrapper.get('[data-test=save]').trigger('click');
    await flushPromises();
    expect(form.validate).toHaveBeenCalledOnce();
    expect(wrapper.emitted('attempt')).toHaveLength(1);
    expect(wrapper.emitted('submit')).toHaveLength(1);
  });

  it('does not save a form that fails its rules', async () => {
    const { wrapper } = await render(false);
    await wrapper.get('[data-test=save]').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('attempt')).toHaveLength(1);
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('closes on Cancel without saving', async () => {
    const { wrapper } = await render(true);
    await button(wrapper, '取消').trigger('click');
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('leaves no red field from last time when opened again', async () => {
    const { wrapper, form } = await render(false);
    await wrapper.setProps({ modelValue: false });
    expect(form.clearValidate).not.toHaveBeenCalled();
    await wrapper.setProps({ modelValue: true });
    expect(form.clearValidate).toHaveBeenCalledOnce();
  });

  it('names its Save button as the owner asks', async () => {
    const { wrapper } = await render(true, { saveTest: 'deal-save' });
    expect(wrapper.get('[data-test=deal-save]').text()).toBe('保存');
    expect(wrapper.find('[data-test=save]').exists()).toBe(false);
  });

  it('may show as a dialog, with its own Save text', async () => {
    const { wrapper } = await render(true, { dialog: true, saveText: '提出' });
    expect(wrapper.find('.el-dialog').exists()).toBe(true);
    expect(wrapper.find('.el-drawer').exists()).toBe(false);
    expect(wrapper.get('[data-test=save]').text()).toBe('提出');
    await wrapper.get('[data-test=save]').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('submit')).toHaveLength(1);
  });
});
