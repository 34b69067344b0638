/** The number of decimals of a currency's minor unit (EUR 2, JPY 0, KWD 3), as Intl knows it. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The largest amount the API takes (10^13 minor units). */
export const MAX_MINOR_UNITS = 10 ** 13;

export type MinorUnits = { ok: true; amount: number } | { ok: false; reason: 'empty' | 'invalid' | 'currency' | 'decimals' | 'negative' | 'tooLarge' };

/**
 * An amount typed in the currency's major units ("1,200.50" euros) as integer minor units
 * (120050 cents), without going through a float: the digits are joined as text, so no cent is
 * lost to rounding. The locale's group separator (and spaces) may be typed and are dropped; its
 * decimal separator, or a dot, marks the decimals. More decimals than the currency has
 * (12.345 EUR, 5.5 JPY) is refused rather than rounded.
 */
export function toMinorUnits(text: string, currency: string, locale = 'en'): MinorUnits {
  let digits: number;
  try {
    if (!/^[A-Za-z]{3}$/.test(currency)) return { ok: false, reason: 'currency' };
    digits = currencyDigits(currency.toUpperCase());
  } catch {
    return { ok: false, reason: 'currency' };
  }
  const parts = new Intl.NumberFormat(locale).formatToParts(11111.1);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (s.startsWith('-')) return { ok: false, reason: 'negative' };
  if (group !== decimal && group !== '.') s = s.split(group).join('');
  if (decimal !== '.') {
    // "1.200,50" in German: the dots group thousands; "12.5" alone is a decimal point.
    if (s.includes(decimal)) s = s.split('.').join('').replace(decimal, '.');
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return { ok: false, reason: 'invalid' };
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, reason: 'decimals' };
  const minor = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (minor.length > 14 || Number(minor) > MAX_MINOR_UNITS) return { ok: false, reason: 'tooLarge' };
  return { ok: true, amount: Number(minor) };
}

/** Minor units back to what a person types in the form (120050 EUR → "1200.50"). */
export function toMajorText(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${amount < 0 ? '-' : ''}${digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`}`;
}
