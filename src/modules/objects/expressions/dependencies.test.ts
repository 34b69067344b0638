import { describe, expect, it } from 'vitest';
import { type ExpressionSchema, type FormulaField, compileExpression, dependencies, fieldTypeOf, formulaOrder, isValidFieldKey, rollupSource } from './index.js';
import { compiled } from './test-fixtures.js';

describe('dependencies', () => {
  it('names the own fields read, once each, and whether the clock is read', () => {
    const deps = dependencies(compiled('days_between(today(), valid_to) < 14 and valid_to > valid_from'));
    expect(deps.fields).toEqual(['valid_to', 'valid_from']);
    expect(deps.volatile).toBe(true);
    expect(deps.relations).toEqual([]);
    expect(dependencies(compiled('valid_to > valid_from')).volatile).toBe(false);
    expect(dependencies(compiled('now()')).volatile).toBe(true);
  });

  it('follows paths through relations, with the object of every step, so a change there is traced back', () => {
    const deps = dependencies(compiled("unit.property.name & ' ' & sum(payments.amount) & count(unit.permits)"));
    expect(deps.fields).toEqual(['unit', 'payments']);
    expect(deps.paths).toEqual([
      { path: ['unit', 'property', 'name'], objects: ['permit', 'unit', 'property'], many: false },
      { path: ['payments', 'amount'], objects: ['permit', 'payment'], many: true },
      { path: ['unit', 'permits'], objects: ['permit', 'unit'], many: true },
    ]);
    expect(deps.relations).toEqual([
      { field: 'unit', target: 'unit', path: ['unit'] },
      { field: 'property', target: 'property', path: ['unit', 'property'] },
      { field: 'payments', target: 'payment', path: ['payments'] },
      { field: 'permits', target: 'permit', path: ['unit', 'permits'] },
    ]);
  });
});

describe('formulaOrder', () => {
  // Formulas of a permit and of its unit, described to each other by their result types.
  const base: ExpressionSchema = {
    object: 'permit',
    objects: {
      permit: { valid_to: { type: 'date' }, fee: { type: 'currency', currency: 'EUR' }, unit: { type: 'relation', target: 'unit', many: false } },
      unit: { rate: { type: 'number' }, permits: { type: 'relation', target: 'permit', many: true } },
    },
  };
  function define(formulas: Array<[object: string, key: string, source: string, type: string]>): FormulaField[] {
    const objects: Record<string, Record<string, unknown>> = { permit: { ...base.objects.permit }, unit: { ...base.objects.unit } };
    for (const [object, key, , type] of formulas) objects[object]![key] = type === 'money' ? { type: 'currency', currency: 'EUR' } : { type };
    const schemaOf = (object: string) => ({ object, objects }) as unknown as ExpressionSchema;
    return formulas.map(([object, key, source]) => {
      const result = compileExpression(source, schemaOf(object));
      if (!result.ok) throw new Error(`${key}: ${result.errors[0]!.message}`);
      expect(fieldTypeOf(result.expression.type)).not.toBeNull();
      return { object, key, expression: result.expression };
    });
  }
  const keys = (fields: readonly FormulaField[]) => fields.map((f) => `${f.object}.${f.key}`);

  it('puts every formula after the formulas it reads, across relations', () => {
    const fields = define([
      ['permit', 'total', 'subtotal + tax', 'money'],
      ['permit', 'tax', 'subtotal * unit.tax_rate', 'money'],
      ['permit', 'subtotal', 'fee * 2', 'money'],
      ['unit', 'tax_rate', 'rate / 100', 'number'],
      ['unit', 'permit_total', 'sum(permits.total)', 'money'],
    ]);
    const result = formulaOrder(fields);
    expect(result.ok).toBe(true);
    const order = keys(result.ok ? result.order : []);
    expect(order).toHaveLength(5);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('permit.subtotal', 'permit.tax');
    before('unit.tax_rate', 'permit.tax');
    before('permit.tax', 'permit.total');
    before('permit.total', 'unit.permit_total');
  });

  it('reports a cycle with the fields in it, through a relation too', () => {
    const direct = formulaOrder(define([
      ['permit', 'a', 'b + 1', 'number'],
      ['permit', 'b', 'c + 1', 'number'],
      ['permit', 'c', 'a + 1', 'number'],
      ['permit', 'd', '1', 'number'],
    ]));
    expect(direct.ok).toBe(false);
    if (direct.ok) return;
    expect(direct.cycle).toEqual(['permit.a', 'permit.b', 'permit.c', 'permit.a']);
    expect(direct.error).toMatchObject({ code: 'expression.cycle', position: null });
    expect(direct.error.message).toBe('These formulas depend on each other in a circle: permit.a → permit.b → permit.c → permit.a.');

    const across = formulaOrder(define([
      ['permit', 'share', 'unit.total / 2', 'number'],
      ['unit', 'total', 'sum(permits.share)', 'number'],
    ]));
    expect(!across.ok && across.cycle).toEqual(['permit.share', 'unit.total', 'permit.share']);

    const self = formulaOrder(define([['permit', 'n', 'n + 1', 'number']]));
    expect(!self.ok && self.cycle).toEqual(['permit.n', 'permit.n']);
  });

  it('orders a long chain without recursion', () => {
    const chain = define(Array.from({ length: 2_000 }, (_, i) => ['permit', `f${i}`, i === 1_999 ? '1' : `f${i + 1} + 1`, 'number'] as [string, string, string, string]));
    const result = formulaOrder(chain);
    expect(result.ok && keys(result.order).slice(0, 2)).toEqual(['permit.f1999', 'permit.f1998']);
  });
});

describe('rollups', () => {
  it('are formulas of one aggregate', () => {
    expect(rollupSource({ fn: 'sum', relation: 'payments', field: 'amount' })).toBe('sum(payments.amount)');
    expect(rollupSource({ fn: 'count', relation: 'payments' })).toBe('count(payments)');
    expect(compiled(rollupSource({ fn: 'max', relation: 'payments', field: 'paid_on' })).type).toEqual({ kind: 'date' });
  });
});

describe('field keys', () => {
  it('are snake_case from a letter and never a keyword or a prototype name', () => {
    expect(['days_left', 'a1', 'valid_to'].every(isValidFieldKey)).toBe(true);
    expect(['__proto__', '_x', 'Constructor', 'and', 'null', '1a', 'a-b', 'a'.repeat(64)].some(isValidFieldKey)).toBe(false);
  });
});
