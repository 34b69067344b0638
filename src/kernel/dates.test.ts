import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, dateIn, todayIn, wallTimeIn, zoneLabel } from './dates.js';
import { checkRegional } from './regional.js';
import { cronMatches, dueAt, localTickCron, tickInstant } from './jobs/local-schedule.js';

// Tongatapu is UTC+13 all year; Honolulu UTC−10 all year; Auckland is +13 in its summer.
const TONGA = 'Pacific/Tongatapu';
const HONOLULU = 'Pacific/Honolulu';

describe('todayIn / dateIn', () => {
  it('gives the date where the tenant is, not the UTC date', () => {
    // 11:30 UTC on the 31st of January: already the 1st of February in Tonga, still the 31st in Honolulu.
    const at = new Date('2026-01-31T11:30:00Z');
    expect(todayIn('UTC', at)).toBe('2026-01-31');
    expect(todayIn(TONGA, at)).toBe('2026-02-01');
    expect(todayIn(HONOLULU, at)).toBe('2026-01-31');
    // 09:59 UTC on the 1st: Honolulu is still on the last day of the old month (and year).
    expect(dateIn(HONOLULU, new Date('2027-01-01T09:59:00Z'))).toBe('2026-12-31');
    expect(dateIn(HONOLULU, new Date('2027-01-01T10:00:00Z'))).toBe('2027-01-01');
    // Tonga's midnight is 11:00 UTC the day before.
    expect(dateIn(TONGA, new Date('2026-02-28T10:59:59Z'))).toBe('2026-02-28');
    expect(dateIn(TONGA, new Date('2026-02-28T11:00:00Z'))).toBe('2026-03-01');
  });

  it('follows summer time: Auckland is UTC+13 in January and UTC+12 in July', () => {
    expect(dateIn('Pacific/Auckland', new Date('2026-01-14T11:00:00Z'))).toBe('2026-01-15');
    expect(dateIn('Pacific/Auckland', new Date('2026-07-14T11:00:00Z'))).toBe('2026-07-14');
    expect(dateIn('Pacific/Auckland', new Date('2026-07-14T12:00:00Z'))).toBe('2026-07-15');
  });

  it('tells the wall time, weekday included', () => {
    expect(wallTimeIn(TONGA, new Date('2026-03-31T11:10:00Z'))).toEqual({ date: '2026-04-01', year: 2026, month: 4, day: 1, hour: 0, minute: 10, weekday: 3 });
  });

  it('names the zone next to a time', () => {
    expect(zoneLabel('UTC', new Date('2026-01-01T00:00:00Z'))).toBe('UTC');
    expect(zoneLabel(HONOLULU, new Date('2026-01-01T00:00:00Z'))).toBe('HST');
  });
});

describe('time zone names', () => {
  it('accepts IANA names in their canonical spelling and refuses the rest', () => {
    expect(canonicalTimeZone('pacific/auckland')).toBe('Pacific/Auckland');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const bad of ['', 'Mars/Olympus', '+05:00', 'GMT+25', 'x'.repeat(70)]) expect(canonicalTimeZone(bad), bad).toBeNull();
  });

  it('checks a regional change, naming the field', () => {
    expect(checkRegional({ timeZone: 'pacific/honolulu', defaultLocale: 'es' })).toEqual({ timeZone: 'Pacific/Honolulu', defaultLocale: 'es' });
    expect(() => checkRegional({ timeZone: 'Nowhere/Town' })).toThrow(/not a time zone/);
    expect(() => checkRegional({ defaultLocale: 'fr' })).toThrow(/not a supported locale/);
  });
});

describe('tenant-local schedules', () => {
  it('ticks every quarter hour at the cron minute', () => {
    expect(localTickCron('10 0 * * *')).toBe('10,25,40,55 * * * *');
    expect(localTickCron('0 5 1 * *')).toBe('0,15,30,45 * * * *');
    expect(() => localTickCron('*/5 0 * * *')).toThrow(/single minute/);
  });

  it('places a late tick at its own quarter hour', () => {
    expect(tickInstant('10 0 * * *', new Date('2026-01-31T11:13:59Z')).toISOString()).toBe('2026-01-31T11:10:00.000Z');
    expect(tickInstant('10 0 * * *', new Date('2026-01-31T11:09:00Z')).toISOString()).toBe('2026-01-31T10:55:00.000Z');
  });

  it('matches cron fields: lists, ranges, steps, Sunday as 0 or 7', () => {
    const wall = wallTimeIn('UTC', new Date('2026-03-01T05:00:00Z')); // a Sunday
    expect(cronMatches('0 5 1 * *', wall)).toBe(true);
    expect(cronMatches('0 5 2 * *', wall)).toBe(false);
    expect(cronMatches('0 */5 * * 7', wall)).toBe(true);
    expect(cronMatches('0 1-4 * * *', wall)).toBe(false);
    expect(cronMatches('0,30 5 * 1,3 0', wall)).toBe(true);
  });

  it('runs a monthly job when the month starts where the tenant is', () => {
    const monthly = '0 5 1 * *';
    // 05:00 on 1 March in Tonga is 16:00 UTC on 28 February; in Honolulu 15:00 UTC on 1 March.
    expect(dueAt(monthly, TONGA, new Date('2026-02-28T16:00:00Z'))).toBe(true);
    expect(dueAt(monthly, HONOLULU, new Date('2026-02-28T16:00:00Z'))).toBe(false);
    expect(dueAt(monthly, 'UTC', new Date('2026-02-28T16:00:00Z'))).toBe(false);
    expect(dueAt(monthly, HONOLULU, new Date('2026-03-01T15:00:00Z'))).toBe(true);
    expect(dueAt(monthly, 'UTC', new Date('2026-03-01T05:00:00Z'))).toBe(true);
    // A half-hour zone meets its minute on a quarter-hour tick too.
    expect(dueAt('10 0 * * *', 'Asia/Kolkata', new Date('2026-03-01T18:40:00Z'))).toBe(true);
  });
});
