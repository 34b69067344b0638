import { sql, type Kysely, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { ListPropertiesQuery, Property } from './properties.schemas.js';
import type { PropertiesTables } from './properties.tables.js';

export type PropertiesDb = Kysely<PropertiesTables & KernelTables>;

/** Whose records a read may see: null for staff, a member for a portal login. */
export type Scope = { memberId: string } | null;

const storedColumns = ['id', 'parentId', 'name', 'kind', 'addressLines', 'city', 'region', 'postalCode', 'country', 'archivedAt'] as const;

/** The stored columns of a property, as its writes need them. */
export type PropertyRow = Pick<Selectable<PropertiesTables['properties']>, (typeof storedColumns)[number]>;
/** Columns a property write sets. */
export type PropertyValues = Omit<Updateable<PropertiesTables['properties']>, 'id' | 'createdAt' | 'updatedAt'>;

export const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` AND `);

/**
 * How the participation shares of the property's own units add up, as `s.shares`. They are
 * summed as numeric, so thirds that add up to 1.000000000 are balanced, exactly.
 */
export const sharesOf = (propertyId: RawBuilder<unknown>) => sql`
  LEFT JOIN LATERAL (
    SELECT json_build_object('unitCount', count(x.participation_share)::int, 'total', trim_scale(coalesce(sum(x.participation_share), 0))::text,
                             'balanced', coalesce(sum(x.participation_share), 0) = 1) AS shares
      FROM units x WHERE x.property_id = ${propertyId} AND x.archived_at IS NULL
  ) s ON true`;

// A property as the API has it.
const propertyColumns = sql`
  p.id, p.parent_id, p.name, p.kind,
  json_build_object('lines', p.address_lines, 'city', p.city, 'region', p.region, 'postalCode', p.postal_code, 'country', p.country) AS address,
  p.notes, p.archived_at IS NOT NULL AS archived, p.archived_at, s.shares, p.created_at, p.updated_at`;

/** The properties a member may see: those holding a unit they are attached to, and their ancestors. */
const visibleProperties = (memberId: string) => sql`
  WITH RECURSIVE visible(id) AS (
    SELECT vu.property_id FROM unit_attachments va JOIN units vu ON vu.id = va.unit_id WHERE va.member_id = ${memberId}::uuid
    UNION
    SELECT vp.parent_id FROM properties vp JOIN visible v ON vp.id = v.id WHERE vp.parent_id IS NOT NULL
  ) SELECT id FROM visible`;

/** The property and every property under it, at any depth. */
const subtree = (id: string) => sql`
  WITH RECURSIVE down(id) AS (
    SELECT ${id}::uuid
    UNION
    SELECT c.id FROM properties c JOIN down d ON c.parent_id = d.id
  ) SELECT id FROM down`;

/** Properties SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class PropertiesRepository {
  private readonly db: PropertiesDb;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async findProperty(id: string, scope: Scope): Promise<Property | undefined> {
    const where = [sql`p.id = ${id}::uuid`];
    if (scope) where.push(sql`p.id IN (${visibleProperties(scope.memberId)})`);
    const { rows } = await sql<Property>`SELECT ${propertyColumns} FROM properties p ${sharesOf(sql`p.id`)} WHERE ${and(where)}`.execute(this.db);
    return rows[0];
  }

  /** A page of `limit + 1` properties by name after the keyset `after`, for the caller to split. */
  async listProperties(query: ListPropertiesQuery & { limit: number }, after: unknown[] | null, scope: Scope): Promise<Property[]> {
    const where: RawBuilder<unknown>[] = [sql`true`];
    if (!query.includeArchived) where.push(sql`p.archived_at IS NULL`);
    if (query.kind) where.push(sql`p.kind = ${query.kind}`);
    if (query.parentId) where.push(sql`p.parent_id = ${query.parentId}::uuid`);
    if (query.topLevel !== undefined) where.push(query.topLevel ? sql`p.parent_id IS NULL` : sql`p.parent_id IS NOT NULL`);
    if (query.q) where.push(sql`p.name ILIKE ${containsPattern(query.q)}`);
    if (scope) where.push(sql`p.id IN (${visibleProperties(scope.memberId)})`);
    if (after) where.push(sql`(p.name, p.id) > (${after[0]}, ${after[1]}::uuid)`);
    const { rows } = await sql<Property>`
      SELECT ${propertyColumns} FROM properties p ${sharesOf(sql`p.id`)}
       WHERE ${and(where)} ORDER BY p.name, p.id LIMIT ${query.limit + 1}`.execute(this.db);
    return rows;
  }

  /**
   * The stored property, locked: `share` keeps it from being archived or removed while
   * something is added under it, `update` is for changing it.
   */
  async lockProperty(id: string, mode: 'share' | 'update'): Promise<PropertyRow | undefined> {
    const q = this.db.selectFrom('properties').select(storedColumns).where('id', '=', id);
    return (mode === 'share' ? q.forShare() : q.forUpdate()).executeTakeFirst();
  }

  async insertProperty(tenantId: string, values: PropertyValues & Pick<PropertyRow, 'name' | 'kind'>): Promise<string> {
    const id = newId();
    await this.db.insertInto('properties').values({ ...values, tenantId, id }).execute();
    return id;
  }

  async updateProperty(id: string, values: PropertyValues): Promise<void> {
    await this.db.updateTable('properties').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  async deleteProperty(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('properties').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The property and its ancestors, nearest first. */
  async ancestry(id: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM properties WHERE id = ${id}::uuid
        UNION
        SELECT p.id, p.parent_id, up.depth + 1 FROM properties p JOIN up ON p.id = up.parent_id
      ) SELECT id FROM up ORDER BY depth`.execute(this.db);
    return rows.map((r) => r.id);
  }

  /** What is directly in the property: its units and child properties (archived ones too, or not). */
  async contents(id: string, includeArchived: boolean): Promise<{ units: number; properties: number }> {
    const live = includeArchived ? sql`` : sql`AND archived_at IS NULL`;
    const { rows } = await sql<{ units: number; properties: number }>`
      SELECT (SELECT count(*) FROM units WHERE property_id = ${id}::uuid ${live})::int AS units,
             (SELECT count(*) FROM properties WHERE parent_id = ${id}::uuid ${live})::int AS properties`.execute(this.db);
    return rows[0]!;
  }

  /**
   * Archives the property and everything under it not archived yet, all at one instant, so
   * that restoring it can bring back exactly what archiving it took along.
   */
  async archiveTree(id: string): Promise<{ properties: number; units: number }> {
    // now() is the transaction's start: one instant for both statements.
    const props = await sql`UPDATE properties SET archived_at = now(), updated_at = now() WHERE id IN (${subtree(id)}) AND archived_at IS NULL`.execute(this.db);
    const units = await sql`UPDATE units SET archived_at = now(), updated_at = now() WHERE property_id IN (${subtree(id)}) AND archived_at IS NULL`.execute(this.db);
    return { properties: Number(props.numAffectedRows ?? 0) - 1, units: Number(units.numAffectedRows ?? 0) };
  }

  /**
   * Restores the property and what was archived together with it (at the same instant). Units
   * go first: each statement compares with the root's archived_at as it stood when it began.
   */
  async restoreTree(id: string): Promise<{ properties: number; units: number }> {
    const now = new Date();
    const when = sql`(SELECT archived_at FROM properties WHERE id = ${id}::uuid)`;
    const units = await sql`UPDATE units SET archived_at = NULL, updated_at = ${now} WHERE property_id IN (${subtree(id)}) AND archived_at = ${when}`.execute(this.db);
    const props = await sql`UPDATE properties SET archived_at = NULL, updated_at = ${now} WHERE id IN (${subtree(id)}) AND archived_at = ${when}`.execute(this.db);
    return { properties: Number(props.numAffectedRows ?? 0) - 1, units: Number(units.numAffectedRows ?? 0) };
  }

  /**
   * Serialises changes to the shape of a tenant's estate (moves, archiving subtrees, imports):
   * two concurrent moves could otherwise each pass the cycle check and make a cycle together.
   */
  async lockTree(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`properties.tree:${tenantId}`}, 0))`.execute(this.db);
  }

  // -------------------------------------------------------------------------------------------
  // Import

  /** Properties with any of these names (lower case), locked when the import is going to write. */
  async propertiesNamed(lowerNames: string[], lock: boolean): Promise<PropertyRow[]> {
    if (lowerNames.length === 0) return [];
    const q = this.db.selectFrom('properties').select(storedColumns).where(sql`lower(name)`, '=', sql`ANY(${lowerNames}::text[])`);
    return (lock ? q.forUpdate() : q).execute();
  }

  // Many rows travel as one JSON parameter: the statement's text is the same whatever the batch
  // size (the pool prepares it once), and no batch comes near the limit on bind parameters. The
  // rows' keys are camelCase, as the JSON has them.

  async insertProperties(tenantId: string, rows: Omit<PropertyRow, 'archivedAt'>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO properties (tenant_id, id, parent_id, name, kind, address_lines, city, region, postal_code, country)
      SELECT ${tenantId}::uuid, r.id, r."parentId", r.name, r.kind, coalesce(r."addressLines", '{}'), r.city, r.region, r."postalCode", r.country
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, "parentId" uuid, name text, kind text, "addressLines" text[], city text, region text, "postalCode" text, country text)`.execute(this.db);
  }

  async updateProperties(rows: Omit<PropertyRow, 'archivedAt' | 'parentId' | 'name'>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE properties p
         SET kind = r.kind, address_lines = r."addressLines", city = r.city, region = r.region,
             postal_code = r."postalCode", country = r.country, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, kind text, "addressLines" text[], city text, region text, "postalCode" text, country text)
       WHERE p.id = r.id`.execute(this.db);
  }
}
