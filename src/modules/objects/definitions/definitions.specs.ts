import type { FieldError } from '../../../kernel/errors.js';
import { instant, isDate, isStandardTarget, kindOf, patternOf, riskyPattern, TEXT_MAX, type FieldConfig, type FieldRules, type FieldType } from '../fields.js';
import type { FieldRulesInput, FieldSpec } from '../objects.schemas.js';

/** Object keys a tenant may not take: the standard record kinds, their plurals, the module's own path words and the pages' (`/objects/new`). */
export const RESERVED_OBJECT_KEYS = new Set([
  'member', 'members', 'unit', 'units', 'property', 'properties', 'lease', 'leases', 'user', 'users', 'role', 'roles',
  'definitions', 'extensions', 'openapi', 'objects', 'records', 'fields', 'me', 'settings', 'documents', 'document',
  'charge', 'charges', 'payment', 'payments', 'tenant', 'tenants', 'occupancy', 'occupancies', 'webhook', 'webhooks',
  'new',
]);
/** Field keys a record's own members take in the API. */
export const RESERVED_FIELD_KEYS = new Set(['id', 'version']);

const CONFIG_OF: Record<FieldType, (keyof FieldConfig)[]> = {
  text: ['maxLength'],
  long_text: [],
  number: ['decimals'],
  currency: ['currency'],
  boolean: [],
  date: [],
  datetime: [],
  select: ['options'],
  multi_select: ['options'],
  email: [],
  phone: [],
  url: [],
  relation: ['target', 'many'],
  file: [],
  formula: ['expression'],
  rollup: ['fn', 'object', 'relation', 'field'],
};

type Rule = keyof FieldRules;
const RULES_OF = (type: FieldType, config: FieldConfig): Rule[] => {
  const kind = kindOf({ type, config });
  if (type === 'formula' || type === 'rollup') return [];
  if (!kind || type === 'boolean') return ['required', 'apiOnly'];
  if (type === 'select' || type === 'relation' || type === 'file') return ['required', 'unique', 'apiOnly'];
  if (type === 'text') return ['required', 'unique', 'min', 'max', 'pattern', 'apiOnly'];
  return ['required', 'unique', 'min', 'max', 'apiOnly'];
};

/** A bound as a number for comparison (dates as epoch ms), or null when the type does not take it. */
function boundValue(type: FieldType, value: number | string): number | null {
  if (type === 'date') return typeof value === 'string' && isDate(value) ? Date.parse(`${value}T00:00:00Z`) : null;
  if (type === 'datetime') return typeof value === 'string' && instant(value) ? Date.parse(value) : null;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) >= 1e15) return null;
  if (type === 'number') return value;
  // Lengths and minor units are whole numbers.
  return Number.isInteger(value) && (type === 'currency' || value >= 0) ? value : null;
}

/**
 * A field's rules, checked against its type: `at` prefixes the field errors (`fields.0.rules.min`).
 * Answers the rules to store, null bounds and false flags left out.
 */
export function checkRules(type: FieldType, config: FieldConfig, input: FieldRulesInput, at: string, errors: FieldError[]): FieldRules {
  const allowed = RULES_OF(type, config);
  const rules: FieldRules = {};
  for (const [name, value] of Object.entries(input) as [Rule, unknown][]) {
    if (value === null || value === false || value === undefined) continue;
    if (!allowed.includes(name)) {
      errors.push({ field: `${at}.${name}`, message: `does not apply to a ${type} field`, code: 'rule_not_applicable' });
      continue;
    }
    if (name === 'min' || name === 'max') {
      const n = boundValue(type, value as number | string);
      if (n === null) errors.push({ field: `${at}.${name}`, message: type === 'date' ? 'must be a date, YYYY-MM-DD' : type === 'datetime' ? 'must be a date and time with its offset' : type === 'number' ? 'must be a number within ±10^15' : 'must be a whole number, not negative for a length', code: 'invalid_rule' });
      else rules[name] = type === 'datetime' ? instant(value as string)! : (value as number | string);
    } else if (name === 'pattern') {
      const pattern = value as string;
      if (!patternOf(pattern)) errors.push({ field: `${at}.pattern`, message: 'is not a valid regular expression', code: 'invalid_rule' });
      else if (riskyPattern(pattern)) errors.push({ field: `${at}.pattern`, message: 'nests quantifiers or uses a backreference, which can take very long to match: simplify it', code: 'invalid_rule' });
      else rules.pattern = pattern;
    } else {
      rules[name] = true;
    }
  }
  if (rules.min !== undefined && rules.max !== undefined && boundValue(type, rules.min)! > boundValue(type, rules.max)!) {
    errors.push({ field: `${at}.min`, message: 'must not be greater than max', code: 'invalid_rule' });
  }
  if (type === 'text' && typeof rules.max === 'number' && rules.max > (config.maxLength ?? TEXT_MAX)) {
    errors.push({ field: `${at}.max`, message: `must not be greater than the field's maximum length (${config.maxLength ?? TEXT_MAX})`, code: 'invalid_rule' });
  }
  return rules;
}

/** A field's config, checked against its type; a relation's target is resolved by the caller (`targetObjectId`). */
export function checkConfig(spec: Pick<FieldSpec, 'type' | 'config'>, at: string, errors: FieldError[]): FieldConfig {
  const config: FieldConfig = { ...(spec.config ?? {}) };
  const allowed = CONFIG_OF[spec.type];
  for (const name of Object.keys(config) as (keyof FieldConfig)[]) {
    if (!allowed.includes(name)) errors.push({ field: `${at}.${name}`, message: `does not apply to a ${spec.type} field`, code: 'config_not_applicable' });
  }
  if (spec.type === 'currency' && !config.currency) errors.push({ field: `${at}.currency`, message: 'is required for a currency field', code: 'required' });
  if ((spec.type === 'select' || spec.type === 'multi_select') && !config.options) errors.push({ field: `${at}.options`, message: 'is required for a select field', code: 'required' });
  if (config.options && new Set(config.options.map((o) => o.key)).size !== config.options.length) errors.push({ field: `${at}.options`, message: 'has the same key more than once', code: 'duplicate_option' });
  if (spec.type === 'relation' && !config.target) errors.push({ field: `${at}.target`, message: 'is required for a relation field', code: 'required' });
  if (spec.type === 'formula' && !config.expression) errors.push({ field: `${at}.expression`, message: 'is required for a formula field', code: 'required' });
  if (spec.type === 'rollup') {
    if (!config.fn) errors.push({ field: `${at}.fn`, message: 'is required for a rollup field', code: 'required' });
    if (!config.relation) errors.push({ field: `${at}.relation`, message: 'is required for a rollup field', code: 'required' });
    if (config.fn && config.fn !== 'count' && !config.field) errors.push({ field: `${at}.field`, message: 'is required for a sum, min or max', code: 'required' });
  }
  // What the module works out itself is never taken from a client.
  delete config.result;
  delete config.volatile;
  if (config.target && isStandardTarget(config.target)) delete config.targetObjectId;
  return config;
}

export const isReservedObjectKey = (key: string) => RESERVED_OBJECT_KEYS.has(key);
