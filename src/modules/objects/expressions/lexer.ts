import { errorAt } from './errors.js';

export type Token =
  | { kind: 'number'; text: string; start: number; end: number }
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'ident'; text: string; start: number; end: number }
  | { kind: 'punct'; text: string; start: number; end: number }
  | { kind: 'end'; start: number; end: number };

// Two-character operators first. `==` and `<>` are spellings of `=` and `!=` a spreadsheet user types.
const PUNCTUATION = ['<=', '>=', '!=', '<>', '==', '+', '-', '*', '/', '%', '&', '=', '<', '>', '(', ')', ',', '.'];
const CANONICAL: Readonly<Record<string, string>> = { '<>': '!=', '==': '=' };

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The tokens of `source`, ending with an `end` token. The caller has bounded its length. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      NUMBER.lastIndex = i;
      const text = NUMBER.exec(source)![0];
      tokens.push({ kind: 'number', text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < source.length && isIdentPart(source.charCodeAt(j))) j++;
      tokens.push({ kind: 'ident', text: source.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === 39 || c === 34) {
      // 'text' or "text"; the quote itself is written twice inside: 'it''s'.
      const quote = source[i]!;
      let value = '';
      let j = i + 1;
      for (;;) {
        const k = source.indexOf(quote, j);
        if (k < 0) throw errorAt(source, i, source.length, 'expression.syntax', { found: 'a text with no closing quote', expected: `${quote} to close it` });
        value += source.slice(j, k);
        if (source[k + 1] === quote) {
          value += quote;
          j = k + 2;
          continue;
        }
        j = k + 1;
        break;
      }
      tokens.push({ kind: 'text', value, start: i, end: j });
      i = j;
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (!punct) {
      const ch = String.fromCodePoint(source.codePointAt(i)!);
      throw errorAt(source, i, i + ch.length, 'expression.syntax', { found: `the character ${JSON.stringify(ch)}`, expected: 'a field, a value, an operator or a function' });
    }
    tokens.push({ kind: 'punct', text: CANONICAL[punct] ?? punct, start: i, end: i + punct.length });
    i += punct.length;
  }
  tokens.push({ kind: 'end', start: source.length, end: source.length });
  return tokens;
}
