import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configMarkdown } from '../src/kernel/config.js';
import { errorsMarkdown } from '../src/kernel/errors.js';
import { SCHEMA_FILE, schemaSource } from '../sdk/generate.js';
import { startPlatform, type TestPlatform } from './helpers.js';

const read = (path: string) => readFile(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the documentation', () => {
  it('shows the configuration table the code validates, variable for variable', async () => {
    expect(await read('README.md')).toContain(configMarkdown());
  });

  describe('with the installed modules', () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await startPlatform();
    });
    afterAll(() => t?.close());

    it('ships the SDK generated from the OpenAPI document the platform serves (run `npm run sdk:generate` when this fails)', async () => {
      const document = (await t.call('GET', '/openapi.json')).json();
      expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await schemaSource(document));
    });

    it('shows the error catalogue the platform answers with, the kernel\'s codes and every module\'s', async () => {
      expect(await read('docs/errors.md')).toContain(errorsMarkdown(t.platform.modules.errorCatalogue));
    });
  });

  it('names only npm scripts that exist', async () => {
    const readme = await read('README.md');
    const scripts = Object.keys(JSON.parse(await read('package.json')).scripts as Record<string, string>);
    const named = [...readme.matchAll(/`npm run ([a-z:-]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const script of named) expect(scripts).toContain(script);
  });
});
