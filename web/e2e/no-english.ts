import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The untranslated-string check of a page in another language: no text it shows or names (text
 * nodes, aria-label, placeholder, title) is a message of the English catalogues
 * (web/src/**\/en.json) that the language's catalogue writes differently, nor a text of the
 * shape of such a message with values ("You owe €120.00" for "You owe {amount}"). Texts the
 * same in both languages ("PDF"), numbers, names and other data never match.
 */

const src = new URL('../src/', import.meta.url).pathname;
const catalogues = (dir: string, name: string): Record<string, string> =>
  Object.assign(
    {},
    ...readdirSync(dir).map((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? catalogues(path, name) : entry === name ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    }),
  );

export const englishCatalogue = catalogues(src, 'en.json');

// 'Manager' is also the name createTenant gives the first user: data, not a message.
const DATA = new Set(['Manager']);

const differs = (locale: string) => {
  const other = catalogues(src, `${locale}.json`);
  return Object.entries(englishCatalogue).filter(([id, text]) => other[id] !== text && !DATA.has(text)).map(([, text]) => text);
};

/** The English messages without values a page in `locale` must not show. */
export function englishTexts(locale = 'es'): Set<string> {
  return new Set(differs(locale).filter((text) => !text.includes('{')));
}

/**
 * The English messages with values ("You owe {amount}"), as patterns of a whole text. Those
 * with plural or select forms, and those with too little text of their own to tell apart from
 * data ("{name} ({email})"), are left out.
 */
export function englishShapes(locale = 'es'): RegExp[] {
  const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return differs(locale)
    .filter((text) => /\{\w+\}/.test(text) && !/\{\w+,/.test(text) && text.replace(/\{\w+\}/g, '').replace(/[^A-Za-z]/g, '').length >= 5)
    .map((text) => new RegExp(`^${text.split(/\{\w+\}/).map(escape).join('.+')}$`, 's'));
}

/** What a page in `locale` must not show: English messages, and shapes of them, but never a message of `locale` itself. */
export function englishOf(locale: string) {
  return { texts: englishTexts(locale), shapes: englishShapes(locale), own: new Set(Object.values(catalogues(src, `${locale}.json`))) };
}

const spanish = englishOf('es');

/** Every text the page shows or names that is an English message. */
export async function englishOn(page: Page, english = spanish): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]'))) for (const a of ['aria-label', 'placeholder', 'title']) texts.push(el.getAttribute(a) ?? '');
    texts.push(document.title);
    return texts.map((t) => t.trim()).filter(Boolean);
  });
  // A shape ("Balance {amount}") may match a message of the language itself ("Balance de comprobación, …").
  const isEnglish = (text: string) => english.texts.has(text) || (!english.own.has(text) && english.shapes.some((shape) => shape.test(text)));
  return [...new Set(shown.filter(isEnglish))];
}

/** The page, once loaded ("Cargando…" gone), shows no English message; `what` names it in a failure. */
export async function expectNoEnglish(page: Page, what: string, english = spanish): Promise<void> {
  await expect.poll(() => page.getByText(/^Cargando…$/).count()).toBe(0);
  expect(await englishOn(page, english), `English on ${what}`).toEqual([]);
}
