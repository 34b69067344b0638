import { describe, expect, it } from 'vitest';
import { toMajorText, toMinorUnits } from './money.js';

describe('toMinorUnits', () => {
  it('turns major units into integer minor units in the currency’s decimals', () => {
    expect(toMinorUnits('1200', 'EUR')).toEqual({ ok: true, amount: 120000 });
    expect(toMinorUnits('1200.5', 'EUR')).toEqual({ ok: true, amount: 120050 });
    expect(toMinorUnits('0.05', 'USD')).toEqual({ ok: true, amount: 5 });
    expect(toMinorUnits('1500', 'JPY')).toEqual({ ok: true, amount: 1500 });
    expect(toMinorUnits('1.234', 'KWD')).toEqual({ ok: true, amount: 1234 });
    expect(toMinorUnits('12.', 'EUR')).toEqual({ ok: true, amount: 1200 });
    expect(toMinorUnits('0', 'EUR')).toEqual({ ok: true, amount: 0 });
    expect(toMinorUnits(' 7 ', 'eur')).toEqual({ ok: true, amount: 700 });
  });

  it('never goes through a float: amounts a float would round stay exact', () => {
    expect(toMinorUnits('0.29', 'EUR')).toEqual({ ok: true, amount: 29 });
    expect(toMinorUnits('1.13', 'EUR')).toEqual({ ok: true, amount: 113 });
    expect(toMinorUnits('99999999999.99', 'EUR')).toEqual({ ok: true, amount: 9_999_999_999_999 });
  });

  it('reads the locale’s separators', () => {
    expect(toMinorUnits('1,200.50', 'EUR', 'en')).toEqual({ ok: true, amount: 120050 });
    expect(toMinorUnits('1.200,50', 'EUR', 'de')).toEqual({ ok: true, amount: 120050 });
    expect(toMinorUnits('1 200,5', 'EUR', 'fr')).toEqual({ ok: true, amount: 120050 });
    expect(toMinorUnits('12.5', 'EUR', 'de')).toEqual({ ok: true, amount: 1250 });
  });

  it('refuses what it cannot read exactly', () => {
    expect(toMinorUnits('', 'EUR')).toEqual({ ok: false, reason: 'empty' });
    expect(toMinorUnits('12.345', 'EUR')).toEqual({ ok: false, reason: 'decimals' });
    expect(toMinorUnits('5.5', 'JPY')).toEqual({ ok: false, reason: 'decimals' });
    expect(toMinorUnits('-3', 'EUR')).toEqual({ ok: false, reason: 'negative' });
    expect(toMinorUnits('1e3', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
    expect(toMinorUnits('12.3.4', 'EUR')).toEqual({ ok: false, reason: 'invalid' });
    expect(toMinorUnits('10', 'EURO')).toEqual({ ok: false, reason: 'currency' });
    expect(toMinorUnits('100000000000.01', 'EUR')).toEqual({ ok: false, reason: 'tooLarge' });
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
