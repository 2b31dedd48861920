import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useSessionStore } from './session';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
const storageKey = (userId: string) => `reception.site.${userId}`;

/** The site the user is working on, among their own; remembered per user in this browser. */
export const useSiteStore = defineStore('site', () => {
  const session = useSessionStore();
  const chosenId = ref<string | null>(null);

  const sites = computed(() => session.user?.sites ?? []);
  const currentSite = computed(
    () => sites.value.find((s) => s.id === chosenId.value) ?? sites.value[0] ?? null,
  );
  const timezone = computed(() => currentSite.value?.timezone ?? DEFAULT_TIMEZONE);
  const hasChoice = computed(() => sites.value.length > 1);

  watch(
    () => session.user?.id,
    (userId) => {
      try {
        chosenId.value = userId ? localStorage.getItem(storageKey(userId)) : null;
      } catch {
        chosenId.value = null;
      }
    },
    { immediate: true },
  );

  function select(siteId: string) {
    if (!sites.value.some((s) => s.id === siteId)) return;
    chosenId.value = siteId;
    const userId = session.user?.id;
    try {
      if (userId) localStorage.setItem(storageKey(userId), siteId);
    } catch {
      // ignore
    }
  }

  return { sites, currentSite, timezone, hasChoice, select };
});
