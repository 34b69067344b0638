import type { Expr } from './ast.js';
import { type DependencyPath, Checker } from './checker.js';
import { ExpressionError } from './errors.js';
import { parseExpression } from './parser.js';
import { printExpression } from './printer.js';
import type { EvaluationContext, RecordValues, RelationStep, Run } from './runtime.js';
import { type ExprType, type ExpressionSchema, type TypeKind, describeType } from './types.js';

export interface Dependencies {
  /** The record's own fields the expression reads (a relation it follows counts as read). */
  readonly fields: readonly string[];
  /** Every path read, own fields as paths of one key: what to watch, through relations too. */
  readonly paths: readonly DependencyPath[];
  /** The relations followed, for the caller to preload before evaluating (RelatedRecords). */
  readonly relations: readonly RelationStep[];
  /** Reads today() or now(): a stored result goes stale as days pass and must be recomputed (daily). */
  readonly volatile: boolean;
}

/** A parsed and type-checked expression, ready to evaluate any number of times. */
export interface CheckedExpression {
  readonly source: string;
  /** The expression as printExpression spells it. */
  readonly canonical: string;
  readonly ast: Expr;
  readonly type: ExprType;
  readonly dependencies: Dependencies;
}

export type CheckResult = { readonly ok: true; readonly expression: CheckedExpression } | { readonly ok: false; readonly errors: readonly ExpressionError[] };

export interface CheckOptions {
  /** What the expression is, for messages: a formula (the default), a validation rule or an automation condition. */
  readonly purpose?: 'formula' | 'rule' | 'condition';
  /** The result types allowed. Rules and conditions default to boolean; formulas to any value a field holds. */
  readonly expect?: readonly TypeKind[];
}

const PURPOSES = { formula: 'A formula', rule: 'A validation rule', condition: 'A condition' } as const;
const STORABLE: readonly TypeKind[] = ['text', 'number', 'boolean', 'date', 'datetime', 'money', 'list'];

// The evaluation of each checked expression, kept out of the object so that it stays plain data.
const runs = new WeakMap<CheckedExpression, Run>();

/** Type-checks a parsed expression against the fields it may read. `source` is the text it was parsed from. */
export function checkExpression(source: string, ast: Expr, schema: ExpressionSchema, options: CheckOptions = {}): CheckResult {
  const checker = new Checker(source, schema);
  const typed = checker.check(ast);
  if (!typed) return { ok: false, errors: checker.errors };
  const purpose = options.purpose ?? 'formula';
  const expected = options.expect ?? (purpose === 'formula' ? STORABLE : ['boolean']);
  if (!expected.includes(typed.type.kind)) {
    checker.report(ast, 'expression.result_type', {
      found: describeType(typed.type),
      what: PURPOSES[purpose],
      expected: expected.map((kind) => describeType({ kind } as ExprType)).join(' or '),
    });
    return { ok: false, errors: checker.errors };
  }
  const fields = [...new Set(checker.paths.map((p) => p.path[0]!))];
  const expression: CheckedExpression = Object.freeze({
    source,
    canonical: printExpression(ast),
    ast,
    type: typed.type,
    dependencies: Object.freeze({ fields, paths: checker.paths, relations: [...checker.relations.values()], volatile: checker.volatile }),
  });
  // A date-time runs as epoch milliseconds; it leaves as the ISO text the API stores.
  const run = typed.run;
  runs.set(expression, typed.type.kind === 'datetime' ? (env) => {
    const ms = run(env);
    return ms === null ? null : new Date(ms as number).toISOString();
  } : run);
  return { ok: true, expression };
}

/**
 * Parses and type-checks `source`: what the module calls when a formula, rule or condition
 * is defined. Errors carry their code, English message, params and position; a syntax error
 * stops at the first, type errors are all reported.
 */
export function compileExpression(source: string, schema: ExpressionSchema, options: CheckOptions = {}): CheckResult {
  let ast: Expr;
  try {
    ast = parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, errors: [error] };
    throw error;
  }
  return checkExpression(source, ast, schema, options);
}

/**
 * The value of a checked expression for one record, as JSON the API stores: text, number,
 * boolean, `YYYY-MM-DD`, an ISO instant, `{ amount, currency }`, a list of options, or null.
 * Throws an ExpressionError when the value cannot be computed (a result out of range, amounts
 * in two currencies, a stored value the field cannot hold); the module stores null then.
 * Reuse one context for a batch: today() is worked out once per context.
 */
export function evaluate(expression: CheckedExpression, record: RecordValues, context: EvaluationContext): unknown {
  const run = runs.get(expression);
  if (!run) throw new TypeError('Not a checked expression: get one from compileExpression()');
  return run({ record, context });
}

export type EvaluationResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ExpressionError };

/** evaluate(), with its errors as a result rather than thrown. */
export function tryEvaluate(expression: CheckedExpression, record: RecordValues, context: EvaluationContext): EvaluationResult {
  try {
    return { ok: true, value: evaluate(expression, record, context) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error };
    throw error;
  }
}

/** The fields and relations an expression reads, and whether it reads the clock. */
export const dependencies = (expression: CheckedExpression): Dependencies => expression.dependencies;
