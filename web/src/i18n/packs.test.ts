/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './catalogue.js';
import common from './en.json';
import { portalEn } from './portal.en.js';
import { staffEn } from './staff.en.js';

/**
 * The pages load the catalogue in parts (intl.tsx): a page shows a message only if its part is
 * loaded, else the bare id. So every message id a file names must be in a part loaded with the
 * chunk that file is in: the shell's alone for the first chunk and the recovery pages, with the
 * portal's for the portal, with the staff's for the console and the workspace.
 */
const src = new URL('..', import.meta.url).pathname;
const ids = new Set(Object.keys(en));
const shell = new Set(Object.keys(common));
const parts: Record<string, Set<string>> = {
  'main.tsx': shell,
  'ui/RecoveryPages.tsx': shell,
  'portal/PortalApp.tsx': new Set([...shell, ...Object.keys(portalEn)]),
  'portal/AcceptInvitationPage.tsx': new Set([...shell, ...Object.keys(portalEn)]),
  'console/ConsoleApp.tsx': new Set([...shell, ...Object.keys(staffEn)]),
  'workspace/WorkspaceApp.tsx': new Set([...shell, ...Object.keys(staffEn)]),
};

function resolveImport(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec).replace(/\.js$/, '');
  return ['.tsx', '.ts'].map((ext) => base + ext).find((file) => existsSync(join(src, file)));
}

/** The files an entry's chunk (and the chunks it loads later) holds, short of another entry. */
function filesOf(entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    const code = readFileSync(join(src, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const next = resolveImport(file, spec!);
      if (!next || seen.has(next) || next in parts) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}

describe('the catalogue parts', () => {
  it.each(Object.keys(parts))('load every message the files of %s name', (entry) => {
    const missing: string[] = [];
    const files = filesOf(entry);
    for (const file of files) {
      // Comments name ids as examples; only the code's count.
      const code = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const [, id] of code.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) if (ids.has(id!) && !parts[entry]!.has(id!)) missing.push(`${relative(src, join(src, file))}: ${id}`);
    }
    expect(files.length).toBeGreaterThan(1);
    expect(missing).toEqual([]);
  });
});
