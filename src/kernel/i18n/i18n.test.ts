import { describe, expect, it } from 'vitest';
import { ajv, details, vocabulary } from '../http/messages/es.js';
import { placeholdersOf, translateMessage } from '../http/messages/translate.js';
import { formatMoney, formatMoment } from './format.js';
import { localeOf, shippedLocale } from './locale.js';

describe('localeOf', () => {
  it("takes the user's locale, else the best shipped language of Accept-Language, else English", () => {
    expect(localeOf({ userLocale: 'es', acceptLanguage: 'en-US,en;q=0.9' })).toBe('es');
    expect(localeOf({ userLocale: 'es-MX' })).toBe('es');
    expect(localeOf({ userLocale: null, acceptLanguage: 'fr-FR, es;q=0.8, en;q=0.5' })).toBe('es');
    expect(localeOf({ userLocale: 'de', acceptLanguage: 'en;q=0.2, es-AR;q=0.9' })).toBe('es');
    expect(localeOf({ acceptLanguage: 'es;q=0, en' })).toBe('en');
    expect(localeOf({ acceptLanguage: 'fr, de' })).toBe('en');
    expect(localeOf({})).toBe('en');
    expect(shippedLocale('EN-gb')).toBe('en');
    expect(shippedLocale('pt')).toBeUndefined();
  });

  it('writes money and moments as the language does, English as the server always wrote it', () => {
    expect(formatMoney(123_450, 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMoney(123_450, 'EUR', 'es')).toBe('1234,50\u00a0€');
    expect(formatMoney(1_234_567, 'EUR', 'es')).toBe('12.345,67\u00a0€');
    expect(formatMoney(5_000, 'JPY', 'es')).toMatch(/^5000\s/);
    const at = new Date('2030-01-02T03:04:00Z');
    expect(formatMoment(at, 'en')).toBe('2 January 2030 at 03:04 UTC');
    expect(formatMoment(at, 'es')).toBe('2 de enero de 2030 a las 03:04 UTC');
  });
});

describe('the Spanish problem messages', () => {
  it('name the same values on both sides, and each key reads back as its translation', () => {
    for (const [en, es] of Object.entries({ ...details, ...ajv })) {
      expect(placeholdersOf(es).sort(), en).toEqual(placeholdersOf(en).sort());
      expect(es, en).not.toBe('');
      // Filled with sample values, the English text is recognised and put in Spanish.
      const sample = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => `‹${name}›`);
      if (placeholdersOf(en).every((name) => !vocabulary[name])) expect(translateMessage(sample(en), 'es'), en).toBe(sample(es));
    }
  });

  it('translate details and their values, prefer the most specific shape, and leave unknown text in English', () => {
    expect(translateMessage('The member was not found', 'es')).toBe('No se encontró el miembro');
    expect(translateMessage('The unit was not found', 'es')).toBe('No se encontró la unidad');
    expect(translateMessage('The member 3f2a was not found', 'es')).toBe('No se encontró el miembro 3f2a');
    expect(translateMessage('must be string', 'es')).toBe('debe ser texto');
    expect(translateMessage('The password is not acceptable: it must have at least 12 characters', 'es')).toBe('La contraseña no es aceptable: debe tener al menos 12 caracteres');
    expect(translateMessage('A message nobody translated', 'es')).toBe('A message nobody translated');
    expect(translateMessage('The member was not found', 'en')).toBe('The member was not found');
  });
});
