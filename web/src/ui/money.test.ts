import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it('shows minor units in the currency’s decimals', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'en')).toBe('€1,234.56');
    expect(formatMoney({ amount: 5, currency: 'USD' }, 'en')).toBe('$0.05');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(formatMoney({ amount: 1234, currency: 'KWD' }, 'en')).toBe('KWD\u00a01.234');
  });

  it('writes debts and credits with a sign, and zero as zero', () => {
    expect(formatMoney({ amount: -9500, currency: 'EUR' }, 'en')).toBe('-€95.00');
    expect(formatMoney({ amount: 0, currency: 'EUR' }, 'en')).toBe('€0.00');
  });

  it('follows the locale’s separators and symbol placement', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'fr')).toBe('1\u202f234,56\u00a0€');
  });

  it('keeps large amounts exact', () => {
    expect(formatMoney({ amount: 9_007_199_254_740_99, currency: 'EUR' }, 'en')).toBe('€9,007,199,254,740.99');
  });
});
