import { MAX_AMOUNT } from '../../../kernel/money.js';
import { LIMITS } from './ast.js';
import type { ErrorParams, ExpressionErrorCode } from './errors.js';
import type { ExprType } from './types.js';

/**
 * Values while an expression runs, and the arithmetic on them. Text is a string, a number a
 * JS number within ±LIMITS.number kept to 15 significant digits (as a spreadsheet does, so
 * `0.1 + 0.2` is `0.3`), a date its `YYYY-MM-DD` string, a date-time its epoch milliseconds,
 * money `{ amount, currency }` in integer minor units (exact), a multi-select an array of
 * strings, and null is null.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Throws the language's error at the node being evaluated. */
export type Fail = (code: ExpressionErrorCode, params?: ErrorParams) => never;

export function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' && value !== null && Object.hasOwn(value, 'amount') && Object.hasOwn(value, 'currency') &&
    Number.isSafeInteger((value as Money).amount) && Math.abs((value as Money).amount) <= MAX_AMOUNT && isCurrencyCode((value as Money).currency)
  );
}

export const isCurrencyCode = (code: unknown): code is string => typeof code === 'string' && /^[A-Z]{3}$/.test(code);

/** A number result, in range and without binary noise; anything else is the language's error, never Infinity or NaN. */
export function fitNumber(n: number, fail: Fail): number {
  if (!Number.isFinite(n) || Math.abs(n) > LIMITS.number) fail('expression.out_of_range', { what: `numbers go up to ±${LIMITS.number}` });
  if (Number.isInteger(n)) return n === 0 ? 0 : n;
  return Number(n.toPrecision(15));
}

/** An amount of minor units, rounded half away from zero, within what one amount may be. */
export function fitAmount(n: number, currency: string, fail: Fail): Money {
  const amount = roundHalfAway(n, 0);
  if (!Number.isFinite(amount) || Math.abs(amount) > MAX_AMOUNT) fail('expression.out_of_range', { what: `amounts go up to ±${MAX_AMOUNT} minor units` });
  return { amount: amount === 0 ? 0 : amount, currency };
}

/**
 * `x` rounded to `digits` decimals, halves away from zero (2.5 → 3, −2.5 → −3, 1.005 → 1.01):
 * the shift is cut to 15 significant digits first, so that a decimal written 1.005 rounds as
 * written, not as the binary fraction just below it.
 */
export function roundHalfAway(x: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = (Math.sign(x) * Math.round(shifted)) / factor;
  return rounded === 0 ? 0 : rounded;
}

export function sameCurrency(a: Money, b: Money, fail: Fail): string {
  if (a.currency !== b.currency) fail('expression.currency_mismatch', { left: a.currency, right: b.currency });
  return a.currency;
}

// ---- Calendar dates, as day numbers (days since 1970-01-01), by Howard Hinnant's civil algorithms.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Records of one batch share dates (today(), the same valid_to): parsed once. Bounded, so any input is fine.
const days = new Map<string, number | null>();

/** The day number of a `YYYY-MM-DD` date from 0001-01-01 to 9999-12-31, or null for anything else. */
export function dayNumber(text: string): number | null {
  let day = days.get(text);
  if (day === undefined) {
    if (days.size >= 4_096) days.clear();
    day = parseDay(text);
    days.set(text, day);
  }
  return day;
}

function parseDay(text: string): number | null {
  if (text.length !== 10) return null;
  const m = DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

export const isDate = (value: unknown): value is string => typeof value === 'string' && dayNumber(value) !== null;

/** The date of day number `days`; out of the calendar's range is the language's error. */
export function dateOfDay(days: number, fail: Fail): string {
  if (!Number.isSafeInteger(days) || days < MIN_DAY || days > MAX_DAY) fail('expression.out_of_range', { what: 'dates go from 0001-01-01 to 9999-12-31' });
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function dateParts(date: string): [number, number, number] {
  return civilFromDays(dayNumber(date)!);
}

/** `date` plus `months` months; a day past the end of the new month becomes its last day (Jan 31 + 1 month = Feb 28 or 29). */
export function addMonths(date: string, months: number, fail: Fail): string {
  const [y, m, d] = dateParts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < 1 || year > 9999) fail('expression.out_of_range', { what: 'dates go from 0001-01-01 to 9999-12-31' });
  return dateOfDay(daysFromCivil(year, month, Math.min(d, daysInMonth(year, month))), fail);
}

// An instant as the API writes it: a date, a time, and Z or an offset.
const DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The epoch milliseconds of an ISO 8601 instant, or null. */
export function instant(text: string): number | null {
  const m = DATETIME.exec(text);
  if (!m || dayNumber(m[1]!) === null) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

// ---- Text

const fractionDigits = new Map<string, number>();

/** The minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for KWD), as the runtime's ICU knows them. */
function digitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  return digits;
}

/** An amount as plain text, `1234.50 EUR`: no grouping, so it reads the same in every language. */
export function moneyText(value: Money): string {
  const digits = digitsOf(value.currency);
  const abs = String(Math.abs(value.amount)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const sign = value.amount < 0 ? '-' : '';
  return `${sign}${whole}${digits > 0 ? `.${abs.slice(abs.length - digits)}` : ''} ${value.currency}`;
}

export function boundedText(text: string, fail: Fail): string {
  if (text.length > LIMITS.textLength) fail('expression.text_too_long', { max: LIMITS.textLength });
  return text;
}

/** A value as text: `&`, concat() and text() spell values so (null is empty text). */
export function asText(value: unknown, type: ExprType): string {
  if (value === null) return '';
  if (type.kind === 'datetime') return new Date(value as number).toISOString();
  if (type.kind === 'money') return moneyText(value as Money);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
