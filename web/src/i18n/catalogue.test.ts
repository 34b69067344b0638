/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './catalogue.js';

const src = new URL('..', import.meta.url).pathname;
const areaFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? areaFiles(path) : name === 'en.json' && dir !== join(src, 'i18n') ? [path] : [];
  });

describe('the catalogue', () => {
  const files = areaFiles(src);

  it('takes every area’s messages, each id in one file only and prefixed with its area', () => {
    const seen = new Map<string, string>();
    for (const file of files) {
      const area = file.split('/').at(-2)!;
      for (const id of Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)) {
        expect(id.startsWith(`${area}.`), `${relative(src, file)}: ${id}`).toBe(true);
        expect(seen.get(id), `${id} is in ${seen.get(id)} and ${relative(src, file)}`).toBeUndefined();
        seen.set(id, relative(src, file));
        expect(en).toHaveProperty([id]);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(13);
  });
});
