import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/tables.js';

/** Finds records by the text of a field (a unique label, an import's match key): the value index answers it. */
export class RecordsLookupRepository {
  constructor(private readonly db: Db) {}

  /** The records holding each of `texts` (compared ignoring case) in a unique text field: lower-cased text to record id. */
  async idsByText(fieldId: string, texts: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(texts.map((t) => t.toLowerCase()))];
    if (wanted.length === 0) return new Map();
    const { rows } = await sql<{ text: string; recordId: string }>`
      SELECT lower(txt) AS text, record_id AS "recordId" FROM object_values
       WHERE field_id = ${fieldId}::uuid AND uniq AND kind = 't' AND lower(txt) = ANY(${wanted}::text[])`.execute(this.db);
    return new Map(rows.map((r) => [r.text, r.recordId]));
  }
}
