/**
 * The types an expression works with, and the fields it can read. The objects module
 * describes each object's fields with FieldType (formula and rollup fields by the type of
 * their result, see fieldTypeOf) and hands them over as an ExpressionSchema.
 */

/** Text-like fields: they read as text. */
export const TEXT_FIELDS = ['text', 'long_text', 'email', 'phone', 'url'] as const;

export type FieldType =
  | { readonly type: (typeof TEXT_FIELDS)[number] | 'number' | 'boolean' | 'date' | 'datetime' | 'file' }
  /** Integer minor units with an ISO 4217 code; `currency` when the field only takes one. */
  | { readonly type: 'currency'; readonly currency?: string | null }
  | { readonly type: 'select' | 'multi_select'; readonly options: readonly string[] }
  /** `many`: to-many (read only through count/sum/min/max); else to-one (`unit.name`). */
  | { readonly type: 'relation'; readonly target: string; readonly many: boolean };

/** The fields of one object by key. Only own properties count: `constructor` is no field. */
export type ObjectFields = Readonly<Record<string, FieldType>>;

export interface ExpressionSchema {
  /** The key of the object whose records the expression reads. */
  readonly object: string;
  /** Every object a relation may lead to (custom objects, and members, units, properties, leases), by key, with the one above. */
  readonly objects: Readonly<Record<string, ObjectFields>>;
  /** A name of an object for messages (its singular name); the key when absent. */
  readonly objectName?: (key: string) => string;
}

export type ExprType =
  /** `options`: a select's options, so that a literal it is compared with can be checked. */
  | { readonly kind: 'text'; readonly options?: readonly string[]; readonly field?: string }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'datetime' }
  /** `currency` null: not known before evaluation (a currency field that takes any). */
  | { readonly kind: 'money'; readonly currency: string | null }
  /** A multi-select's list of options. */
  | { readonly kind: 'list'; readonly options?: readonly string[]; readonly field?: string }
  /** The literal `null` alone: fits anywhere. */
  | { readonly kind: 'null' }
  /** A to-one relation read bare, or a file: only is_blank() takes them. */
  | { readonly kind: 'record' }
  | { readonly kind: 'file' };

export type TypeKind = ExprType['kind'];

export const T = {
  text: { kind: 'text' },
  number: { kind: 'number' },
  boolean: { kind: 'boolean' },
  date: { kind: 'date' },
  datetime: { kind: 'datetime' },
  null: { kind: 'null' },
  list: { kind: 'list' },
} as const satisfies Record<string, ExprType>;

export const money = (currency: string | null): ExprType => ({ kind: 'money', currency });

/** The type a field reads as. */
export function typeOfField(field: FieldType, key: string): ExprType {
  switch (field.type) {
    case 'currency':
      return money(field.currency ?? null);
    case 'select':
      return { kind: 'text', options: field.options, field: key };
    case 'multi_select':
      return { kind: 'list', options: field.options, field: key };
    case 'number':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'file':
      return { kind: field.type };
    case 'relation':
      return { kind: 'record' };
    default:
      return T.text;
  }
}

/**
 * The field type a formula of result type `type` is stored as, to describe formula fields
 * to the expressions that read them (null for results no field holds).
 */
export function fieldTypeOf(type: ExprType): FieldType | null {
  switch (type.kind) {
    case 'text':
      return type.options ? { type: 'select', options: type.options } : { type: 'text' };
    case 'money':
      return { type: 'currency', currency: type.currency };
    case 'list':
      return { type: 'multi_select', options: type.options ?? [] };
    case 'number':
    case 'boolean':
    case 'date':
    case 'datetime':
      return { type: type.kind };
    default:
      return null;
  }
}

const names = {
  en: { text: 'text', number: 'a number', boolean: 'true or false', date: 'a date', datetime: 'a date and time', money: 'an amount of money', list: 'a list of options', null: 'null', record: 'a related record', file: 'a file' },
  es: { text: 'un texto', number: 'un número', boolean: 'verdadero o falso', date: 'una fecha', datetime: 'una fecha y hora', money: 'un importe', list: 'una lista de opciones', null: 'nulo', record: 'un registro relacionado', file: 'un archivo' },
} as const;

/** A type as a person reads it, for messages and for the formula editor ("an amount of money in EUR"). */
export function describeType(type: ExprType, locale: keyof typeof names = 'en'): string {
  const name = names[locale][type.kind];
  if (type.kind === 'money' && type.currency) return `${name} ${locale === 'es' ? 'en' : 'in'} ${type.currency}`;
  return name;
}

export function sameType(a: ExprType, b: ExprType): boolean {
  return a.kind === b.kind && (a.kind !== 'money' || a.currency === (b as { currency: string | null }).currency);
}
