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

/** Hours and minutes (with seconds when asked) of an instant, in a time zone. */
export function formatTime(
  iso: string | number | null | undefined,
  locale: string,
  timeZone: string,
  seconds = false,
): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(date);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone: the floor's business day. */
export function formatDay(at: Date | number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Time gone by since an instant, as m:ss or h:mm:ss (the same in every language). */
export function formatElapsed(iso: string | null | undefined, now: number): string {
  if (!iso) return '';
  const start = Date.parse(iso);
  if (Number.isNaN(start)) return '';
  const total = Math.max(0, Math.floor((now - start) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The one date formatter of the app: current language, current site's time zone. */
export function useFormat() {
  const { locale } = storeToRefs(useLocaleStore());
  const { timezone } = storeToRefs(useSiteStore());
  return {
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale.value, timezone.value),
    time: (iso: string | number | null | undefined, seconds = false) =>
      formatTime(iso, locale.value, timezone.value, seconds),
    day: (at: Date | number) => formatDay(at, timezone.value),
    elapsed: formatElapsed,
  };
}
