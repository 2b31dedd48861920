import { ref, watch, type Ref } from 'vue';
import { SettingsHistoryDocument, type SettingsArea } from '@/graphql/generated/graphql';
import { useSiteQuery } from './use-site-query';

/** How many changes the history drawer asks for. */
export const HISTORY_LIMIT = 50;

/**
 * Who changed a site's settings of one area, when, from what to what; read on opening.
 * `label` and `value` say a changed field and its value as the form shows them.
 */
export function useSettingsHistory(
  siteId: Ref<string | null>,
  area: SettingsArea,
  words: { label: (field: string) => string; value: (field: string, value: unknown) => string },
) {
  const query = useSiteQuery(SettingsHistoryDocument, siteId, (id) => ({
    siteId: id,
    area,
    limit: HISTORY_LIMIT,
  }));
  const open = ref(false);
  // Another administrator may have saved since: read it again on every opening.
  watch(open, (isOpen) => isOpen && void query.refetch());
  return { query, open, ...words };
}

export type SettingsHistoryState = ReturnType<typeof useSettingsHistory>;
