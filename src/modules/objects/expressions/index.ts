/**
 * The expression language of custom objects: formulas, rollups, validation rules and
 * automation conditions. Pure: no database, no I/O, no eval. See README.md.
 */
import { AGGREGATE_SIGNATURES, FUNCTIONS } from './functions.js';
import { KEYWORDS } from './ast.js';

export { LIMITS, KEYWORDS } from './ast.js';
export type { BinaryOperator, Expr, PathSegment, UnaryOperator } from './ast.js';
export { ExpressionError, messageIn, positionOf } from './errors.js';
export type { ErrorParams, ExpressionErrorCode, MessageLocale, SourcePosition } from './errors.js';
export { parseExpression } from './parser.js';
export { printExpression } from './printer.js';
export { checkExpression, compileExpression, dependencies, evaluate, tryEvaluate } from './expression.js';
export type { CheckedExpression, CheckOptions, CheckResult, Dependencies, EvaluationResult } from './expression.js';
export type { DependencyPath } from './checker.js';
export { formulaOrder } from './order.js';
export type { FormulaField, FormulaOrder } from './order.js';
export type { EvaluationContext, RecordValues, RelatedRecords, RelationStep } from './runtime.js';
export { describeType, fieldTypeOf, typeOfField } from './types.js';
export type { ExprType, ExpressionSchema, FieldType, ObjectFields, TypeKind } from './types.js';

/** Every function with its signature, for the formula editor's help and for the docs. */
export const FUNCTION_SIGNATURES: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries([...FUNCTIONS].map(([name, spec]) => [name, spec.signature])),
  ...AGGREGATE_SIGNATURES,
});

/**
 * Whether `key` can name a field that expressions read: snake_case from a letter, at most 63
 * characters, not a keyword. (`__proto__` and `constructor`-like tricks start with `_` or
 * are simply unknown fields.)
 */
export function isValidFieldKey(key: string): boolean {
  return /^[a-z][a-z0-9_]{0,62}$/.test(key) && !KEYWORDS.has(key);
}

/** What a rollup field computes, as the expression that computes it: `sum(payments.amount)`, `count(permits)`. */
export function rollupSource(rollup: { readonly fn: 'count' | 'sum' | 'min' | 'max'; readonly relation: string; readonly field?: string }): string {
  return `${rollup.fn}(${rollup.field ? `${rollup.relation}.${rollup.field}` : rollup.relation})`;
}
