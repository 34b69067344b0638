import { describe, expect, it } from 'vitest';
import { invoicedByMonth, lastMonths, mrrByPlan } from './revenue.js';
import { countryCode, formatRate, percentToBp } from './tax.js';

describe('the revenue figures', () => {
  it('orders the MRR by currency and amount and totals each currency', () => {
    const { rows, totals } = mrrByPlan([
      { planKey: 'standard', currency: 'EUR', subscriptions: 3, mrrMinor: 14_700 },
      { planKey: 'premium', currency: 'EUR', subscriptions: 1, mrrMinor: 19_900 },
      { planKey: 'standard', currency: 'USD', subscriptions: 2, mrrMinor: 9_800 },
    ]);
    expect(rows.map((r) => `${r.currency} ${r.planKey}`)).toEqual(['EUR premium', 'EUR standard', 'USD standard']);
    expect(totals).toEqual([{ currency: 'EUR', subscriptions: 4, mrrMinor: 34_600 }, { currency: 'USD', subscriptions: 2, mrrMinor: 9_800 }]);
  });

  it('spans the last months up to this one, across a year', () => {
    expect(lastMonths(3, new Date('2026-02-15T12:00:00Z'))).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastMonths(12, new Date('2026-02-15T12:00:00Z'))).toHaveLength(12);
  });

  it('adds up the plans of each month and currency, with every month present', () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const series = invoicedByMonth([
      { month: '2026-01-01T00:00:00.000Z', planKey: 'standard', currency: 'EUR', amountMinor: 4_900 },
      { month: '2026-01-01T00:00:00.000Z', planKey: 'premium', currency: 'EUR', amountMinor: 9_900 },
      { month: '2026-03-01T00:00:00.000Z', planKey: 'standard', currency: 'EUR', amountMinor: -1_000 },
      { month: '2025-06-01T00:00:00.000Z', planKey: 'standard', currency: 'EUR', amountMinor: 1 },
    ], months);
    expect(series).toEqual({ currencies: ['EUR'], months: [{ month: '2026-01', amounts: { EUR: 14_800 } }, { month: '2026-02', amounts: { EUR: 0 } }, { month: '2026-03', amounts: { EUR: -1_000 } }] });
  });
});

describe('tax rates', () => {
  it('reads a percentage as basis points', () => {
    expect(percentToBp('21')).toBe(2100);
    expect(percentToBp('7.5')).toBe(750);
    expect(percentToBp('7,25 %')).toBe(725);
    expect(percentToBp('0')).toBe(0);
    expect(percentToBp('100')).toBe(10_000);
    for (const bad of ['', '101', '7.125', '-1', 'abc']) expect(percentToBp(bad)).toBeNull();
  });

  it('shows basis points as a percentage and reads country codes', () => {
    expect(formatRate(2100, 'en')).toBe('21%');
    expect(formatRate(750, 'en')).toBe('7.5%');
    expect(countryCode(' es ')).toBe('ES');
    expect(countryCode('esp')).toBeNull();
  });
});
