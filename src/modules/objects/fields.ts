import type { FieldError } from '../../kernel/errors.js';

/**
 * The field types, what each one accepts, how it is stored in a record's `data` and how it is
 * indexed in `object_values` (see README.md). Pure functions: no database here.
 */

export const FIELD_TYPES = ['text', 'long_text', 'number', 'currency', 'boolean', 'date', 'datetime', 'select', 'multi_select', 'email', 'phone', 'url', 'relation', 'file', 'formula', 'rollup'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Standard record kinds a relation may point at, and an extension may extend. */
export const STANDARD_TARGETS = ['member', 'unit', 'property', 'lease'] as const;
export type StandardTarget = (typeof STANDARD_TARGETS)[number];
export const isStandardTarget = (value: string): value is StandardTarget => (STANDARD_TARGETS as readonly string[]).includes(value);

export interface SelectOption {
  key: string;
  label: string;
  color?: string;
}

/** What a field's type needs beyond its rules. */
export interface FieldConfig {
  /** text: at most this many characters (500 at most: an index row must fit a btree page). */
  maxLength?: number;
  /** number: digits after the decimal point (0 to 6; default 6). */
  decimals?: number;
  /** currency: the ISO 4217 code every value of the field is in. */
  currency?: string;
  /** select, multi_select. */
  options?: SelectOption[];
  /** relation: a standard record kind or a custom object's key; `targetObjectId` is that object's id. */
  target?: string;
  targetObjectId?: string;
  /** relation: many-to-many (an array of ids) rather than to-one. */
  many?: boolean;
  /** formula: the expression (see expressions/README.md). */
  expression?: string;
  /** rollup: the aggregate, over the records of `object` whose to-one `relation` points at this record (or, without `object`, over this record's many-to-many `relation`). */
  fn?: 'count' | 'sum' | 'min' | 'max';
  object?: string;
  relation?: string;
  /** rollup: the related object's field aggregated (count may go without). */
  field?: string;
  /** formula and rollup, set by the module when the expression is checked: what the value is stored as, and whether it reads the clock. */
  result?: ComputedResult;
  volatile?: boolean;
}

/** The type a formula's or rollup's value is stored as (expressions' fieldTypeOf of its result). */
export interface ComputedResult {
  type: 'text' | 'number' | 'currency' | 'boolean' | 'date' | 'datetime' | 'select' | 'multi_select';
  currency?: string | null;
  options?: string[];
}

/** A cross-field rule of an object: an expression that must not be false, its message, and the fields its field errors name. */
export interface ObjectRule {
  id: string;
  expression: string;
  message: string;
  fields: string[];
}

export const isComputed = (field: Pick<FieldDef, 'type'>) => field.type === 'formula' || field.type === 'rollup';

/** The type a field's values have: a computed field's result type, or its own. */
export function valueType(field: Pick<FieldDef, 'type' | 'config'>): FieldType | null {
  if (!isComputed(field)) return field.type;
  return field.config.result?.type ?? null;
}

export interface FieldRules {
  required?: boolean;
  unique?: boolean;
  /** number and currency: the value (currency: minor units); text: the length; date: a date; datetime: an instant. */
  min?: number | string;
  max?: number | string;
  /** text: a regular expression the whole value must match. */
  pattern?: string;
  /** Only API keys may write the field; people (the web app) read it only. */
  apiOnly?: boolean;
}

export interface FieldDef {
  id: string;
  key: string;
  label: string;
  type: FieldType;
  config: FieldConfig;
  rules: FieldRules;
}

export type ValueKind = 'n' | 'b' | 't' | 'd';

/** The kind of a field's value rows, or null for a field that is not indexed. */
export function kindOf(field: Pick<FieldDef, 'type' | 'config'>): ValueKind | null {
  switch (valueType(field)) {
    case 'number':
    case 'currency':
      return 'n';
    case 'boolean':
      return 'b';
    case 'date':
    case 'datetime':
      return 'd';
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'select':
    case 'file':
      return 't';
    case 'relation':
      return field.config.many ? null : 't';
    default:
      return null;
  }
}

export const TEXT_MAX = 500;
export const URL_MAX = 2000;
export const LONG_TEXT_MAX = 100_000;
export const MANY_MAX = 100;
const NUMBER_LIMIT = 1e15;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{3,32}$/;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** A calendar date PostgreSQL stores: year 1 to 9999, a day the month has. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An instant as `YYYY-MM-DDTHH:MM[:SS[.ffffff]](Z|±HH:MM)`, normalised to UTC; null if it is none. */
export function instant(value: string): string | null {
  if (!DATETIME.test(value) || !isDate(value.slice(0, 10))) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999) return null;
  return at.toISOString();
}

/** The number as PostgreSQL's numeric reads it, if it is a finite JSON number of at most `decimals` decimals within ±10^15. */
function decimal(value: unknown, decimals: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) >= NUMBER_LIMIT) return null;
  const text = String(value);
  // Exponent notation: below 10^-6, more decimals than any field keeps.
  if (/e/i.test(text)) return null;
  const fraction = text.split('.')[1] ?? '';
  return fraction.length <= decimals ? text : null;
}

/** What a write's value becomes in `data`: the normalised value, null, or a field error. */
export type Parsed = { ok: true; value: unknown } | { ok: false; error: FieldError };

const refuse = (error: FieldError): Parsed => ({ ok: false, error });

/** Checks one value a write gives a field against its type and its `pattern`/length rules (not required/unique/range: see callers). */
export function parseValue(field: FieldDef, raw: unknown): Parsed {
  const at = field.key;
  if (raw === null || raw === undefined) return { ok: true, value: null };
  switch (field.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return refuse({ field: at, message: 'must be text', code: 'invalid_type' });
      const max = field.type === 'text' ? Math.min(field.config.maxLength ?? TEXT_MAX, TEXT_MAX) : LONG_TEXT_MAX;
      if (raw.length > max) return refuse({ field: at, message: `must be at most ${max} characters`, code: 'too_long' });
      if (raw === '') return { ok: true, value: null };
      if (field.rules.pattern && !patternOf(field.rules.pattern)?.test(raw)) return refuse({ field: at, message: 'does not match the pattern of the field', code: 'pattern' });
      return { ok: true, value: raw };
    }
    case 'number': {
      const n = decimal(raw, field.config.decimals ?? 6);
      if (n === null) return refuse({ field: at, message: `must be a number within ±10^15 with at most ${field.config.decimals ?? 6} decimals`, code: 'invalid_type' });
      return { ok: true, value: raw };
    }
    case 'currency': {
      const money = raw as { amountMinor?: unknown; currency?: unknown };
      if (typeof raw !== 'object' || Array.isArray(raw) || !Number.isSafeInteger(money.amountMinor) || Object.keys(raw).some((k) => k !== 'amountMinor' && k !== 'currency')) {
        return refuse({ field: at, message: 'must be {"amountMinor": an integer, "currency": the field\'s currency}', code: 'invalid_type' });
      }
      if (money.currency !== undefined && money.currency !== field.config.currency) return refuse({ field: at, message: `must be in ${field.config.currency}`, code: 'wrong_currency' });
      return { ok: true, value: { amountMinor: money.amountMinor, currency: field.config.currency } };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : refuse({ field: at, message: 'must be true or false', code: 'invalid_type' });
    case 'date':
      return typeof raw === 'string' && isDate(raw) ? { ok: true, value: raw } : refuse({ field: at, message: 'must be a date, YYYY-MM-DD', code: 'invalid_type' });
    case 'datetime': {
      const value = typeof raw === 'string' ? instant(raw) : null;
      return value ? { ok: true, value } : refuse({ field: at, message: 'must be a date and time with its offset, e.g. 2026-05-01T09:30:00+02:00', code: 'invalid_type' });
    }
    case 'select':
      if (typeof raw !== 'string') return refuse({ field: at, message: 'must be the key of one of the field\'s options', code: 'invalid_type' });
      return field.config.options?.some((o) => o.key === raw) ? { ok: true, value: raw } : refuse({ field: at, message: `has no option "${raw.slice(0, 60)}"`, code: 'unknown_option' });
    case 'multi_select': {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) return refuse({ field: at, message: 'must be a list of keys of the field\'s options', code: 'invalid_type' });
      const unknown = (raw as string[]).find((v) => !field.config.options?.some((o) => o.key === v));
      if (unknown !== undefined) return refuse({ field: at, message: `has no option "${unknown.slice(0, 60)}"`, code: 'unknown_option' });
      return { ok: true, value: [...new Set(raw as string[])] };
    }
    case 'email':
      if (typeof raw !== 'string' || raw.length > 254 || !EMAIL.test(raw)) return refuse({ field: at, message: 'must be an e-mail address', code: 'invalid_type' });
      return { ok: true, value: raw.toLowerCase() };
    case 'phone':
      return typeof raw === 'string' && PHONE.test(raw) ? { ok: true, value: raw } : refuse({ field: at, message: 'must be a phone number: digits with optional +, spaces, dots, dashes and parentheses', code: 'invalid_type' });
    case 'url': {
      const href = typeof raw === 'string' && raw.length <= URL_MAX ? urlOf(raw) : null;
      return href && href.length <= URL_MAX ? { ok: true, value: href } : refuse({ field: at, message: 'must be an http or https URL of at most 2000 characters', code: 'invalid_type' });
    }
    case 'relation':
      if (field.config.many) {
        if (!Array.isArray(raw) || raw.length > MANY_MAX || !raw.every(isUuid)) return refuse({ field: at, message: `must be a list of at most ${MANY_MAX} record ids`, code: 'invalid_type' });
        return { ok: true, value: [...new Set((raw as string[]).map((id) => id.toLowerCase()))] };
      }
      return isUuid(raw) ? { ok: true, value: raw.toLowerCase() } : refuse({ field: at, message: 'must be a record id', code: 'invalid_type' });
    case 'file':
      return isUuid(raw) ? { ok: true, value: raw.toLowerCase() } : refuse({ field: at, message: 'must be a document id', code: 'invalid_type' });
    case 'formula':
    case 'rollup':
      return refuse({ field: at, message: 'is computed: it cannot be written', code: 'read_only' });
  }
}

function urlOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A value row's columns for a stored value (null for a field that is not indexed). */
export function indexed(field: Pick<FieldDef, 'type' | 'config'>, value: unknown): { kind: ValueKind; num: string | null; txt: string | null; ts: string | null } | null {
  const kind = kindOf(field);
  if (!kind) return null;
  const row = { kind, num: null as string | null, txt: null as string | null, ts: null as string | null };
  if (value === null || value === undefined) return row;
  const type = valueType(field);
  if (type === 'currency') row.num = String((value as { amountMinor: number }).amountMinor);
  else if (type === 'boolean') row.num = value ? '1' : '0';
  else if (kind === 'n') row.num = String(value);
  else if (type === 'date') row.ts = `${value as string}T00:00:00Z`;
  else if (kind === 'd') row.ts = value as string;
  // A computed text may be longer than an index row holds: it sorts by its first 500 characters.
  else row.txt = isComputed(field) ? (value as string).slice(0, TEXT_MAX) : (value as string);
  return row;
}

/** The range bounds a field's value rows carry (`min`, `max`): a value, a length or epoch seconds. */
export function boundsOf(field: Pick<FieldDef, 'type' | 'rules'>): { min: string | null; max: string | null } {
  const bound = (b: number | string | undefined): string | null => {
    if (b === undefined || b === null) return null;
    if (field.type === 'date' || field.type === 'datetime') return String(Date.parse(field.type === 'date' ? `${b as string}T00:00:00Z` : (b as string)) / 1000);
    return String(b);
  };
  return { min: bound(field.rules.min), max: bound(field.rules.max) };
}

const compiled = new Map<string, RegExp | null>();

/** A field's pattern as a regular expression matching the whole value (null if it does not compile). */
export function patternOf(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    if (compiled.size < 10_000) compiled.set(pattern, re);
  }
  return re;
}

/**
 * Whether a pattern risks catastrophic backtracking: a quantified group that itself holds a
 * quantifier (`(a+)+`, `(\w*)*`), or a backreference. Refused at definition time: a tenant's
 * pattern runs on every write, in the request's thread.
 */
export function riskyPattern(pattern: string): boolean {
  if (/\\[1-9]|\\k</.test(pattern)) return true;
  const stack: boolean[] = [];
  let quantifiedInside = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      stack.push(quantifiedInside);
      quantifiedInside = false;
    } else if (c === ')') {
      const inner = quantifiedInside;
      quantifiedInside = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (inner && quantified && next !== '?') return true;
      if (inner || quantified) quantifiedInside = true;
    } else if (c === '*' || c === '+' || c === '{') {
      quantifiedInside = true;
    }
  }
  return false;
}
