import { addDays, daysBetween, type IsoDate } from '../../../kernel/dates.js';
import { divideHalfUp } from './billing.split.js';

/**
 * Calendar arithmetic of billing, on `YYYY-MM` months and `YYYY-MM-DD` days (UTC, as the
 * rest of the platform: tenants have no time zone yet).
 */
export type Month = string;

export const LEVY_FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
export type LevyFrequency = (typeof LEVY_FREQUENCIES)[number];
export type RentFrequency = 'weekly' | LevyFrequency;

const MONTHS_PER: Record<LevyFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const index = (month: Month): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const monthAt = (i: number): Month => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

export const monthOf = (date: IsoDate): Month => date.slice(0, 7);
export const addMonths = (month: Month, n: number): Month => monthAt(index(month) + n);
export const firstDay = (month: Month): IsoDate => `${month}-01`;
export function lastDay(month: Month): IsoDate {
  const i = index(month) + 1;
  return addDays(firstDay(monthAt(i)), -1);
}
/** Day `day` of `month`; a day past the month's end is its last day (31 is "the last day"). */
export function dayIn(month: Month, day: number): IsoDate {
  const last = Number(lastDay(month).slice(8));
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/;

/** `YYYY-MM`, or a real date `YYYY-MM-DD` standing for its month; null for anything else. */
export function parsePeriod(input: string): Month | null {
  const match = MONTH.exec(input);
  if (!match) return null;
  const month = `${match[1]}-${match[2]}`;
  if (match[3] !== undefined && (match[3] === '00' || input > lastDay(month))) return null;
  return month;
}

/** A levy schedule's billing period that begins in `month`, if one does. */
export interface LevyPeriod {
  /** The period's first month: what names it in natural keys. */
  key: Month;
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
}

/**
 * Levy periods run from the schedule's first month in steps of its frequency (a quarterly
 * schedule from 2025-02 bills February–April, May–July ...), each due on the due day of its
 * first month. A run for a month that begins none of them bills nothing of the schedule.
 */
export function levyPeriodStarting(month: Month, s: { frequency: LevyFrequency; dueDay: number; startPeriod: Month; endPeriod: Month | null }): LevyPeriod | null {
  const step = MONTHS_PER[s.frequency];
  const offset = index(month) - index(s.startPeriod);
  if (offset < 0 || offset % step !== 0) return null;
  if (s.endPeriod !== null && month > s.endPeriod) return null;
  return { key: month, start: firstDay(month), end: lastDay(addMonths(month, step - 1)), due: dayIn(month, s.dueDay) };
}

export interface RentTerms {
  startDate: IsoDate;
  /** Inclusive; null while periodic. */
  endDate: IsoDate | null;
  frequency: RentFrequency;
  /** 1–7 (Monday–Sunday) for weekly rent, else the day of the month. */
  dueDay: number;
  amount: number;
}

/** One period of rent to charge: `days` of a full period of `fullDays`, for `amount`. */
export interface RentPeriod {
  start: IsoDate;
  end: IsoDate;
  days: number;
  fullDays: number;
  amount: number;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
const weekday = (date: IsoDate): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The lease's due days: the anchors its rent periods begin on. */
function anchors(lease: RentTerms): { onOrBefore(date: IsoDate): IsoDate; after(anchor: IsoDate): IsoDate } {
  if (lease.frequency === 'weekly') {
    return {
      onOrBefore: (date) => addDays(date, -((weekday(date) - lease.dueDay + 7) % 7)),
      after: (anchor) => addDays(anchor, 7),
    };
  }
  // Monthly due days every month; quarterly and yearly ones in every 3rd or 12th month counted
  // from the lease's first month.
  const step = MONTHS_PER[lease.frequency];
  const origin = index(monthOf(lease.startDate));
  return {
    onOrBefore(date) {
      let i = origin + Math.floor((index(monthOf(date)) - origin) / step) * step;
      if (dayIn(monthAt(i), lease.dueDay) > date) i -= step;
      return dayIn(monthAt(i), lease.dueDay);
    },
    after: (anchor) => dayIn(addMonths(monthOf(anchor), step), lease.dueDay),
  };
}

/**
 * The lease's rent periods that begin in `month`: a run for the month charges them. Periods
 * run from one due day to the day before the next. A lease starting between due days has a
 * first, short period from its start; one ending before a period's end has a short last
 * period. A short period is charged pro rata by days: rent × days / days of the full period
 * it is part of, rounded to the minor unit, halves up.
 */
export function rentPeriodsStarting(month: Month, lease: RentTerms): RentPeriod[] {
  const from = firstDay(month);
  const to = lastDay(month);
  const a = anchors(lease);
  const within = (d: IsoDate) => d >= lease.startDate && (lease.endDate === null || d <= lease.endDate);
  const period = (start: IsoDate, fullFrom: IsoDate): RentPeriod => {
    const next = a.after(fullFrom);
    const naturalEnd = addDays(next, -1);
    const end = lease.endDate !== null && lease.endDate < naturalEnd ? lease.endDate : naturalEnd;
    const days = daysBetween(start, end) + 1;
    const fullDays = daysBetween(fullFrom, next);
    const amount = days === fullDays ? lease.amount : Number(divideHalfUp(BigInt(lease.amount) * BigInt(days), BigInt(fullDays)));
    return { start, end, days, fullDays, amount };
  };
  const periods: RentPeriod[] = [];
  let anchor = a.onOrBefore(from);
  if (anchor < from) anchor = a.after(anchor);
  for (; anchor <= to; anchor = a.after(anchor)) if (within(anchor)) periods.push(period(anchor, anchor));
  const startAnchor = a.onOrBefore(lease.startDate);
  if (lease.startDate >= from && lease.startDate <= to && startAnchor !== lease.startDate && within(lease.startDate)) periods.push(period(lease.startDate, startAnchor));
  return periods.sort((x, y) => (x.start < y.start ? -1 : 1));
}

/** `date` plus `months` calendar months; a day past the target month's end is its last day. */
export const addMonthsToDate = (date: IsoDate, months: number): IsoDate => dayIn(addMonths(monthOf(date), months), Number(date.slice(8)));

/** Whole calendar months from `from` to `to` (`to` not earlier): how many month-steps from `from` stay on or before `to`. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  let n = index(monthOf(to)) - index(monthOf(from));
  if (addMonthsToDate(from, n) > to) n--;
  return n;
}
