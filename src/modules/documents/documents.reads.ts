import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import type { DocumentsTables } from './documents.tables.js';

/** The documents among `ids` that exist: for a module that attaches documents (announcements). Runs under RLS. */
export async function existingDocuments(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tablesOf<DocumentsTables>(db).selectFrom('documents').select('id').where('id', '=', anyUuid(ids)).execute();
  return new Set(rows.map((r) => r.id));
}
