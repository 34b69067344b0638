import { describe, expect, it } from 'vitest';
import { computeInvoice, daysBetween } from './invoice-lines.js';
import { billableQuantity, priceQuantity, pricingProblems, proportion, type PriceComponent, type PriceTerms } from './pricing.js';

const tiers = (...t: [number | null, number, number?][]) => t.map(([upTo, unitAmountMinor, flatAmountMinor = 0]) => ({ upTo, unitAmountMinor, flatAmountMinor }));
const graduated: Pick<PriceComponent, 'mode' | 'tiers'> = { mode: 'graduated', tiers: tiers([100, 50], [1_000, 30], [null, 10]) };
const volume: Pick<PriceComponent, 'mode' | 'tiers'> = { mode: 'volume', tiers: tiers([100, 50], [1_000, 30, 500], [null, 10]) };
const total = (priced: { amountMinor: bigint }[]) => Number(priced.reduce((s, p) => s + p.amountMinor, 0n));

const terms = (over: Partial<PriceTerms> = {}): PriceTerms => ({ planKey: 'standard', planName: 'Standard', amountMinor: 3_000, currency: 'EUR', interval: 'month', trialDays: 0, components: [], ...over });

describe('pricing', () => {
  it('prices graduated tiers at and across their boundaries', () => {
    expect(total(priceQuantity(graduated, 0))).toBe(0);
    expect(total(priceQuantity(graduated, 99))).toBe(99 * 50);
    expect(total(priceQuantity(graduated, 100))).toBe(100 * 50);
    expect(total(priceQuantity(graduated, 101))).toBe(100 * 50 + 1 * 30);
    expect(total(priceQuantity(graduated, 1_000))).toBe(100 * 50 + 900 * 30);
    expect(total(priceQuantity(graduated, 1_001))).toBe(100 * 50 + 900 * 30 + 1 * 10);
    expect(priceQuantity(graduated, 1_001).map((t) => [t.tier, t.quantity])).toEqual([[0, 100], [1, 900], [2, 1]]);
  });

  it('prices the whole quantity at the volume tier it falls in, with that tier’s flat fee', () => {
    expect(total(priceQuantity(volume, 100))).toBe(100 * 50);
    expect(total(priceQuantity(volume, 101))).toBe(101 * 30 + 500);
    expect(total(priceQuantity(volume, 1_000))).toBe(1_000 * 30 + 500);
    expect(total(priceQuantity(volume, 1_001))).toBe(1_001 * 10);
  });

  it('bills only what exceeds the included usage, in whole packages', () => {
    const storage = { included: 10 * 1024 ** 3, per: 1024 ** 3 };
    expect(billableQuantity(storage, 10 * 1024 ** 3)).toBe(0);
    expect(billableQuantity(storage, 10 * 1024 ** 3 + 1)).toBe(1);
    expect(billableQuantity(storage, 12 * 1024 ** 3)).toBe(2);
    expect(billableQuantity({ included: 250, per: 1 }, 260)).toBe(10);
  });

  it('rounds proportions half up', () => {
    expect(proportion(1_000n, 1, 3)).toBe(333n);
    expect(proportion(1_000n, 2, 3)).toBe(667n);
    expect(proportion(5n, 1, 2)).toBe(3n);
    expect(proportion(1_999n, 2_100, 10_000)).toBe(420n);
  });

  it('refuses tiers out of order, an open tier before the last, and a meter priced twice', () => {
    const fields = (components: PriceComponent[]) => pricingProblems({ trialDays: 0, components }).map((p) => p.field);
    const c = (t: ReturnType<typeof tiers>, meter: PriceComponent['meter'] = 'sms'): PriceComponent => ({ meter, included: 0, per: 1, mode: 'graduated', tiers: t });
    expect(fields([c(tiers([100, 1], [null, 1]))])).toEqual([]);
    expect(fields([c(tiers([100, 1], [50, 1], [null, 1]))])).toEqual(['pricing.components.0.tiers.1.upTo']);
    expect(fields([c(tiers([null, 1], [null, 1]))])).toEqual(['pricing.components.0.tiers.0.upTo']);
    expect(fields([c(tiers([100, 1]))])).toEqual(['pricing.components.0.tiers.0.upTo']);
    expect(fields([c(tiers([null, 1])), c(tiers([null, 2]))])).toEqual(['pricing.components.1.meter']);
  });
});

describe('an invoice', () => {
  const start = new Date('2026-11-01T00:00:00Z');
  const end = new Date('2026-12-01T00:00:00Z');

  it('is the base price, the metered lines priced tier by tier, and the tax, to the cent', () => {
    const perUnit: PriceComponent = { meter: 'units', included: 0, per: 1, mode: 'graduated', tiers: tiers([null, 120]) };
    const sms: PriceComponent = { meter: 'sms', included: 1_000, per: 1, mode: 'graduated', tiers: tiers([5_000, 6], [null, 4]) };
    const invoice = computeInvoice({ periodStart: start, periodEnd: end, segments: [{ terms: terms({ components: [perUnit, sms] }), from: start, to: end }], usage: { units: 42, sms: 7_250 }, taxRateBp: 2_100 });
    // By hand: 30.00 base; 42 units at 1.20 = 50.40; SMS 6,250 over 1,000: 5,000 at 0.06 = 300.00 and 1,250 at 0.04 = 50.00.
    expect(invoice.lines.map((l) => [l.kind, l.meter, l.quantity, l.amountMinor])).toEqual([
      ['base', null, 1, 3_000],
      ['usage', 'units', 42, 5_040],
      ['usage', 'sms', 5_000, 30_000],
      ['usage', 'sms', 1_250, 5_000],
    ]);
    expect(invoice.subtotalMinor).toBe(43_040);
    // 21 % of 430.40 = 90.384 → 90.38.
    expect(invoice.taxMinor).toBe(9_038);
    expect(invoice.totalMinor).toBe(52_078);
  });

  it('prorates a plan change to the day', () => {
    const change = new Date('2026-11-11T00:00:00Z');
    expect(daysBetween(start, end)).toBe(30);
    const invoice = computeInvoice({
      periodStart: start,
      periodEnd: end,
      segments: [
        { terms: terms({ planName: 'Starter', amountMinor: 4_900 }), from: start, to: change },
        { terms: terms({ planName: 'Standard', amountMinor: 19_900 }), from: change, to: end },
      ],
      usage: {},
      taxRateBp: 0,
    });
    // 10 of 30 days at 49.00 = 16.333 → 16.33; 20 of 30 days at 199.00 = 132.666 → 132.67.
    expect(invoice.lines.map((l) => [l.quantity, l.amountMinor])).toEqual([[10, 1_633], [20, 13_267]]);
    expect(invoice.totalMinor).toBe(14_900);
  });
});
