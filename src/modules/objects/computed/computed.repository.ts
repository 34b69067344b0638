import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../../kernel/db/tables.js';
import type { ObjectsTables } from '../objects.tables.js';

export interface StoredRecord {
  id: string;
  objectId: string;
  data: Record<string, unknown>;
}

/** SQL of formulas and rollups: the records they read, and their values written back. */
export class ComputedRepository {
  private readonly db: Kysely<ObjectsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** Records by id, of any object (relation targets; an extension record shares its standard record's id). */
  async byIds(ids: readonly string[]): Promise<StoredRecord[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('objectRecords').select(['id', 'objectId', 'data']).where('id', '=', sql<string>`ANY(${[...new Set(ids)]}::uuid[])`).execute();
  }

  /** The records whose to-one relation `fieldId` points at one of `ids`, with the id each points at: an index lookup in object_values. */
  async pointingAt(fieldId: string, ids: readonly string[]): Promise<(StoredRecord & { target: string })[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<StoredRecord & { target: string }>`
      SELECT r.id, r.object_id AS "objectId", r.data, v.txt AS target
        FROM object_values v JOIN object_records r ON r.tenant_id = v.tenant_id AND r.id = v.record_id
       WHERE v.field_id = ${fieldId}::uuid AND v.kind = 't' AND v.txt = ANY(${[...new Set(ids)]}::text[])`.execute(this.db);
    return rows;
  }

  /** The records whose many-to-many relation `fieldId` links to `toId`. */
  async linkingTo(fieldId: string, toId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('objectLinks').select('fromId').where('fieldId', '=', fieldId).where('toId', '=', toId).execute();
    return rows.map((r) => r.fromId);
  }

  /** A batch of an object's records after `afterId`, in id order (recomputation walks an object this way). */
  batch(objectId: string, afterId: string | null, limit: number): Promise<StoredRecord[]> {
    let q = this.db.selectFrom('objectRecords').select(['id', 'objectId', 'data']).where('objectId', '=', objectId);
    if (afterId) q = q.where('id', '>', afterId);
    return q.orderBy('id').limit(limit).execute();
  }

  /** Computed values merged into a record's data: not a client's change, so its version stays. */
  async merge(id: string, patch: Record<string, unknown>): Promise<void> {
    await this.db.updateTable('objectRecords').set({ data: sql`data || ${JSON.stringify(patch)}::jsonb` as unknown as string }).where('id', '=', id).execute();
  }

  async setRules(objectId: string, rules: unknown[]): Promise<void> {
    await this.db.updateTable('objectDefinitions').set({ rules: JSON.stringify(rules), updatedAt: new Date() }).where('id', '=', objectId).execute();
  }
}
