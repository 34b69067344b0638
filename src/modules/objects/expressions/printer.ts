import { type Expr, LIMITS, NEGATE_PRECEDENCE, NOT_PRECEDENCE, PRECEDENCE, isComparison, nodeBeyondDepth } from './ast.js';
import { ExpressionError } from './errors.js';

const ATOM = 100;

function precedenceOf(node: Expr): number {
  if (node.kind === 'binary') return PRECEDENCE[node.op];
  if (node.kind === 'unary') return node.op === 'not' ? NOT_PRECEDENCE : NEGATE_PRECEDENCE;
  return ATOM;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function number(value: number): string {
  // Literals are never negative (a minus is an operator), and String() spells every bounded
  // number in a form the lexer reads back (`0.1`, `1e-7`).
  return String(value);
}

/**
 * The canonical text of an expression: lower-case keywords and functions, single quotes, one
 * space around binary operators, and exactly the parentheses precedence needs. Parsing it
 * gives the same tree back (positions aside), which the fuzzer checks. A tree deeper than
 * the parser allows (built by hand) is refused rather than recursed into.
 */
export function printExpression(node: Expr): string {
  if (nodeBeyondDepth(node, LIMITS.depth)) throw new ExpressionError('expression.too_deep', { max: LIMITS.depth }, null);
  return print(node);
}

function print(node: Expr): string {
  switch (node.kind) {
    case 'number':
      return number(node.value);
    case 'text':
      return quote(node.value);
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'field':
      return node.path.map((s) => s.name).join('.');
    case 'call':
      return `${node.name}(${node.args.map(print).join(', ')})`;
    case 'unary': {
      const mine = precedenceOf(node);
      const inner = print(node.operand);
      // A negated negation reads `-(-a)`: `--a` would look like a typo.
      const wrap = precedenceOf(node.operand) < mine || (node.op === '-' && node.operand.kind === 'unary');
      const operand = wrap ? `(${inner})` : inner;
      return node.op === 'not' ? `not ${operand}` : `-${operand}`;
    }
    case 'binary': {
      const mine = PRECEDENCE[node.op];
      const left = print(node.left);
      const right = print(node.right);
      // Left-associative: the right operand needs parentheses at equal precedence; comparisons
      // do not chain, so a comparison inside a comparison is always parenthesised.
      const comparison = isComparison(node.op);
      const leftWrap = precedenceOf(node.left) < mine || (comparison && precedenceOf(node.left) === mine);
      const rightWrap = precedenceOf(node.right) <= mine;
      return `${leftWrap ? `(${left})` : left} ${node.op} ${rightWrap ? `(${right})` : right}`;
    }
  }
}
