import { formatCalendarDate } from '../../ui/dates.js';
import { formatMoney, parseMinorUnits } from '../../ui/money.js';
import type { Filter } from './search.js';
import { valueField, type ObjectField } from './types.js';

/**
 * A filter's value as a person types it and as the API compares it. Money is typed in major
 * units and compared in minor units (the API's value index holds `amountMinor`); everything
 * else is the same text both ways.
 */
export function filterValueToApi(computed: ObjectField, op: Filter['op'], text: string, locale: string): string | null {
  const field = valueField(computed);
  const t = text.trim();
  if (op === 'is_blank') return t === 'true' || t === 'false' ? t : null;
  if (!t) return null;
  if (field.type === 'currency') {
    const negative = t.startsWith('-');
    const parsed = parseMinorUnits(negative ? t.slice(1) : t, field.config.currency ?? 'EUR', locale);
    return parsed.ok ? String(negative ? -parsed.amount : parsed.amount) : null;
  }
  if (field.type === 'number') return /^-?\d+([.,]\d+)?$/.test(t) ? t.replace(',', '.') : null;
  return t;
}

/** A filter's value in words for its chip: an option's label, money and dates by locale; `yes`/`no` are the caller's words. */
export function filterValueText(computed: ObjectField, f: Filter, locale: string, words: { yes: string; no: string }): string {
  const field = valueField(computed);
  if (f.op === 'is_blank' || field.type === 'boolean') return f.value === 'true' ? words.yes : words.no;
  if (field.type === 'select' || field.type === 'multi_select') return field.config.options?.find((o) => o.key === f.value)?.label ?? f.value;
  if (field.type === 'currency' && /^-?\d+$/.test(f.value)) return formatMoney({ amount: Number(f.value), currency: field.config.currency ?? 'EUR' }, locale);
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(f.value)) return formatCalendarDate(f.value, locale);
  return f.value;
}
