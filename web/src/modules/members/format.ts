import { formatTimestamp } from '../../ui/dates.js';
/** A calendar date (`YYYY-MM-DD`) in the locale's words, read as a date (no time zone shift). */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '—';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment (ISO date-time) in the locale's words, in the viewer's time zone. */
export function formatMoment(at: string | null | undefined, locale: string): string {
  if (!at) return '—';
  return formatTimestamp(at, locale);
}
