// Compiles the server (src/, without tests) into dist/ (`node scripts/server.mjs build`), or only
// when that build is missing or older than its sources (`node scripts/server.mjs ensure`, run by
// scripts/courtyard.mjs before `npm start` and `npm run courtyard`).
//
// esbuild transpiles each file alone, without type-checking: a quarter of a second for what tsc
// takes fifteen over, so a first `npm start` is not kept waiting. The types are checked by
// `npm run typecheck` (CI runs it on every change), not here.
import { realpathSync } from 'node:fs';
import { cp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh } from './freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
// Written after a successful build with the time the build began, so an edit made during the
// build still counts as newer.
const stamp = join(dist, '.server-build');
const sources = ['src', 'tsconfig.json', 'package-lock.json', 'scripts/server.mjs'].map((p) => join(root, p));

async function filesUnder(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return files;
}

async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('courtyard: the server is not built and esbuild is not installed: run `npm install` (without --omit=dev), then `npm start`.');
  }
  const began = new Date();
  console.error('courtyard: compiling the server (dist/)…');
  // Everything in dist/ but the web pages is this build's: clearing it keeps a deleted source,
  // above all a deleted migration, from living on in dist/.
  for (const entry of await readdir(dist).catch(() => [])) {
    if (entry !== 'web') await rm(join(dist, entry), { recursive: true, force: true });
  }
  const files = await filesUnder(src);
  try {
    await esbuild.build({
      entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
      outdir: dist,
      outbase: src,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      sourcemap: true,
      logLevel: 'warning',
    });
  } finally {
    await esbuild.stop();
  }
  // Files read at run time, next to the code that reads them: migrations (.sql) and word lists
  // (.txt, the common passwords).
  for (const file of files.filter((f) => f.endsWith('.sql') || f.endsWith('.txt'))) await cp(file, join(dist, relative(src, file)));
  await writeFile(stamp, `${began.toISOString()}\n`);
  await utimes(stamp, began, began);
}

/** Builds the server when dist/ is missing or older than its sources. */
export async function ensureServer() {
  if (await isFresh(stamp, sources)) return;
  const compiled = await stat(join(dist, 'cli/main.js')).catch(() => null);
  const sourcesPresent = await stat(src).catch(() => null);
  // An installed package (dist/ without src/) has nothing to rebuild from.
  if (compiled && !sourcesPresent) return;
  await build();
}

// Run rather than imported (by scripts/courtyard.mjs). argv[1] keeps a symlinked path as typed,
// import.meta.url is resolved: compare the real paths.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'ensure';
  if (command === 'build') await build();
  else await ensureServer();
}
