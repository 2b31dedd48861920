import { storeToRefs } from 'pinia';
import { formatDateTime, formatDay, formatTime } from '@/composables/use-format';
import { useLocaleStore } from '@/stores/locale';

/** Times of one appointment in its own site's zone (not the site chosen in the menu). */
export function useZonedTime(timezone: () => string) {
  const { locale } = storeToRefs(useLocaleStore());
  const dateTime = (iso: string | null | undefined) =>
    formatDateTime(iso, locale.value, timezone());
  /** A start and an end; the end's day only when it differs. */
  const span = (start: string, end: string) =>
    formatDay(Date.parse(start), timezone()) === formatDay(Date.parse(end), timezone())
      ? `${dateTime(start)} – ${formatTime(end, locale.value, timezone())}`
      : `${dateTime(start)} – ${dateTime(end)}`;
  return { dateTime, span };
}
