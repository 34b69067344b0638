/**
 * Billing periods in UTC whole days: a period starts at a midnight and ends at one, so that
 * the daily usage buckets fall wholly inside or outside it and proration counts whole days.
 */
export const DAY_MS = 86_400_000;

export const startOfDay = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/**
 * One interval on: the billing day (`anchorDay`, else `at`'s own day) of the next month (or
 * year), or that month's last day when it has no such day (31 January → 28 February → 31
 * March). The next period starts where this one ends, so periods stay contiguous.
 */
export function addInterval(at: Date, interval: 'month' | 'year', anchorDay = at.getUTCDate()): Date {
  const months = interval === 'year' ? 12 : 1;
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(anchorDay, last)));
}
