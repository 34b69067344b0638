import type { BinaryOperator, UnaryOperator } from './ast.js';
import type { ErrorParams, ExpressionErrorCode } from './errors.js';
import type { Run } from './runtime.js';
import { type ExprType, T, describeType, money } from './types.js';
import { type Fail, type Money, asText, boundedText, fitAmount, fitNumber, sameCurrency } from './values.js';

export type Side = 'left' | 'right';

export interface OperatorSite {
  mismatch(side: Side, expected: string): null;
  error(side: Side, code: ExpressionErrorCode, params: ErrorParams): null;
  /** The text of a side written as a literal, to check a select's options. */
  literal(side: Side): string | null;
}

const NUMBERS_OR_MONEY = 'numbers or amounts of money (for dates, use days_between(), add_days() or add_months())';
const ORDERED = ['number', 'money', 'date', 'datetime', 'text'];
const EQUATABLE = [...ORDERED, 'boolean'];
const AS_TEXT = ['text', 'number', 'money', 'boolean', 'date', 'datetime', 'list', 'null'];

/** The currency two known-currency amounts share, null when one is not known until evaluation; undefined after a mismatch. */
function currencyOf(l: ExprType, r: ExprType, site: OperatorSite): string | null | undefined {
  const a = l.kind === 'money' ? l.currency : null;
  const b = r.kind === 'money' ? r.currency : null;
  if (a && b && a !== b) {
    site.error('right', 'expression.currency_mismatch', { left: a, right: b });
    return undefined;
  }
  return a ?? b;
}

function checkArithmetic(op: BinaryOperator, l: ExprType, r: ExprType, site: OperatorSite): ExprType | null {
  const lk = l.kind === 'null' ? (r.kind === 'money' && op !== '/' && op !== '%' ? 'money' : 'number') : l.kind;
  const rk = r.kind === 'null' ? (l.kind === 'money' && (op === '+' || op === '-') ? 'money' : 'number') : r.kind;
  if (lk !== 'number' && lk !== 'money') return site.mismatch('left', NUMBERS_OR_MONEY);
  if (rk !== 'number' && rk !== 'money') return site.mismatch('right', NUMBERS_OR_MONEY);
  if (op === '%') {
    if (lk !== 'number') return site.mismatch('left', describeType(T.number));
    if (rk !== 'number') return site.mismatch('right', describeType(T.number));
    return T.number;
  }
  if (lk === 'number' && rk === 'number') return T.number;
  if (op === '+' || op === '-') {
    if (lk !== rk) return site.mismatch(lk === 'money' ? 'right' : 'left', `an amount of money: ${describeType(T.number)} and money do not add up`);
    const c = currencyOf(l, r, site);
    return c === undefined ? null : money(c);
  }
  if (op === '*') {
    if (lk === 'money' && rk === 'money') return site.mismatch('right', 'a number: money times money means nothing');
    return money(lk === 'money' ? (l as { currency: string | null }).currency : (r as { currency: string | null }).currency);
  }
  // Division: money / number is money, money / money a ratio, number / money nothing.
  if (lk === 'number') return site.mismatch('right', describeType(T.number));
  if (rk === 'number') return money((l as { currency: string | null }).currency);
  return currencyOf(l, r, site) === undefined ? null : T.number;
}

export function checkBinary(op: BinaryOperator, l: ExprType, r: ExprType, site: OperatorSite): ExprType | null {
  switch (op) {
    case 'and':
    case 'or':
      if (l.kind !== 'boolean' && l.kind !== 'null') return site.mismatch('left', describeType(T.boolean));
      if (r.kind !== 'boolean' && r.kind !== 'null') return site.mismatch('right', describeType(T.boolean));
      return T.boolean;
    case '&':
      if (!AS_TEXT.includes(l.kind)) return site.mismatch('left', 'a value that reads as text');
      if (!AS_TEXT.includes(r.kind)) return site.mismatch('right', 'a value that reads as text');
      return T.text;
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return checkArithmetic(op, l, r, site);
    default:
      return checkComparison(op, l, r, site);
  }
}

function checkComparison(op: BinaryOperator, l: ExprType, r: ExprType, site: OperatorSite): ExprType | null {
  // `x = null` is never true (null compares as unknown): the question is is_blank(x).
  if (l.kind === 'null') return site.mismatch('left', 'a value (to test for no value, use is_blank())');
  if (r.kind === 'null') return site.mismatch('right', 'a value (to test for no value, use is_blank())');
  const allowed = op === '=' || op === '!=' ? EQUATABLE : ORDERED;
  if (!allowed.includes(l.kind)) return site.mismatch('left', op === '=' || op === '!=' ? 'a value that compares (for a list, use contains())' : 'a number, an amount, a date or text');
  if (l.kind !== r.kind) return site.mismatch('right', describeType(l));
  if (l.kind === 'money' && currencyOf(l, r, site) === undefined) return null;
  // A select compared with a literal: the literal must be one of its options.
  for (const [field, side] of [[l, 'right'], [r, 'left']] as const) {
    const option = site.literal(side);
    if (field.kind === 'text' && field.options && option !== null && !field.options.includes(option)) {
      return site.error(side, 'expression.unknown_option', { option, field: field.field ?? '', options: field.options.join(', ') });
    }
  }
  return T.boolean;
}

function arithmetic(op: BinaryOperator, a: unknown, b: unknown, fail: Fail): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+':
        return fitNumber(a + b, fail);
      case '-':
        return fitNumber(a - b, fail);
      case '*':
        return fitNumber(a * b, fail);
      // Division by zero is null, as SQL's NULLIF idiom gives: a stored formula stays sortable.
      case '/':
        return b === 0 ? null : fitNumber(a / b, fail);
      default:
        return b === 0 ? null : fitNumber(a % b, fail);
    }
  }
  if (typeof b === 'number') {
    const m = a as Money;
    if (op === '/') return b === 0 ? null : fitAmount(m.amount / b, m.currency, fail);
    return fitAmount(m.amount * b, m.currency, fail);
  }
  if (typeof a === 'number') return fitAmount((b as Money).amount * a, (b as Money).currency, fail);
  const x = a as Money;
  const y = b as Money;
  const currency = sameCurrency(x, y, fail);
  if (op === '/') return y.amount === 0 ? null : fitNumber(x.amount / y.amount, fail);
  return fitAmount(op === '+' ? x.amount + y.amount : x.amount - y.amount, currency, fail);
}

function compare(op: BinaryOperator, a: unknown, b: unknown, fail: Fail): boolean {
  if (typeof a === 'object') {
    const x = a as Money;
    const y = b as Money;
    if (op === '=') return x.currency === y.currency && x.amount === y.amount;
    if (op === '!=') return x.currency !== y.currency || x.amount !== y.amount;
    sameCurrency(x, y, fail);
    a = x.amount;
    b = y.amount;
  }
  const p = a as number;
  const q = b as number;
  switch (op) {
    case '=':
      return p === q;
    case '!=':
      return p !== q;
    case '<':
      return p < q;
    case '<=':
      return p <= q;
    case '>':
      return p > q;
    default:
      return p >= q;
  }
}

export function buildBinary(op: BinaryOperator, left: Run, right: Run, types: [ExprType, ExprType], fail: Fail): Run {
  switch (op) {
    // Three-valued, as SQL: false and null is false, true or null is true, otherwise null is unknown.
    case 'and':
      return (env) => {
        const a = left(env);
        if (a === false) return false;
        const b = right(env);
        if (b === false) return false;
        return a === null || b === null ? null : true;
      };
    case 'or':
      return (env) => {
        const a = left(env);
        if (a === true) return true;
        const b = right(env);
        if (b === true) return true;
        return a === null || b === null ? null : false;
      };
    // Text joins read null as empty text, as spreadsheets and PostgreSQL's concat() do.
    case '&':
      return (env) => boundedText(asText(left(env), types[0]) + asText(right(env), types[1]), fail);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return (env) => {
        const a = left(env);
        if (a === null) return null;
        const b = right(env);
        return b === null ? null : arithmetic(op, a, b, fail);
      };
    default:
      return (env) => {
        const a = left(env);
        if (a === null) return null;
        const b = right(env);
        return b === null ? null : compare(op, a, b, fail);
      };
  }
}

export function checkUnary(op: UnaryOperator, t: ExprType, mismatch: (expected: string) => null): ExprType | null {
  if (op === 'not') return t.kind === 'boolean' || t.kind === 'null' ? T.boolean : mismatch(describeType(T.boolean));
  if (t.kind === 'null') return T.number;
  return t.kind === 'number' || t.kind === 'money' ? t : mismatch('a number or an amount of money');
}

export function buildUnary(op: UnaryOperator, operand: Run, fail: Fail): Run {
  if (op === 'not') {
    return (env) => {
      const v = operand(env);
      return v === null ? null : !v;
    };
  }
  return (env) => {
    const v = operand(env);
    if (v === null) return null;
    return typeof v === 'number' ? fitNumber(-v, fail) : { ...(v as Money), amount: (v as Money).amount === 0 ? 0 : -(v as Money).amount };
  };
}
