import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BinaryOperator, type Expr, ExpressionError, LIMITS, type RelatedRecords, compileExpression, evaluate, parseExpression, printExpression } from './index.js';
import { schema } from './test-fixtures.js';

/** A tree without positions, for comparing a tree with the one its printed text parses to. */
function strip(node: Expr): unknown {
  switch (node.kind) {
    case 'binary':
      return { op: node.op, left: strip(node.left), right: strip(node.right) };
    case 'unary':
      return { op: node.op, operand: strip(node.operand) };
    case 'call':
      return { call: node.name, args: node.args.map(strip) };
    case 'field':
      return { field: node.path.map((s) => s.name) };
    case 'null':
      return { null: true };
    default:
      return { [node.kind]: node.value };
  }
}

// ---- Well-typed trees, built by type so that most of them check and evaluate.

/** A guard against a hang, not a speed goal: loose enough for a loaded CI machine. */
const HANG_MS = 1_000;

const at = { start: 0, end: 0 };
const num = (value: number): Expr => ({ kind: 'number', value, ...at });
const text = (value: string): Expr => ({ kind: 'text', value, ...at });
const field = (...path: string[]): Expr => ({ kind: 'field', path: path.map((name) => ({ name, ...at })), ...at });
const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args, ...at });
const binary = (op: BinaryOperator) => ([left, right]: [Expr, Expr]): Expr => ({ kind: 'binary', op, left, right, ...at });
const unary = (op: '-' | 'not') => (operand: Expr): Expr => ({ kind: 'unary', op, operand, ...at });
const isoDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const depth = { depthSize: 'small', maxDepth: 7, depthIdentifier: 'expression' } as const;

const typed = fc.letrec<{ num: Expr; bool: Expr; text: Expr; date: Expr; money: Expr }>((tie) => ({
  num: fc.oneof(
    depth,
    fc.double({ min: 0, max: LIMITS.number, noNaN: true }).map((n) => num(Math.abs(n))),
    fc.integer({ min: 0, max: 1000 }).map(num),
    fc.constant(field('spaces')),
    fc.constant(field('unit', 'floor')),
    fc.constant(call('count', field('payments'))),
    fc.tuple(tie('num'), tie('num')).map(binary('+')),
    fc.tuple(tie('num'), tie('num')).map(binary('-')),
    fc.tuple(tie('num'), tie('num')).map(binary('*')),
    fc.tuple(tie('num'), tie('num')).map(binary('/')),
    fc.tuple(tie('num'), tie('num')).map(binary('%')),
    tie('num').map(unary('-')),
    fc.tuple(tie('num'), fc.integer({ min: -3, max: 4 })).map(([x, d]) => call('round', x, d < 0 ? unary('-')(num(-d)) : num(d))),
    tie('num').map((x) => call('abs', x)),
    tie('text').map((t) => call('len', t)),
    fc.tuple(tie('date'), tie('date')).map(([a, b]) => call('days_between', a, b)),
    tie('date').map((d) => call('weekday', d)),
    fc.tuple(tie('bool'), tie('num'), tie('num')).map(([c, a, b]) => call('if', c, a, b)),
    fc.tuple(tie('num'), tie('num')).map(([a, b]) => call('coalesce', a, b)),
    fc.tuple(tie('money'), tie('money')).map(([a, b]) => binary('/')([a, b])),
  ),
  bool: fc.oneof(
    depth,
    fc.boolean().map((value): Expr => ({ kind: 'boolean', value, ...at })),
    fc.constant(field('paid')),
    fc.constant(binary('=')([field('status'), text('active')])),
    fc.tuple(tie('num'), tie('num')).map(binary('<')),
    fc.tuple(tie('num'), tie('num')).map(binary('=')),
    fc.tuple(tie('text'), tie('text')).map(binary('>=')),
    fc.tuple(tie('date'), tie('date')).map(binary('!=')),
    fc.tuple(tie('money'), tie('money')).map(binary('<=')),
    fc.tuple(tie('bool'), tie('bool')).map(binary('and')),
    fc.tuple(tie('bool'), tie('bool')).map(binary('or')),
    tie('bool').map(unary('not')),
    tie('text').map((t) => call('is_blank', t)),
    fc.tuple(tie('text'), tie('text')).map(([a, b]) => call('contains', a, b)),
  ),
  text: fc.oneof(
    depth,
    fc.string({ maxLength: 12 }).map(text),
    fc.constant(field('plate')),
    fc.constant(field('unit', 'property', 'name')),
    fc.tuple(tie('text'), tie('text')).map(binary('&')),
    fc.tuple(tie('text'), tie('num')).map(binary('&')),
    tie('text').map((t) => call('upper', t)),
    tie('text').map((t) => call('trim', t)),
    tie('num').map((n) => call('text', n)),
    tie('money').map((m) => call('text', m)),
    fc.tuple(tie('bool'), tie('text'), tie('text')).map(([c, a, b]) => call('if', c, a, b)),
  ),
  date: fc.oneof(
    depth,
    isoDate.map((d) => call('date', text(d))),
    fc.constant(field('valid_to')),
    fc.constant(call('today')),
    fc.constant(call('max', field('payments', 'paid_on'))),
    fc.tuple(tie('date'), tie('num')).map(([d, n]) => call('add_days', d, n)),
    fc.tuple(tie('date'), tie('num')).map(([d, n]) => call('add_months', d, n)),
  ),
  money: fc.oneof(
    depth,
    fc.constant(field('fee')),
    fc.constant(call('sum', field('payments', 'amount'))),
    fc.integer({ min: 0, max: 1e9 }).map((n) => call('money', num(n), text('EUR'))),
    fc.tuple(tie('money'), tie('money')).map(binary('+')),
    fc.tuple(tie('money'), tie('num')).map(binary('*')),
    fc.tuple(tie('money'), tie('num')).map(binary('/')),
    tie('money').map(unary('-')),
  ),
}));

const anyTyped = fc.oneof(typed.num, typed.bool, typed.text, typed.date, typed.money);

const eur = fc.integer({ min: -1e12, max: 1e12 }).map((amount) => ({ amount, currency: 'EUR' }));
const record = fc.record({
  spaces: fc.option(fc.oneof(fc.integer(), fc.double({ min: -LIMITS.number, max: LIMITS.number, noNaN: true }))),
  plate: fc.option(fc.string({ maxLength: 30 })),
  paid: fc.option(fc.boolean()),
  status: fc.option(fc.constantFrom('active', 'expired', 'revoked')),
  valid_to: fc.option(isoDate),
  fee: fc.option(eur),
  unit: fc.option(fc.constant('u1')),
});
const payments = fc.array(fc.record({ amount: fc.option(eur), paid_on: fc.option(isoDate) }), { maxLength: 5 });
const unit = fc.record({ floor: fc.option(fc.integer({ min: -5, max: 200 })), property: fc.constant('p1') });
const zone = fc.constantFrom('UTC', 'Pacific/Auckland', 'Pacific/Honolulu', 'Asia/Kathmandu');
const now = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true });

/** Every value an expression may give: JSON the API can store, numbers finite and in range. */
function isStorable(value: unknown, kind: string): boolean {
  if (value === null) return true;
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMITS.number;
    case 'boolean':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string' && value.length <= LIMITS.textLength;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'money':
      return typeof value === 'object' && Number.isSafeInteger((value as { amount: number }).amount) && (value as { currency: string }).currency === 'EUR';
    default:
      return false;
  }
}

describe('fuzzing the parser', () => {
  it('throws nothing but the language error on any text, and never when compiling', () => {
    const pieces = ['(', ')', ',', '.', "'", '"', ' ', '1', '2.5', '1e9', '-', '+', '*', '/', '%', '&', '=', '<', '>', '!', 'not ', ' and ', ' or ', 'a', 'plate', 'unit', 'if', 'null', 'true', '\n', 'é'];
    const source = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(source, (s) => {
        try {
          parseExpression(s);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          expect((error as ExpressionError).position!.start).toBeLessThanOrEqual(s.length);
        }
        expect(() => compileExpression(s, schema)).not.toThrow();
      }),
      { numRuns: 3_000 },
    );
  });

  it('parses the printed text of any tree back to the same tree, and prints it the same again', () => {
    fc.assert(
      fc.property(anyTyped, (tree) => {
        const printed = printExpression(tree);
        const reparsed = parseExpression(printed);
        expect(strip(reparsed)).toEqual(strip(tree));
        expect(printExpression(reparsed)).toBe(printed);
      }),
      { numRuns: 1_000 },
    );
  });

  it('checks every well-typed tree and evaluates it, on any record, to a storable value or the language error, quickly', () => {
    fc.assert(
      fc.property(anyTyped, record, payments, unit, zone, now, (tree, values, paid, flat, timeZone, instant) => {
        const result = compileExpression(printExpression(tree), schema);
        if (!result.ok) throw new Error(`${printExpression(tree)}: ${result.errors.map((e) => e.message).join('; ')}`);
        const related: RelatedRecords = {
          one: (_r, step) => (step.target === 'unit' ? flat : { name: 'Elm Court' }),
          many: () => paid,
        };
        const started = performance.now();
        try {
          const value = evaluate(result.expression, values, { now: instant, timeZone, related });
          expect(isStorable(value, result.expression.type.kind)).toBe(true);
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error;
        }
        // A guard against a hang or a blow-up, not a speed goal (that is expressions/benchmark.ts): loose enough for a loaded machine.
        expect(performance.now() - started).toBeLessThan(HANG_MS);
      }),
      { numRuns: 1_000 },
    );
  });
});
