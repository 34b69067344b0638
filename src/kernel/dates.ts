/**
 * Calendar dates as `YYYY-MM-DD` strings. Strings of this form compare and sort as the dates
 * they name. A calendar date is always a date somewhere: "today" is the date in the tenant's
 * time zone (todayIn), never the UTC date of the instant.
 */
export type IsoDate = string;

/** The zone of a tenant that has not chosen one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The UTC calendar date of `at`. For dates that are UTC by definition (a bank file's stamp, a
 * date computed from another date); a date "as of now" is todayIn(zone).
 */
export function isoDate(at: Date): IsoDate {
  return at.toISOString().slice(0, 10);
}

// Intl formatters are costly to build and are asked for on every request: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at `at`: what a clock on the wall there shows. */
export interface WallTime {
  date: IsoDate;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 for Sunday, as cron counts. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallTimeIn(timeZone: string, at: Date): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    date: `${String(year).padStart(4, '0')}-${parts.month}-${parts.day}`,
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The calendar date in `timeZone` at the instant `at`. */
export function dateIn(timeZone: string, at: Date): IsoDate {
  return wallTimeIn(timeZone, at).date;
}

/** Today's date in `timeZone` (a tenant's), by the clock `now` (tests inject one). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return dateIn(timeZone, now);
}

/**
 * The canonical spelling of a time zone this runtime knows (an IANA name such as
 * `Pacific/Auckland`, or `UTC`; `pacific/auckland` gives `Pacific/Auckland`), null for none.
 */
export function canonicalTimeZone(name: string): string | null {
  // Names, not offsets (`+05:00` is no zone: it knows no summer time).
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The short name or offset of `timeZone` at `at` (`NZDT`, `GMT+13`, `UTC`), for showing next to a time. */
export function zoneLabel(timeZone: string, at: Date, locale = 'en'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
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
