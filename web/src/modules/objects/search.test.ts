import { describe, expect, it } from 'vitest';
import { applicableFilters, boardBy, filtersOf, listQuery, nextSort, previousCursor, recordsSearch, rememberNext, sortDirection, withFilter, withoutFilter } from './search.js';
import { operatorsOf, type ObjectField } from './types.js';

const field = (key: string, type: ObjectField['type'], config: ObjectField['config'] = {}): ObjectField =>
  ({ id: key, key, label: key, type, config, rules: {}, position: 0, createdAt: '', updatedAt: '', removedAt: null }) as ObjectField;

describe('recordsSearch', () => {
  it('keeps the search, sort, cursor, view and filters in the API syntax', () => {
    expect(recordsSearch({ q: 'AB', sort: '-valid_to', cursor: 'abc', view: 'board', by: 'status', 'filter[status]': 'active', 'filter[valid_to][gte]': '2026-01-01' })).toEqual({
      q: 'AB',
      sort: '-valid_to',
      cursor: 'abc',
      view: 'board',
      by: 'status',
      'filter[status]': 'active',
      'filter[valid_to][gte]': '2026-01-01',
    });
  });

  it('reads values the router parsed as JSON back as text', () => {
    expect(recordsSearch({ q: 1999, 'filter[size]': 3, 'filter[paid][is_blank]': true })).toEqual({ q: '1999', 'filter[size]': '3', 'filter[paid][is_blank]': 'true' });
  });

  it('drops what is not well formed: unknown operators, foreign keys, other views, bad sort parts', () => {
    expect(recordsSearch({ 'filter[status][like]': 'x', 'filter[Status]': 'x', 'filter[a]': '', foo: 'bar', view: 'calendar', by: 'Drop table', sort: '-valid_to,;drop,plate' })).toEqual({ sort: '-valid_to,plate' });
  });

  it('bounds the number of filters and the length of values', () => {
    const raw = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`filter[f${i}]`, 'x'.repeat(600)]));
    const search = recordsSearch(raw);
    expect(filtersOf(search)).toHaveLength(20);
    expect(filtersOf(search)[0]!.value).toHaveLength(500);
  });
});

describe('filters', () => {
  it('lists the filters with their operators, eq for the short form', () => {
    expect(filtersOf({ 'filter[status]': 'active', 'filter[fee][gt]': '10', sort: 'plate' })).toEqual([
      { field: 'status', op: 'eq', value: 'active' },
      { field: 'fee', op: 'gt', value: '10' },
    ]);
  });

  it('adds and removes a filter, starting again at the first page', () => {
    const added = withFilter({ cursor: 'c', sort: 'plate' }, { field: 'status', op: 'eq', value: 'active' });
    expect(added).toEqual({ sort: 'plate', 'filter[status]': 'active' });
    expect(withFilter(added, { field: 'valid_to', op: 'lt', value: '2026-06-01' })).toEqual({ sort: 'plate', 'filter[status]': 'active', 'filter[valid_to][lt]': '2026-06-01' });
    expect(withoutFilter({ ...added, cursor: 'd' }, { field: 'status', op: 'eq' })).toEqual({ sort: 'plate' });
  });

  it('drops filters on fields the object does not have, or with operators their type does not take', () => {
    const fields = [field('status', 'select'), field('notes', 'long_text')];
    const filters = filtersOf({ 'filter[status]': 'a', 'filter[gone]': 'b', 'filter[notes][gt]': 'c', 'filter[notes][contains]': 'd' });
    expect(applicableFilters(filters, fields, operatorsOf)).toEqual([
      { field: 'status', op: 'eq', value: 'a' },
      { field: 'notes', op: 'contains', value: 'd' },
    ]);
  });

  it('gives the API the filters, sort, search and cursor, not the view', () => {
    expect(listQuery({ q: 'x', view: 'board', by: 'status', sort: '-fee', 'filter[status]': 'a' }, 50)).toEqual({ limit: 50, q: 'x', sort: '-fee', 'filter[status]': 'a' });
  });
});

describe('sorting by a column header', () => {
  it('goes ascending, descending, then back to the default order', () => {
    expect(nextSort(undefined, 'valid_to')).toBe('valid_to');
    expect(nextSort('valid_to', 'valid_to')).toBe('-valid_to');
    expect(nextSort('-valid_to', 'valid_to')).toBeUndefined();
    expect(nextSort('-plate', 'valid_to')).toBe('valid_to');
  });

  it('says how a column is sorted from the first key', () => {
    expect(sortDirection('-valid_to,plate', 'valid_to')).toBe('descending');
    expect(sortDirection('-valid_to,plate', 'plate')).toBe('none');
    expect(sortDirection('plate', 'plate')).toBe('ascending');
    expect(sortDirection(undefined, 'plate')).toBe('none');
  });
});

describe('the board', () => {
  it('groups by the select field the URL names, else the first one', () => {
    const selects = [field('status', 'select'), field('zone', 'select')];
    expect(boardBy({ by: 'zone' }, selects)?.key).toBe('zone');
    expect(boardBy({ by: 'plate' }, selects)?.key).toBe('status');
    expect(boardBy({}, [])).toBeUndefined();
  });
});

describe('Previous', () => {
  it('knows the cursor before one reached with Next, per list', () => {
    rememberNext('permits', undefined, 'c1');
    rememberNext('permits', 'c1', 'c2');
    expect(previousCursor('permits', 'c2')).toBe('c1');
    expect(previousCursor('permits', 'c1')).toBeNull();
    expect(previousCursor('other', 'c2')).toBeUndefined();
    expect(previousCursor('permits', undefined)).toBeUndefined();
  });
});

describe('filter values', async () => {
  const { filterValueText, filterValueToApi } = await import('./filter-values.js');
  const fee = field('fee', 'currency', { currency: 'EUR' });
  const status = field('status', 'select', { options: [{ key: 'active', label: 'Active' }] });

  it('compares money in minor units, typed in major units by locale', () => {
    expect(filterValueToApi(fee, 'gte', '25,50', 'es')).toBe('2550');
    expect(filterValueToApi(fee, 'gte', 'lots', 'en')).toBeNull();
    expect(filterValueText(fee, { field: 'fee', op: 'gte', value: '2550' }, 'en-GB', { yes: 'Yes', no: 'No' })).toBe('€25.50');
  });

  it('takes is_blank as true or false, and names options and blanks in words', () => {
    expect(filterValueToApi(status, 'is_blank', 'maybe', 'en')).toBeNull();
    expect(filterValueToApi(status, 'eq', ' active ', 'en')).toBe('active');
    expect(filterValueText(status, { field: 'status', op: 'eq', value: 'active' }, 'en', { yes: 'Yes', no: 'No' })).toBe('Active');
    expect(filterValueText(status, { field: 'status', op: 'is_blank', value: 'true' }, 'en', { yes: 'Yes', no: 'No' })).toBe('Yes');
    expect(filterValueText(field('to', 'date'), { field: 'to', op: 'lt', value: '2026-06-01' }, 'en-GB', { yes: 'Yes', no: 'No' })).toBe('1 Jun 2026');
  });
});
