// `npm start` and `npm run courtyard -- …`: builds whatever is missing or stale (the server into
// dist/, and for the commands that serve HTTP the web pages into dist/web), then runs the compiled
// `courtyard` command in this same process, so SIGTERM and Ctrl-C reach the server itself and
// not a wrapper that would leave it running.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureServer } from './server.mjs';

const args = process.argv.slice(2);
const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

try {
  await ensureServer();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
// In a process of its own: Vite's build sets NODE_ENV and stays loaded, neither of which the
// server should inherit.
if (args[0] === 'start' || args[0] === 'serve') {
  try {
    execFileSync(process.execPath, [fileURLToPath(new URL('web.mjs', import.meta.url)), 'ensure'], { stdio: 'inherit' });
  } catch {
    process.exit(1); // Vite has said why.
  }
}

process.argv = [process.argv[0], main, ...args];
await import(main);
