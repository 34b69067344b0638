import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsToDate, levyPeriodStarting, monthsBetween, parsePeriod, rentPeriodsStarting } from './billing.periods.js';
import { divideHalfUp, largestRemainder, shareUnits, type Claim } from './billing.split.js';
import { lateFeeAmount, lateFeePeriod } from './late-fees.service.js';

const claims = (weights: bigint[]): Claim[] => weights.map((weight, i) => ({ weight, tieBreak: [`U-${String(i).padStart(3, '0')}`, `id-${i}`] }));

describe('the largest-remainder split', () => {
  it('splits 100.00 over 3 thirds and 7 shares of 0.142857142 into parts that sum to exactly 100.00', () => {
    const thirds = largestRemainder(10_000, claims(['0.333333333', '0.333333333', '0.333333334'].map(shareUnits)));
    expect(thirds).toEqual([3333, 3333, 3334]);
    const sevenths = largestRemainder(10_000, claims(Array.from({ length: 7 }, () => shareUnits('0.142857142'))));
    expect(sevenths.reduce((s, p) => s + p, 0)).toBe(10_000);
    // Equal remainders: the leftover cents go by label order.
    expect(sevenths).toEqual([1429, 1429, 1429, 1429, 1428, 1428, 1428]);
  });

  it('gives each claim its floor or its floor plus one, the largest remainders first', () => {
    // Exact shares 33.33…, 33.33…, 33.33… of 100: one unit left over, to the first label.
    expect(largestRemainder(100, claims([1n, 1n, 1n]))).toEqual([34, 33, 33]);
    // 10 over weights 1:2:3:4 → exact 1, 2, 3, 4.
    expect(largestRemainder(10, claims([1n, 2n, 3n, 4n]))).toEqual([1, 2, 3, 4]);
    // 7 over 1:1:5 → exact 1, 1, 5.
    expect(largestRemainder(7, claims([1n, 1n, 5n]))).toEqual([1, 1, 5]);
    // 5 over 0.3, 0.3, 0.4 → 1.5, 1.5, 2: the tie goes to the first label.
    expect(largestRemainder(5, claims([3n, 3n, 4n]))).toEqual([2, 1, 2]);
  });

  it('gives a claim of weight 0 nothing, and refuses to split over nothing', () => {
    expect(largestRemainder(100, claims([0n, 1n, 0n]))).toEqual([0, 100, 0]);
    expect(largestRemainder(0, [])).toEqual([]);
    expect(() => largestRemainder(1, claims([0n]))).toThrow(RangeError);
    expect(() => largestRemainder(1.5, claims([1n]))).toThrow(RangeError);
  });

  const weights = fc.array(fc.bigInt({ min: 0n, max: 1_000_000_000n }), { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0n));
  const totals = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

  it('always sums to the total, whatever the budget and the shares', () => {
    fc.assert(
      fc.property(totals, weights, (total, w) => {
        expect(largestRemainder(total, claims(w)).reduce((s, p) => s + p, 0)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every part within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(totals, weights, (total, w) => {
        const sum = w.reduce((s, x) => s + x, 0n);
        largestRemainder(total, claims(w)).forEach((part, i) => {
          // |part − total·w/sum| < 1  ⇔  |part·sum − total·w| < sum, in exact integers.
          const off = BigInt(part) * sum - BigInt(total) * w[i]!;
          expect(off < sum && -off < sum).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same claims in any order get the same parts', () => {
    fc.assert(
      fc.property(totals, weights, fc.integer({ min: 0, max: 1_000_000 }), (total, w, seed) => {
        const original = claims(w);
        const parts = largestRemainder(total, original);
        expect(largestRemainder(total, original)).toEqual(parts);
        // A shuffle of the claims (Fisher–Yates driven by the seed) moves the parts with them.
        const order = original.map((_, i) => i);
        let s = seed;
        for (let i = order.length - 1; i > 0; i--) {
          s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
          const j = s % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const shuffled = largestRemainder(total, order.map((i) => original[i]!));
        order.forEach((from, k) => expect(shuffled[k]).toBe(parts[from]));
      }),
      { numRuns: 300 },
    );
  });

  it('reads shares as exact decimals of 9 places', () => {
    expect(shareUnits('1')).toBe(1_000_000_000n);
    expect(shareUnits('0.142700000')).toBe(142_700_000n);
    expect(shareUnits('0.5')).toBe(500_000_000n);
    expect(() => shareUnits('0.1234567891')).toThrow(RangeError);
    expect(() => shareUnits('-1')).toThrow(RangeError);
  });

  it('rounds halves up', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(4n, 3n)).toBe(1n);
    expect(divideHalfUp(5n, 3n)).toBe(2n);
  });
});

describe('billing periods', () => {
  it('reads a month or a date within it', () => {
    expect(parsePeriod('2025-03')).toBe('2025-03');
    expect(parsePeriod('2025-02-28')).toBe('2025-02');
    expect(parsePeriod('2025-02-30')).toBeNull();
    expect(parsePeriod('2025-13')).toBeNull();
    expect(parsePeriod('2025-3')).toBeNull();
  });

  it('steps levy periods from the schedule’s first month by its frequency, due on the due day', () => {
    const quarterly = { frequency: 'quarterly' as const, dueDay: 31, startPeriod: '2025-02', endPeriod: '2025-12' };
    expect(levyPeriodStarting('2025-02', quarterly)).toEqual({ key: '2025-02', start: '2025-02-01', end: '2025-04-30', due: '2025-02-28' });
    expect(levyPeriodStarting('2025-03', quarterly)).toBeNull();
    expect(levyPeriodStarting('2025-05', quarterly)).toMatchObject({ start: '2025-05-01', end: '2025-07-31', due: '2025-05-31' });
    expect(levyPeriodStarting('2026-02', quarterly)).toBeNull(); // after the end period
    expect(levyPeriodStarting('2024-11', quarterly)).toBeNull(); // before the start
    expect(levyPeriodStarting('2026-01', { frequency: 'yearly', dueDay: 15, startPeriod: '2025-01', endPeriod: null })).toEqual({ key: '2026-01', start: '2026-01-01', end: '2026-12-31', due: '2026-01-15' });
  });

  it('charges monthly rent per due day, with a short first and last period pro rata by days', () => {
    const lease = { startDate: '2025-03-15', endDate: '2025-05-20', frequency: 'monthly' as const, dueDay: 1, amount: 3100 };
    // 15–31 March: 17 of March's 31 days.
    expect(rentPeriodsStarting('2025-03', lease)).toEqual([{ start: '2025-03-15', end: '2025-03-31', days: 17, fullDays: 31, amount: 1700 }]);
    expect(rentPeriodsStarting('2025-04', lease)).toEqual([{ start: '2025-04-01', end: '2025-04-30', days: 30, fullDays: 30, amount: 3100 }]);
    // 1–20 May: 20 of 31 days, 2000.
    expect(rentPeriodsStarting('2025-05', lease)).toEqual([{ start: '2025-05-01', end: '2025-05-20', days: 20, fullDays: 31, amount: 2000 }]);
    expect(rentPeriodsStarting('2025-06', lease)).toEqual([]);
    expect(rentPeriodsStarting('2025-02', lease)).toEqual([]);
  });

  it('charges weekly rent for every due weekday in the month, and quarterly rent every third month', () => {
    // 2025-09-01 is a Monday; rent due on Mondays.
    const weekly = { startDate: '2025-09-01', endDate: null, frequency: 'weekly' as const, dueDay: 1, amount: 700 };
    expect(rentPeriodsStarting('2025-09', weekly).map((p) => [p.start, p.end, p.amount])).toEqual([
      ['2025-09-01', '2025-09-07', 700], ['2025-09-08', '2025-09-14', 700], ['2025-09-15', '2025-09-21', 700], ['2025-09-22', '2025-09-28', 700], ['2025-09-29', '2025-10-05', 700],
    ]);
    const quarterly = { startDate: '2025-01-10', endDate: null, frequency: 'quarterly' as const, dueDay: 10, amount: 90_000 };
    expect(rentPeriodsStarting('2025-01', quarterly)).toEqual([{ start: '2025-01-10', end: '2025-04-09', days: 90, fullDays: 90, amount: 90_000 }]);
    expect(rentPeriodsStarting('2025-02', quarterly)).toEqual([]);
    expect(rentPeriodsStarting('2025-04', quarterly).map((p) => p.start)).toEqual(['2025-04-10']);
  });

  it('counts months of lateness from the first late day', () => {
    expect(addMonthsToDate('2025-01-31', 1)).toBe('2025-02-28');
    expect(monthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    const monthly = { graceDays: 5, repeat: 'monthly' as const };
    // Due 25 January, 5 days' grace: late from 31 January.
    expect(lateFeePeriod(monthly, '2025-01-25', '2025-01-30')).toBeNull();
    expect(lateFeePeriod(monthly, '2025-01-25', '2025-01-31')).toBe('2025-01');
    expect(lateFeePeriod(monthly, '2025-01-25', '2025-02-27')).toBe('2025-01');
    expect(lateFeePeriod(monthly, '2025-01-25', '2025-02-28')).toBe('2025-02');
    expect(lateFeePeriod({ graceDays: 0, repeat: 'once' }, '2025-01-25', '2025-03-01')).toBe('once');
  });

  it('takes a percentage of what is owed, halves up, up to the cap', () => {
    const percent = { kind: 'percent' as const, amount: null, percentBasisPoints: 150, cap: null };
    expect(lateFeeAmount(percent, 10_000)).toBe(150);
    expect(lateFeeAmount(percent, 10_033)).toBe(150); // 150.495
    expect(lateFeeAmount(percent, 10_034)).toBe(151); // 150.51
    expect(lateFeeAmount(percent, 100)).toBe(2); // 1.5 → 2
    expect(lateFeeAmount({ ...percent, cap: 120 }, 10_000)).toBe(120);
    expect(lateFeeAmount({ kind: 'flat', amount: 2_500, percentBasisPoints: null, cap: 2_000 }, 1)).toBe(2_000);
  });
});
