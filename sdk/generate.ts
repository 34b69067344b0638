import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the generated types live (committed: a test fails when they are stale). */
export const SCHEMA_FILE = fileURLToPath(new URL('./src/schema.ts', import.meta.url));

const HEADER = `/**
 * The Courtyard API as TypeScript types, generated from the OpenAPI document by
 * openapi-typescript. Do not edit: run \`npm run sdk:generate\`.
 */

`;

/** The types of the API an OpenAPI document describes, as the text of schema.ts. */
export async function schemaSource(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

// `npm run sdk:generate`: the document the platform serves, printed by the CLI from an in-memory platform.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const document = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/main.ts', 'openapi'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  await writeFile(SCHEMA_FILE, await schemaSource(document));
  console.log(`wrote ${SCHEMA_FILE}`);
}
