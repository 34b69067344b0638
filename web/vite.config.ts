import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The message catalogues (each area's `en.json` and `es.json`) are parsed here, at build time, into
 * the syntax trees react-intl formats, so that the pages ship without ICU's parser (about 15 KB
 * of gzip in the first chunk; `no-parser` is formatjs's own build for this). The dev server and
 * the unit tests keep the strings and the parser.
 */
/** A message ICU cannot read is shown as it is written, as react-intl shows it when its parse fails at run time. */
const compile = (message: string) => {
  try {
    return parse(message);
  } catch {
    return [{ type: TYPE.literal, value: message }];
  }
};
const catalogue = /\/web\/src\/(.+\/)?(en|es)\.json$/;
function precompiledMessages(): Plugin {
  return {
    name: 'courtyard:precompiled-messages',
    apply: 'build',
    enforce: 'pre',
    config: () => ({ resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: here('../node_modules/@formatjs/icu-messageformat-parser/lib/no-parser.js') }] } }),
    transform(code, id) {
      if (!catalogue.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      return { code: JSON.stringify(Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, compile(message)]))), map: null };
    },
  };
}

/** A gzip copy beside each script and style sheet, which the server sends to browsers that accept it (src/kernel/http/pages.ts): compressed once, at the highest level, rather than on every request. */
function gzipCopies(): Plugin {
  return {
    name: 'courtyard:gzip-copies',
    apply: 'build',
    async writeBundle(options, bundle) {
      const files = Object.values(bundle).filter((file) => /\.(?:js|css)$/.test(file.fileName) && file.fileName.startsWith('assets/'));
      await Promise.all(files.map((file) => writeFile(join(options.dir!, `${file.fileName}.gz`), gzipSync(file.type === 'chunk' ? file.code : file.source, { level: 9 }))));
    },
  };
}

/** The web application, built into dist/web and served by Courtyard itself (src/kernel/http/pages.ts). */
export default defineConfig({
  root: here('.'),
  // One build serves /console/, /t/{slug}/ and a tenant's host: its files are named from the origin.
  base: '/',
  plugins: [precompiledMessages(), react(), tailwindcss(), gzipCopies()],
  resolve: { alias: { '@courtyard/sdk': here('../sdk/src/index.ts') } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // The pages' CSP allows fonts and scripts from files only: nothing is inlined as data: URLs.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  // `npx vite --config web/vite.config.ts` beside `npm start`: the API calls go to the server.
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/control': 'http://127.0.0.1:3000', '^/t/[^/]+/api/': 'http://127.0.0.1:3000' } },
});
