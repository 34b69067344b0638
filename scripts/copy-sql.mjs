// tsc copies no assets: migrations are .sql files read at run time, so mirror them into dist/.
import { cp, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function* sqlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sqlFiles(path);
    else if (entry.name.endsWith('.sql')) yield path;
  }
}

for await (const file of sqlFiles('src')) {
  await cp(file, join('dist', relative('src', file)));
}
