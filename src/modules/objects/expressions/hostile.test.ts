import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Expr, type ExpressionError, LIMITS, checkExpression, compileExpression, evaluate, parseExpression, tryEvaluate } from './index.js';
import { compiled, context, errorsOf, schema } from './test-fixtures.js';

/**
 * The times asserted here guard against a hang or an exponential blow-up, never a speed goal
 * (expressions/benchmark.ts measures speed): they are loose enough for a loaded CI machine.
 */
function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

function refusal(source: string) {
  const { value, ms } = timed(() => compileExpression(source, schema));
  expect(value.ok).toBe(false);
  expect(ms).toBeLessThan(1_000);
  return (value as { errors: readonly ExpressionError[] }).errors[0]!;
}

describe('deep nesting is refused quickly, before it can exhaust the stack', () => {
  it('refuses 10,000 nested parentheses by length', () => {
    const e = refusal(`${'('.repeat(10_000)}1${')'.repeat(10_000)}`);
    expect(e).toMatchObject({ code: 'expression.too_long', params: { length: 20_001, max: LIMITS.sourceLength }, position: { start: 2000 } });
  });

  it('refuses 999 nested parentheses, calls, minus signs or nots by depth, at the level that goes too deep', () => {
    const parens = refusal(`${'('.repeat(999)}1${')'.repeat(999)}`);
    expect(parens).toMatchObject({ code: 'expression.too_deep', params: { max: 64 } });
    expect(parens.position!.start).toBeLessThanOrEqual(64);
    expect(refusal(`${'abs('.repeat(300)}1${')'.repeat(300)}`).code).toBe('expression.too_deep');
    expect(refusal(`${'-'.repeat(1500)}1`).code).toBe('expression.too_deep');
    expect(refusal(`${'not '.repeat(450)}true`).code).toBe('expression.too_deep');
    expect(compiled(`${'('.repeat(60)}1${')'.repeat(60)}`).type.kind).toBe('number');
  });

  it('bounds long chains that nest the tree without nesting the source', () => {
    expect(refusal(Array(70).fill('1').join(' + ')).code).toBe('expression.too_deep');
    expect(refusal(`max(${Array(600).fill('1').join(',')})`).code).toBe('expression.too_complex');
    expect(compiled(Array(60).fill('spaces').join(' + ')).type.kind).toBe('number');
  });

  it('bounds a tree built by hand the same way when it is checked', () => {
    let node: Expr = { kind: 'number', value: 1, start: 0, end: 1 };
    for (let i = 0; i < 100_000; i++) node = { kind: 'unary', op: '-', operand: node, start: 0, end: 1 };
    const result = timed(() => checkExpression('1', node, schema));
    expect(result.value.ok).toBe(false);
    expect(!result.value.ok && result.value.errors[0]!.code).toBe('expression.too_deep');
  });
});

describe('huge numbers', () => {
  it('refuses literals beyond ±1e15 at their position', () => {
    expect(refusal('spaces + 1e308')).toMatchObject({ code: 'expression.number_out_of_range', position: { start: 9, end: 14 } });
    expect(refusal('1e999').code).toBe('expression.number_out_of_range');
    expect(refusal('1000000000000001').code).toBe('expression.number_out_of_range');
    expect(refusal('99999999999999999999999999999999999999').code).toBe('expression.number_out_of_range');
    expect(compiled('1e15 + 0').type.kind).toBe('number');
    expect(refusal('Infinity').code).toBe('expression.unknown_field');
    expect(refusal('NaN').code).toBe('expression.unknown_field');
  });

  it('turns results out of range into an evaluation error, never Infinity or NaN', () => {
    const square = compiled('spaces * spaces * spaces');
    for (const spaces of [1e15, -1e15, 1e10, 123456789]) {
      const result = tryEvaluate(square, { spaces }, context());
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('expression.out_of_range');
    }
    expect(tryEvaluate(compiled('1e15 + 1e15'), {}, context())).toMatchObject({ ok: false, error: { code: 'expression.out_of_range' } });
    expect(tryEvaluate(compiled("money(1e15, 'EUR')"), {}, context())).toMatchObject({ ok: false, error: { code: 'expression.out_of_range' } });
    expect(tryEvaluate(compiled('fee * 1e6'), { fee: { amount: 1e12, currency: 'EUR' } }, context())).toMatchObject({ ok: false });
    expect(tryEvaluate(compiled('round(spaces, 1e9)'), { spaces: 1 }, context())).toMatchObject({ ok: false, error: { code: 'expression.out_of_range' } });
    expect(tryEvaluate(compiled('add_days(valid_to, 1e15)'), { valid_to: '2026-01-01' }, context())).toMatchObject({ ok: false, error: { code: 'expression.out_of_range' } });
    expect(tryEvaluate(compiled('add_months(valid_to, 1e15)'), { valid_to: '2026-01-01' }, context())).toMatchObject({ ok: false, error: { code: 'expression.out_of_range' } });
  });

  it('refuses stored numbers out of range or not finite', () => {
    for (const spaces of [1e308, Infinity, NaN, '1e400']) {
      expect(tryEvaluate(compiled('spaces'), { spaces }, context())).toMatchObject({ ok: false, error: { code: 'expression.invalid_value' } });
    }
  });
});

describe('property access tricks', () => {
  it('knows only the fields of the schema: no prototype member is a field or a function', () => {
    for (const name of ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']) {
      expect(errorsOf(name)[0]!.code).toBe('expression.unknown_field');
      expect(errorsOf(`${name}(1)`)[0]!.code).toBe('expression.unknown_function');
      expect(errorsOf(`unit.${name}`)[0]!.code).toBe('expression.unknown_field');
    }
    expect(errorsOf('constructor.constructor')[0]!.code).toBe('expression.unknown_field');
    expect(errorsOf('plate.constructor')[0]!.code).toBe('expression.not_a_relation');
    expect(refusal("constructor('return process')()").code).toBe('expression.syntax');
    expect(refusal('plate["constructor"]').code).toBe('expression.syntax');
    expect(refusal('plate[0]').code).toBe('expression.syntax');
    expect(refusal('`${process}`').code).toBe('expression.syntax');
  });

  it('does not read a schema through the prototype of its objects', () => {
    const tricky = { object: 'permit', objects: { permit: { link: { type: 'relation', target: '__proto__', many: false }, other: { type: 'relation', target: 'toString', many: false } } } } as const;
    const e = compileExpression('link.constructor', tricky);
    expect(!e.ok && e.errors[0]!.code).toBe('expression.unknown_field');
    expect(!compileExpression('other.length', tricky).ok).toBe(true);
  });

  it('reads only own values of a record, whatever its prototype holds', () => {
    const inherited = Object.create({ plate: 'inherited', spaces: 5 }) as Record<string, unknown>;
    expect(evaluate(compiled('plate'), inherited, context())).toBeNull();
    const parsed = JSON.parse('{"__proto__": {"plate": "polluted"}, "spaces": 2}') as Record<string, unknown>;
    expect(evaluate(compiled('coalesce(plate, text(spaces))'), parsed, context())).toBe('2');
    expect(({} as Record<string, unknown>).plate).toBeUndefined();
  });

  it('has no eval, Function or dynamic import anywhere in the language', () => {
    const dir = new URL('.', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|new Function|\bFunction\s*\(|import\s*\(|\brequire\s*\(/);
    }
  });
});

describe('very long text', () => {
  it('refuses sources over the length limit, wherever the excess is', () => {
    expect(refusal(`'${'x'.repeat(2_100)}'`)).toMatchObject({ code: 'expression.too_long', position: { start: 2000, end: 2102 } });
    expect(compiled(`'${'x'.repeat(1_990)}'`).type.kind).toBe('text');
  });

  it('bounds the text an expression builds, however it repeats its inputs', () => {
    const notes = 'n'.repeat(1_000);
    const doubled = compiled(Array(11).fill('notes').join(' & '));
    const { value: result, ms } = timed(() => tryEvaluate(doubled, { notes }, context()));
    expect(result).toMatchObject({ ok: false, error: { code: 'expression.text_too_long', params: { max: LIMITS.textLength } } });
    expect(ms).toBeLessThan(1_000);
    expect(tryEvaluate(compiled(`concat(${Array(11).fill('notes').join(', ')})`), { notes }, context())).toMatchObject({ ok: false });
    expect(evaluate(compiled(Array(10).fill('notes').join(' & ')), { notes }, context())).toHaveLength(10_000);
  });

  it('refuses characters the language does not know, at their position', () => {
    expect(refusal('plate ; drop table')).toMatchObject({ code: 'expression.syntax', position: { start: 6, end: 7 } });
    expect(refusal('plate\u0000').position).toMatchObject({ start: 5 });
    expect(refusal('a 😀').params.found).toBe('the character "😀"');
    expect(compiled("'😀\u0000' & plate").type.kind).toBe('text');
  });
});

describe('evaluation is linear in the expression', () => {
  it('evaluates the biggest allowed expression ten thousand times without blowing up', () => {
    // 60 nested ifs, each comparing and adding: the deepest the limits allow.
    let source = 'spaces';
    for (let i = 0; i < 30; i++) source = `if(spaces > ${i}, ${source} + 1, 0)`;
    const expr = compiled(source);
    const { ms } = timed(() => {
      for (let i = 0; i < 10_000; i++) evaluate(expr, { spaces: i % 40 }, context());
    });
    expect(ms).toBeLessThan(10_000);
    expect(() => parseExpression(source)).not.toThrow();
  });
});
