import { wallTimeIn, type WallTime } from '../dates.js';

/**
 * Schedules in each tenant's own time (JobDefinition.schedule.tenantLocal): `10 0 * * *` means
 * ten past midnight where the tenant is, so that a daily job runs once the tenant's day has
 * begun and a monthly one once its month has. Every zone's offset is a whole number of quarter
 * hours, so a tick every fifteen minutes, at the cron's minute modulo 15, meets each tenant's
 * wall clock at exactly the cron's minute once an hour; at each tick, the tenants whose wall
 * clock then matches the whole expression get the job. A local time that a change of clocks
 * skips is missed that day, one repeated runs twice: the jobs that use this are idempotent.
 */

const QUARTER = 15;

/** The minute field of a tenant-local cron: a single number, so that the tick can meet it. */
function minuteOf(cron: string): number {
  const minute = cron.trim().split(/\s+/)[0] ?? '';
  if (!/^\d{1,2}$/.test(minute) || Number(minute) > 59) throw new Error(`a tenant-local schedule needs a single minute, not "${minute}" (${cron})`);
  return Number(minute);
}

/** The UTC cron of the ticks that serve a tenant-local `cron`. */
export function localTickCron(cron: string): string {
  const first = minuteOf(cron) % QUARTER;
  return `${[0, 1, 2, 3].map((q) => first + q * QUARTER).join(',')} * * * *`;
}

/**
 * The instant of the tick `now` belongs to: ticks are processed a little late, never a quarter
 * of an hour late (a tick that old is the next tick's business).
 */
export function tickInstant(cron: string, now: Date): Date {
  const offset = (minuteOf(cron) % QUARTER) * 60_000;
  const slot = QUARTER * 60_000;
  return new Date(Math.floor((now.getTime() - offset) / slot) * slot + offset);
}

function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [0, 59];
    else if (range.includes('-')) [from, to] = range.split('-').map(Number) as [number, number];
    else [from, to] = [Number(range), stepText === undefined ? Number(range) : 59];
    return value >= from && value <= to && (value - from) % step === 0;
  });
}

/** Whether the five-field `cron` (numbers, `*`, lists, ranges, steps) names the minute of `wall`. */
export function cronMatches(cron: string, wall: WallTime): boolean {
  const [minute, hour, day, month, weekday] = cron.trim().split(/\s+/) as [string, string, string, string, string];
  return (
    fieldMatches(minute, wall.minute) &&
    fieldMatches(hour, wall.hour) &&
    fieldMatches(day, wall.day) &&
    fieldMatches(month, wall.month) &&
    // cron counts Sunday as 0 or 7.
    (fieldMatches(weekday, wall.weekday) || (wall.weekday === 0 && fieldMatches(weekday, 7)))
  );
}

/** Whether a tenant in `timeZone` is due a tenant-local `cron` at the tick `at`. */
export function dueAt(cron: string, timeZone: string, at: Date): boolean {
  return cronMatches(cron, wallTimeIn(timeZone, at));
}
