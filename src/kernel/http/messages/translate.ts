import type { Locale } from '../../i18n/locale.js';
import * as es from './es.js';

interface Catalogue {
  exact: Map<string, string>;
  /** The keys with `{values}`, as anchored patterns, the most specific (most fixed text) first. */
  shapes: { pattern: RegExp; names: string[]; to: string }[];
  vocabulary: Record<string, Record<string, string>>;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The values a message names, in order (`{id}` in "The charge {id} owes nothing"). */
export const placeholdersOf = (message: string): string[] => [...message.matchAll(PLACEHOLDER)].map((m) => m[1]!);

function compile(details: Record<string, string>, vocabulary: Catalogue['vocabulary']): Catalogue {
  const exact = new Map<string, string>();
  const shapes: Catalogue['shapes'] = [];
  for (const [from, to] of Object.entries(details)) {
    const names = placeholdersOf(from);
    if (names.length === 0) {
      exact.set(from, to);
      continue;
    }
    const source = from.split(PLACEHOLDER).map((part, i) => (i % 2 === 1 ? '(.+?)' : escape(part))).join('');
    shapes.push({ pattern: new RegExp(`^${source}$`, 's'), names, to });
  }
  const fixed = (s: Catalogue['shapes'][number]) => s.pattern.source.replaceAll('(.+?)', '').length;
  shapes.sort((a, b) => fixed(b) - fixed(a));
  return { exact, shapes, vocabulary };
}

const catalogues: Partial<Record<Locale, Catalogue>> = { es: compile({ ...es.details, ...es.ajv }, es.vocabulary) };

function translate(text: string, catalogue: Catalogue, depth: number): string | undefined {
  const exact = catalogue.exact.get(text);
  if (exact !== undefined) return exact;
  for (const shape of catalogue.shapes) {
    const match = shape.pattern.exec(text);
    if (!match) continue;
    const values = new Map(shape.names.map((name, i) => [name, match[i + 1]!]));
    return shape.to.replace(PLACEHOLDER, (_, name: string) => {
      const value = values.get(name) ?? '';
      // A value that is itself a message ("it must have at least 12 characters") is translated too.
      return catalogue.vocabulary[name]?.[value] ?? (depth < 1 ? translate(value, catalogue, depth + 1) : undefined) ?? value;
    });
  }
  return undefined;
}

/**
 * A problem's `detail`, or a field error's `message`, in `locale`: the catalogue's text for
 * it, or the English text when the catalogue has none (English is never wrong, only foreign).
 */
export function translateMessage(text: string, locale: Locale): string {
  const catalogue = catalogues[locale];
  return (catalogue && translate(text, catalogue, 0)) ?? text;
}
