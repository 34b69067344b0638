import type { Expr } from './ast.js';
import type { ErrorParams, ExpressionErrorCode } from './errors.js';
import { type Env, type Run, dateOfInstant, todayOf } from './runtime.js';
import { type ExprType, type TypeKind, T, describeType, money } from './types.js';
import {
  type Fail, type Money, addMonths, asText, boundedText, dateOfDay, dateParts, dayNumber, fitAmount, fitNumber, instant, isCurrencyCode, roundHalfAway, sameCurrency,
} from './values.js';

/** What a function's check may ask of the call it checks. */
export interface CallSite {
  readonly name: string;
  readonly args: readonly Expr[];
  /** Reports that argument `index` has the wrong type; returns null (the call's type is unknown). */
  mismatch(index: number, expected: string): null;
  error(index: number, code: ExpressionErrorCode, params: ErrorParams): null;
  /** The one type all of `types` fit (if, coalesce, min, max), or null after reporting why not. */
  unify(types: readonly ExprType[], firstIndex: number): ExprType | null;
}

export interface FunctionSpec {
  /** For the formula editor and the docs. */
  readonly signature: string;
  readonly min: number;
  readonly max: number;
  /** Reads the clock: a stored result goes stale as time passes. */
  readonly volatile?: boolean;
  check(types: readonly ExprType[], site: CallSite): ExprType | null;
  /** Most functions give null when an argument is null: `apply` sees only non-null arguments. */
  readonly apply?: (args: readonly unknown[], fail: Fail, env: Env, types: readonly ExprType[]) => unknown;
  /** The few that look at null themselves build their own evaluation. */
  readonly build?: (args: readonly Run[], fail: Fail, types: readonly ExprType[]) => Run;
}

/** Whether argument `index` is one of `kinds` (null fits any); reports a mismatch if not. */
export function accepts(types: readonly ExprType[], site: CallSite, index: number, kinds: readonly TypeKind[], expected: string): boolean {
  const kind = types[index]!.kind;
  if (kind === 'null' || kinds.includes(kind)) return true;
  site.mismatch(index, expected);
  return false;
}

const all = (checks: boolean[]) => checks.every(Boolean);
const NUMBER = ['number'] as const;
const TEXT = ['text'] as const;
const DATES = ['date', 'datetime'] as const;
const A_NUMBER = describeType(T.number);
const A_DATE = 'a date';

/** A calendar date from a date or an instant (its date in the tenant's zone). */
const calendarDate = (value: unknown, env: Env): string => (typeof value === 'number' ? dateOfInstant(env.context, value) : (value as string));

/** Whether `a` orders before `b` (amounts of one currency). */
function before(a: unknown, b: unknown, fail: Fail): boolean {
  if (typeof a === 'object') {
    sameCurrency(a as Money, b as Money, fail);
    return (a as Money).amount < (b as Money).amount;
  }
  return (a as number) < (b as number);
}

const wholeNumber = (n: number) => Math.trunc(n);

function unaryNumber(name: string, f: (x: number) => number): FunctionSpec {
  return {
    signature: `${name}(x: number) → number`,
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, NUMBER, A_NUMBER) ? T.number : null),
    apply: ([x], fail) => fitNumber(f(x as number), fail),
  };
}

function textToText(name: string, f: (s: string) => string): FunctionSpec {
  return {
    signature: `${name}(t: text) → text`,
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, TEXT, 'text') ? T.text : null),
    apply: ([s]) => f(s as string),
  };
}

function textTest(name: string, f: (s: string, t: string) => boolean): FunctionSpec {
  return {
    signature: `${name}(t: text, part: text) → boolean`,
    min: 2,
    max: 2,
    check: (types, site) => (all([accepts(types, site, 0, TEXT, 'text'), accepts(types, site, 1, TEXT, 'text')]) ? T.boolean : null),
    apply: ([s, t]) => f(s as string, t as string),
  };
}

function datePart(name: string, part: (y: number, m: number, d: number, day: number) => number, what: string): FunctionSpec {
  return {
    signature: `${name}(d: date) → number (${what})`,
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, DATES, A_DATE) ? T.number : null),
    apply: ([d], _fail, env) => {
      const date = calendarDate(d, env);
      const [y, m, day] = dateParts(date);
      return part(y, m, day, dayNumber(date)!);
    },
  };
}

/** A literal argument checked when the expression is defined (`date('2026-02-30')` is refused there, at the text). */
function literalText(site: CallSite, index: number): string | null {
  const node = site.args[index];
  return node?.kind === 'text' ? node.value : null;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['if', {
    signature: 'if(condition: boolean, then, else?) → the type of then and else',
    min: 2,
    max: 3,
    check: (types, site) => (accepts(types, site, 0, ['boolean'], 'true or false') ? site.unify(types.slice(1), 1) : null),
    // A null condition is not true: the else branch, as SQL's CASE does.
    build: ([c, a, b]) => (env) => (c!(env) === true ? a!(env) : b ? b(env) : null),
  }],
  ['coalesce', {
    signature: 'coalesce(a, b, …) → the first value that is not null',
    min: 1,
    max: 16,
    check: (types, site) => site.unify(types, 0),
    build: (args) => (env) => {
      for (const arg of args) {
        const v = arg(env);
        if (v !== null) return v;
      }
      return null;
    },
  }],
  ['is_blank', {
    signature: 'is_blank(x) → boolean: x is null, empty text (or only spaces) or an empty list',
    min: 1,
    max: 1,
    check: () => T.boolean,
    build: ([x]) => (env) => {
      const v = x!(env);
      return v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    },
  }],
  ['round', {
    signature: 'round(x: number, digits?: number) → number, halves away from zero',
    min: 1,
    max: 2,
    check: (types, site) => (all([accepts(types, site, 0, NUMBER, A_NUMBER), types.length < 2 || accepts(types, site, 1, NUMBER, A_NUMBER)]) ? T.number : null),
    apply: ([x, digits = 0], fail) => {
      const d = wholeNumber(digits as number);
      if (d < -10 || d > 10) fail('expression.out_of_range', { what: 'round() keeps from -10 to 10 digits' });
      return fitNumber(roundHalfAway(x as number, d), fail);
    },
  }],
  ['floor', unaryNumber('floor', Math.floor)],
  ['ceil', unaryNumber('ceil', Math.ceil)],
  ['abs', {
    signature: 'abs(x: number or money) → the same type',
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, ['number', 'money'], 'a number or an amount of money') ? types[0]! : null),
    apply: ([x], fail) => (typeof x === 'number' ? fitNumber(Math.abs(x), fail) : { ...(x as Money), amount: Math.abs((x as Money).amount) }),
  }],
  ...(['min', 'max'] as const).map((name): [string, FunctionSpec] => [name, {
    signature: `${name}(a, b, …) → the ${name === 'min' ? 'smallest' : 'largest'} of the values that are not null`,
    min: 2,
    max: 16,
    check: (types, site) => {
      const type = site.unify(types, 0);
      if (type && !['number', 'money', 'date', 'datetime', 'text', 'null'].includes(type.kind)) return site.mismatch(0, 'numbers, amounts, dates or text');
      return type;
    },
    // Nulls are skipped, as SQL's least() and greatest() and spreadsheets do.
    build: (args, fail) => (env) => {
      let best: unknown = null;
      for (const arg of args) {
        const v = arg(env);
        if (v === null) continue;
        if (best === null || (name === 'min' ? before(v, best, fail) : before(best, v, fail))) best = v;
      }
      return best;
    },
  }]),
  ['len', {
    signature: 'len(t: text or list) → number of characters or options',
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, ['text', 'list'], 'text or a list') ? T.number : null),
    apply: ([x]) => (Array.isArray(x) ? x.length : [...(x as string)].length),
  }],
  ['lower', textToText('lower', (s) => s.toLowerCase())],
  ['upper', textToText('upper', (s) => s.toUpperCase())],
  ['trim', textToText('trim', (s) => s.trim())],
  ['concat', {
    signature: 'concat(a, b, …) → text; null reads as empty text',
    min: 1,
    max: 16,
    check: (types, site) => (all(types.map((_t, i) => accepts(types, site, i, ['text', 'number', 'money', 'boolean', 'date', 'datetime', 'list'], 'a value that reads as text'))) ? T.text : null),
    build: (args, fail, types) => (env) => {
      let out = '';
      for (let i = 0; i < args.length; i++) {
        const v = args[i]!(env);
        if (v !== null) out = boundedText(out + asText(v, types[i]!), fail);
      }
      return out;
    },
  }],
  ['contains', {
    signature: 'contains(t: text or list, part: text) → boolean',
    min: 2,
    max: 2,
    check: (types, site) => {
      if (!all([accepts(types, site, 0, ['text', 'list'], 'text or a list'), accepts(types, site, 1, TEXT, 'text')])) return null;
      const list = types[0]!;
      const option = literalText(site, 1);
      if (list.kind === 'list' && list.options && option !== null && !list.options.includes(option)) {
        return site.error(1, 'expression.unknown_option', { option, field: list.field ?? '', options: list.options.join(', ') });
      }
      return T.boolean;
    },
    apply: ([x, part]) => (Array.isArray(x) ? x.includes(part) : (x as string).includes(part as string)),
  }],
  ['starts_with', textTest('starts_with', (s, t) => s.startsWith(t))],
  ['ends_with', textTest('ends_with', (s, t) => s.endsWith(t))],
  ['text', {
    signature: 'text(x) → x as text (an amount as `1234.50 EUR`, a date as `2026-01-31`)',
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, ['text', 'number', 'money', 'boolean', 'date', 'datetime', 'list'], 'a value that reads as text') ? T.text : null),
    apply: ([x], fail, _env, types) => boundedText(asText(x, types[0]!), fail),
  }],
  ['today', { signature: "today() → the date in the tenant's time zone", min: 0, max: 0, volatile: true, check: () => T.date, build: () => (env) => todayOf(env.context) }],
  ['now', { signature: 'now() → the date and time', min: 0, max: 0, volatile: true, check: () => T.datetime, build: () => (env) => env.context.now.getTime() }],
  ['date', {
    signature: "date(x: text 'YYYY-MM-DD' or date and time) → date",
    min: 1,
    max: 1,
    check: (types, site) => {
      if (!accepts(types, site, 0, ['text', 'date', 'datetime'], "text such as '2026-01-31', or a date and time")) return null;
      const literal = literalText(site, 0);
      if (literal !== null && dayNumber(literal) === null) return site.error(0, 'expression.invalid_date', { text: literal });
      return T.date;
    },
    apply: ([x], fail, env) => {
      if (typeof x === 'number') return dateOfInstant(env.context, x);
      if (dayNumber(x as string) === null) fail('expression.invalid_date', { text: String(x).slice(0, 40) });
      return x;
    },
  }],
  ['datetime', {
    signature: "datetime(t: text such as '2026-01-31T09:30:00Z') → date and time",
    min: 1,
    max: 1,
    check: (types, site) => {
      if (!accepts(types, site, 0, TEXT, "text such as '2026-01-31T09:30:00Z'")) return null;
      const literal = literalText(site, 0);
      if (literal !== null && instant(literal) === null) return site.error(0, 'expression.invalid_date', { text: literal });
      return T.datetime;
    },
    apply: ([x], fail) => instant(x as string) ?? fail('expression.invalid_date', { text: String(x).slice(0, 40) }),
  }],
  ['days_between', {
    signature: 'days_between(from: date, to: date) → number of days from `from` to `to` (negative when `to` is earlier)',
    min: 2,
    max: 2,
    check: (types, site) => (all([accepts(types, site, 0, DATES, A_DATE), accepts(types, site, 1, DATES, A_DATE)]) ? T.number : null),
    apply: ([a, b], _fail, env) => dayNumber(calendarDate(b, env))! - dayNumber(calendarDate(a, env))!,
  }],
  ['add_days', {
    signature: 'add_days(d: date, days: number) → date (whole days; a fraction is dropped)',
    min: 2,
    max: 2,
    check: (types, site) => (all([accepts(types, site, 0, ['date'], A_DATE), accepts(types, site, 1, NUMBER, A_NUMBER)]) ? T.date : null),
    apply: ([d, n], fail) => dateOfDay(dayNumber(d as string)! + wholeNumber(n as number), fail),
  }],
  ['add_months', {
    signature: 'add_months(d: date, months: number) → date; past the end of a month, its last day',
    min: 2,
    max: 2,
    check: (types, site) => (all([accepts(types, site, 0, ['date'], A_DATE), accepts(types, site, 1, NUMBER, A_NUMBER)]) ? T.date : null),
    apply: ([d, n], fail) => addMonths(d as string, wholeNumber(n as number), fail),
  }],
  ['year', datePart('year', (y) => y, 'the year')],
  ['month', datePart('month', (_y, m) => m, '1 to 12')],
  ['day', datePart('day', (_y, _m, d) => d, 'day of the month, 1 to 31')],
  // 1970-01-01 was a Thursday (ISO weekday 4).
  ['weekday', datePart('weekday', (_y, _m, _d, n) => ((((n + 3) % 7) + 7) % 7) + 1, '1 for Monday to 7 for Sunday')],
  ['money', {
    signature: "money(minor_units: number, currency: text such as 'EUR') → money; the units are rounded half away from zero",
    min: 2,
    max: 2,
    check: (types, site) => {
      if (!accepts(types, site, 0, NUMBER, A_NUMBER)) return null;
      const code = literalText(site, 1);
      if (code === null) return site.mismatch(1, "a currency code written out, such as 'EUR'");
      if (!isCurrencyCode(code)) return site.error(1, 'expression.invalid_currency', { code });
      return money(code);
    },
    apply: ([units, code], fail) => fitAmount(units as number, code as string, fail),
  }],
  ['minor_units', {
    signature: 'minor_units(m: money) → number of minor units (cents)',
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, ['money'], 'an amount of money') ? T.number : null),
    apply: ([m]) => (m as Money).amount,
  }],
  ['currency', {
    signature: "currency(m: money) → its currency code, such as 'EUR'",
    min: 1,
    max: 1,
    check: (types, site) => (accepts(types, site, 0, ['money'], 'an amount of money') ? T.text : null),
    apply: ([m]) => (m as Money).currency,
  }],
]);

/** Aggregates over a to-many relation (`count(permits)`, `sum(payments.amount)`); min and max also compare two or more values. */
export const AGGREGATES: ReadonlySet<string> = new Set(['count', 'sum', 'min', 'max']);

export const AGGREGATE_SIGNATURES: Readonly<Record<string, string>> = {
  count: 'count(relation) or count(relation.field) → number of related records, or of their values that are not null',
  sum: 'sum(relation.field) → the total of a number or money field of the related records (0 when there are none)',
  min: 'min(relation.field) or min(a, b, …) → the smallest value, null when there is none',
  max: 'max(relation.field) or max(a, b, …) → the largest value, null when there is none',
};
