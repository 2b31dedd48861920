import { ElMessage } from 'element-plus';
import { ref, type Ref } from 'vue';
import { useErrorMessage } from './use-errors';

/**
 * A list page's create/edit drawer: which row is edited (null: a new one), whether it is
 * saving, and the server's messages per field. `save` runs the request, closes the drawer
 * and reloads the list; a field error stays in the drawer, anything else is a toast.
 */
export function useEditDrawer<Row, Values>(options: {
  /** The server error in the form's words, per field; null when it is not about a field. */
  explain: (err: unknown) => Partial<Record<keyof Values, string>> | null;
  reload: () => Promise<unknown>;
}) {
  const describeError = useErrorMessage();
  const isOpen = ref(false);
  const editing = ref(null) as Ref<Row | null>;
  const saving = ref(false);
  const serverErrors = ref({}) as Ref<Partial<Record<keyof Values, string>>>;

  function open(row: Row | null) {
    editing.value = row;
    serverErrors.value = {};
    isOpen.value = true;
  }

  async function save(request: (editing: Row | null) => Promise<void>) {
    saving.value = true;
    serverErrors.value = {};
    try {
      await request(editing.value);
      isOpen.value = false;
      await options.reload();
    } catch (err) {
      const fields = options.explain(err);
      if (fields) serverErrors.value = fields;
      else ElMessage.error(describeError(err));
    } finally {
      saving.value = false;
    }
  }

  return { isOpen, editing, saving, serverErrors, open, save };
}
