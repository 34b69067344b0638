import { formatTimestamp } from '../../../ui/dates.js';
/** The billing pages' logic that needs no browser: months, levy periods, the split per unit, progress. */

/** `YYYY-MM` of a date, in UTC. */
export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

const STEP = { monthly: 1, quarterly: 3, yearly: 12 } as const;

/**
 * The first month on or after `from` that begins one of the schedule's levy periods (a levy period
 * starts at `startPeriod` and every 1, 3 or 12 months after it); rent bills every month. Null
 * when the schedule has ended before it.
 */
export function nextPeriodStart(schedule: { startPeriod: string; endPeriod: string | null; frequency: keyof typeof STEP | null }, from: string): string | null {
  const start = monthIndex(schedule.startPeriod);
  const step = STEP[schedule.frequency ?? 'monthly'];
  const at = monthIndex(from);
  const index = at <= start ? start : start + Math.ceil((at - start) / step) * step;
  if (schedule.endPeriod && index > monthIndex(schedule.endPeriod)) return null;
  return monthAt(index);
}

export interface PreviewLine {
  unitId: string | null;
  memberId: string | null;
  amount: number | null;
  currency: string | null;
  reason?: string;
}

export interface UnitSplit {
  unitId: string | null;
  /** The unit's part: what its owners would be charged, or (skipped) what it would have had. */
  amount: number;
  currency: string | null;
  payers: { memberId: string; amount: number }[];
  /** Why (some of) the unit is not charged. */
  reasons: string[];
}

/** A billing run preview's lines gathered per unit, in the order the preview gives them. */
export function splitByUnit(charges: PreviewLine[], skipped: PreviewLine[]): UnitSplit[] {
  const units = new Map<string, UnitSplit>();
  const entry = (line: PreviewLine) => {
    const key = line.unitId ?? '';
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { unitId: line.unitId, amount: 0, currency: line.currency, payers: [], reasons: [] }));
    unit.currency ??= line.currency;
    return unit;
  };
  for (const line of charges) {
    const unit = entry(line);
    unit.amount += line.amount ?? 0;
    if (line.memberId) unit.payers.push({ memberId: line.memberId, amount: line.amount ?? 0 });
  }
  for (const line of skipped) {
    const unit = entry(line);
    if (line.reason && !unit.reasons.includes(line.reason)) unit.reasons.push(line.reason);
    // A line already charged is part of the unit's levy; a unit without owner carries its part.
    if (line.reason === 'already_charged' || line.reason === 'no_owner' || line.reason === 'billed_to_others') {
      unit.amount += line.amount ?? 0;
      if (line.memberId && line.reason !== 'no_owner') unit.payers.push({ memberId: line.memberId, amount: line.amount ?? 0 });
    }
  }
  return [...units.values()];
}

/** How far a run has got, 0–100: the charges done (created, found, failed) of those planned. */
export function progressOf(run: { status: string; counts: { planned: number; pending: number } }): number {
  if (run.status === 'completed' || run.status === 'failed') return 100;
  if (run.counts.planned === 0) return 0;
  return Math.floor(((run.counts.planned - run.counts.pending) * 100) / run.counts.planned);
}

/** A day (`YYYY-MM-DD`) by locale, never shifted by the time zone. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '—';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A month (`YYYY-MM`) by locale: "March 2025". */
export function formatMonth(month: string, locale: string): string {
  if (!isMonth(month)) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A moment (ISO date-time) by locale. */
export function formatMoment(at: string | null | undefined, locale: string): string {
  if (!at) return '—';
  return formatTimestamp(at, locale);
}
