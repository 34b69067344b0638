import { addDays, daysBetween, type IsoDate } from '../../kernel/dates.js';
import { AppError } from '../../kernel/errors.js';
import { leasesErrors } from './leases.errors.js';
import type { Frequency, Lease, LeaseStatus } from './leases.schemas.js';

/** Where each status may go, and how: the one table the service and the docs follow. */
export const TRANSITIONS: Record<LeaseStatus, { to: LeaseStatus; by: string }[]> = {
  draft: [
    { to: 'active', by: 'activate' },
    { to: 'ended', by: 'activate (its end date has passed)' },
    { to: 'terminated', by: 'terminate (cancels it)' },
  ],
  active: [
    { to: 'ending', by: 'terminate on a future date' },
    { to: 'terminated', by: 'terminate today or on a past date' },
    { to: 'ended', by: 'the daily job, after its end date' },
  ],
  ending: [
    { to: 'terminated', by: 'terminate today or on a past date' },
    { to: 'ended', by: 'the daily job, after its end date' },
  ],
  ended: [],
  terminated: [],
};

/** 409 leases.status_forbids for `action` on a lease whose status does not allow it, saying what does. */
export function notAllowed(lease: Pick<Lease, 'status'>, action: string): AppError {
  const from = TRANSITIONS[lease.status];
  const allowed = from.length === 0 ? 'it is final and changes no more' : `it may become ${from.map((t) => `${t.to} (${t.by})`).join(', ')}`;
  return new AppError(leasesErrors.status_forbids, `The lease is ${lease.status}, so it cannot be ${action}: ${allowed}`, {
    currentStatus: lease.status,
    allowedTransitions: from.map((t) => t.to),
  });
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
export const isCurrency = (code: string) => CURRENCIES.has(code);

/** The default due day: the start date's weekday (1 = Monday) for weekly rent, its day of the month otherwise. */
export function defaultDueDay(frequency: Frequency, startDate: IsoDate): number {
  const d = new Date(`${startDate}T00:00:00Z`);
  return frequency === 'weekly' ? ((d.getUTCDay() + 6) % 7) + 1 : d.getUTCDate();
}

/** `date` plus `months` calendar months; a day past the target month's end is its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The end of a renewal starting on `start` for as long as `lease` ran: a term of whole months
 * (1 Jan – 31 Dec, 15 Mar – 14 Sep) renews for as many months, so that leap years and month
 * lengths do not shift it; any other term for as many days.
 */
export function renewedEnd(lease: { startDate: IsoDate; endDate: IsoDate }, start: IsoDate): IsoDate {
  const [y1, m1] = lease.startDate.split('-').map(Number) as [number, number];
  const [y2, m2] = addDays(lease.endDate, 1).split('-').map(Number) as [number, number];
  const months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && addMonths(lease.startDate, months) === addDays(lease.endDate, 1)) return addDays(addMonths(start, months), -1);
  return addDays(start, daysBetween(lease.startDate, lease.endDate));
}

// Rent per month as a fraction of the rent per period.
const PER_MONTH: Record<Frequency, [bigint, bigint]> = { weekly: [52n, 12n], monthly: [1n, 1n], quarterly: [1n, 3n], yearly: [1n, 12n] };

/**
 * The monthly equivalent of a rent, in minor units: weekly × 52 / 12, quarterly / 3, yearly / 12,
 * rounded half to even (banker's rounding: no upward drift when many rents are summed).
 */
export function monthlyEquivalent(amount: number, frequency: Frequency): number {
  const [num, den] = PER_MONTH[frequency];
  const n = BigInt(amount) * num;
  const q = n / den;
  const twice = (n % den) * 2n;
  const rounded = twice < den ? q : twice > den ? q + 1n : q % 2n === 0n ? q : q + 1n;
  return Number(rounded);
}
