/** A calendar day (`YYYY-MM-DD`) in the locale's words; '' for none. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A rate (0.0789) as a percentage in the locale's words; '' for none. */
export function formatRate(rate: number | null, locale: string): string {
  return rate === null ? '' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}

/** The last day of a term of whole years from `start` (`YYYY-MM-DD`): 2026-03-15 for 1 year is 2027-03-14. */
export function yearsLater(start: string, years = 1): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
