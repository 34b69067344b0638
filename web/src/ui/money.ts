/** An amount of money as the API carries it: integer minor units (cents) and an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * Formats minor units in the currency's own number of decimals (EUR 2, JPY 0, KWD 3), by locale:
 * `formatMoney({ amount: 123456, currency: 'EUR' }, 'en')` is `€1,234.56`. The amount reaches
 * Intl as a decimal string, never divided as a float, so every cent of a large sum is exact.
 */
export function formatMoney(money: Money, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const units = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return format.format(`${money.amount < 0 ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

/** The number of decimals of a currency's minor unit (EUR 2, JPY 0, KWD 3), as Intl knows it; 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The largest amount the API takes (10^13 minor units). */
export const MAX_MINOR_UNITS = 10 ** 13;

export type MinorUnits = { ok: true; amount: number } | { ok: false; reason: 'empty' | 'invalid' | 'currency' | 'decimals' | 'negative' | 'tooLarge' };

/**
 * An amount typed in the currency's major units ("1,200.50" euros) as integer minor units
 * (120050 cents), without going through a float: the digits are joined as text, so no cent is
 * lost to rounding. The locale's group separator (and spaces, apostrophes) may be typed and are
 * dropped; its decimal separator, or a dot, marks the decimals. More significant decimals than
 * the currency has (12.345 EUR, 5.5 JPY) are refused rather than rounded; trailing zeros are not
 * precision and are accepted.
 */
export function parseMinorUnits(text: string, currency: string, locale = 'en'): MinorUnits {
  if (!/^[A-Za-z]{3}$/.test(currency)) return { ok: false, reason: 'currency' };
  let digits: number;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return { ok: false, reason: 'currency' };
  }
  const parts = new Intl.NumberFormat(locale).formatToParts(11111.1);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (s.startsWith('-')) return { ok: false, reason: 'negative' };
  if (group !== decimal && group !== '.') s = s.split(group).join('');
  // "1.200,50" in German: the dots group thousands; "12.5" alone is a decimal point.
  if (decimal !== '.' && s.includes(decimal)) s = s.split('.').join('').replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return { ok: false, reason: 'invalid' };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, reason: 'decimals' };
  const minor = `${match[1]!}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (minor.length > 14 || Number(minor) > MAX_MINOR_UNITS) return { ok: false, reason: 'tooLarge' };
  return { ok: true, amount: Number(minor) };
}

/** A positive amount typed in major units as minor units, or null when it is not one (charges, payments, budgets). */
export function toMinorUnits(text: string, currency: string, locale = 'en'): number | null {
  const parsed = parseMinorUnits(text, currency, locale);
  return parsed.ok && parsed.amount > 0 ? parsed.amount : null;
}

/** Minor units back to what a person types in a form (120050 EUR → "1200.50"). */
export function toMajorText(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${amount < 0 ? '-' : ''}${digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`}`;
}
