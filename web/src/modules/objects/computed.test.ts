import { describe, expect, it } from 'vitest';
import { isIndexed, operatorsOf, rulesOf, valueField, type ObjectField } from './types.js';
import { isEditable } from './values.js';
import { filterValueToApi } from './filter-values.js';

const field = (key: string, type: ObjectField['type'], config: ObjectField['config'] = {}): ObjectField =>
  ({ id: key, key, label: key, type, config, rules: {}, position: 0, createdAt: '', updatedAt: '', removedAt: null }) as ObjectField;

describe('formula and rollup fields in the pages', () => {
  const daysLeft = field('days_left', 'formula', { expression: 'days_between(today(), valid_to)', result: { type: 'number' }, volatile: true });
  const paid = field('paid', 'rollup', { fn: 'sum', object: 'payment', relation: 'permit', field: 'amount', result: { type: 'currency', currency: 'EUR' } });
  const tags = field('all_tags', 'formula', { expression: 'tags', result: { type: 'multi_select', options: ['ev'] } });
  const unknown = field('pending', 'formula', { expression: 'x' });

  it('reads, sorts and filters them as fields of their result type', () => {
    expect(valueField(daysLeft).type).toBe('number');
    expect(valueField(paid)).toMatchObject({ type: 'currency', config: { currency: 'EUR' } });
    expect([isIndexed(daysLeft), isIndexed(paid), isIndexed(tags), isIndexed(unknown)]).toEqual([true, true, false, false]);
    expect(operatorsOf(daysLeft)).toEqual(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is_blank']);
    expect(operatorsOf(tags)).toEqual([]);
    expect(operatorsOf(unknown)).toEqual([]);
    // Money typed in major units, compared in minor units, as for a currency field.
    expect(filterValueToApi(paid, 'gte', '12.50', 'en')).toBe('1250');
  });

  it('never offers them for writing, nor rules', () => {
    expect([isEditable(daysLeft), isEditable(paid)]).toEqual([false, false]);
    expect([rulesOf('formula'), rulesOf('rollup')]).toEqual([[], []]);
  });
});
