import type { operations } from '@courtyard/sdk';

/**
 * The shapes of custom objects as the pages use them. The SDK types a field's `config` and
 * `rules` as open objects (the API stores them as JSON), so they are typed here after the API's
 * own `fields.ts`; a definition is otherwise the SDK's.
 */

export const FIELD_TYPES = ['text', 'long_text', 'number', 'currency', 'boolean', 'date', 'datetime', 'select', 'multi_select', 'email', 'phone', 'url', 'relation', 'file', 'formula', 'rollup'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The standard record kinds a relation may point at, besides another custom object. */
export const STANDARD_TARGETS = ['member', 'unit', 'property', 'lease'] as const;
export type StandardTarget = (typeof STANDARD_TARGETS)[number];
export const isStandardTarget = (v: string): v is StandardTarget => (STANDARD_TARGETS as readonly string[]).includes(v);

export interface SelectOption {
  key: string;
  label: string;
  color?: string;
}

export interface FieldConfig {
  maxLength?: number;
  decimals?: number;
  currency?: string;
  options?: SelectOption[];
  target?: string;
  many?: boolean;
  expression?: string;
  /** rollup: the aggregate over the records of `object` whose to-one `relation` points here (or this object's many-to-many `relation`). */
  fn?: 'count' | 'sum' | 'min' | 'max';
  object?: string;
  relation?: string;
  field?: string;
  /** formula and rollup: the type their value is stored as, set by the API. */
  result?: { type: FieldType; currency?: string | null; options?: string[] };
  volatile?: boolean;
}

export interface FieldRules {
  required?: boolean;
  unique?: boolean;
  min?: number | string | null;
  max?: number | string | null;
  pattern?: string | null;
  apiOnly?: boolean;
}

type ApiDefinition = operations['objects.definitions.get']['responses'][200]['content']['application/json'];
type ApiField = ApiDefinition['fields'][number];

export type ObjectField = Omit<ApiField, 'type' | 'config' | 'rules'> & { type: FieldType; config: FieldConfig; rules: FieldRules };
export type ObjectDefinition = Omit<ApiDefinition, 'fields' | 'removedFields'> & { fields: ObjectField[]; removedFields: ObjectField[] };
export type DefinitionChange = operations['objects.definitions.changes']['responses'][200]['content']['application/json']['data'][number];

/** A record: its own members, and its values keyed by field key. */
export type ObjectRecord = { id: string; createdAt: string; updatedAt: string; version: number } & Record<string, unknown>;

/** The SDK's definition with its fields typed (the API answers only the types above). */
export const asDefinition = (d: ApiDefinition): ObjectDefinition => d as unknown as ObjectDefinition;

export const isComputed = (field: Pick<ObjectField, 'type'>) => field.type === 'formula' || field.type === 'rollup';

/** A field as its values read: a formula or rollup as a field of its result's type (null before the API worked it out). */
export function valueField<F extends Pick<ObjectField, 'type' | 'config'>>(field: F): F {
  if (!isComputed(field)) return field;
  const result = field.config.result;
  if (!result) return { ...field, type: 'formula' };
  return { ...field, type: result.type, config: { currency: result.currency ?? undefined, options: result.options?.map((key) => ({ key, label: key })) } };
}

/** A field in the API's value index: it can be sorted, and filtered with comparisons. */
export function isIndexed(field: Pick<ObjectField, 'type' | 'config'>): boolean {
  if (isComputed(field) && field.config.result) return isIndexed(valueField(field));
  switch (field.type) {
    case 'long_text':
    case 'multi_select':
    case 'formula':
    case 'rollup':
      return false;
    case 'relation':
      return !field.config.many;
    default:
      return true;
  }
}

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'starts_with', 'in', 'is_blank'] as const;
export type Operator = (typeof OPERATORS)[number];

/** The filter operators the API takes on a field of this type (records.query.ts), in the order the filter bar offers them. */
export function operatorsOf(field: Pick<ObjectField, 'type' | 'config'>): Operator[] {
  if (isComputed(field) && field.config.result) return field.config.result.type === 'multi_select' ? [] : operatorsOf(valueField(field));
  switch (field.type) {
    case 'formula':
    case 'rollup':
      return [];
    case 'long_text':
      return ['contains', 'is_blank'];
    case 'multi_select':
      return ['eq', 'is_blank'];
    case 'relation':
    case 'file':
      return ['eq', 'is_blank'];
    case 'boolean':
      return ['eq', 'is_blank'];
    case 'select':
      return ['eq', 'ne', 'is_blank'];
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
      return ['contains', 'starts_with', 'eq', 'ne', 'is_blank'];
    default:
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is_blank'];
  }
}

type Rule = keyof FieldRules;

/** The rules the API accepts for a field type (definitions.specs.ts' RULES_OF), so that the form offers only these. */
export function rulesOf(type: FieldType, many = false): Rule[] {
  if (type === 'formula' || type === 'rollup') return [];
  if (type === 'boolean' || type === 'long_text' || type === 'multi_select' || (type === 'relation' && many)) return ['required', 'apiOnly'];
  if (type === 'select' || type === 'relation' || type === 'file') return ['required', 'unique', 'apiOnly'];
  if (type === 'text') return ['required', 'unique', 'min', 'max', 'pattern', 'apiOnly'];
  return ['required', 'unique', 'min', 'max', 'apiOnly'];
}

/** The field that names a record (a card's title, a relation's label): the first text field, if any. */
export function titleField(fields: readonly ObjectField[]): ObjectField | undefined {
  return fields.find((f) => f.type === 'text') ?? fields.find((f) => f.type === 'email' || f.type === 'phone');
}

/** The select fields a board can group by. */
export const boardFields = (fields: readonly ObjectField[]) => fields.filter((f) => f.type === 'select');
