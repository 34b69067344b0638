import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The planes stand side by side on the kernel and never import each other; the kernel knows
 * nothing above it. Lint enforces the imports; the data plane's SQL names no control table.
 */

const eslint = new ESLint();

async function restricted(filePath: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { probe } from '${specifier}';\nexport const used = probe;\n`, { filePath });
  return result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('lint walls between the planes, the kernel and the modules', () => {
  it.each([
    ['src/control/probe.ts', '../data/pipeline.js'],
    ['src/control/tenants/probe.ts', '../../data/identity/index.js'],
    ['src/control/plans/probe.ts', '../../modules/members/index.js'],
    ['src/data/probe.ts', '../control/control.routes.js'],
    ['src/data/identity/probe.ts', '../../control/tenants/tenant-directory.js'],
    ['src/kernel/probe.ts', '../modules/members/index.js'],
    ['src/kernel/jobs/probe.ts', '../../data/pipeline.js'],
    ['src/kernel/jobs/probe.ts', '../../platform.js'],
  ])('refuses %s importing %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(true);
  });

  it.each([
    ['src/control/plans/probe.ts', '../../kernel/modules/module-host.js'],
    ['src/kernel/jobs/probe.ts', '../modules/module-host.js'],
    ['src/data/probe.ts', '../kernel/tenant-directory.js'],
    ['src/data/identity/probe.ts', '../pipeline.js'],
  ])('lets %s import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(false);
  });
});

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|sql)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('the data plane and the control schema', () => {
  it('names no control table anywhere under src/data', async () => {
    const offenders: string[] = [];
    for (const file of await sources('src/data')) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/\bcontrol\.[a-z_]+/g)) offenders.push(`${file}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
