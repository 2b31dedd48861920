import { computed, ref, watch, type Ref } from 'vue';
import type { FloorEvent } from '@/stores/floor';

/** How long the reason for a change stays on screen. */
export const CHANGE_NOTE_MS = 8000;

/**
 * When the line changes, the screen says why for a few seconds (who moved, by which
 * event) instead of silently re-ordering. Not for what was there when the screen opened.
 */
export function useLineChangeNote(
  newest: () => FloorEvent | undefined,
  loaded: () => boolean,
  describe: (e: FloorEvent) => string,
  now: Readonly<Ref<number>>,
) {
  const note = ref<{ seq: number; text: string; until: number } | null>(null);
  let shownAfter: number | null = null;
  watch(
    () => [loaded(), newest()?.seq] as const,
    () => {
      if (!loaded()) return;
      const e = newest();
      const seq = e?.seq ?? 0;
      if (!e || shownAfter === null || seq <= shownAfter) {
        shownAfter = Math.max(shownAfter ?? 0, seq);
        return;
      }
      shownAfter = seq;
      note.value = { seq, text: describe(e), until: Date.now() + CHANGE_NOTE_MS };
    },
    { immediate: true },
  );
  return computed(() => (note.value && note.value.until > now.value ? note.value : null));
}
