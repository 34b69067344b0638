import { instantIn, wallTimeIn } from '../../ui/dates.js';
import { parseMinorUnits, toMajorText } from '../../ui/money.js';
import type { ObjectField, ObjectRecord } from './types.js';

/**
 * A record's values as the generated form holds them, and back as the API takes them. The form
 * names each input by the field's key, so the API's field errors (which name the key) land on
 * their input. What each type holds in the form:
 * - text, long text, e-mail, phone, URL, a select, a to-one relation, a file: a string ('' for none);
 * - number: a number or null; currency: the amount typed in major units ("12.50");
 * - boolean: a boolean; date: `YYYY-MM-DD` or ''; date-time: the tenant's wall clock, `YYYY-MM-DDTHH:MM`;
 * - multi-select and many-to-many relations: a list of keys or ids.
 */
export type FormValues = Record<string, unknown>;

/** The select's "No value" choice (option keys start with a letter or digit, so none is this). */
export const NO_OPTION = '_none';

/** A field a person may write here: not computed, and not kept for API keys alone. */
export const isEditable = (field: ObjectField) => field.type !== 'formula' && field.type !== 'rollup' && !field.rules.apiOnly;

const isMany = (field: ObjectField) => field.type === 'multi_select' || (field.type === 'relation' && field.config.many === true);

/** One value as the form holds it. */
export function toFormValue(field: ObjectField, value: unknown, timeZone: string): unknown {
  if (isMany(field)) return Array.isArray(value) ? value.map(String) : [];
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'currency': {
      const money = value as { amountMinor?: number; currency?: string } | null;
      return money && typeof money.amountMinor === 'number' ? toMajorText(money.amountMinor, money.currency ?? field.config.currency ?? 'EUR') : '';
    }
    case 'boolean':
      return value === true;
    case 'datetime':
      return typeof value === 'string' && value ? wallTimeIn(new Date(value), timeZone) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The form's starting values: a record's (to edit it) or blanks (a new one). */
export function formDefaults(fields: readonly ObjectField[], record: ObjectRecord | undefined, timeZone: string): FormValues {
  return Object.fromEntries(fields.map((f) => [f.key, toFormValue(f, record?.[f.key] ?? null, timeZone)]));
}

export type Refusal = 'invalid' | 'decimals' | 'tooLarge' | 'negative';
export type Converted = { ok: true; value: unknown } | { ok: false; reason: Refusal };

/** One form value as the API takes it (null for an emptied one). */
export function toApiValue(field: ObjectField, raw: unknown, locale: string, timeZone: string): Converted {
  if (isMany(field)) return { ok: true, value: Array.isArray(raw) ? raw : [] };
  switch (field.type) {
    case 'number':
      return { ok: true, value: typeof raw === 'number' && Number.isFinite(raw) ? raw : null };
    case 'boolean':
      return { ok: true, value: raw === true };
    case 'currency': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!text) return { ok: true, value: null };
      // A fee may be negative (a refund): the sign is read apart, the digits as minor units.
      const negative = text.startsWith('-');
      const parsed = parseMinorUnits(negative ? text.slice(1) : text, field.config.currency ?? 'EUR', locale);
      if (!parsed.ok) return { ok: false, reason: parsed.reason === 'decimals' || parsed.reason === 'tooLarge' ? parsed.reason : 'invalid' };
      return { ok: true, value: { amountMinor: negative ? -parsed.amount : parsed.amount, currency: field.config.currency } };
    }
    case 'datetime': {
      const text = typeof raw === 'string' ? raw : '';
      if (!text) return { ok: true, value: null };
      const at = instantIn(text, timeZone);
      return at ? { ok: true, value: at.toISOString() } : { ok: false, reason: 'invalid' };
    }
    default: {
      const text = typeof raw === 'string' ? (field.type === 'long_text' ? raw : raw.trim()) : '';
      return { ok: true, value: text === '' || (field.type === 'select' && text === NO_OPTION) ? null : text };
    }
  }
}

/**
 * What a save sends: the editable fields' values, converted, and the fields the form cannot
 * convert (a currency amount with too many decimals). Editing, only the fields that changed are
 * sent, so that a save never rewrites what another person changed meanwhile in other fields.
 */
export function toApiBody(fields: readonly ObjectField[], values: FormValues, options: { locale: string; timeZone: string; before?: ObjectRecord }): { body: Record<string, unknown>; errors: { field: string; reason: Refusal }[] } {
  const body: Record<string, unknown> = {};
  const errors: { field: string; reason: Refusal }[] = [];
  for (const field of fields) {
    if (!isEditable(field)) continue;
    const converted = toApiValue(field, values[field.key], options.locale, options.timeZone);
    if (!converted.ok) {
      errors.push({ field: field.key, reason: converted.reason });
      continue;
    }
    if (options.before && sameValue(field, options.before[field.key] ?? null, converted.value)) continue;
    body[field.key] = converted.value;
  }
  return { body, errors };
}

function sameValue(field: ObjectField, before: unknown, after: unknown): boolean {
  if (field.type === 'currency') return (before as { amountMinor?: number } | null)?.amountMinor === (after as { amountMinor?: number } | null)?.amountMinor;
  if (field.type === 'datetime') return (before === null && after === null) || (typeof before === 'string' && typeof after === 'string' && Date.parse(before) === Date.parse(after));
  if (field.type === 'boolean') return (before === true) === (after === true);
  if (Array.isArray(after)) return Array.isArray(before) ? before.length === after.length && before.every((v, i) => v === after[i]) : after.length === 0;
  return before === after;
}
