import { describe, expect, it } from 'vitest';
import { dayLabel, formatUsage, usageRange } from './usage.js';

describe("a tenant's usage", () => {
  it('asks for thirty whole days by UTC, up to now', () => {
    expect(usageRange(new Date('2026-03-10T15:30:00Z'))).toEqual({ from: '2026-02-09T00:00:00.000Z', to: '2026-03-10T15:30:00.000Z' });
  });

  it('shows stored bytes in binary units and counts as numbers', () => {
    expect(formatUsage(1536, 'storageBytes', 'en')).toBe('1.5 kB');
    expect(formatUsage(5 * 1024 ** 3, 'storageBytes', 'en')).toBe('5 GB');
    expect(formatUsage(512, 'storageBytes', 'en')).toBe('512 byte');
    expect(formatUsage(12345, 'emails', 'en')).toBe('12,345');
    expect(dayLabel('2026-03-03T00:00:00.000Z', 'en')).toBe('Mar 3');
  });
});
