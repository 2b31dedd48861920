import { formatDay } from '@/composables/use-format';

/** 'YYYY-MM' of an instant in the site's time zone (V1: months follow the site). */
export const siteMonth = (at: number, timezone: string) => formatDay(at, timezone).slice(0, 7);

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
