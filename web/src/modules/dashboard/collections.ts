/** A row of the monthly collections report: one month in one currency, in minor units. */
export interface MonthRow {
  month: string;
  currency: string;
  billed: number;
  collected: number;
}

/**
 * What the collections card draws: the months of the first currency that moved at all (the
 * report gives every month for every currency of the span), or no currency when none did.
 */
export function monthlySeries(rows: MonthRow[]): { currency: string | undefined; months: MonthRow[] } {
  const currency = rows.find((r) => r.billed !== 0 || r.collected !== 0)?.currency;
  return { currency, months: currency === undefined ? [] : rows.filter((r) => r.currency === currency) };
}
