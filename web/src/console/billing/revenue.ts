/** The revenue report's figures, arranged for the billing page's tables and charts. */

export interface MrrRow {
  planKey: string;
  currency: string;
  subscriptions: number;
  mrrMinor: number;
}
export interface InvoicedRow {
  month: string;
  planKey: string;
  currency: string;
  amountMinor: number;
}

/** The MRR rows by currency, then by amount (largest first), and the total of each currency. */
export function mrrByPlan(rows: MrrRow[]): { rows: MrrRow[]; totals: { currency: string; subscriptions: number; mrrMinor: number }[] } {
  const sorted = [...rows].sort((a, b) => a.currency.localeCompare(b.currency) || b.mrrMinor - a.mrrMinor || a.planKey.localeCompare(b.planKey));
  const totals = new Map<string, { currency: string; subscriptions: number; mrrMinor: number }>();
  for (const r of sorted) {
    const total = totals.get(r.currency) ?? { currency: r.currency, subscriptions: 0, mrrMinor: 0 };
    total.subscriptions += r.subscriptions;
    total.mrrMinor += r.mrrMinor;
    totals.set(r.currency, total);
  }
  return { rows: sorted, totals: [...totals.values()] };
}

/** The `count` months (`YYYY-MM`, UTC) up to and including the one `now` is in, oldest first. */
export function lastMonths(count: number, now: Date = new Date()): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * What was invoiced per month and currency (the plans added up; credit notes are already taken
 * off by the API), every month of the span present, with 0 where nothing was invoiced.
 */
export function invoicedByMonth(rows: InvoicedRow[], months: string[]): { currencies: string[]; months: { month: string; amounts: Record<string, number> }[] } {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const byMonth = new Map(months.map((m) => [m, Object.fromEntries(currencies.map((c) => [c, 0])) as Record<string, number>]));
  for (const r of rows) {
    const amounts = byMonth.get(r.month.slice(0, 7));
    if (amounts) amounts[r.currency] = (amounts[r.currency] ?? 0) + r.amountMinor;
  }
  return { currencies, months: months.map((month) => ({ month, amounts: byMonth.get(month)! })) };
}

/** A month (`YYYY-MM`) named by locale: "Mar 2026". */
export function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
