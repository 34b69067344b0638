import { describe, expect, it } from 'vitest';
import { formatDay, formatRate, yearsLater } from './format.js';

describe('days', () => {
  it('shows a calendar day as the day it names', () => {
    expect(formatDay('2026-03-15', 'en-GB')).toBe('15 Mar 2026');
    expect(formatDay(null, 'en')).toBe('');
  });

  it('ends a year’s term the day before its anniversary, leap days included', () => {
    expect(yearsLater('2026-03-15')).toBe('2027-03-14');
    expect(yearsLater('2026-01-01')).toBe('2026-12-31');
    expect(yearsLater('2024-02-29')).toBe('2025-02-28');
  });

  it('writes rates as percentages', () => {
    expect(formatRate(0.0789, 'en')).toBe('7.89%');
    expect(formatRate(null, 'en')).toBe('');
  });
});
