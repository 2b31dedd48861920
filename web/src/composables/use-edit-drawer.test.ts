import { mount } from '@vue/test-utils';
import { ElMessage } from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { i18n } from '@/i18n';
import { GraphQLRequestError } from './use-client';
import { useEditDrawer } from './use-edit-drawer';

interface Row {
  id: string;
  name: string;
}

function setup() {
  const reload = vi.fn(() => Promise.resolve());
  let drawer!: ReturnType<typeof useEditDrawer<Row, { name: string }>>;
  mount(
    defineComponent({
      setup() {
        drawer = useEditDrawer<Row, { name: string }>({
          reload,
          explain: (err) =>
            err instanceof GraphQLRequestError && err.field === 'name'
              ? { name: '名称太长' }
              : null,
        });
        return () => null;
      },
    }),
    { global: { plugins: [i18n] } },
  );
  return { drawer, reload };
}

const fieldError = () =>
  new GraphQLRequestError([{ message: 'bad', code: 'BAD_USER_INPUT', field: 'name' }]);

describe('useEditDrawer', () => {
  it('opens on the row to edit (or none for a new one) with no message left over', () => {
    const { drawer } = setup();
    drawer.serverErrors.value = { name: '旧的' };
    drawer.open({ id: '1', name: '销售部' });
    expect(drawer.isOpen.value).toBe(true);
    expect(drawer.editing.value?.id).toBe('1');
    expect(drawer.serverErrors.value).toEqual({});
    drawer.open(null);
    expect(drawer.editing.value).toBeNull();
  });

  it('closes the drawer and reloads the list once saved', async () => {
    const { drawer, reload } = setup();
    drawer.open({ id: '1', name: '销售部' });
    const request = vi.fn(() => Promise.resolve());
    const saving = drawer.save(request);
    expect(drawer.saving.value).toBe(true);
    await saving;
    expect(request).toHaveBeenCalledWith({ id: '1', name: '销售部' });
    expect(drawer.isOpen.value).toBe(false);
    expect(reload).toHaveBeenCalledOnce();
    expect(drawer.saving.value).toBe(false);
  });

  it('keeps the drawer open with the message beside the field the server refused', async () => {
    const { drawer, reload } = setup();
    const toast = vi.spyOn(ElMessage, 'error');
    drawer.open(null);
    await drawer.save(() => Promise.reject(fieldError()));
    expect(drawer.isOpen.value).toBe(true);
    expect(drawer.serverErrors.value).toEqual({ name: '名称太长' });
    expect(reload).not.toHaveBeenCalled();
    expect(toast).not.toHaveBeenCalled();
  });

  it('says any other failure in a toast, the drawer still open', async () => {
    const { drawer } = setup();
    const toast = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close() {} }) as never);
    drawer.open(null);
    await drawer.save(() => Promise.reject(new GraphQLRequestError([])));
    expect(toast).toHaveBeenCalledOnce();
    expect(drawer.isOpen.value).toBe(true);
    expect(drawer.serverErrors.value).toEqual({});
  });
});
