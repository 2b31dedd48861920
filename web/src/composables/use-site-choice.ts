import { computed, ref, watch } from 'vue';
import { useSiteStore } from '@/stores/site';

export interface SiteChoiceOptions<TSite extends { id: string }> {
  /** The sites the page offers (for an administrator: every site of the company). */
  sites: () => readonly TSite[];
  /** Asked before the site changes; false keeps the current one (unsaved changes). */
  mayLeave?: () => Promise<boolean>;
}

/**
 * The site a settings page works on. It starts on the header's site and follows the header;
 * choosing one on the page moves the header too when the site is one of the user's own.
 * The page shows its own picker only when the header's cannot reach every site it offers.
 */
export function useSiteChoice<TSite extends { id: string }>(options: SiteChoiceOptions<TSite>) {
  const store = useSiteStore();
  const siteId = ref<string | null>(null);
  const sites = computed(options.sites);
  const site = computed(() => sites.value.find((s) => s.id === siteId.value) ?? null);
  /** The header's picker cannot reach every site offered here (an administrator's). */
  const needsOwnPicker = computed(() =>
    sites.value.some((s) => !store.sites.some((own) => own.id === s.id)),
  );

  watch(
    sites,
    (list) => {
      if (siteId.value && list.some((s) => s.id === siteId.value)) return;
      const preferred = store.currentSite?.id;
      siteId.value = list.find((s) => s.id === preferred)?.id ?? list[0]?.id ?? null;
    },
    { immediate: true },
  );

  /** True when the page now works on `id`. */
  async function choose(id: string): Promise<boolean> {
    if (id === siteId.value) return true;
    if (options.mayLeave && !(await options.mayLeave())) return false;
    siteId.value = id;
    store.select(id);
    return true;
  }

  watch(
    () => store.currentSite?.id,
    async (id) => {
      if (!id || id === siteId.value || !sites.value.some((s) => s.id === id)) return;
      // Declined in the header: the header goes back to the page's site.
      if (!(await choose(id)) && siteId.value) store.select(siteId.value);
    },
  );

  return { siteId, site, needsOwnPicker, choose };
}
