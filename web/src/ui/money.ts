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
