import { formatCalendarDate, formatTimestamp } from '../../ui/dates.js';
import { formatMoney } from '../../ui/money.js';
import type { ObjectField, ObjectRecord, SelectOption } from './types.js';

/**
 * What a value looks like on a page, by its field's type: text (numbers, money and dates
 * formatted by the viewer's locale), options (a select's badges), a yes/no, references to other
 * records (a relation's links, a file's document), or nothing. Pure: `Value.tsx` draws it.
 */
export type Display =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; multiline?: boolean; href?: string }
  | { kind: 'options'; options: SelectOption[] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'refs'; target: string; ids: string[] };

const EMPTY: Display = { kind: 'empty' };

const optionOf = (field: ObjectField, key: string): SelectOption => field.config.options?.find((o) => o.key === key) ?? { key, label: key };

export function displayOf(field: ObjectField, value: unknown, locale: string, timeZone?: string): Display {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? { kind: 'text', text: new Intl.NumberFormat(locale, { maximumFractionDigits: field.config.decimals ?? 6 }).format(value) } : EMPTY;
    case 'currency': {
      const money = value as { amountMinor?: number; currency?: string };
      return typeof money.amountMinor === 'number' ? { kind: 'text', text: formatMoney({ amount: money.amountMinor, currency: money.currency ?? field.config.currency ?? 'EUR' }, locale) } : EMPTY;
    }
    case 'boolean':
      return { kind: 'boolean', value: value === true };
    case 'date':
      return { kind: 'text', text: formatCalendarDate(String(value), locale) };
    case 'datetime':
      // An instant, in the tenant's zone when it is known (the API reads date-times there).
      return { kind: 'text', text: formatTimestamp(String(value), locale, timeZone ? { timeZone, zoneName: true } : {}) };
    case 'select':
      return { kind: 'options', options: [optionOf(field, String(value))] };
    case 'multi_select':
      return Array.isArray(value) ? { kind: 'options', options: value.map((k) => optionOf(field, String(k))) } : EMPTY;
    case 'relation':
      return { kind: 'refs', target: field.config.target ?? '', ids: Array.isArray(value) ? value.map(String) : [String(value)] };
    case 'file':
      return { kind: 'refs', target: 'document', ids: [String(value)] };
    case 'email':
      return { kind: 'text', text: String(value), href: `mailto:${String(value)}` };
    case 'url':
      return { kind: 'text', text: String(value), href: /^https?:\/\//.test(String(value)) ? String(value) : undefined };
    case 'long_text':
      return { kind: 'text', text: String(value), multiline: true };
    default:
      return { kind: 'text', text: String(value) };
  }
}

/** A record's name in a sentence, a card or a relation's link: its title field's value, else its id's first characters. */
export function recordName(record: ObjectRecord, title: ObjectField | undefined): string {
  const value = title ? record[title.key] : undefined;
  return typeof value === 'string' && value.trim() ? value : `#${record.id.slice(-8)}`;
}

/** The path of a related record's page, by its target (null for a kind without a page here). */
export function refPath(target: string, id: string): string | null {
  switch (target) {
    case 'member':
      return `/members/${id}`;
    case 'unit':
      return `/units/${id}`;
    case 'property':
      return `/properties/${id}`;
    case 'lease':
      return `/leases/${id}`;
    case 'document':
      return `/documents/${id}`;
    default:
      return target ? `/objects/${target}/${id}` : null;
  }
}

/** An object's key from its singular name ("Parking permit" → `parking_permit`), as the API accepts keys: snake_case, a letter first, 2 to 40 characters. */
export function keyFromName(name: string, max = 40): string {
  const key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, max)
    .replace(/_+$/, '');
  return key;
}

/** Select options from the form's lines, "Label" or "key: Label", keys derived from labels where not given. */
export function parseOptions(text: string): SelectOption[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([a-z0-9][a-z0-9_-]{0,39})\s*:\s*(.+)$/.exec(line);
      if (m) return { key: m[1]!, label: m[2]!.trim() };
      return { key: keyFromName(line) || line.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'option', label: line };
    });
}

/** Options back to the form's lines, keys kept: an edit never renames a stored key. */
export const optionsText = (options: readonly SelectOption[] | undefined) => (options ?? []).map((o) => `${o.key}: ${o.label}`).join('\n');
