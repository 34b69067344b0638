import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configMarkdown } from '../src/kernel/config.js';
import { errorCatalogue } from '../src/kernel/errors.js';

const read = (path: string) => readFile(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the documentation', () => {
  it('shows the configuration table the code validates, variable for variable', async () => {
    expect(await read('README.md')).toContain(configMarkdown());
  });

  it('lists every error code with its status', async () => {
    const doc = await read('docs/errors.md');
    for (const [code, { status }] of Object.entries(errorCatalogue)) expect(doc).toContain(`| \`${code}\` | ${status} |`);
  });

  it('names only npm scripts that exist', async () => {
    const readme = await read('README.md');
    const scripts = Object.keys(JSON.parse(await read('package.json')).scripts as Record<string, string>);
    const named = [...readme.matchAll(/`npm run ([a-z:-]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const script of named) expect(scripts).toContain(script);
  });
});
