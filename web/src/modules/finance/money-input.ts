/** How many decimals a currency has (EUR 2, JPY 0, KWD 3), as Intl knows it; 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The decimal and grouping characters of a locale (`en`: "." and ","; `de`: "," and "."). */
function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
}

export const MAX_MINOR_UNITS = 10_000_000_000_000;

/**
 * An amount typed in major units ("1,234.56" in English, "1.234,56" in German) as the API wants
 * it: integer minor units of the currency (123456). Worked on the digits as text, never through a
 * float, so every cent is exact. Null when it is not a positive amount the currency can hold:
 * not a number, more decimals than the currency has, zero or negative, above 10^13 minor units.
 */
export function toMinorUnits(text: string, currency: string, locale = 'en'): number | null {
  const { decimal, group } = separators(locale);
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (group !== decimal) s = s.split(group).join('');
  if (decimal !== '.') s = s.replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return null;
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const units = BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (units <= 0n || units > BigInt(MAX_MINOR_UNITS)) return null;
  return Number(units);
}

/** Minor units back as the plain major-unit text a field holds (123456 EUR → "1234.56"). */
export function toMajorText(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  const units = String(amount).padStart(digits + 1, '0');
  return digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
}
