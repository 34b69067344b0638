import type { Locale } from './locale.js';

/**
 * Money, days and moments as a reader of `locale` writes them, through Intl (the server's ICU
 * has full locale data). Amounts are in minor units, as the ledger keeps them. English is
 * written the British way (5 March 2026, 14:05), as the server always wrote it.
 */
const INTL: Record<Locale, string> = { en: 'en-GB', es: 'es' };

export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(INTL[locale], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A calendar day (`YYYY-MM-DD`): the day itself, whatever the server's zone. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment, in `timeZone` (UTC unless told), with the zone named. */
export function formatMoment(at: Date, locale: Locale, timeZone = 'UTC'): string {
  // The zone is named as IANA names it ("Pacific/Auckland"): its abbreviation ("GMT+13") says less to a reader elsewhere.
  return `${new Intl.DateTimeFormat(INTL[locale], { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(at)} ${timeZone}`;
}

/** A month (`YYYY-MM`), as "March 2025" / "marzo de 2025". */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
