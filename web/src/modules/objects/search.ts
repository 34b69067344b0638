import { urlText } from '../../ui/url-search.js';
import { OPERATORS, type ObjectField, type Operator } from './types.js';

/**
 * An object's records page as its URL says it: `q`, `sort` (`-valid_to`), `cursor`, the view
 * (`view=board&by=status`), and filters in the API's own syntax, one parameter each:
 * `filter[status]=active` (equals) or `filter[valid_to][gte]=2026-01-01`. The page hands the
 * filters to the API as they are, so a link to a filtered page is also the API's query.
 */
export type FilterParam = `filter[${string}]`;
export type RecordsSearch = {
  q?: string;
  sort?: string;
  cursor?: string;
  view?: 'board';
  by?: string;
} & { [param: FilterParam]: string };

export interface Filter {
  field: string;
  op: Operator;
  value: string;
}

const FILTER = /^filter\[([a-z][a-z0-9_]{0,39})\](?:\[([a-z_]+)\])?$/;
const SORT = /^-?[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const MAX_FILTERS = 20;

// The router reads each value as JSON first: `filter[size]=3` arrives as a number, `true` as a boolean.
const scalar = (v: unknown, max: number): string | undefined => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : urlText(v, max));

/** Reads the records page's search from the URL, dropping what is not well formed (a hand-edited address). */
export function recordsSearch(raw: Record<string, unknown>): RecordsSearch {
  const out: RecordsSearch = {};
  const q = scalar(raw.q, 100);
  if (q) out.q = q;
  const cursor = urlText(raw.cursor, 2048);
  if (cursor) out.cursor = cursor;
  const sort = urlText(raw.sort, 200)
    ?.split(',')
    .filter((part) => SORT.test(part))
    .slice(0, 3)
    .join(',');
  if (sort) out.sort = sort;
  if (raw.view === 'board') out.view = 'board';
  const by = urlText(raw.by, 40);
  if (by && /^[a-z][a-z0-9_]*$/.test(by)) out.by = by;
  let count = 0;
  for (const [name, value] of Object.entries(raw)) {
    const m = FILTER.exec(name);
    const text = scalar(value, 500);
    if (!m || text === undefined || count >= MAX_FILTERS) continue;
    if (m[2] !== undefined && !(OPERATORS as readonly string[]).includes(m[2])) continue;
    out[name as FilterParam] = text;
    count++;
  }
  return out;
}

/** The search's filters, in the order of the URL. */
export function filtersOf(search: RecordsSearch): Filter[] {
  return Object.entries(search).flatMap(([name, value]) => {
    const m = FILTER.exec(name);
    return m && typeof value === 'string' ? [{ field: m[1]!, op: (m[2] ?? 'eq') as Operator, value }] : [];
  });
}

/** A filter's parameter: `filter[status]` for equals (the API's short form), `filter[valid_to][gte]` otherwise. */
export const filterParam = (f: Pick<Filter, 'field' | 'op'>): FilterParam => (f.op === 'eq' ? `filter[${f.field}]` : `filter[${f.field}][${f.op}]`);

/** The search without its cursor: a new filter, sort or search starts again at the first page. */
export function firstPage(search: RecordsSearch): RecordsSearch {
  const { cursor: _cursor, ...rest } = search;
  return rest;
}

/** The search with one more filter (replacing one on the same field and operator). */
export function withFilter(search: RecordsSearch, f: Filter): RecordsSearch {
  return { ...firstPage(search), [filterParam(f)]: f.value };
}

export function withoutFilter(search: RecordsSearch, f: Pick<Filter, 'field' | 'op'>): RecordsSearch {
  const next = { ...firstPage(search) };
  delete next[filterParam(f)];
  return next;
}

/** Filters on fields the object has (and may filter that way); a stale link's others are dropped rather than refused. */
export function applicableFilters(filters: Filter[], fields: readonly ObjectField[], operatorsOf: (f: ObjectField) => Operator[]): Filter[] {
  return filters.filter((f) => {
    const field = fields.find((x) => x.key === f.field);
    return field !== undefined && operatorsOf(field).includes(f.op);
  });
}

export type SortDirection = 'ascending' | 'descending' | 'none';

/** How the list is sorted by a field: only the first key counts as "sorted by" for a column header. */
export function sortDirection(sort: string | undefined, key: string): SortDirection {
  const first = sort?.split(',')[0];
  if (first === key) return 'ascending';
  if (first === `-${key}`) return 'descending';
  return 'none';
}

/** A column header's click: ascending first, then descending, then back to the default order. */
export function nextSort(sort: string | undefined, key: string): string | undefined {
  const now = sortDirection(sort, key);
  return now === 'none' ? key : now === 'ascending' ? `-${key}` : undefined;
}

/** The board's grouping field: the one the URL names if it is a select field, else the first select field. */
export function boardBy(search: Pick<RecordsSearch, 'by'>, selectFields: readonly ObjectField[]): ObjectField | undefined {
  return selectFields.find((f) => f.key === search.by) ?? selectFields[0];
}

/** The list's query to the API: the URL's search less the view, plus the page size. */
export function listQuery(search: RecordsSearch, limit: number): Record<string, string | number> {
  const { view: _view, by: _by, ...rest } = search;
  return Object.fromEntries(Object.entries({ limit, ...rest }).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
}

/**
 * "Previous" on a list paged by cursor: the API only goes forward, so the page remembers, while
 * it lives, which cursor led to which. After a reload, "First page" is still there.
 */
const previous = new Map<string, string | null>();

/** `scope` names the list (its object, filters, sort and search): one cursor may lead elsewhere in another. */
export function rememberNext(scope: string, current: string | undefined, next: string): void {
  previous.set(`${scope} ${next}`, current ?? null);
}

/** The cursor before this one: null for the first page, undefined when not known. */
export function previousCursor(scope: string, current: string | undefined): string | null | undefined {
  if (!current) return undefined;
  return previous.get(`${scope} ${current}`);
}
