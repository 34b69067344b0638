// Whether a build is newer than its sources: what `npm start` asks of the server's and the web
// pages' builds before deciding to rebuild.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The newest modification time under `path` (0 when it does not exist). */
async function newest(path) {
  const s = await stat(path).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  // A directory's own time changes when a file in it is added, renamed or deleted.
  let latest = s.mtimeMs;
  for (const entry of await readdir(path)) latest = Math.max(latest, await newest(join(path, entry)));
  return latest;
}

/** True when `builtFile` exists and is at least as new as everything under `sources`. */
export async function isFresh(builtFile, sources) {
  const built = await stat(builtFile).catch(() => null);
  if (!built) return false;
  const changed = Math.max(...(await Promise.all(sources.map(newest))));
  return built.mtimeMs >= changed;
}
