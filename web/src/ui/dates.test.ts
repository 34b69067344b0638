import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatTimestamp, instantIn, todayIn, utcOffset, wallTimeIn } from './dates.js';

describe('todayIn', () => {
  it("is the date where the tenant is: a day apart at UTC+13 and UTC−10", () => {
    const at = new Date('2026-01-31T11:30:00Z');
    expect(todayIn('Pacific/Tongatapu', at)).toBe('2026-02-01');
    expect(todayIn('Pacific/Honolulu', at)).toBe('2026-01-31');
    expect(todayIn('UTC', at)).toBe('2026-01-31');
    expect(todayIn(undefined, at)).toBe('2026-01-31');
    expect(todayIn('Not/A_Zone', at)).toBe('2026-01-31');
  });
});

describe('formatTimestamp', () => {
  it('shows an instant in the zone asked, naming it when asked', () => {
    const at = '2026-12-31T22:30:00Z';
    expect(formatTimestamp(at, 'en', { timeZone: 'Pacific/Tongatapu' })).toBe('Jan 1, 2027, 11:30 AM');
    expect(formatTimestamp(at, 'en', { timeZone: 'Pacific/Honolulu', zoneName: true })).toBe('Dec 31, 2026, 12:30 PM HST');
    expect(formatTimestamp(null, 'en')).toBe('—');
  });
});

describe('formatCalendarDate', () => {
  it('shows the day named, whatever the zone', () => {
    expect(formatCalendarDate('2027-03-01', 'en')).toBe('Mar 1, 2027');
    expect(formatCalendarDate(undefined, 'en')).toBe('—');
  });
});

describe('utcOffset', () => {
  it("is the zone's offset at the moment, summer time included", () => {
    expect(utcOffset('Pacific/Tongatapu', new Date('2026-06-01T00:00:00Z'))).toBe('UTC+13:00');
    expect(utcOffset('Pacific/Honolulu', new Date('2026-06-01T00:00:00Z'))).toBe('UTC−10:00');
    expect(utcOffset('Europe/Madrid', new Date('2026-01-15T00:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffset('Europe/Madrid', new Date('2026-07-15T00:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffset('Asia/Kolkata', new Date('2026-07-15T00:00:00Z'))).toBe('UTC+05:30');
    expect(utcOffset('UTC', new Date())).toBe('UTC');
  });
});

describe('instantIn and wallTimeIn', () => {
  it('reads a datetime-local value as the wall clock of the zone given, and back', () => {
    expect(instantIn('2027-01-01T09:00', 'Pacific/Tongatapu')?.toISOString()).toBe('2026-12-31T20:00:00.000Z');
    expect(instantIn('2026-12-31T09:00', 'Pacific/Honolulu')?.toISOString()).toBe('2026-12-31T19:00:00.000Z');
    expect(instantIn('2026-07-01T09:00', 'Europe/Madrid')?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(instantIn('2026-01-01T09:00', 'Europe/Madrid')?.toISOString()).toBe('2026-01-01T08:00:00.000Z');
    expect(instantIn('2026-01-01T09:00', 'UTC')?.toISOString()).toBe('2026-01-01T09:00:00.000Z');
    expect(instantIn('not a time', 'UTC')).toBeNull();
    expect(wallTimeIn(new Date('2026-12-31T20:00:00Z'), 'Pacific/Tongatapu')).toBe('2027-01-01T09:00');
    expect(wallTimeIn(new Date('2026-07-01T07:00:00Z'), 'Europe/Madrid')).toBe('2026-07-01T09:00');
  });

  it('keeps the hour on either side of a change of clocks', () => {
    // Madrid moves from 02:00 to 03:00 on 29 March 2026 and from 03:00 to 02:00 on 25 October.
    expect(instantIn('2026-03-29T01:30', 'Europe/Madrid')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(instantIn('2026-03-29T03:30', 'Europe/Madrid')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantIn('2026-03-29T02:30', 'Europe/Madrid')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantIn('2026-10-25T04:00', 'Europe/Madrid')?.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });
});
