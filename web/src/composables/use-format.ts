import { storeToRefs } from 'pinia';
import { useLocaleStore } from '@/stores/locale';
import { useSiteStore } from '@/stores/site';

/** Formats an ISO instant for people: in a time zone (the site's) and a language. */
export function formatDateTime(
  iso: string | null | undefined,
  locale: string,
  timeZone: string,
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** The one date formatter of the app: current language, current site's time zone. */
export function useFormat() {
  const { locale } = storeToRefs(useLocaleStore());
  const { timezone } = storeToRefs(useSiteStore());
  return {
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale.value, timezone.value),
  };
}
