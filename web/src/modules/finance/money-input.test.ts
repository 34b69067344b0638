import { describe, expect, it } from 'vitest';
import { currencyDigits, toMajorText, toMinorUnits } from './money-input.js';

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
