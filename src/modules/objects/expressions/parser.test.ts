import { describe, expect, it } from 'vitest';
import { type Expr, ExpressionError, parseExpression, printExpression } from './index.js';

/** The tree as nested arrays, without positions: easy to read in an assertion. */
function shape(node: Expr): unknown {
  switch (node.kind) {
    case 'binary':
      return [node.op, shape(node.left), shape(node.right)];
    case 'unary':
      return [node.op, shape(node.operand)];
    case 'call':
      return [`${node.name}()`, ...node.args.map(shape)];
    case 'field':
      return node.path.map((s) => s.name).join('.');
    case 'null':
      return null;
    default:
      return node.value;
  }
}

const tree = (source: string) => shape(parseExpression(source));

function parseError(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`${source} parsed`);
}

describe('precedence', () => {
  it('multiplies before adding, adds before joining text, joins before comparing, compares before not, and, or', () => {
    expect(tree('1 + 2 * 3')).toEqual(['+', 1, ['*', 2, 3]]);
    expect(tree('1 - 2 - 3')).toEqual(['-', ['-', 1, 2], 3]);
    expect(tree('8 / 4 % 3')).toEqual(['%', ['/', 8, 4], 3]);
    expect(tree("'a' & 1 + 2")).toEqual(['&', 'a', ['+', 1, 2]]);
    expect(tree("a & b = 'xy'")).toEqual(['=', ['&', 'a', 'b'], 'xy']);
    expect(tree('not a = b')).toEqual(['not', ['=', 'a', 'b']]);
    expect(tree('a or b and c')).toEqual(['or', 'a', ['and', 'b', 'c']]);
    expect(tree('not a and b')).toEqual(['and', ['not', 'a'], 'b']);
    expect(tree('-a * b')).toEqual(['*', ['-', 'a'], 'b']);
    expect(tree('-(a * b)')).toEqual(['-', ['*', 'a', 'b']]);
    expect(tree('(1 + 2) * 3')).toEqual(['*', ['+', 1, 2], 3]);
  });

  it('reads keywords and function names in any case, field keys as written, and spreadsheet spellings of = and !=', () => {
    expect(tree('TRUE AND Not False')).toEqual(['and', true, ['not', false]]);
    expect(tree('IF(a, NULL, b)')).toEqual(['if()', 'a', null, 'b']);
    expect(tree('a <> b')).toEqual(['!=', 'a', 'b']);
    expect(tree('a == b')).toEqual(['=', 'a', 'b']);
    expect(tree('Plate')).toBe('Plate');
  });

  it('reads paths, calls, numbers and both quotes, with the quote doubled inside', () => {
    expect(tree('unit.property.name')).toBe('unit.property.name');
    expect(tree("days_between(today(), valid_to)")).toEqual(['days_between()', ['today()'], 'valid_to']);
    expect(tree('0.25 + 1e3 + 2.5E-2')).toEqual(['+', ['+', 0.25, 1000], 0.025]);
    expect(tree(`'it''s' & "say ""hi"""`)).toEqual(['&', "it's", 'say "hi"']);
    expect(tree("'línea\nnueva ✓'")).toBe('línea\nnueva ✓');
  });
});

describe('positions', () => {
  it('gives every node its offsets in the source', () => {
    const e = parseExpression('  add_days(valid_to,  14) ') as Expr & { kind: 'call' };
    expect([e.start, e.end]).toEqual([2, 25]);
    expect([e.args[0]!.start, e.args[0]!.end]).toEqual([11, 19]);
    expect([e.args[1]!.start, e.args[1]!.end]).toEqual([22, 24]);
    const path = parseExpression('unit.name') as Expr & { kind: 'field' };
    expect(path.path.map((s) => [s.start, s.end])).toEqual([[0, 4], [5, 9]]);
  });

  it('reports a syntax error at the offending token, with its line and column', () => {
    const e = parseError('1 +\n  * 2');
    expect(e.code).toBe('expression.syntax');
    expect(e.position).toEqual({ start: 6, end: 7, line: 2, column: 3 });
    expect(e.params).toEqual({ found: '"*"', expected: 'a field, a value or "("' });
    expect(e.message).toBe('Unexpected "*"; expected a field, a value or "(".');
  });

  it('reports what is missing at the end, an unclosed text at its quote, a stray character where it is', () => {
    expect(parseError('round(fee, 2').position).toMatchObject({ start: 12, end: 12 });
    expect(parseError('round(fee, 2').params.found).toBe('the end of the expression');
    expect(parseError("plate & 'abc").position).toMatchObject({ start: 8, end: 12 });
    expect(parseError('a $ b').position).toMatchObject({ start: 2, end: 3 });
    expect(parseError('a b').position).toMatchObject({ start: 2, end: 3 });
    expect(parseError('unit.').params.expected).toBe('a field name after "."');
    expect(parseError('unit.and').position).toMatchObject({ start: 5, end: 8 });
    expect(parseError('f(1,)').position).toMatchObject({ start: 4, end: 5 });
    expect(parseError('').params.found).toBe('the end of the expression');
    expect(parseError('1.').position).toMatchObject({ start: 1, end: 2 });
  });

  it('does not chain comparisons: a < b < c is an error at the second comparison', () => {
    const e = parseError('a < b < c');
    expect(e.position).toMatchObject({ start: 6, end: 7 });
    expect(tree('(a < b) = c')).toEqual(['=', ['<', 'a', 'b'], 'c']);
  });

  it('refuses and, or as operands', () => {
    expect(parseError('and').code).toBe('expression.syntax');
    expect(parseError('a or or b').position).toMatchObject({ start: 5, end: 7 });
  });
});

describe('printExpression', () => {
  it('prints canonically, with only the parentheses precedence needs', () => {
    const canonical = (s: string) => printExpression(parseExpression(s));
    expect(canonical('((1+2))*3')).toBe('(1 + 2) * 3');
    expect(canonical('1-(2-3)')).toBe('1 - (2 - 3)');
    expect(canonical('(1-2)-3')).toBe('1 - 2 - 3');
    expect(canonical('NOT (a AND b) OR c')).toBe('not (a and b) or c');
    expect(canonical('(not a) = b')).toBe('(not a) = b');
    expect(canonical('-(-x)')).toBe('-(-x)');
    expect(canonical('a = (b = c)')).toBe('a = (b = c)');
    expect(canonical(`"it's"`)).toBe(`'it''s'`);
    expect(canonical('IF(x,1,2)')).toBe('if(x, 1, 2)');
    expect(canonical('0.0000001')).toBe('1e-7');
    expect(canonical('1e-7')).toBe('1e-7');
  });
});
