import type { Expr } from './ast.js';
import type { Checker, FieldRead } from './checker.js';
import type { Run } from './runtime.js';
import { type ExprType, T } from './types.js';
import { type Fail, type Money, fitAmount, fitNumber, sameCurrency } from './values.js';

/**
 * Aggregates over a to-many relation: `count(permits)`, `count(permits.plate)` (values that
 * are not null), `sum(payments.amount)`, `min(…)`, `max(…)`. They are what a rollup field
 * computes, so a rollup is a formula of one aggregate (see README): one evaluator, one
 * dependency tracker. The argument is a path, not an expression over each record, so any
 * aggregate is also one SQL aggregate over the related rows.
 */
export interface Aggregate {
  readonly type: ExprType;
  readonly read: FieldRead;
}

const MANY = 'a relation to many records, such as payments or payments.amount';
const ORDERED = new Set(['number', 'money', 'date', 'datetime', 'text']);

/** Undefined when the call is not an aggregate (min and max of two or more values); null after reporting an error. */
export function checkAggregate(checker: Checker, node: Expr & { kind: 'call' }): Aggregate | null | undefined {
  const { name, args } = node;
  const scalarForm = name === 'min' || name === 'max';
  if (scalarForm && args.length !== 1) return undefined;
  if (args.length !== 1) return checker.report(node, 'expression.arity', { name, expected: '1', count: args.length });
  const arg = args[0]!;
  const mismatch = (expected: string, found: string) => checker.report(arg, 'expression.type_mismatch', { what: `The argument of ${name}()`, expected, found });
  if (arg.kind !== 'field') return mismatch(MANY, 'an expression');
  const read = checker.field(arg, true);
  if (!read) return null;
  if (!read.many) {
    if (scalarForm) return checker.report(node, 'expression.arity', { name, expected: '2 to 16 (or one field of a relation to many records)', count: 1 });
    return mismatch(MANY, 'a single value');
  }
  if (name === 'count') return { type: T.number, read };
  if (read.field === null) return mismatch('a field of the related records, such as payments.amount', 'the records themselves');
  if (name === 'sum' && read.type.kind !== 'number' && read.type.kind !== 'money') return mismatch('a number or money field', read.type.kind);
  if (!ORDERED.has(read.type.kind)) return mismatch('a number, money, date or text field', read.type.kind);
  return { type: read.type, read };
}

function compare(a: unknown, b: unknown, fail: Fail): number {
  if (typeof a === 'object') {
    sameCurrency(a as Money, b as Money, fail);
    return (a as Money).amount - (b as Money).amount;
  }
  return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
}

export function buildAggregate(name: string, aggregate: Aggregate, fail: Fail): Run {
  const values = aggregate.read.run as (env: Parameters<Run>[0]) => readonly unknown[];
  const type = aggregate.type;
  switch (name) {
    case 'count':
      return aggregate.read.field === null ? (env) => values(env).length : (env) => values(env).filter((v) => v !== null).length;
    case 'sum':
      if (type.kind === 'number') {
        return (env) => {
          let total = 0;
          for (const v of values(env)) if (v !== null) total += v as number;
          return fitNumber(total, fail);
        };
      }
      return (env) => {
        let total: Money | null = type.kind === 'money' && type.currency ? { amount: 0, currency: type.currency } : null;
        for (const v of values(env)) {
          if (v === null) continue;
          const m = v as Money;
          total = total === null ? m : { amount: total.amount + m.amount, currency: sameCurrency(total, m, fail) };
        }
        return total === null ? null : fitAmount(total.amount, total.currency, fail);
      };
    default: {
      const sign = name === 'min' ? -1 : 1;
      return (env) => {
        let best: unknown = null;
        for (const v of values(env)) {
          if (v !== null && (best === null || Math.sign(compare(v, best, fail)) === sign)) best = v;
        }
        return best;
      };
    }
  }
}
