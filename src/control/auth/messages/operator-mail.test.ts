import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../kernel/i18n/locale.js';
import { fill, operatorResetMail } from './operator-mail.js';

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the console's reset e-mail", () => {
  it('is in every language, each part naming the same values as the English', () => {
    for (const locale of LOCALES) {
      for (const part of ['from', 'subject', 'text', 'html'] as const) {
        expect(names(operatorResetMail[locale][part]), `${locale} ${part}`).toEqual(names(operatorResetMail.en[part]));
      }
    }
    expect(fill(operatorResetMail.es.html, { name: '<Ana>', link: 'https://x.test/r', until: 'mañana' }, (t) => t.replace(/</g, '&lt;'))).toContain('Hola, &lt;Ana>:');
  });
});
