import { instantIn, wallTimeIn } from '../../ui/dates.js';
import { parseMinorUnits, toMajorText } from '../../ui/money.js';
import { optionsText, parseOptions } from './format.js';
import { rulesOf, type FieldRules, type FieldType, type ObjectField, type SelectOption } from './types.js';

/**
 * The "Add field" and field forms: what they hold, and the API's field spec (`POST .../fields`)
 * or change (`PATCH .../fields/{key}`) they become. The form's names follow the API's
 * (`config.currency`, `rules.min`), so that its field errors land on their inputs.
 */
export interface FieldFormValues {
  key: string;
  label: string;
  type: FieldType;
  config: { currency: string; options: string; target: string; many: boolean; maxLength: number | null; decimals: number | null; expression: string; fn: 'count' | 'sum' | 'min' | 'max'; object: string; relation: string; field: string };
  /** Bounds as typed: a number, an amount in major units, a length, a date or a wall-clock time. */
  rules: { required: boolean; unique: boolean; apiOnly: boolean; min: string; max: string; pattern: string };
}

export const newFieldDefaults = (): FieldFormValues => ({
  key: '',
  label: '',
  type: 'text',
  config: { currency: 'EUR', options: '', target: '', many: false, maxLength: null, decimals: null, expression: '', fn: 'sum', object: '', relation: '', field: '' },
  rules: { required: false, unique: false, apiOnly: false, min: '', max: '', pattern: '' },
});

/** A bound as typed in the form, back from the API's (minor units as major, an instant as the tenant's wall clock). */
export function boundText(type: FieldType, value: number | string | null | undefined, currency: string | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (type === 'currency' && typeof value === 'number') return toMajorText(value, currency ?? 'EUR');
  if (type === 'datetime' && typeof value === 'string') return wallTimeIn(new Date(value), timeZone);
  return String(value);
}

type Bound = { ok: true; value: number | string | null } | { ok: false };

/** A bound typed in the form as the API takes it; blank is none (null). */
export function boundValue(type: FieldType, text: string, currency: string, locale: string, timeZone: string): Bound {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  switch (type) {
    case 'number': {
      const n = Number(t.replace(',', '.'));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'currency': {
      const negative = t.startsWith('-');
      const parsed = parseMinorUnits(negative ? t.slice(1) : t, currency, locale);
      return parsed.ok ? { ok: true, value: negative ? -parsed.amount : parsed.amount } : { ok: false };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(t) ? { ok: true, value: t } : { ok: false };
    case 'datetime': {
      const at = instantIn(t, timeZone);
      return at ? { ok: true, value: at.toISOString() } : { ok: false };
    }
    default:
      // A text's bounds are lengths.
      return /^\d{1,4}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false };
  }
}

export function fieldFormOf(field: ObjectField, timeZone: string): FieldFormValues {
  const base = newFieldDefaults();
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    config: { ...base.config, currency: field.config.currency ?? '', options: optionsText(field.config.options), target: field.config.target ?? '', many: field.config.many ?? false, expression: field.config.expression ?? '' },
    rules: {
      required: field.rules.required ?? false,
      unique: field.rules.unique ?? false,
      apiOnly: field.rules.apiOnly ?? false,
      min: boundText(field.type, field.rules.min, field.config.currency, timeZone),
      max: boundText(field.type, field.rules.max, field.config.currency, timeZone),
      pattern: field.rules.pattern ?? '',
    },
  };
}

type FormError = { field: string; reason: 'invalid' };

/** The rules a form's values set, for the type: flags as booleans, bounds converted. `clearing` sends false and null for rules turned off (an edit), else leaves them out. */
function rulesFrom(v: FieldFormValues, locale: string, timeZone: string, clearing: boolean, errors: FormError[]): FieldRules {
  const allowed = rulesOf(v.type, v.config.many);
  const rules: FieldRules = {};
  for (const flag of ['required', 'unique', 'apiOnly'] as const) {
    if (!allowed.includes(flag)) continue;
    if (v.rules[flag]) rules[flag] = true;
    else if (clearing) rules[flag] = false;
  }
  for (const bound of ['min', 'max'] as const) {
    if (!allowed.includes(bound)) continue;
    const parsed = boundValue(v.type, v.rules[bound], v.config.currency, locale, timeZone);
    if (!parsed.ok) errors.push({ field: `rules.${bound}`, reason: 'invalid' });
    else if (parsed.value !== null) rules[bound] = parsed.value;
    else if (clearing) rules[bound] = null;
  }
  if (allowed.includes('pattern')) {
    if (v.rules.pattern.trim()) rules.pattern = v.rules.pattern.trim();
    else if (clearing) rules.pattern = null;
  }
  return rules;
}

export interface FieldSpecBody {
  key: string;
  label: string;
  type: FieldType;
  config?: { maxLength?: number; decimals?: number; currency?: string; options?: SelectOption[]; target?: string; many?: boolean; expression?: string; fn?: 'count' | 'sum' | 'min' | 'max'; object?: string; relation?: string; field?: string };
  rules?: FieldRules;
}

/** A new field as `POST /objects/definitions/{key}/fields` takes it: only the settings its type has. */
export function fieldSpecOf(v: FieldFormValues, locale: string, timeZone: string): { spec: FieldSpecBody; errors: FormError[] } {
  const errors: FormError[] = [];
  const config: NonNullable<FieldSpecBody['config']> = {};
  const c = v.config;
  if (v.type === 'currency') config.currency = c.currency.trim().toUpperCase();
  if (v.type === 'select' || v.type === 'multi_select') config.options = parseOptions(c.options);
  if (v.type === 'relation') {
    config.target = c.target;
    if (c.many) config.many = true;
  }
  if (v.type === 'text' && c.maxLength !== null) config.maxLength = c.maxLength;
  if (v.type === 'number' && c.decimals !== null) config.decimals = c.decimals;
  if (v.type === 'formula') config.expression = c.expression.trim();
  if (v.type === 'rollup') {
    config.fn = c.fn;
    config.object = c.object;
    config.relation = c.relation;
    if (c.field) config.field = c.field;
  }
  const rules = rulesFrom(v, locale, timeZone, false, errors);
  const spec: FieldSpecBody = { key: v.key.trim(), label: v.label.trim(), type: v.type };
  if (Object.keys(config).length > 0) spec.config = config;
  if (Object.keys(rules).length > 0) spec.rules = rules;
  return { spec, errors };
}

export interface FieldPatchBody {
  label?: string;
  rules?: FieldRules;
  options?: SelectOption[];
  expression?: string;
}

/** A field's change as `PATCH .../fields/{key}` takes it: label, every rule (those turned off as false or null), options replaced whole, the expression. */
export function fieldPatchOf(field: ObjectField, v: FieldFormValues, locale: string, timeZone: string): { patch: FieldPatchBody; errors: FormError[] } {
  const errors: FormError[] = [];
  const patch: FieldPatchBody = { label: v.label.trim() };
  const form = { ...v, type: field.type, config: { ...v.config, many: field.config.many ?? false, currency: field.config.currency ?? '' } };
  const rules = rulesFrom(form, locale, timeZone, true, errors);
  if (Object.keys(rules).length > 0) patch.rules = rules;
  if (field.type === 'select' || field.type === 'multi_select') patch.options = parseOptions(v.config.options);
  if (field.type === 'formula' && v.config.expression.trim()) patch.expression = v.config.expression.trim();
  return { patch, errors };
}

/** A field's rules in a few words for the definition's table: each rule with its value, in a fixed order. */
export function ruleList(field: ObjectField): { rule: 'required' | 'unique' | 'min' | 'max' | 'pattern' | 'apiOnly'; value?: string }[] {
  const out: ReturnType<typeof ruleList> = [];
  const r = field.rules;
  if (r.required) out.push({ rule: 'required' });
  if (r.unique) out.push({ rule: 'unique' });
  const bound = (v: number | string) => (field.type === 'currency' && typeof v === 'number' ? toMajorText(v, field.config.currency ?? 'EUR') : String(v));
  if (r.min !== undefined && r.min !== null) out.push({ rule: 'min', value: bound(r.min) });
  if (r.max !== undefined && r.max !== null) out.push({ rule: 'max', value: bound(r.max) });
  if (r.pattern) out.push({ rule: 'pattern', value: r.pattern });
  if (r.apiOnly) out.push({ rule: 'apiOnly' });
  return out;
}
