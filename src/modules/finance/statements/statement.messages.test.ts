import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../kernel/i18n/locale.js';
import { statementMessages, type StatementMessages } from './statement.messages.js';

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (m: StatementMessages): Record<string, string> => {
  const { day: _day, columns, ...rest } = m;
  return { ...rest, ...Object.fromEntries(Object.entries(columns).map(([k, v]) => [`columns.${k}`, v])) };
};

describe('the statement messages', () => {
  it('have every message in every language, naming the same values as the English', () => {
    const english = texts(statementMessages.en);
    for (const locale of LOCALES) {
      const other = texts(statementMessages[locale]);
      expect(Object.keys(other).sort(), locale).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        expect(names(other[key]!), `${locale} ${key}`).toEqual(names(text));
        if (locale !== 'en') expect(other[key], `${locale} ${key}`).not.toBe(text);
      }
    }
    expect(statementMessages.es.day('2026-02-14')).toBe('14/02/2026');
    expect(statementMessages.en.day('2026-02-14')).toBe('2026-02-14');
  });
});
