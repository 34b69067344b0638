import type { FieldError } from '../../../kernel/errors.js';
import { isUuid, type FieldDef } from '../fields.js';

/**
 * A record's values as spreadsheet cells and back. Cells are text: what a person types in a
 * spreadsheet (`12.50`, `yes`, an option's label) becomes the value the API takes, and a stored
 * value becomes the text that reads back to the same value. Pure functions: no database here.
 */

/** The record's own members an export writes before the fields, and an import ignores. */
export const OWN_COLUMNS = ['id', 'createdAt', 'updatedAt', 'version'] as const;

/** Computed fields (formulas, rollups, ...): exported, never imported. */
export const isComputed = (field: Pick<FieldDef, 'type'>) => !WRITABLE.has(field.type);
const WRITABLE = new Set<string>(['text', 'long_text', 'number', 'currency', 'boolean', 'date', 'datetime', 'select', 'multi_select', 'email', 'phone', 'url', 'relation', 'file']);

/** Digits after the decimal point of a currency's major unit (EUR 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const TRUE = new Set(['yes', 'true', '1', 'sí', 'si', 'y', 's']);
const FALSE = new Set(['no', 'false', '0', 'n']);
const DECIMAL = /^-?\d{1,16}(\.\d{1,16})?$/;

/** Cells of a multi-select or a many-to-many relation: one cell, values apart by `;` (or `,`). */
const itemsOf = (text: string) => text.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '');

export type CellValue = { ok: true; value: unknown } | { ok: false; error: FieldError };
/** Without the type guard: a label is text that is not an id. */
const isId: (text: string) => boolean = isUuid;
const refuse = (field: FieldDef, message: string, code = 'invalid_type'): CellValue => ({ ok: false, error: { field: field.key, message, code } });

/**
 * The value a cell gives a field, as a write's body would carry it (the records service then
 * checks it like any write). An empty cell is null. Relations by label are resolved apart
 * (`labels`: the target's unique label, lower-cased, to its record id).
 */
export function cellValue(field: FieldDef, text: string, labels?: Map<string, string>): CellValue {
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'number':
      return DECIMAL.test(text) ? { ok: true, value: Number(text) } : refuse(field, 'must be a number written with a dot for decimals, e.g. 12.5');
    case 'currency': {
      const currency = field.config.currency ?? 'EUR';
      const amount = text.replace(new RegExp(`\\s*${currency}$`, 'i'), '');
      const digits = minorDigits(currency);
      const m = DECIMAL.exec(amount);
      if (!m || (m[1] ?? '').length - 1 > digits) return refuse(field, `must be an amount in ${currency} with at most ${digits} decimals, e.g. 12.50`);
      const [whole, fraction = ''] = amount.replace('-', '').split('.');
      const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
      return Number.isSafeInteger(minor) ? { ok: true, value: { amountMinor: amount.startsWith('-') ? -minor : minor, currency } } : refuse(field, `must be an amount in ${currency} with at most ${digits} decimals, e.g. 12.50`);
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE.has(word)) return { ok: true, value: true };
      if (FALSE.has(word)) return { ok: true, value: false };
      return refuse(field, 'must be yes or no (true/false, 1/0, sí/no)');
    }
    case 'select':
      return { ok: true, value: optionOf(field, text) };
    case 'multi_select':
      return { ok: true, value: itemsOf(text).map((item) => optionOf(field, item)) };
    case 'relation': {
      const items = field.config.many ? itemsOf(text) : [text];
      const unknown = labels && items.find((item) => !isId(item) && !labels.has(item.toLowerCase()));
      if (unknown) return refuse(field, `names no ${field.config.target} "${unknown.slice(0, 60)}"`, 'not_found');
      const ids = items.map((item) => labels?.get(item.toLowerCase()) ?? item);
      return { ok: true, value: field.config.many ? ids : ids[0] };
    }
    default:
      return { ok: true, value: text };
  }
}

/** An option's key from its key or its label, ignoring case; the text itself if it names none (the service refuses it). */
function optionOf(field: FieldDef, text: string): string {
  const lower = text.toLowerCase();
  const option = field.config.options?.find((o) => o.key === lower || o.label.toLowerCase() === lower);
  return option?.key ?? text;
}

/** The cell of a stored value: numbers stay numbers (a spreadsheet reads them as such), the rest text that `cellValue` reads back. */
export function cellOf(field: FieldDef, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'number':
      return value as number;
    case 'currency': {
      const money = value as { amountMinor: number; currency: string };
      return money.amountMinor / 10 ** minorDigits(money.currency);
    }
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value as string);
  }
}

/** A header cell's field: by key or label, ignoring case and surrounding spaces. */
export function columnField(fields: readonly FieldDef[], header: string): FieldDef | undefined {
  const name = header.trim().toLowerCase();
  return fields.find((f) => f.key === name) ?? fields.find((f) => f.label.toLowerCase() === name);
}
