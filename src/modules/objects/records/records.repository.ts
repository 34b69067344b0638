import { sql, type Kysely, type RawBuilder } from 'kysely';
import { tablesOf, type Db } from '../../../kernel/db/tables.js';
import { lockedTally } from '../../../kernel/metering/tallies.repository.js';
import { boundsOf, indexed, kindOf, type FieldDef } from '../fields.js';
import type { ObjectsTables } from '../objects.tables.js';
import { afterSql, filterSql, orderSql, outerOrderSql, searchSql, sortAlias, sortColumns, sortJoins, sortTyped, type CursorValues, type ParsedFilter, type SortKey } from './records.query.js';

export interface RecordRow {
  id: string;
  objectId: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  updatedBy: string | null;
}

const columns = ['id', 'objectId', 'data', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;

/** One value row's columns, for a field and a value as `data` holds it. */
function valueRow(field: FieldDef, value: unknown) {
  const row = indexed(field, value)!;
  const { min, max } = boundsOf(field);
  return { fieldId: field.id, kind: row.kind, num: row.num, txt: row.txt, ts: row.ts, uniq: field.rules.unique === true, min, max };
}

/** The value rows of the records' scalar fields among `fields`, a null value as a row of nulls. */
const valueRowsOf = (records: readonly { id: string; data: Record<string, unknown> }[], fields: readonly FieldDef[]) =>
  records.flatMap((r) => fields.filter((f) => kindOf(f)).map((f) => ({ recordId: r.id, ...valueRow(f, r.data[f.id] ?? null) })));

/** Value rows as a set to select from, `v`, in one parameter per column whatever their number. */
const valuesOf = (rows: ReturnType<typeof valueRowsOf>) => sql`
  unnest(${rows.map((r) => r.fieldId)}::uuid[], ${rows.map((r) => r.recordId)}::uuid[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.num)}::numeric[], ${rows.map((r) => r.txt)}::text[],
         ${rows.map((r) => r.ts)}::timestamptz[], ${rows.map((r) => r.uniq)}::boolean[], ${rows.map((r) => r.min)}::numeric[], ${rows.map((r) => r.max)}::numeric[])
    AS v(field_id, record_id, kind, num, txt, ts, uniq, min, max)`;

/**
 * Records, their value index and their links. Every write of a record writes its value rows in
 * the same transaction (see README.md): the rows carry the field's unique and range rules, so
 * the database refuses what breaks them even when a caller skipped the service.
 */
export class RecordsRepository {
  private readonly db: Kysely<ObjectsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  find(objectId: string, id: string, lock = false): Promise<RecordRow | undefined> {
    let q = this.db.selectFrom('objectRecords').select(columns).where('id', '=', id).where('objectId', '=', objectId);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /**
   * A new record (version 1, made at `at`), its value rows and its event (`event`, an insert
   * given the condition that the record was written) in one statement, guarded: nothing is
   * written when the tenant's model stamp is not `stamp` (the caller worked from a stale model)
   * or the plan's limit of records (null: none) is reached. The tally's lock, which queues the
   * tenant's concurrent creates until commit, comes with this statement: a create makes it its
   * last, so that the queue moves as fast as it can.
   */
  async insertWithValues(
    tenantId: string,
    objectId: string,
    record: { id: string; data: Record<string, unknown>; at: Date },
    fields: readonly FieldDef[],
    actor: string | null,
    guard: { limit: number | null; stamp: string | null; event: (written: RawBuilder<unknown>) => RawBuilder<unknown> },
  ): Promise<'inserted' | 'stale' | 'limit'> {
    const { id, data, at } = record;
    const { rows } = await sql<{ inserted: string; fresh: boolean }>`
      WITH model AS (SELECT (SELECT stamp FROM object_model_stamps) IS NOT DISTINCT FROM ${guard.stamp}::uuid AS fresh),
      tally AS (${lockedTally(tenantId, 'objectRecords')}),
      record AS (
        INSERT INTO object_records (tenant_id, object_id, id, data, created_at, updated_at, created_by, updated_by)
        SELECT ${tenantId}::uuid, ${objectId}::uuid, ${id}::uuid, ${JSON.stringify(data)}::jsonb, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, ${actor}::uuid, ${actor}::uuid
          FROM tally, model WHERE model.fresh AND (${guard.limit}::bigint IS NULL OR tally.value < ${guard.limit}::bigint)
        RETURNING id),
      value_rows AS (
        INSERT INTO object_values (tenant_id, object_id, field_id, record_id, kind, num, txt, ts, uniq, min, max)
        SELECT ${tenantId}::uuid, ${objectId}::uuid, v.field_id, record.id, v.kind, v.num, v.txt, v.ts, v.uniq, v.min, v.max
          FROM record, ${valuesOf(valueRowsOf([{ id, data }], fields))}),
      event AS (${guard.event(sql`EXISTS (SELECT 1 FROM record)`)})
      SELECT (SELECT count(*) FROM record) AS inserted, (SELECT fresh FROM model) AS fresh`.execute(this.db);
    const { inserted, fresh } = rows[0]!;
    return Number(inserted) === 1 ? 'inserted' : fresh ? 'limit' : 'stale';
  }

  /** Many new records in one statement (an import), in the order given. */
  async insertMany(tenantId: string, objectId: string, records: readonly { id: string; data: Record<string, unknown> }[], actor: string | null): Promise<RecordRow[]> {
    if (records.length === 0) return [];
    const rows = await this.db
      .insertInto('objectRecords')
      .values(records.map((r) => ({ tenantId, objectId, id: r.id, data: JSON.stringify(r.data), createdBy: actor, updatedBy: actor })))
      .returning(columns)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return records.map((r) => byId.get(r.id)!);
  }

  /** Merges `patch` into the record's data and bumps its version; undefined when it is gone or (with `expected`) at another version. */
  update(objectId: string, id: string, patch: Record<string, unknown>, actor: string | null, expected?: number): Promise<RecordRow | undefined> {
    let q = this.db
      .updateTable('objectRecords')
      .set({ data: sql`data || ${JSON.stringify(patch)}::jsonb` as unknown as string, version: sql`version + 1`, updatedAt: new Date(), updatedBy: actor })
      .where('id', '=', id)
      .where('objectId', '=', objectId);
    if (expected !== undefined) q = q.where('version', '=', expected);
    return q.returning(columns).executeTakeFirst();
  }

  async delete(objectId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('objectRecords').where('id', '=', id).where('objectId', '=', objectId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    // Links to it from other records' many-to-many fields (links from it went with it).
    await this.db.deleteFrom('objectLinks').where('toId', '=', id).execute();
    return true;
  }

  /**
   * Writes (inserts or replaces) the value rows of `fields` for one record, in one statement:
   * the scalar fields only, a null value as a row of nulls.
   */
  async writeValues(tenantId: string, objectId: string, recordId: string, fields: FieldDef[], data: Record<string, unknown>): Promise<void> {
    await this.writeValuesOf(tenantId, objectId, [{ id: recordId, data }], fields);
  }

  /** `writeValues` for many records in one statement (an import). */
  async writeValuesOf(tenantId: string, objectId: string, records: readonly { id: string; data: Record<string, unknown> }[], fields: FieldDef[]): Promise<void> {
    const rows = valueRowsOf(records, fields);
    if (rows.length === 0) return;
    await sql`
      INSERT INTO object_values (tenant_id, object_id, field_id, record_id, kind, num, txt, ts, uniq, min, max)
      SELECT ${tenantId}::uuid, ${objectId}::uuid, v.field_id, v.record_id, v.kind, v.num, v.txt, v.ts, v.uniq, v.min, v.max FROM ${valuesOf(rows)}
      ON CONFLICT (tenant_id, field_id, record_id) DO UPDATE
         SET kind = EXCLUDED.kind, num = EXCLUDED.num, txt = EXCLUDED.txt, ts = EXCLUDED.ts, uniq = EXCLUDED.uniq, min = EXCLUDED.min, max = EXCLUDED.max`.execute(this.db);
  }

  /** A many-to-many field's links of one record, replaced by `toIds`. */
  async replaceLinks(tenantId: string, fieldId: string, fromId: string, toIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('objectLinks').where('fieldId', '=', fieldId).where('fromId', '=', fromId).execute();
    if (toIds.length === 0) return;
    await sql`INSERT INTO object_links (tenant_id, field_id, from_id, to_id) SELECT ${tenantId}::uuid, ${fieldId}::uuid, ${fromId}::uuid, unnest(${[...toIds]}::uuid[])`.execute(this.db);
  }

  /** The records of `objectId` among `ids` (relation targets that exist). */
  async existing(objectId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('objectRecords').select('id').where('objectId', '=', objectId).where('id', '=', sql<string>`ANY(${[...new Set(ids)]}::uuid[])`).execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * A page of `limit + 1` records of the object, filtered, sorted and after the cursor, with each
   * key's cursor columns. The inner query walks the first sort key's index (or the records' own,
   * in creation order) and stops once the page is full; filters are looked up per row.
   */
  async list(objectId: string, query: { filters: ParsedFilter[]; keys: SortKey[]; desc: boolean; after: CursorValues | null; search: { fieldIds: string[]; pattern: string } | null; limit: number }) {
    const { filters, keys, desc, after, search, limit } = query;
    const sorted = keys.length > 0;
    const at = sorted ? { tenant: sql.raw('s0.tenant_id'), id: sql.raw('s0.record_id') } : { tenant: sql.raw('r0.tenant_id'), id: sql.raw('r0.id') };
    const conditions: RawBuilder<unknown>[] = sorted ? [sql`s0.field_id = ${keys[0]!.field.id}::uuid`, sql.raw(keys[0]!.kind === 'n' || keys[0]!.kind === 'b' ? `s0.kind IN ('n', 'b') AND s0.kind = '${keys[0]!.kind}'` : `s0.kind = '${keys[0]!.kind}'`)] : [sql`r0.object_id = ${objectId}::uuid`];
    if (after) conditions.push(sorted ? afterSql(keys, desc, after) : sql`r0.id ${sql.raw(desc ? '<' : '>')} ${after[0]}::uuid`);
    conditions.push(...filters.map((f) => filterSql(f, at)));
    if (search) conditions.push(searchSql(search, at, sorted ? undefined : sql.raw('r0.data')));
    const inner = sorted
      ? sql`SELECT s0.tenant_id, s0.record_id AS page_id, ${sql.join([...sortTyped(keys), ...sortColumns(keys)])}
              FROM object_values s0 ${sortJoins(keys)}
             WHERE ${sql.join(conditions, sql` AND `)}
             ORDER BY ${orderSql(keys, desc)} LIMIT ${limit + 1}`
      : sql`SELECT r0.tenant_id, r0.id AS page_id FROM object_records r0 WHERE ${sql.join(conditions, sql` AND `)} ORDER BY r0.id ${sql.raw(desc ? 'DESC' : 'ASC')} LIMIT ${limit + 1}`;
    const { rows } = await sql<RecordRow & Record<string, unknown>>`
      SELECT r.id, r.object_id, r.data, r.version, r.created_at, r.updated_at, r.created_by, r.updated_by${sorted ? sql`, ${sql.join(keys.map((_, i) => sql.raw(`p.${sortAlias(i)}_blank, p.${sortAlias(i)}_value`)))}` : sql``}
        FROM (${inner}) p JOIN object_records r ON r.tenant_id = p.tenant_id AND r.id = p.page_id
       ORDER BY ${sorted ? outerOrderSql(keys, desc) : sql`p.page_id ${sql.raw(desc ? 'DESC' : 'ASC')}`}`.execute(this.db);
    return rows;
  }

  /** Value rows for every record of the object lacking one for `field` (a field added or restored): nulls, or what `data` holds. */
  async backfill(tenantId: string, objectId: string, field: FieldDef): Promise<void> {
    if (!kindOf(field)) return;
    const { min, max } = boundsOf(field);
    const kind = kindOf(field)!;
    const text = field.type === 'currency' ? sql`(r.data -> ${field.id}::text ->> 'amountMinor')` : sql`(r.data ->> ${field.id}::text)`;
    const num = kind === 'b' ? sql`CASE ${text} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END` : kind === 'n' ? sql`${text}::numeric` : sql`NULL::numeric`;
    const ts = kind === 'd' ? (field.type === 'date' ? sql`(${text} || 'T00:00:00Z')::timestamptz` : sql`${text}::timestamptz`) : sql`NULL::timestamptz`;
    await sql`
      INSERT INTO object_values (tenant_id, object_id, field_id, record_id, kind, num, txt, ts, uniq, min, max)
      SELECT ${tenantId}::uuid, ${objectId}::uuid, ${field.id}::uuid, r.id, ${kind}, ${num}, ${kind === 't' ? text : sql`NULL::text`}, ${ts}, ${field.rules.unique === true}, ${min}::numeric, ${max}::numeric
        FROM object_records r WHERE r.object_id = ${objectId}::uuid
      ON CONFLICT (tenant_id, field_id, record_id) DO NOTHING`.execute(this.db);
  }

  /** Whether another record holds `value` (as `data` holds it) of a unique field. */
  async taken(field: FieldDef, value: unknown, recordId: string): Promise<boolean> {
    const row = indexed(field, value);
    if (!row) return false;
    const match = row.kind === 't' ? sql`kind = 't' AND lower(txt) = lower(${row.txt})` : row.kind === 'd' ? sql`kind = 'd' AND ts = ${row.ts}::timestamptz` : sql`kind IN ('n', 'b') AND num = ${row.num}::numeric`;
    const { rows } = await sql`SELECT 1 FROM object_values WHERE field_id = ${field.id}::uuid AND uniq AND ${match} AND record_id <> ${recordId}::uuid LIMIT 1`.execute(this.db);
    return rows.length > 0;
  }

  /** Values held by more than one record, for a field about to become unique (at most 10). */
  async duplicates(field: FieldDef): Promise<string[]> {
    const kind = kindOf(field)!;
    const value = kind === 't' ? sql`lower(txt)` : kind === 'd' ? sql`to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` : sql`num::text`;
    const { rows } = await sql<{ value: string }>`
      SELECT ${value} AS value FROM object_values WHERE field_id = ${field.id}::uuid AND ${sql.raw(kind === 't' ? 'txt' : kind === 'd' ? 'ts' : 'num')} IS NOT NULL
       GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 10`.execute(this.db);
    return rows.map((r) => r.value);
  }

  /** How many records hold a value outside the bounds (a value, a length, epoch seconds as `boundsOf` gives them). */
  async outOfRange(field: FieldDef, bounds: { min: string | null; max: string | null }): Promise<number> {
    const kind = kindOf(field)!;
    const measure = kind === 't' ? sql`char_length(txt)` : kind === 'd' ? sql`extract(epoch FROM ts)` : sql`num`;
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM object_values
       WHERE field_id = ${field.id}::uuid AND ${measure} IS NOT NULL
         AND ((${bounds.min}::numeric IS NOT NULL AND ${measure} < ${bounds.min}::numeric) OR (${bounds.max}::numeric IS NOT NULL AND ${measure} > ${bounds.max}::numeric))`.execute(this.db);
    return Number(rows[0]!.n);
  }

  /** A field's rules onto all its value rows, in one statement: the database refuses it if stored data breaks them. */
  async applyRules(field: FieldDef): Promise<void> {
    const { min, max } = boundsOf(field);
    await sql`UPDATE object_values SET uniq = ${field.rules.unique === true}, min = ${min}::numeric, max = ${max}::numeric WHERE field_id = ${field.id}::uuid`.execute(this.db);
  }

  /** Deletes up to `batch` of a purged field's stored values (value rows, links and data); answers how many records it touched. */
  async purgeBatch(objectId: string, fieldId: string, batch: number): Promise<number> {
    await sql`DELETE FROM object_values WHERE (tenant_id, field_id, record_id) IN (SELECT tenant_id, field_id, record_id FROM object_values WHERE field_id = ${fieldId}::uuid LIMIT ${batch})`.execute(this.db);
    await sql`DELETE FROM object_links WHERE (tenant_id, field_id, from_id, to_id) IN (SELECT tenant_id, field_id, from_id, to_id FROM object_links WHERE field_id = ${fieldId}::uuid LIMIT ${batch})`.execute(this.db);
    const result = await sql`
      UPDATE object_records SET data = data - ${fieldId}::text
       WHERE id IN (SELECT id FROM object_records WHERE object_id = ${objectId}::uuid AND data ? ${fieldId}::text LIMIT ${batch})`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Whether anything of the field is left to purge. */
  async purgeLeft(objectId: string, fieldId: string): Promise<boolean> {
    const { rows } = await sql<{ left: boolean }>`
      SELECT EXISTS (SELECT 1 FROM object_values WHERE field_id = ${fieldId}::uuid)
          OR EXISTS (SELECT 1 FROM object_links WHERE field_id = ${fieldId}::uuid)
          OR EXISTS (SELECT 1 FROM object_records WHERE object_id = ${objectId}::uuid AND data ? ${fieldId}::text) AS left`.execute(this.db);
    return rows[0]!.left;
  }
}
