/**
 * Calendar dates as `YYYY-MM-DD` strings, in UTC (tenants have no time zone yet). Strings of
 * this form compare and sort as the dates they name.
 */
export type IsoDate = string;

export function isoDate(at: Date): IsoDate {
  return at.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
