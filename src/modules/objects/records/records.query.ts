import { sql, type RawBuilder } from 'kysely';
import { containsPattern, prefixPattern } from '../../../kernel/db/like.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { encodeCursor } from '../../../kernel/http/pagination.js';
import { isWellFormedText } from '../../../kernel/http/well-formed.js';
import { instant, isDate, isUuid, kindOf, type FieldDef, type ValueKind } from '../fields.js';

/**
 * A list's filters, sort and cursor as SQL over `object_values` (see README.md, "The value
 * index"). Each sort key is `(value is null, coalesce(value, …))`, the expressions of its kind's
 * index, so that the planner reads pages straight off the index.
 */

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'starts_with', 'in', 'is_blank'] as const;
type Operator = (typeof OPERATORS)[number];

const COLUMN: Record<ValueKind, { value: RawBuilder<unknown>; sortable: (alias: string) => RawBuilder<unknown>; cast: string }> = {
  n: { value: sql.raw('num'), sortable: (a) => sql.raw(`coalesce(${a}.num, 0)`), cast: 'numeric' },
  b: { value: sql.raw('num'), sortable: (a) => sql.raw(`coalesce(${a}.num, 0)`), cast: 'numeric' },
  t: { value: sql.raw('txt'), sortable: (a) => sql.raw(`coalesce(${a}.txt, '')`), cast: 'text' },
  d: { value: sql.raw('ts'), sortable: (a) => sql.raw(`coalesce(${a}.ts, 'epoch'::timestamptz)`), cast: 'timestamptz' },
};
const col = (alias: string, kind: ValueKind) => sql.raw(`${alias}.${kind === 't' ? 'txt' : kind === 'd' ? 'ts' : 'num'}`);
const kindIn = (alias: string, kind: ValueKind) => sql.raw(kind === 'n' || kind === 'b' ? `${alias}.kind IN ('n', 'b') AND ${alias}.kind = '${kind}'` : `${alias}.kind = '${kind}'`);

const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

/** A filter's operand as its kind's column reads it, or null if it is not one. */
function operand(field: FieldDef, kind: ValueKind, text: string): string | null {
  switch (kind) {
    case 'n':
      return NUMBER.test(text) ? text : null;
    case 'b':
      return text === 'true' ? '1' : text === 'false' ? '0' : null;
    case 'd':
      if (field.type === 'date') return isDate(text) ? `${text}T00:00:00Z` : null;
      return isDate(text) ? `${text}T00:00:00Z` : instant(text);
    case 't':
      if (text.length > 500 || !isWellFormedText(text)) return null;
      return field.type === 'email' || field.type === 'relation' || field.type === 'file' ? text.toLowerCase() : text;
  }
}

export interface ParsedFilter {
  field: FieldDef;
  op: Operator;
  values: string[];
}

const FILTER = /^filter\[([a-z][a-z0-9_]{0,39})\](?:\[([a-z_]+)\])?$/;

/** The filters of a list's query (`filter[key]` and `filter[key][op]`), checked against the fields; refuses the rest with field errors. */
export function parseFilters(query: Record<string, unknown>, fields: ReadonlyMap<string, FieldDef>): ParsedFilter[] {
  const filters: ParsedFilter[] = [];
  const errors: FieldError[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (['limit', 'cursor', 'q', 'sort'].includes(name)) continue;
    const m = FILTER.exec(name);
    if (!m) {
      errors.push({ field: name, message: 'is not a known parameter: filters are filter[field] or filter[field][operator]', code: 'unknown_parameter' });
      continue;
    }
    const field = fields.get(m[1]!);
    const op = (m[2] ?? 'eq') as Operator;
    const text = String(raw);
    if (!field) {
      errors.push({ field: name, message: 'is not a field of the object', code: 'unknown_field' });
      continue;
    }
    if (!OPERATORS.includes(op)) {
      errors.push({ field: name, message: `has no operator "${op}": use ${OPERATORS.join(', ')}`, code: 'unknown_operator' });
      continue;
    }
    if (op === 'is_blank') {
      if (text !== 'true' && text !== 'false') errors.push({ field: name, message: 'must be true or false', code: 'invalid_value' });
      else filters.push({ field, op, values: [text] });
      continue;
    }
    const kind = kindOf(field);
    if (!kind) {
      // Not in the value index: multi-select and many-to-many by membership, long text by content.
      const fine = (field.type === 'multi_select' && (op === 'eq' || op === 'contains')) || (field.type === 'relation' && op === 'eq' && isUuid(text)) || (field.type === 'long_text' && op === 'contains');
      if (fine && text.length <= 500) filters.push({ field, op, values: [field.type === 'relation' ? text.toLowerCase() : text] });
      else errors.push({ field: name, message: 'cannot be filtered this way: multi-select and many-to-many fields take eq, long text contains, and formulas giving a list nothing', code: 'unsupported_filter' });
      continue;
    }
    if ((op === 'contains' || op === 'starts_with') && kind !== 't') {
      errors.push({ field: name, message: `${op} applies to text fields only`, code: 'unsupported_filter' });
      continue;
    }
    const texts = op === 'in' ? text.split(',').slice(0, 101) : [text];
    const values = texts.map((t) => (op === 'contains' || op === 'starts_with' ? (t.length <= 500 && isWellFormedText(t) ? t : null) : operand(field, kind, t)));
    if (values.length > 100 || values.some((v) => v === null)) {
      errors.push({ field: name, message: `is not a value of the field's type (${field.type})`, code: 'invalid_value' });
      continue;
    }
    filters.push({ field, op, values: values as string[] });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors: errors.map((e) => ({ ...e, in: 'querystring' })) });
  return filters;
}

/**
 * The condition one filter puts on the record `id` (of `tenant`): a scalar subquery looking the
 * value up by primary key. Never a join: the page's order comes from the sort field's index,
 * read in order until the page is full, whatever the planner guesses of a filter's selectivity.
 */
export function filterSql(f: ParsedFilter, at: { tenant: RawBuilder<unknown>; id: RawBuilder<unknown> }): RawBuilder<unknown> {
  const fid = f.field.id;
  const kind = kindOf(f.field);
  const record = (expr: RawBuilder<unknown>, otherwise: boolean) => sql`coalesce((SELECT ${expr} FROM object_records d WHERE d.tenant_id = ${at.tenant} AND d.id = ${at.id}), ${otherwise})`;
  if (!kind) {
    if (f.op === 'is_blank') {
      const blank = sql`(d.data -> ${fid}::text IS NULL OR d.data -> ${fid}::text IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb))`;
      return f.values[0] === 'true' ? record(blank, true) : record(sql`NOT ${blank}`, false);
    }
    if (f.field.type === 'multi_select') return record(sql`d.data -> ${fid}::text @> ${JSON.stringify([f.values[0]])}::jsonb`, false);
    if (f.field.type === 'relation') return sql`(SELECT EXISTS (SELECT 1 FROM object_links l WHERE l.tenant_id = ${at.tenant} AND l.field_id = ${fid}::uuid AND l.from_id = ${at.id} AND l.to_id = ${f.values[0]}::uuid))`;
    return record(sql`d.data ->> ${fid}::text ILIKE ${containsPattern(f.values[0]!)}`, false);
  }
  const c = COLUMN[kind];
  const isNull = sql`(v.${c.value} IS NULL)`;
  const value = c.sortable('v');
  const typed = (x: string) => sql`${x}::${sql.raw(c.cast)}`;
  const present = sql`${isNull} IS FALSE`;
  let cond: RawBuilder<unknown>;
  // A record without a value row (none should lack one) holds a blank.
  let otherwise = false;
  switch (f.op) {
    case 'is_blank':
      cond = f.values[0] === 'true' ? sql`${isNull} IS TRUE` : present;
      otherwise = f.values[0] === 'true';
      break;
    case 'eq':
      cond = sql`${present} AND ${value} = ${typed(f.values[0]!)}`;
      break;
    case 'ne':
      cond = sql`(${isNull} IS TRUE OR ${value} <> ${typed(f.values[0]!)})`;
      otherwise = true;
      break;
    case 'in':
      cond = sql`${present} AND ${value} = ANY(${f.values}::${sql.raw(c.cast)}[])`;
      break;
    case 'contains':
      cond = sql`${present} AND ${col('v', kind)} ILIKE ${containsPattern(f.values[0]!)}`;
      break;
    case 'starts_with':
      cond = sql`${present} AND ${col('v', kind)} ILIKE ${prefixPattern(f.values[0]!)}`;
      break;
    default: {
      const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
      cond = sql`${present} AND ${value} ${sql.raw(op)} ${typed(f.values[0]!)}`;
    }
  }
  return sql`coalesce((SELECT ${cond} FROM object_values v WHERE v.tenant_id = ${at.tenant} AND v.field_id = ${fid}::uuid AND v.record_id = ${at.id}), ${otherwise})`;
}

/**
 * `q`: any of the text fields contains the text, read from the record's `data` (which holds
 * what the value rows hold). `data`: the walked record's own column when the walk is over the
 * records, else each record is looked up. Not from an index: row-level security keeps the
 * planner from using a trigram index for ILIKE (not leakproof), see README.md, "Search".
 */
export function searchSql(search: { fieldIds: string[]; pattern: string }, at: { tenant: RawBuilder<unknown>; id: RawBuilder<unknown> }, data?: RawBuilder<unknown>): RawBuilder<unknown> {
  if (search.fieldIds.length === 0) return sql`false`;
  const matches = (column: RawBuilder<unknown>) => sql`(${sql.join(search.fieldIds.map((id) => sql`${column} ->> ${id}::text ILIKE ${search.pattern}`), sql` OR `)})`;
  if (data) return sql`coalesce(${matches(data)}, false)`;
  return sql`coalesce((SELECT ${matches(sql.raw('d.data'))} FROM object_records d WHERE d.tenant_id = ${at.tenant} AND d.id = ${at.id}), false)`;
}

export interface SortKey {
  field: FieldDef;
  kind: ValueKind;
  desc: boolean;
}

/** `sort=-valid_to,plate` as keys over fields (empty: creation order); refuses what is not sortable. */
export function parseSort(sort: string | undefined, fields: ReadonlyMap<string, FieldDef>): { keys: SortKey[]; desc: boolean } {
  if (!sort || sort === 'createdAt' || sort === '-createdAt') return { keys: [], desc: sort === '-createdAt' };
  const keys: SortKey[] = [];
  const errors: FieldError[] = [];
  for (const part of sort.split(',').slice(0, 4)) {
    const desc = part.startsWith('-');
    const field = fields.get(desc ? part.slice(1) : part);
    const kind = field && kindOf(field);
    if (!field || !kind) errors.push({ field: 'sort', message: `cannot sort by "${part.slice(0, 60)}": not a sortable field (text, number, currency, boolean, date, date-time, e-mail, phone, URL, select, to-one relation, file, or a formula or rollup giving one of these)`, code: 'unsupported_sort', in: 'querystring' } as FieldError);
    else keys.push({ field, kind, desc });
  }
  if (sort.split(',').length > 3) errors.push({ field: 'sort', message: 'names more than 3 fields', code: 'unsupported_sort', in: 'querystring' } as FieldError);
  if (errors.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', { errors });
  return { keys, desc: keys[0]!.desc };
}

export const sortAlias = (i: number) => `s${i}`;

/** The value rows of the sort keys after the first, joined to the first's (which drives the page). */
export const sortJoins = (keys: SortKey[]) =>
  sql.join(
    keys.slice(1).map((k, j) => {
      const a = sql.raw(sortAlias(j + 1));
      return sql`JOIN object_values ${a} ON ${a}.tenant_id = s0.tenant_id AND ${a}.field_id = ${k.field.id}::uuid AND ${a}.record_id = s0.record_id AND ${kindIn(sortAlias(j + 1), k.kind)}`;
    }),
    sql` `,
  );

/** The typed sort columns the outer query orders the page by again. */
export const sortTyped = (keys: SortKey[]) =>
  keys.map((k, i) => {
    const a = sortAlias(i);
    return sql`(${col(a, k.kind)} IS NULL) AS ${sql.raw(`${a}_null`)}, ${COLUMN[k.kind].sortable(a)} AS ${sql.raw(`${a}_sort`)}`;
  });

/** ORDER BY over the page's typed sort columns (`p.s0_null`, `p.s0_sort`, ..., `p.page_id`). */
export function outerOrderSql(keys: SortKey[], desc: boolean): RawBuilder<unknown> {
  const dir = (d: boolean) => sql.raw(d ? 'DESC' : 'ASC');
  const parts = keys.flatMap((k, i) => [sql`${sql.raw(`p.${sortAlias(i)}_null`)} ${dir(k.desc)}`, sql`${sql.raw(`p.${sortAlias(i)}_sort`)} ${dir(k.desc)}`]);
  return sql.join([...parts, sql`p.page_id ${dir(desc)}`], sql`, `);
}

/** The columns a page's last row gives its cursor: per key, whether blank and the value (as text). */
export const sortColumns = (keys: SortKey[]) =>
  keys.map((k, i) => {
    const a = sortAlias(i);
    return sql`(${col(a, k.kind)} IS NULL) AS ${sql.raw(`${a}_blank`)}, ${k.kind === 'd' ? sql`to_char(${COLUMN.d.sortable(a)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : sql`${COLUMN[k.kind].sortable(a)}::text`} AS ${sql.raw(`${a}_value`)}`;
  });

/** ORDER BY: each key's (blank, value), then the record id, which the first key's direction orders. */
export function orderSql(keys: SortKey[], desc: boolean): RawBuilder<unknown> {
  const dir = (d: boolean) => sql.raw(d ? 'DESC' : 'ASC');
  const parts = keys.flatMap((k, i) => [sql`(${col(sortAlias(i), k.kind)} IS NULL) ${dir(k.desc)}`, sql`${COLUMN[k.kind].sortable(sortAlias(i))} ${dir(k.desc)}`]);
  return sql.join([...parts, sql`s0.record_id ${dir(desc)}`], sql`, `);
}

/** A cursor's values: per key [blank 0/1, value], then the record id. */
export type CursorValues = unknown[];

export function cursorOf(keys: SortKey[], row: Record<string, unknown> & { id: string }): string {
  return encodeCursor([...keys.flatMap((_, i) => [row[`${sortAlias(i)}Blank`] ? 1 : 0, row[`${sortAlias(i)}Value`]]), row.id]);
}

const invalidCursor = () => new AppError('invalid_cursor', 'The cursor is not one this list gave out');

/** Checks a decoded cursor is one of any list's shape (per key a blank flag and a text, then a record id), before the list is known. */
export function checkCursorShape(values: unknown): CursorValues {
  if (!Array.isArray(values) || values.length % 2 !== 1 || !isUuid(values[values.length - 1])) throw invalidCursor();
  for (let i = 0; i < values.length - 1; i += 2) {
    const [blank, value] = [values[i], values[i + 1]];
    if (blank !== 0 && blank !== 1) throw invalidCursor();
    if (typeof value !== 'string' || value.length > 600 || !isWellFormedText(value)) throw invalidCursor();
  }
  return values;
}

/** Checks a decoded cursor against the sort's shape, so that no forged value reaches a cast. */
export function checkCursor(keys: SortKey[], decoded: unknown): CursorValues {
  const values = checkCursorShape(decoded);
  if (values.length !== keys.length * 2 + 1) throw invalidCursor();
  keys.forEach((k, i) => {
    const value = values[i * 2 + 1] as string;
    if ((k.kind === 'n' || k.kind === 'b') && !/^-?\d{1,16}(\.\d{1,20})?$/.test(value)) throw invalidCursor();
    if (k.kind === 'd' && instant(value) === null) throw invalidCursor();
  });
  return values;
}

/** The rows after the cursor in the sort's order: one row comparison when every key goes one way, else the lexicographic expansion. */
export function afterSql(keys: SortKey[], desc: boolean, cursor: CursorValues): RawBuilder<unknown> {
  const terms: { left: RawBuilder<unknown>; right: RawBuilder<unknown>; desc: boolean }[] = keys.flatMap((k, i) => {
    const a = sortAlias(i);
    return [
      { left: sql`(${col(a, k.kind)} IS NULL)`, right: sql`${cursor[i * 2] === 1}::boolean`, desc: k.desc },
      { left: COLUMN[k.kind].sortable(a), right: sql`${cursor[i * 2 + 1]}::${sql.raw(COLUMN[k.kind].cast)}`, desc: k.desc },
    ];
  });
  terms.push({ left: sql.raw('s0.record_id'), right: sql`${cursor[cursor.length - 1]}::uuid`, desc });
  if (terms.every((t) => t.desc === terms[0]!.desc)) {
    return sql`(${sql.join(terms.map((t) => t.left))}) ${sql.raw(terms[0]!.desc ? '<' : '>')} (${sql.join(terms.map((t) => t.right))})`;
  }
  const ors = terms.map((t, i) => sql.join([...terms.slice(0, i).map((e) => sql`${e.left} = ${e.right}`), sql`${t.left} ${sql.raw(t.desc ? '<' : '>')} ${t.right}`], sql` AND `));
  return sql`(${sql.join(ors.map((o) => sql`(${o})`), sql` OR `)})`;
}
