import { useI18n } from 'vue-i18n';
import { useFormat } from '@/composables/use-format';
import type { AppointmentState, CalendarAppointmentFragment } from '@/graphql/generated/graphql';

const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The week calendar's words: days (YYYY-MM-DD, no zone of their own) and visits, in the UI language. */
export function useCalendarWords() {
  const { t, locale } = useI18n();
  const { time } = useFormat();
  const weekdayName = (day: string) =>
    new Intl.DateTimeFormat(locale.value, { weekday: 'short', timeZone: 'UTC' }).format(
      utcDate(day),
    );
  const dateName = (day: string) =>
    new Intl.DateTimeFormat(locale.value, {
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(utcDate(day));
  const weekLabel = (from: string, to: string) => {
    const fmt = new Intl.DateTimeFormat(locale.value, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    return typeof fmt.formatRange === 'function'
      ? fmt.formatRange(utcDate(from), utcDate(to))
      : t('calendar.weekLabel', { from: fmt.format(utcDate(from)), to: fmt.format(utcDate(to)) });
  };
  const span = (a: CalendarAppointmentFragment) => `${time(a.startAt)}–${time(a.endAt)}`;
  const stateName = (s: AppointmentState) => t(`appointments.states.${s}`);
  /** A visit in a few lines: the block's tooltip. */
  const describe = (a: CalendarAppointmentFragment) =>
    [
      span(a),
      `${a.visitorCompany} · ${a.purpose}`,
      `${a.category.code} · ${a.lead.displayName}`,
      a.room?.name ?? t('calendar.noRoom'),
      t('calendar.guests', { n: a.headcount }),
      stateName(a.state),
    ].join('\n');
  const link = (a: CalendarAppointmentFragment) => `/appointments/${a.id}`;
  return { weekdayName, dateName, weekLabel, span, stateName, describe, link };
}
