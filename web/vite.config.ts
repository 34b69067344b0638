import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web application, built into dist/web and served by Courtyard itself (src/kernel/http/pages.ts). */
export default defineConfig({
  root: here('.'),
  // One build serves /console/, /t/{slug}/ and a tenant's host: its files are named from the origin.
  base: '/',
  plugins: [react(), tailwindcss()],
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
