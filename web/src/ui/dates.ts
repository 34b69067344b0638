/**
 * Dates and times on the pages. Two kinds, never confused:
 * - a timestamp (an instant, ISO date-time) is shown in the viewer's own time zone, the
 *   browser's, with the zone named when asked (someone reading a log across zones);
 * - a calendar date (`YYYY-MM-DD`: a due date, a lease's last day) names a day, not an instant,
 *   and is shown as that day everywhere (never shifted by a zone).
 * "Today", for a form's default or a report's as-of date, is today where the tenant is: the
 * API counts days on the tenant's calendar (`/me` tells its zone).
 */

/** A timestamp in the viewer's zone (or `timeZone`), by locale; '—' for none. */
export function formatTimestamp(at: string | Date | null | undefined, locale: string, options: { seconds?: boolean; zoneName?: boolean; timeZone?: string } = {}): string {
  if (!at) return '—';
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  // dateStyle and timeStyle cannot name the zone: spelled out field by field when it is asked for.
  const format: Intl.DateTimeFormatOptions = options.zoneName
    ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}), timeZoneName: 'short', ...zone }
    : { dateStyle: 'medium', timeStyle: options.seconds ? 'medium' : 'short', ...zone };
  return new Intl.DateTimeFormat(locale, format).format(date);
}

/** A calendar date (`YYYY-MM-DD`) by locale, as the day it names; '—' for none. */
export function formatCalendarDate(day: string | null | undefined, locale: string): string {
  if (!day) return '—';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The calendar date in `timeZone` at `now`: a tenant's "today" (`YYYY-MM-DD`). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  } catch {
    // A zone this browser does not know: the UTC date, as before tenants had zones.
    return now.toISOString().slice(0, 10);
  }
}

/** The viewer's own zone, as the browser reports it. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "UTC+13:00", "UTC−10:00", "UTC" for a zone's offset at `at` (it changes with summer time). */
export function utcOffset(zone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // "GMT+13:00"; UTC itself is "GMT" or "GMT+00:00" depending on the ICU.
  const offset = name.replace(/^(GMT|UTC)/, '');
  return offset === '' || offset === '+00:00' ? 'UTC' : `UTC${offset.replace('-', '−')}`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms` (milliseconds). */
function zoneOffset(timeZone: string, ms: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:MM`, a `datetime-local` input's value) names in
 * `timeZone`: "send at 09:00" means 09:00 where the tenant is, whatever the browser's zone. A time
 * a change of clocks skips is read with the offset before the change; null for a malformed one.
 */
export function instantIn(local: string, timeZone: string): Date | null {
  const m = WALL.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    const first = wall - zoneOffset(timeZone, wall);
    const second = wall - zoneOffset(timeZone, first);
    return new Date(second === first ? first : Math.max(first, second));
  } catch {
    return new Date(wall);
  }
}

/** The wall-clock time in `timeZone` at an instant, as a `datetime-local` input's value (`YYYY-MM-DDTHH:MM`). */
export function wallTimeIn(at: Date, timeZone: string): string {
  try {
    return new Date(at.getTime() + zoneOffset(timeZone, at.getTime())).toISOString().slice(0, 16);
  } catch {
    return at.toISOString().slice(0, 16);
  }
}
