/**
 * The syntax tree of an expression and the language's limits. Every node knows where it came
 * from (`start`..`end`, offsets into the source, end exclusive) so that errors point at it.
 */

/** Bounds that keep any expression cheap to parse, check and evaluate, whoever wrote it. */
export const LIMITS = {
  /** Characters of source. */
  sourceLength: 2_000,
  /** Nesting while parsing (parentheses, calls, operators) and depth of the tree. */
  depth: 64,
  /** Nodes of the tree. */
  nodes: 500,
  /** Numbers (literals, field values and every result) stay within ±this: exact to the unit and to 15 significant digits. */
  number: 1e15,
  /** Characters of any text the expression produces. */
  textLength: 10_000,
  /** Relations followed in a row (`unit.property.name` follows two). */
  relationHops: 3,
} as const;

/** Words that are not field keys: a field may not be named after them. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false', 'null']);

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '&' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';
export type UnaryOperator = '-' | 'not';

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface PathSegment extends Span {
  readonly name: string;
}

export type Expr =
  | (Span & { readonly kind: 'number'; readonly value: number })
  | (Span & { readonly kind: 'text'; readonly value: string })
  | (Span & { readonly kind: 'boolean'; readonly value: boolean })
  | (Span & { readonly kind: 'null' })
  /** A field of the record, or of a related record: `valid_to`, `unit.name`, `payments.amount`. */
  | (Span & { readonly kind: 'field'; readonly path: readonly PathSegment[] })
  | (Span & { readonly kind: 'unary'; readonly op: UnaryOperator; readonly operand: Expr })
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr })
  /** `name` is lower case: function names are not case-sensitive. */
  | (Span & { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] });

/** How tightly each binary operator binds (higher binds tighter). Comparisons do not chain. */
export const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  or: 1,
  and: 2,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '&': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
};
/** `not a = b` is `not (a = b)`, as in SQL; `-a * b` is `(-a) * b`. */
export const NOT_PRECEDENCE = 3;
export const NEGATE_PRECEDENCE = 8;

export const isComparison = (op: BinaryOperator): boolean => PRECEDENCE[op] === 4;

/** The children of a node, for walks. */
export function childrenOf(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

/** The first node found deeper than `max` levels (a leaf is one level), if any; iterative, since a tree built by hand may be deep. */
export function nodeBeyondDepth(root: Expr, max: number): Expr | null {
  const stack: Array<[Expr, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return node;
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return null;
}
