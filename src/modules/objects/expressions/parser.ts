import { type BinaryOperator, type Expr, type PathSegment, KEYWORDS, LIMITS, NEGATE_PRECEDENCE, NOT_PRECEDENCE, PRECEDENCE, isComparison, nodeBeyondDepth } from './ast.js';
import { errorAt } from './errors.js';
import { type Token, tokenize } from './lexer.js';

/**
 * Parses an expression into its tree, or throws an ExpressionError at the first problem
 * (syntax, a number out of range, an expression too long, too deep or too big). A Pratt
 * parser: recursion only where the source nests, and it stops at LIMITS.depth, so a wall of
 * `((((` is refused before it can exhaust the stack.
 */
export function parseExpression(source: string): Expr {
  if (source.length > LIMITS.sourceLength) {
    throw errorAt(source, LIMITS.sourceLength, source.length, 'expression.too_long', { length: source.length, max: LIMITS.sourceLength });
  }
  return new Parser(source, tokenize(source)).parse();
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'text':
      return 'a text';
    case 'number':
      return `the number ${token.text}`;
    default:
      return `"${token.text}"`;
  }
}

class Parser {
  private index = 0;
  private depth = 0;
  private nodes = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Expr {
    const expr = this.expression(0);
    const next = this.peek();
    if (next.kind !== 'end') throw this.unexpected(next, 'an operator or the end of the expression');
    // Left-associative chains (`1 + 1 + … + 1`) grow the tree without nesting the source.
    const tooDeep = nodeBeyondDepth(expr, LIMITS.depth);
    if (tooDeep) throw errorAt(this.source, tooDeep.start, tooDeep.end, 'expression.too_deep', { max: LIMITS.depth });
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private expect(text: string, what: string): Token {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== text) throw this.unexpected(t, what);
    return this.next();
  }

  private unexpected(token: Token, expected: string) {
    return errorAt(this.source, token.start, token.end, 'expression.syntax', { found: describeToken(token), expected });
  }

  private count<T extends Expr>(node: T): T {
    if (++this.nodes > LIMITS.nodes) throw errorAt(this.source, node.start, node.end, 'expression.too_complex', { max: LIMITS.nodes });
    return node;
  }

  private binaryOperator(token: Token): BinaryOperator | null {
    if (token.kind === 'punct' && Object.hasOwn(PRECEDENCE, token.text)) return token.text as BinaryOperator;
    if (token.kind === 'ident') {
      const word = token.text.toLowerCase();
      if (word === 'and' || word === 'or') return word;
    }
    return null;
  }

  /** Operators binding tighter than `minPrecedence`, left to right. */
  private expression(minPrecedence: number): Expr {
    if (++this.depth > LIMITS.depth) {
      const t = this.peek();
      throw errorAt(this.source, t.start, t.end, 'expression.too_deep', { max: LIMITS.depth });
    }
    let left = this.prefix();
    let chainedComparison = false;
    for (;;) {
      const token = this.peek();
      const op = this.binaryOperator(token);
      if (!op || PRECEDENCE[op] <= minPrecedence) break;
      if (isComparison(op) && chainedComparison) {
        throw errorAt(this.source, token.start, token.end, 'expression.syntax', { found: describeToken(token), expected: 'and or or between two comparisons' });
      }
      this.next();
      const right = this.expression(PRECEDENCE[op]);
      left = this.count({ kind: 'binary', op, left, right, start: left.start, end: right.end });
      chainedComparison = isComparison(op);
    }
    this.depth--;
    return left;
  }

  private prefix(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number': {
        const value = Number(token.text);
        if (!Number.isFinite(value) || Math.abs(value) > LIMITS.number) {
          throw errorAt(this.source, token.start, token.end, 'expression.number_out_of_range', { text: token.text, max: LIMITS.number });
        }
        return this.count({ kind: 'number', value, start: token.start, end: token.end });
      }
      case 'text':
        return this.count({ kind: 'text', value: token.value, start: token.start, end: token.end });
      case 'ident':
        return this.word(token);
      case 'punct':
        if (token.text === '-') {
          const operand = this.expression(NEGATE_PRECEDENCE);
          return this.count({ kind: 'unary', op: '-', operand, start: token.start, end: operand.end });
        }
        if (token.text === '(') {
          const inner = this.expression(0);
          this.expect(')', '")" to close the "("');
          // Parentheses make no node: printing puts back those the precedence needs.
          return inner;
        }
        throw this.unexpected(token, 'a field, a value or "("');
      default:
        throw this.unexpected(token, 'a field, a value or "("');
    }
  }

  private word(token: Token & { kind: 'ident' }): Expr {
    const word = token.text.toLowerCase();
    const at = { start: token.start, end: token.end };
    if (word === 'true' || word === 'false') return this.count({ kind: 'boolean', value: word === 'true', ...at });
    if (word === 'null') return this.count({ kind: 'null', ...at });
    if (word === 'not') {
      const operand = this.expression(NOT_PRECEDENCE);
      return this.count({ kind: 'unary', op: 'not', operand, start: token.start, end: operand.end });
    }
    if (KEYWORDS.has(word)) throw this.unexpected(token, 'a field, a value or "("');
    if (this.isPunct('(')) return this.call(token, word);
    const path: PathSegment[] = [{ name: token.text, ...at }];
    while (this.isPunct('.')) {
      this.next();
      const segment = this.next();
      if (segment.kind !== 'ident' || KEYWORDS.has(segment.text.toLowerCase())) throw this.unexpected(segment, 'a field name after "."');
      path.push({ name: segment.text, start: segment.start, end: segment.end });
    }
    return this.count({ kind: 'field', path, start: token.start, end: path[path.length - 1]!.end });
  }

  private call(nameToken: Token, name: string): Expr {
    this.next();
    const args: Expr[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.expression(0));
        if (!this.isPunct(',')) break;
        this.next();
      }
    }
    const close = this.expect(')', `"," or ")" to end the arguments of ${name}()`);
    return this.count({ kind: 'call', name, args, start: nameToken.start, end: close.end });
  }
}
