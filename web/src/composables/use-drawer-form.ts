import { reactive, watch, type UnwrapNestedRefs } from 'vue';

/**
 * A drawer form's values, filled again from `values()` each time the drawer opens
 * (the record being edited, or the defaults of a new one).
 */
export function useDrawerForm<T extends object>(
  isOpen: () => boolean,
  values: () => T,
): UnwrapNestedRefs<T> {
  const form = reactive(values());
  watch(
    isOpen,
    (open) => {
      if (open) Object.assign(form, values());
    },
    { immediate: true },
  );
  return form;
}
