import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth, isMonth, nextPeriodStart, progressOf, splitByUnit } from './logic.js';

describe('billing page logic', () => {
  it('finds the next month that begins a levy period', () => {
    const quarterly = { startPeriod: '2025-02', endPeriod: null, frequency: 'quarterly' as const };
    expect(nextPeriodStart(quarterly, '2025-01')).toBe('2025-02');
    expect(nextPeriodStart(quarterly, '2025-02')).toBe('2025-02');
    expect(nextPeriodStart(quarterly, '2025-03')).toBe('2025-05');
    expect(nextPeriodStart(quarterly, '2026-01')).toBe('2026-02');
    expect(nextPeriodStart({ startPeriod: '2025-01', endPeriod: null, frequency: 'monthly' }, '2025-07')).toBe('2025-07');
    expect(nextPeriodStart({ startPeriod: '2024-12', endPeriod: null, frequency: 'yearly' }, '2025-01')).toBe('2025-12');
    expect(nextPeriodStart({ startPeriod: '2025-01', endPeriod: '2025-03', frequency: null }, '2025-04')).toBeNull();
  });

  it('gathers a preview per unit: charges, a part with no owner, and lines already charged', () => {
    const split = splitByUnit(
      [
        { unitId: 'u1', memberId: 'a', amount: 1667, currency: 'EUR' },
        { unitId: 'u1', memberId: 'b', amount: 1667, currency: 'EUR' },
        { unitId: 'u2', memberId: 'c', amount: 3333, currency: 'EUR' },
      ],
      [
        { unitId: 'u3', memberId: null, amount: 3333, currency: 'EUR', reason: 'no_owner' },
        { unitId: 'u4', memberId: null, amount: null, currency: null, reason: 'no_share' },
        { unitId: 'u2', memberId: 'd', amount: 100, currency: 'EUR', reason: 'already_charged' },
      ],
    );
    expect(split).toEqual([
      { unitId: 'u1', amount: 3334, currency: 'EUR', payers: [{ memberId: 'a', amount: 1667 }, { memberId: 'b', amount: 1667 }], reasons: [] },
      { unitId: 'u2', amount: 3433, currency: 'EUR', payers: [{ memberId: 'c', amount: 3333 }, { memberId: 'd', amount: 100 }], reasons: ['already_charged'] },
      { unitId: 'u3', amount: 3333, currency: 'EUR', payers: [], reasons: ['no_owner'] },
      { unitId: 'u4', amount: 0, currency: null, payers: [], reasons: ['no_share'] },
    ]);
  });

  it('measures progress and formats days and months without a time-zone shift', () => {
    expect(progressOf({ status: 'queued', counts: { planned: 0, pending: 0 } })).toBe(0);
    expect(progressOf({ status: 'running', counts: { planned: 3, pending: 2 } })).toBe(33);
    expect(progressOf({ status: 'completed', counts: { planned: 0, pending: 0 } })).toBe(100);
    expect(formatDay('2025-03-01', 'en-GB')).toBe('1 Mar 2025');
    expect(formatMonth('2025-03', 'en-GB')).toBe('March 2025');
    expect(isMonth('2025-13')).toBe(false);
  });
});
