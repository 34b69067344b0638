import { describe, expect, it } from 'vitest';
import { compileExpression, describeType, fieldTypeOf, messageIn } from './index.js';
import { compiled, errorsOf, schema } from './test-fixtures.js';

const only = (source: string, options?: Parameters<typeof errorsOf>[1]) => {
  const errors = errorsOf(source, options);
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

describe('types', () => {
  it('gives each expression its result type', () => {
    const kind = (s: string) => compiled(s).type;
    expect(kind('days_between(today(), valid_to)')).toEqual({ kind: 'number' });
    expect(kind('fee * 2')).toEqual({ kind: 'money', currency: 'EUR' });
    expect(kind('deposit + deposit')).toEqual({ kind: 'money', currency: null });
    expect(kind("money(500, 'USD')")).toEqual({ kind: 'money', currency: 'USD' });
    expect(kind('fee / fee')).toEqual({ kind: 'number' });
    expect(kind("plate & ' ' & spaces")).toEqual({ kind: 'text' });
    expect(kind('add_months(valid_from, 1)')).toEqual({ kind: 'date' });
    expect(kind('now()')).toEqual({ kind: 'datetime' });
    expect(kind('unit.property.name')).toEqual({ kind: 'text' });
    expect(kind('if(paid, null, fee)')).toEqual({ kind: 'money', currency: 'EUR' });
    expect(kind('coalesce(deposit, fee)')).toEqual({ kind: 'money', currency: null });
    expect(kind('status')).toMatchObject({ kind: 'text', options: ['active', 'expired', 'revoked'] });
    expect(kind('tags')).toMatchObject({ kind: 'list' });
  });

  it('describes types for people, in English and Spanish, and maps results back to field types', () => {
    expect(describeType({ kind: 'money', currency: 'EUR' })).toBe('an amount of money in EUR');
    expect(describeType({ kind: 'date' }, 'es')).toBe('una fecha');
    expect(fieldTypeOf(compiled('fee * 2').type)).toEqual({ type: 'currency', currency: 'EUR' });
    expect(fieldTypeOf(compiled('days_between(today(), valid_to)').type)).toEqual({ type: 'number' });
  });
});

describe('type errors at definition time, with their position', () => {
  it('reports an operand of the wrong type where it stands', () => {
    const e = only('spaces + plate');
    expect(e.code).toBe('expression.type_mismatch');
    expect(e.position).toEqual({ start: 9, end: 14, line: 1, column: 10 });
    expect(e.message).toBe('The right side of + needs numbers or amounts of money (for dates, use days_between(), add_days() or add_months()), not text.');
    expect(e.params).toMatchObject({ found: 'text' });
  });

  it('points date arithmetic at the date functions', () => {
    const e = only('valid_to - valid_from');
    expect(e.position).toMatchObject({ start: 0, end: 8 });
    expect(e.message).toContain('days_between()');
  });

  it('reports every independent error, not only the first', () => {
    const errors = errorsOf('nope + 1 > 2 and upper(spaces) = plate and colour = 1');
    expect(errors.map((e) => [e.code, e.position!.start])).toEqual([
      ['expression.unknown_field', 0],
      ['expression.type_mismatch', 23],
      ['expression.unknown_field', 43],
    ]);
  });

  it('names an unknown field and the object it was looked for on, through relations too', () => {
    const e = only('unit.property.nme');
    expect(e.code).toBe('expression.unknown_field');
    expect(e.params).toEqual({ field: 'nme', object: 'property' });
    expect(e.position).toMatchObject({ start: 14, end: 17 });
    const named = compileExpression('colour', { ...schema, objectName: (key) => (key === 'permit' ? 'Parking permit' : key) });
    expect(!named.ok && named.errors[0]!.message).toBe('There is no field "colour" on Parking permit.');
  });

  it('refuses unknown functions and wrong numbers of arguments', () => {
    expect(only('eval(plate)')).toMatchObject({ code: 'expression.unknown_function', params: { name: 'eval' }, position: { start: 0, end: 4 } });
    expect(only('days_between(today())')).toMatchObject({ code: 'expression.arity', params: { name: 'days_between', expected: '2', count: 1 } });
    expect(only('round(spaces, 1, 2)').params).toMatchObject({ expected: '1 to 2', count: 3 });
    expect(only('today(1)').message).toBe('today() takes 0 arguments, not 1.');
    expect(only('min(spaces)').code).toBe('expression.arity');
  });

  it('checks that a literal compared with a select is one of its options', () => {
    const e = only("status = 'actve'");
    expect(e).toMatchObject({ code: 'expression.unknown_option', params: { option: 'actve', field: 'status', options: 'active, expired, revoked' } });
    expect(e.position).toMatchObject({ start: 9, end: 16 });
    expect(only("'gone' != status").position).toMatchObject({ start: 0, end: 6 });
    expect(only("contains(tags, 'EV')").params).toMatchObject({ option: 'EV', field: 'tags' });
    expect(compiled("status = 'active' and contains(tags, 'ev')").type.kind).toBe('boolean');
  });

  it('refuses amounts in two currencies when both are known, and leaves the rest to evaluation', () => {
    const e = only("fee + money(100, 'USD')");
    expect(e).toMatchObject({ code: 'expression.currency_mismatch', params: { left: 'EUR', right: 'USD' } });
    expect(e.position).toMatchObject({ start: 6, end: 23 });
    expect(only("fee > money(1, 'GBP')").code).toBe('expression.currency_mismatch');
    expect(only("if(paid, fee, money(1, 'GBP'))").code).toBe('expression.currency_mismatch');
    expect(compiled('fee + deposit').type).toEqual({ kind: 'money', currency: 'EUR' });
    expect(only("money(1, 'eur')")).toMatchObject({ code: 'expression.invalid_currency', position: { start: 9, end: 14 } });
    expect(only('money(1, plate)').code).toBe('expression.type_mismatch');
    expect(only('fee * fee').code).toBe('expression.type_mismatch');
    expect(only('fee + 1').code).toBe('expression.type_mismatch');
  });

  it('checks date literals when the expression is defined', () => {
    expect(only("valid_to > date('2026-02-30')")).toMatchObject({ code: 'expression.invalid_date', params: { text: '2026-02-30' }, position: { start: 16, end: 28 } });
    expect(compiled("valid_to > date('2028-02-29')").type.kind).toBe('boolean');
    expect(only("issued_at < datetime('yesterday')").code).toBe('expression.invalid_date');
  });

  it('says how to test for null instead of comparing with it', () => {
    const e = only('valid_to = null');
    expect(e.message).toContain('is_blank()');
    expect(compiled('is_blank(valid_to)').type.kind).toBe('boolean');
  });

  it('keeps to-many relations inside aggregates and follows at most three relations', () => {
    expect(only('payments.amount > fee')).toMatchObject({ code: 'expression.to_many_outside_aggregate', position: { start: 0, end: 8 } });
    expect(compiled('sum(unit.permits.fee)').type).toEqual({ kind: 'money', currency: 'EUR' });
    expect(only('count(unit.permits.payments)')).toMatchObject({ code: 'expression.to_many_outside_aggregate', params: { field: 'payments' } });
    expect(compiled('count(unit.permits)').type.kind).toBe('number');
    expect(only('sum(payments)').code).toBe('expression.type_mismatch');
    expect(only('sum(payments.note)').code).toBe('expression.type_mismatch');
    expect(only('sum(spaces)').code).toBe('expression.type_mismatch');
    expect(only('plate.length')).toMatchObject({ code: 'expression.not_a_relation', params: { field: 'plate' } });
    expect(compiled('unit.property.owner.email').type.kind).toBe('text');
    expect(only('unit.property.owner.address.city')).toMatchObject({ code: 'expression.relation_too_deep', params: { max: 3 } });
  });

  it('asks rules and conditions for true or false, and formulas for a value a field can hold', () => {
    expect(compiled('valid_to > valid_from', { purpose: 'rule' }).type.kind).toBe('boolean');
    const e = only('days_between(valid_from, valid_to)', { purpose: 'rule' });
    expect(e).toMatchObject({ code: 'expression.result_type', position: { start: 0, end: 34 } });
    expect(e.message).toBe('The expression gives a number; A validation rule needs true or false.');
    expect(only('null').code).toBe('expression.result_type');
    expect(only('unit').code).toBe('expression.result_type');
    expect(compiled('is_blank(unit) or is_blank(scan)', { purpose: 'condition' }).type.kind).toBe('boolean');
    expect(only('spaces', { expect: ['text'] }).code).toBe('expression.result_type');
  });

  it('gives every message in Spanish too, from the same params', () => {
    const e = only("status = 'actve'");
    expect(messageIn(e, 'es')).toBe('«actve» no es una opción de status; las opciones son active, expired, revoked.');
    expect(messageIn(only('foo'), 'es')).toBe('No hay ningún campo «foo» en permit.');
  });
});
