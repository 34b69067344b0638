import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, parseMinorUnits, toMajorText, toMinorUnits } from './money.js';

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


describe('parseMinorUnits', () => {
  it('turns major units into integer minor units in the currency’s decimals', () => {
    expect(parseMinorUnits('1200', 'EUR')).toEqual({ ok: true, amount: 120000 });
    expect(parseMinorUnits('1200.5', 'EUR')).toEqual({ ok: true, amount: 120050 });
    expect(parseMinorUnits('0.05', 'USD')).toEqual({ ok: true, amount: 5 });
    expect(parseMinorUnits('1500', 'JPY')).toEqual({ ok: true, amount: 1500 });
    expect(parseMinorUnits('1.234', 'KWD')).toEqual({ ok: true, amount: 1234 });
    expect(parseMinorUnits('12.', 'EUR')).toEqual({ ok: true, amount: 1200 });
    expect(parseMinorUnits('0', 'EUR')).toEqual({ ok: true, amount: 0 });
    expect(parseMinorUnits(' 7 ', 'eur')).toEqual({ ok: true, amount: 700 });
  });

  it('never goes through a float: amounts a float would round stay exact', () => {
    expect(parseMinorUnits('0.29', 'EUR')).toEqual({ ok: true, amount: 29 });
    expect(parseMinorUnits('1.13', 'EUR')).toEqual({ ok: true, amount: 113 });
    expect(parseMinorUnits('99999999999.99', 'EUR')).toEqual({ ok: true, amount: 9_999_999_999_999 });
  });

  it('reads the locale’s separators', () => {
    expect(parseMinorUnits('1,200.50', 'EUR', 'en')).toEqual({ ok: true, amount: 120050 });
    expect(parseMinorUnits('1.200,50', 'EUR', 'de')).toEqual({ ok: true, amount: 120050 });
    expect(parseMinorUnits('1 200,5', 'EUR', 'fr')).toEqual({ ok: true, amount: 120050 });
    expect(parseMinorUnits('12.5', 'EUR', 'de')).toEqual({ ok: true, amount: 1250 });
  });

  it('refuses what it cannot read exactly', () => {
    expect(parseMinorUnits('', 'EUR')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMinorUnits('12.345', 'EUR')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMinorUnits('5.5', 'JPY')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMinorUnits('-3', 'EUR')).toEqual({ ok: false, reason: 'negative' });
    expect(parseMinorUnits('1e3', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMinorUnits('12.3.4', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMinorUnits('10', 'EURO')).toEqual({ ok: false, reason: 'currency' });
    expect(parseMinorUnits('100000000000.01', 'EUR')).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

describe('toMajorText', () => {
  it('writes minor units back as typed', () => {
    expect(toMajorText(120050, 'EUR')).toBe('1200.50');
    expect(toMajorText(5, 'USD')).toBe('0.05');
    expect(toMajorText(1500, 'JPY')).toBe('1500');
    expect(toMajorText(1234, 'KWD')).toBe('1.234');
  });
});


describe('amounts typed in major units', () => {
  it('become integer minor units in the currency’s own decimals', () => {
    expect(toMinorUnits('1234.56', 'EUR')).toBe(123456);
    expect(toMinorUnits('1,234.56', 'EUR')).toBe(123456);
    expect(toMinorUnits(' 12 ', 'EUR')).toBe(1200);
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250);
    expect(toMinorUnits('12.', 'EUR')).toBe(1200);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
  });

  it('are exact where a float would not be', () => {
    expect(toMinorUnits('0.29', 'EUR')).toBe(29); // 0.29 * 100 is 28.999999999999996
    expect(toMinorUnits('1.15', 'EUR')).toBe(115);
    expect(toMinorUnits('99999999999.99', 'EUR')).toBe(9999999999999);
  });

  it('follow the locale’s separators', () => {
    expect(toMinorUnits('1.234,56', 'EUR', 'de')).toBe(123456);
    expect(toMinorUnits('12,5', 'EUR', 'de')).toBe(1250);
  });

  it('refuse what is not a positive amount the currency can hold', () => {
    for (const bad of ['', 'ten', '-5', '0', '0.00', '1.234', '1.2.3', '1e3', '12.5.']) expect(toMinorUnits(bad, 'EUR'), bad).toBeNull();
    expect(toMinorUnits('12.5', 'JPY')).toBeNull();
    expect(toMinorUnits('100000000000.01', 'EUR')).toBeNull(); // over 10^13 minor units
    expect(toMinorUnits('100000000000', 'EUR')).toBe(10_000_000_000_000);
    expect(toMinorUnits('1.230', 'EUR')).toBe(123); // trailing zeros are no extra precision
  });

  it('go back to plain text and know each currency’s decimals', () => {
    expect(toMajorText(123456, 'EUR')).toBe('1234.56');
    expect(toMajorText(5, 'EUR')).toBe('0.05');
    expect(toMajorText(1500, 'JPY')).toBe('1500');
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('KWD'), currencyDigits('nope')]).toEqual([2, 0, 3, 2]);
  });
});
