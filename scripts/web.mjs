// Builds the web application into dist/web (`node scripts/web.mjs build`), or only when its build
// is missing or older than its sources (`node scripts/web.mjs ensure`, run by `npm start` and by
// the end-to-end tests). `npm install` runs no build: npm 11 asks before running install
// scripts, so a postinstall could not be counted on; `npm start` builds on first start instead.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh } from './freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const index = join(root, 'dist/web/index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'sdk/src', 'package-lock.json'].map((p) => join(root, p));

async function build() {
  // Vite takes the mode of React's build from NODE_ENV, which test runners set to `test`.
  process.env.NODE_ENV = 'production';
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.warn('courtyard: the web pages are not built and Vite is not installed (npm install without --omit=dev, then npm run build); serving the API only.');
    return;
  }
  console.log('courtyard: building the web pages (dist/web)…');
  await vite.build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
}

const command = process.argv[2] ?? 'ensure';
if (command === 'build' || !(await isFresh(index, sources))) await build();
