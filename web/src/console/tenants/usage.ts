/** A tenant's usage as the billing section charts it: the last 30 days by day. */

export const USAGE_DAYS = 30;

/** The range asked for: from the start (UTC) of the day 29 days before `now`'s, to `now`; 30 daily buckets. */
export function usageRange(now: Date = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (USAGE_DAYS - 1)));
  return { from: from.toISOString(), to: now.toISOString() };
}

/** A meter's figure by locale: stored bytes in the largest binary unit that keeps it at 1 or more (1.5 MB), anything else as a count. */
export function formatUsage(value: number, meter: string, locale: string): string {
  if (meter !== 'storageBytes') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let scaled = value;
  let i = 0;
  while (scaled >= 1024 && i < units.length - 1) {
    scaled /= 1024;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(scaled);
}

/** A bucket's day (`at`, the start of a UTC day) as a short label by locale: "3 Mar". */
export function dayLabel(at: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(at));
}
