import { describe, expect, it } from 'vitest';
import { monthlySeries } from './collections.js';

const row = (month: string, currency: string, billed: number, collected: number) => ({ month, currency, billed, collected });

describe('the collections card', () => {
  it('draws every month of the first currency that moved, empty months as zeros', () => {
    const rows = [row('2026-01', 'CHF', 0, 0), row('2026-01', 'EUR', 0, 0), row('2026-02', 'CHF', 0, 0), row('2026-02', 'EUR', 9_500, 4_000), row('2026-03', 'CHF', 100, 0), row('2026-03', 'EUR', 0, 0)];
    expect(monthlySeries(rows)).toEqual({ currency: 'EUR', months: [row('2026-01', 'EUR', 0, 0), row('2026-02', 'EUR', 9_500, 4_000), row('2026-03', 'EUR', 0, 0)] });
  });

  it('has nothing to draw when no money moved', () => {
    expect(monthlySeries([])).toEqual({ currency: undefined, months: [] });
    expect(monthlySeries([row('2026-01', 'EUR', 0, 0)])).toEqual({ currency: undefined, months: [] });
  });
});
