import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../../kernel/db/tables.js';
import type { ObjectsTables } from '../objects.tables.js';

/** What the pages show of many records at once: their labels (a page of relations), how many an object has (the objects list). */
export class SummariesRepository {
  private readonly db: Kysely<ObjectsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** `fieldId`'s value (the object's title field) of each record of `objectId` among `ids` that exists; null when it has none. */
  async titles(objectId: string, fieldId: string | null, ids: readonly string[]): Promise<{ id: string; title: string | null }[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<{ id: string; title: string | null }>`
      SELECT id, ${fieldId === null ? sql`NULL::text` : sql`data ->> ${fieldId}::text`} AS title
        FROM object_records WHERE object_id = ${objectId}::uuid AND id = ANY(${[...new Set(ids)]}::uuid[])`.execute(this.db);
    return rows;
  }

  /** How many records each of `objectIds` has (an index-only count: about 10 ms per 100,000 records). */
  async counts(objectIds: readonly string[]): Promise<Map<string, number>> {
    if (objectIds.length === 0) return new Map();
    const { rows } = await sql<{ objectId: string; n: string }>`
      SELECT object_id, count(*) AS n FROM object_records WHERE object_id = ANY(${[...objectIds]}::uuid[]) GROUP BY object_id`.execute(this.db);
    return new Map(rows.map((r) => [r.objectId, Number(r.n)]));
  }
}
