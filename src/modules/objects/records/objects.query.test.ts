import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';

/**
 * Filters, sorts and cursors over every scalar type, blanks included: each list is compared
 * with the same records sorted and filtered in JavaScript, and paged through two at a time.
 */

let t: TestPlatform;
let oak: Estate;

type Row = { id: string } & Record<string, unknown>;
const rows: Row[] = [];

const samples = [
  { name: 'Alpha', size: 3, price: { amountMinor: 500, currency: 'EUR' }, ok: true, due: '2026-03-01', at: '2026-03-01T10:00:00Z', pick: 'b', mail: 'z@x.test', phone: '+1 555 0101', site: 'https://b.example/', unit: 0 },
  { name: 'beta', size: -2.5, price: { amountMinor: 100, currency: 'EUR' }, ok: false, due: '2025-12-31', at: '2026-03-01T09:59:59.999Z', pick: 'a', mail: 'a@x.test', phone: '+1 555 0102', site: 'https://a.example/', unit: 1 },
  { name: null, size: null, price: null, ok: null, due: null, at: null, pick: null, mail: null, phone: null, site: null, unit: null },
  { name: 'Gamma', size: 3, price: { amountMinor: 500, currency: 'EUR' }, ok: true, due: '2026-03-01', at: '2030-01-01T00:00:00+02:00', pick: 'c', mail: 'm@x.test', phone: '+1 555 0103', site: 'https://c.example/', unit: 0 },
  { name: 'delta', size: 1000000.125, price: { amountMinor: -50, currency: 'EUR' }, ok: false, due: '1999-01-01', at: '1999-01-01T00:00:00Z', pick: 'a', mail: 'b@x.test', phone: '+1 555 0104', site: 'https://d.example/', unit: 1 },
  { name: null, size: 0, price: null, ok: true, due: null, at: null, pick: 'b', mail: null, phone: null, site: null, unit: null },
];

const FIELDS = ['name', 'size', 'price', 'ok', 'due', 'at', 'pick', 'mail', 'phone', 'site', 'unit'] as const;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak', units: 2 });
  await ok(oak.api('POST', '/objects/definitions', {
    key: 'thing',
    singular: 'Thing',
    plural: 'Things',
    fields: [
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'size', label: 'Size', type: 'number', config: { decimals: 3 } },
      { key: 'price', label: 'Price', type: 'currency', config: { currency: 'EUR' } },
      { key: 'ok', label: 'OK', type: 'boolean' },
      { key: 'due', label: 'Due', type: 'date' },
      { key: 'at', label: 'At', type: 'datetime' },
      { key: 'pick', label: 'Pick', type: 'select', config: { options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'c', label: 'C' }] } },
      { key: 'mail', label: 'Mail', type: 'email' },
      { key: 'phone', label: 'Phone', type: 'phone' },
      { key: 'site', label: 'Site', type: 'url' },
      { key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' } },
    ],
  }));
  for (const s of samples) {
    const body = { ...s, unit: s.unit === null ? null : oak.unitIds[s.unit] };
    rows.push(await ok(oak.api('POST', '/objects/thing/records', body)));
  }
});
afterAll(() => t?.close());

/** What the API compares for a field: minor units for money, instants for date-times, text as PostgreSQL's C-like byte order would not do (we only compare equal-case sets below). */
const keyOf = (field: string, r: Row): string | number | null => {
  const v = r[field];
  if (v === null) return null;
  if (field === 'price') return (v as { amountMinor: number }).amountMinor;
  if (field === 'ok') return v ? 1 : 0;
  if (field === 'at') return Date.parse(v as string);
  return v as string | number;
};

/** Every page of a list, two records at a time. */
async function walk(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { data: Row[]; nextCursor: string | null } = await ok(oak.api('GET', `/objects/thing/records?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`), 200);
    ids.push(...page.data.map((r) => r.id));
    cursor = page.nextCursor;
    expect(++pages).toBeLessThan(20);
  } while (cursor);
  return ids;
}

/** The records sorted as the API promises: blanks last ascending, first descending, then creation order. */
function expected(field: string, desc: boolean): string[] {
  const compare = (a: Row, b: Row) => {
    const [x, y] = [keyOf(field, a), keyOf(field, b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const sorted = [...rows].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : 1));
  return (desc ? sorted.reverse() : sorted).map((r) => r.id);
}

describe('listing records of a custom object', () => {
  it('pages in creation order by default, and backwards', async () => {
    expect(await walk('')).toEqual(rows.map((r) => r.id));
    expect(await walk('sort=-createdAt')).toEqual(rows.map((r) => r.id).reverse());
  });

  it.each(FIELDS.filter((f) => f !== 'name'))('sorts and pages by %s both ways, blanks last ascending and first descending', async (field) => {
    expect(await walk(`sort=${field}`)).toEqual(expected(field, false));
    expect(await walk(`sort=-${field}`)).toEqual(expected(field, true));
  });

  it('sorts text by the database collation, blanks last, and by two fields in opposite directions', async () => {
    const byName = await walk('sort=name');
    expect(byName.slice(-2).sort()).toEqual([rows[2]!.id, rows[5]!.id].sort());
    expect(new Set(byName)).toEqual(new Set(rows.map((r) => r.id)));
    // ok descending (blanks first), then due ascending (blanks last), then the record id descending.
    const two = await walk('sort=-ok,due');
    const check = [...rows].sort((a, b) => {
      const [x, y] = [keyOf('ok', a), keyOf('ok', b)];
      if (x !== y) return x === null ? -1 : y === null ? 1 : (y as number) - (x as number);
      const [p, q] = [keyOf('due', a), keyOf('due', b)];
      if (p !== q) return p === null ? 1 : q === null ? -1 : (p as string) < (q as string) ? -1 : 1;
      return a.id < b.id ? 1 : -1;
    });
    expect(two).toEqual(check.map((r) => r.id));
  });

  it('filters every scalar type by equality, ranges, lists and blanks', async () => {
    const ids = async (q: string) => (await walk(q)).sort();
    const where = (p: (r: Row) => boolean) => rows.filter(p).map((r) => r.id).sort();
    expect(await ids('filter[size]=3')).toEqual(where((r) => r.size === 3));
    expect(await ids('filter[size][gte]=0')).toEqual(where((r) => r.size !== null && (r.size as number) >= 0));
    expect(await ids('filter[size][lt]=0')).toEqual(where((r) => r.size !== null && (r.size as number) < 0));
    expect(await ids('filter[size][is_blank]=true')).toEqual(where((r) => r.size === null));
    expect(await ids('filter[size][ne]=3')).toEqual(where((r) => r.size !== 3));
    expect(await ids('filter[price][gte]=100&filter[price][lte]=500')).toEqual(where((r) => r.price !== null && [100, 500].includes((r.price as { amountMinor: number }).amountMinor)));
    expect(await ids('filter[ok]=true')).toEqual(where((r) => r.ok === true));
    expect(await ids('filter[ok]=false')).toEqual(where((r) => r.ok === false));
    expect(await ids('filter[due][gt]=2026-01-01')).toEqual(where((r) => r.due !== null && (r.due as string) > '2026-01-01'));
    expect(await ids('filter[due]=2026-03-01')).toEqual(where((r) => r.due === '2026-03-01'));
    expect(await ids('filter[at][gte]=2026-03-01T10:00:00Z')).toEqual(where((r) => r.at !== null && Date.parse(r.at as string) >= Date.parse('2026-03-01T10:00:00Z')));
    expect(await ids('filter[pick][in]=a,c')).toEqual(where((r) => r.pick === 'a' || r.pick === 'c'));
    expect(await ids('filter[mail]=M@X.test')).toEqual(where((r) => r.mail === 'm@x.test'));
    expect(await ids('filter[phone][starts_with]=%2B1%20555%20010')).toEqual(where((r) => r.phone !== null));
    expect(await ids('filter[site][contains]=C.EXAMPLE')).toEqual(where((r) => r.site === 'https://c.example/'));
    expect(await ids(`filter[unit]=${oak.unitIds[1]}`)).toEqual(where((r) => r.unit === oak.unitIds[1]));
    expect(await ids('filter[name][contains]=ALP')).toEqual(where((r) => r.name === 'Alpha'));
    expect(await ids('filter[name][is_blank]=false')).toEqual(where((r) => r.name !== null));
    expect(await ids('q=amm')).toEqual(where((r) => r.name === 'Gamma'));
  });

  it('filters on one field while sorting and paging on another', async () => {
    const got = await walk('filter[ok]=true&sort=-size');
    const want = expected('size', true).filter((id) => rows.find((r) => r.id === id)!.ok === true);
    expect(got).toEqual(want);
  });
});
