import { useI18n } from 'vue-i18n';
import { useExplain } from '@/composables/use-explain';
import { formatTime } from '@/composables/use-format';
import type { FloorBoard, FloorReception } from '@/stores/floor';

/** What every part of the wall needs to word its content. */
export interface WallView {
  privacy: boolean;
  /** The site's zone (a board token has no signed-in site to take it from). */
  timezone: string;
}

/**
 * How the wall words times, customers and alerts: in privacy mode a customer is only the
 * kind of walk-in and an alert only who and since when.
 */
export function useWallText(view: () => WallView) {
  const { t, locale } = useI18n();
  const explain = useExplain();
  const time = (iso: string | number | null | undefined, seconds = false) =>
    formatTime(iso, locale.value, view().timezone, seconds);
  const customer = (r: FloorReception | undefined) =>
    r ? (!view().privacy && r.customerName) || explain.walkInKind(r.kind) : '';

  function alertText(a: FloorBoard['alerts'][number], r: FloorReception | undefined): string {
    const name = a.consultant?.displayName ?? r?.consultant?.displayName;
    if (view().privacy) {
      return t('wall.privateAlert', { name: name ?? t('floor.nobody'), since: time(a.at) });
    }
    const params = (a.params ?? {}) as Record<string, unknown>;
    return t(`floor.alertText.${a.kind}`, {
      name: name ?? '',
      customer: customer(r),
      units: Number(params.units ?? r?.unitsAsked ?? 0),
      since: time(a.at),
    });
  }

  return { t, locale, explain, time, customer, alertText };
}
