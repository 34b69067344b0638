import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../kernel/db/tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { newId } from '../../kernel/ids.js';
import type { ListPropertiesQuery, ListUnitsQuery, Property, Shares, Unit, UnitDetail, VacancyReport, VacancyTotals } from './properties.schemas.js';

/** Whose records a read may see: null for staff, a member for a portal login. */
export type Scope = { memberId: string } | null;

/** The stored columns of a property, as its writes need them. */
export interface PropertyRow {
  id: string;
  parent_id: string | null;
  name: string;
  kind: Property['kind'];
  address_lines: string[];
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  archived_at: Date | null;
}

/** The stored columns of a unit, decimals as exact canonical strings. */
export interface UnitRow {
  id: string;
  property_id: string;
  label: string;
  kind: Unit['kind'];
  floor: number | null;
  area: string | null;
  bedrooms: number | null;
  participation_share: string | null;
  amenities: string[];
  unavailable: boolean;
  status: Unit['status'];
  archived_at: Date | null;
}

/** Columns a property write sets (snake case, as stored). */
export type PropertyValues = Partial<Omit<PropertyRow, 'id' | 'archived_at'> & { notes: string; archived_at: Date | null }>;
/** Columns a unit write sets; decimals as exact strings. */
export type UnitValues = Partial<Omit<UnitRow, 'id' | 'property_id' | 'status' | 'archived_at'> & { notes: string; archived_at: Date | null }>;

interface PropertyReadRow extends PropertyRow {
  notes: string;
  created_at: Date;
  updated_at: Date;
  unit_count: number;
  share_total: string;
  balanced: boolean;
}

interface UnitReadRow extends UnitRow {
  per_mille: string | null;
  notes: string;
  created_at: Date;
  updated_at: Date;
}

const toProperty = (r: PropertyReadRow): Property => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind,
  address: { lines: r.address_lines, city: r.city, region: r.region, postalCode: r.postal_code, country: r.country },
  notes: r.notes,
  archived: r.archived_at !== null,
  archivedAt: r.archived_at,
  shares: { unitCount: Number(r.unit_count), total: r.share_total, balanced: r.balanced },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toUnit = (r: UnitReadRow): Unit => ({
  id: r.id,
  propertyId: r.property_id,
  label: r.label,
  kind: r.kind,
  floor: r.floor,
  area: r.area === null ? null : Number(r.area),
  bedrooms: r.bedrooms,
  participationShare: r.participation_share,
  participationPerMille: r.per_mille === null ? null : Number(r.per_mille),
  amenities: r.amenities,
  unavailable: r.unavailable,
  status: r.status,
  notes: r.notes,
  archived: r.archived_at !== null,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// Shares are summed as numeric, so thirds that add up to 1.000000000 are balanced, exactly.
const propertyColumns = sql`
  p.id, p.parent_id, p.name, p.kind, p.address_lines, p.city, p.region, p.postal_code, p.country, p.notes,
  p.archived_at, p.created_at, p.updated_at, s.unit_count, trim_scale(s.total)::text AS share_total, s.total = 1 AS balanced`;
const sharesOf = (propertyId: RawBuilder<unknown>) => sql`
  LEFT JOIN LATERAL (
    SELECT count(x.participation_share)::int AS unit_count, coalesce(sum(x.participation_share), 0) AS total
      FROM units x WHERE x.property_id = ${propertyId} AND x.archived_at IS NULL
  ) s ON true`;

const unitColumns = sql`
  u.id, u.property_id, u.label, u.kind, u.floor, trim_scale(u.area)::text AS area, u.bedrooms,
  trim_scale(u.participation_share)::text AS participation_share, trim_scale(u.participation_share * 1000)::text AS per_mille,
  u.amenities, u.unavailable, u.status, u.notes, u.archived_at, u.created_at, u.updated_at`;

/** The properties a member may see: those holding a unit they are attached to, and their ancestors. */
const visibleProperties = (memberId: string) => sql`
  WITH RECURSIVE visible(id) AS (
    SELECT vu.property_id FROM unit_attachments va JOIN units vu ON vu.id = va.unit_id WHERE va.member_id = ${memberId}::uuid
    UNION
    SELECT vp.parent_id FROM properties vp JOIN visible v ON vp.id = v.id WHERE vp.parent_id IS NOT NULL
  ) SELECT id FROM visible`;

const visibleUnits = (memberId: string) => sql`SELECT va.unit_id FROM unit_attachments va WHERE va.member_id = ${memberId}::uuid`;

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` AND `);

/** The property and every property under it, at any depth. */
const subtree = (id: string) => sql`
  WITH RECURSIVE down(id) AS (
    SELECT ${id}::uuid
    UNION
    SELECT c.id FROM properties c JOIN down d ON c.parent_id = d.id
  ) SELECT id FROM down`;

/** Properties and units SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class PropertiesRepository {
  constructor(private readonly db: Db) {}

  // -------------------------------------------------------------------------------------------
  // Properties

  async findProperty(id: string, scope: Scope): Promise<Property | undefined> {
    const where = [sql`p.id = ${id}::uuid`];
    if (scope) where.push(sql`p.id IN (${visibleProperties(scope.memberId)})`);
    const { rows } = await sql<PropertyReadRow>`SELECT ${propertyColumns} FROM properties p ${sharesOf(sql`p.id`)} WHERE ${and(where)}`.execute(this.db);
    return rows[0] && toProperty(rows[0]);
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
    const { rows } = await sql<PropertyReadRow>`
      SELECT ${propertyColumns} FROM properties p ${sharesOf(sql`p.id`)}
       WHERE ${and(where)} ORDER BY p.name, p.id LIMIT ${query.limit + 1}`.execute(this.db);
    return rows.map(toProperty);
  }

  /**
   * The stored property, locked: `share` keeps it from being archived or removed while
   * something is added under it, `update` is for changing it.
   */
  async lockProperty(id: string, mode: 'share' | 'update'): Promise<PropertyRow | undefined> {
    const lock = mode === 'share' ? sql`FOR SHARE` : sql`FOR UPDATE`;
    const { rows } = await sql<PropertyRow>`
      SELECT id, parent_id, name, kind, address_lines, city, region, postal_code, country, archived_at
        FROM properties WHERE id = ${id}::uuid ${lock}`.execute(this.db);
    return rows[0];
  }

  async insertProperty(tenantId: string, values: PropertyValues & Pick<PropertyRow, 'name' | 'kind'>): Promise<string> {
    const id = newId();
    await this.db.insertInto('properties').values({ tenant_id: tenantId, id, ...values }).execute();
    return id;
  }

  async updateProperty(id: string, values: PropertyValues): Promise<void> {
    await this.db.updateTable('properties').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
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
    return { units: Number(rows[0]!.units), properties: Number(rows[0]!.properties) };
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
  // Units

  async findUnit(id: string, scope: Scope): Promise<UnitDetail | undefined> {
    const where = [sql`u.id = ${id}::uuid`];
    if (scope) where.push(sql`u.id IN (${visibleUnits(scope.memberId)})`);
    const { rows } = await sql<UnitReadRow & { unit_count: number; share_total: string; balanced: boolean }>`
      SELECT ${unitColumns}, s.unit_count, trim_scale(s.total)::text AS share_total, s.total = 1 AS balanced
        FROM units u ${sharesOf(sql`u.property_id`)} WHERE ${and(where)}`.execute(this.db);
    const r = rows[0];
    return r && { ...toUnit(r), propertyShares: { unitCount: Number(r.unit_count), total: r.share_total, balanced: r.balanced } satisfies Shares };
  }

  /** A page of `limit + 1` units by label after the keyset `after`, for the caller to split. */
  async listUnits(query: ListUnitsQuery & { limit: number }, after: unknown[] | null, scope: Scope): Promise<Unit[]> {
    const where: RawBuilder<unknown>[] = [sql`true`];
    if (!query.includeArchived) where.push(sql`u.archived_at IS NULL`);
    if (query.propertyId) where.push(sql`u.property_id = ${query.propertyId}::uuid`);
    if (query.status) where.push(sql`u.status = ${query.status}`);
    if (query.kind) where.push(sql`u.kind = ${query.kind}`);
    if (query.q) where.push(sql`u.label ILIKE ${containsPattern(query.q)}`);
    if (scope) where.push(sql`u.id IN (${visibleUnits(scope.memberId)})`);
    if (after) where.push(sql`(u.label, u.id) > (${after[0]}, ${after[1]}::uuid)`);
    const { rows } = await sql<UnitReadRow>`
      SELECT ${unitColumns} FROM units u WHERE ${and(where)} ORDER BY u.label, u.id LIMIT ${query.limit + 1}`.execute(this.db);
    return rows.map(toUnit);
  }

  async propertyOfUnit(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('units').select('property_id').where('id', '=', id).executeTakeFirst();
    return row?.property_id as string | undefined;
  }

  async lockUnit(id: string): Promise<UnitRow | undefined> {
    const { rows } = await sql<UnitRow>`
      SELECT id, property_id, label, kind, floor, trim_scale(area)::text AS area, bedrooms,
             trim_scale(participation_share)::text AS participation_share, amenities, unavailable, status, archived_at
        FROM units WHERE id = ${id}::uuid FOR UPDATE`.execute(this.db);
    return rows[0];
  }

  async insertUnit(tenantId: string, propertyId: string, values: UnitValues & Pick<UnitRow, 'label' | 'kind'>): Promise<string> {
    const id = newId();
    await this.db.insertInto('units').values({ tenant_id: tenantId, id, property_id: propertyId, ...values }).execute();
    return id;
  }

  async updateUnit(id: string, values: UnitValues): Promise<void> {
    await this.db.updateTable('units').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
  }

  /** Removes the unit; its property's id, or undefined when there is no such unit. */
  async deleteUnit(id: string): Promise<string | undefined> {
    const row = await this.db.deleteFrom('units').where('id', '=', id).returning('property_id').executeTakeFirst();
    return row?.property_id as string | undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Import

  /** Properties with any of these names (lower case), locked when the import is going to write. */
  async propertiesNamed(lowerNames: string[], lock: boolean): Promise<PropertyRow[]> {
    if (lowerNames.length === 0) return [];
    const { rows } = await sql<PropertyRow>`
      SELECT id, parent_id, name, kind, address_lines, city, region, postal_code, country, archived_at
        FROM properties WHERE lower(name) = ANY(${lowerNames}::text[]) ${lock ? sql`FOR UPDATE` : sql``}`.execute(this.db);
    return rows;
  }

  async unitsOf(propertyIds: string[], lock: boolean): Promise<UnitRow[]> {
    if (propertyIds.length === 0) return [];
    const { rows } = await sql<UnitRow>`
      SELECT id, property_id, label, kind, floor, trim_scale(area)::text AS area, bedrooms,
             trim_scale(participation_share)::text AS participation_share, amenities, unavailable, status, archived_at
        FROM units WHERE property_id = ANY(${propertyIds}::uuid[]) ${lock ? sql`FOR UPDATE` : sql``}`.execute(this.db);
    return rows;
  }

  // Many rows travel as one JSON parameter: the statement's text is the same whatever the batch
  // size (the pool prepares it once), and no batch comes near the limit on bind parameters.

  async insertProperties(tenantId: string, rows: (Omit<PropertyRow, 'archived_at'>)[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO properties (tenant_id, id, parent_id, name, kind, address_lines, city, region, postal_code, country)
      SELECT ${tenantId}::uuid, r.id, r.parent_id, r.name, r.kind, coalesce(r.address_lines, '{}'), r.city, r.region, r.postal_code, r.country
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, parent_id uuid, name text, kind text, address_lines text[], city text, region text, postal_code text, country text)`.execute(this.db);
  }

  async updateProperties(rows: (Omit<PropertyRow, 'archived_at' | 'parent_id' | 'name'>)[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE properties p
         SET kind = r.kind, address_lines = r.address_lines, city = r.city, region = r.region,
             postal_code = r.postal_code, country = r.country, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, kind text, address_lines text[], city text, region text, postal_code text, country text)
       WHERE p.id = r.id`.execute(this.db);
  }

  async insertUnits(tenantId: string, rows: (Omit<UnitRow, 'archived_at' | 'status' | 'unavailable'>)[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO units (tenant_id, id, property_id, label, kind, floor, area, bedrooms, participation_share, amenities)
      SELECT ${tenantId}::uuid, r.id, r.property_id, r.label, r.kind, r.floor, r.area, r.bedrooms, r.participation_share, r.amenities
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, property_id uuid, label text, kind text, floor integer, area numeric, bedrooms integer, participation_share numeric, amenities text[])`.execute(this.db);
  }

  async updateUnits(rows: (Omit<UnitRow, 'archived_at' | 'status' | 'unavailable' | 'property_id' | 'label'>)[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE units u
         SET kind = r.kind, floor = r.floor, area = r.area, bedrooms = r.bedrooms,
             participation_share = r.participation_share, amenities = r.amenities, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, kind text, floor integer, area numeric, bedrooms integer, participation_share numeric, amenities text[])
       WHERE u.id = r.id`.execute(this.db);
  }

  // -------------------------------------------------------------------------------------------
  // Reports

  /** Units by status per property and in all, in one pass: a grouping set adds the totals row. */
  async vacancy(): Promise<VacancyReport> {
    const { rows } = await sql<{
      id: string | null;
      name: string | null;
      parent_id: string | null;
      total_row: number;
      units: number;
      vacant: number;
      occupied: number;
      owner_occupied: number;
      unavailable: number;
      vacancy_rate: string | null;
    }>`
      SELECT p.id, p.name, p.parent_id, GROUPING(p.id) AS total_row,
             count(u.id)::int AS units,
             count(u.id) FILTER (WHERE u.status = 'vacant')::int AS vacant,
             count(u.id) FILTER (WHERE u.status = 'occupied')::int AS occupied,
             count(u.id) FILTER (WHERE u.status = 'owner-occupied')::int AS owner_occupied,
             count(u.id) FILTER (WHERE u.status = 'unavailable')::int AS unavailable,
             round(count(u.id) FILTER (WHERE u.status = 'vacant')::numeric
                   / nullif(count(u.id) FILTER (WHERE u.status <> 'unavailable'), 0), 4)::text AS vacancy_rate
        FROM units u JOIN properties p ON p.id = u.property_id
       WHERE u.archived_at IS NULL AND p.archived_at IS NULL
       GROUP BY GROUPING SETS ((p.id, p.name, p.parent_id), ())
       ORDER BY GROUPING(p.id), p.name, p.id`.execute(this.db);
    const counts = (r: (typeof rows)[number]): VacancyTotals => ({
      units: Number(r.units),
      vacant: Number(r.vacant),
      occupied: Number(r.occupied),
      ownerOccupied: Number(r.owner_occupied),
      unavailable: Number(r.unavailable),
      vacancyRate: r.vacancy_rate === null ? null : Number(r.vacancy_rate),
    });
    const total = rows.find((r) => Number(r.total_row) === 1)!;
    return {
      properties: rows.filter((r) => Number(r.total_row) === 0).map((r) => ({ propertyId: r.id!, propertyName: r.name!, parentId: r.parent_id, ...counts(r) })),
      totals: counts(total),
    };
  }
}
