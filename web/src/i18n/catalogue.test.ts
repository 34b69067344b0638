/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './catalogue.js';
import { es } from './catalogue.es.js';
import { LOCALES } from './intl.js';
import { argumentsOf } from './placeholders.js';

const src = new URL('..', import.meta.url).pathname;
const areaFiles = (dir: string, file = 'en.json'): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? areaFiles(path, file) : name === file && dir !== join(src, 'i18n') ? [path] : [];
  });
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

describe('the catalogue', () => {
  const files = areaFiles(src);

  it('takes every area’s messages, each id in one file only and prefixed with its area', () => {
    const seen = new Map<string, string>();
    for (const file of files) {
      const area = file.split('/').at(-2)!;
      for (const id of Object.keys(read(file))) {
        expect(id.startsWith(`${area}.`), `${relative(src, file)}: ${id}`).toBe(true);
        expect(seen.get(id), `${id} is in ${seen.get(id)} and ${relative(src, file)}`).toBeUndefined();
        seen.set(id, relative(src, file));
        expect(en).toHaveProperty([id]);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  it('has a Spanish file beside every English one, and takes them all', () => {
    const spanish = areaFiles(src, 'es.json');
    expect(spanish.map((f) => f.replace(/es\.json$/, 'en.json')).sort()).toEqual(files.sort());
    for (const file of spanish) for (const id of Object.keys(read(file))) expect(es).toHaveProperty([id]);
    expect(Object.keys(LOCALES).sort()).toEqual(['en', 'es']);
  });

  // Each area file against its twin, so a failure names the file and the id.
  for (const file of [join(src, 'i18n/en.json'), ...areaFiles(src)]) {
    it(`${relative(src, file)} and its es.json have the same ids and the same placeholders`, () => {
      const english = read(file);
      const spanish = read(file.replace(/en\.json$/, 'es.json'));
      expect(Object.keys(spanish).filter((id) => !(id in english)), 'ids only in Spanish').toEqual([]);
      expect(Object.keys(english).filter((id) => !(id in spanish)), 'ids only in English').toEqual([]);
      for (const [id, message] of Object.entries(english)) {
        expect(argumentsOf(spanish[id]!), id).toEqual(argumentsOf(message));
        expect(spanish[id]!.trim(), `${id} is empty in Spanish`).not.toBe('');
      }
    });
  }
});

describe('argumentsOf, the placeholder reader', () => {
  it('reads simple, typed, plural and select arguments, and skips quoted text', () => {
    expect(argumentsOf('{name} has {count, plural, one {# unit of {kind}} other {# units}}')).toEqual(['count:plural', 'kind:string', 'name:string']);
    expect(argumentsOf('{n, number} on {d, date, short}')).toEqual(['d:date', 'n:number']);
    expect(argumentsOf("{role, select, owner {Owner} other {Other}} '{literal}'")).toEqual(['role:select(other|owner)']);
    expect(argumentsOf('{open, plural, =0 {} other {, {chosen} chosen}}.')).toEqual(['chosen:string', 'open:plural']);
  });

  it('tells a dropped or renamed placeholder apart', () => {
    expect(argumentsOf('Hola {nombre}')).not.toEqual(argumentsOf('Hello {name}'));
    expect(argumentsOf('{count} entradas')).not.toEqual(argumentsOf('{count, plural, one {# entry} other {# entries}}'));
  });
});
