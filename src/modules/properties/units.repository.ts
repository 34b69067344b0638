import { sql, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import { containsPattern } from '../../kernel/db/like.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import { and, sharesOf, type PropertiesDb, type Scope } from './properties.repository.js';
import type { ListUnitsQuery, Unit, UnitDetail, VacancyReport } from './properties.schemas.js';
import type { PropertiesTables } from './properties.tables.js';
import type { UnitOccupancy } from './unit-occupancy.js';

type Units = PropertiesTables['units'];

// Decimals as exact canonical strings ("0.125", not "0.125000000").
const storedColumns = [
  'id',
  'propertyId',
  'label',
  'kind',
  'floor',
  sql<string | null>`trim_scale(area)::text`.as('area'),
  'bedrooms',
  sql<string | null>`trim_scale(participation_share)::text`.as('participationShare'),
  'amenities',
  'unavailable',
  'status',
  'archivedAt',
] as const;

/** The stored columns of a unit, as its writes need them; decimals as exact canonical strings. */
export type UnitRow = Pick<Selectable<Units>, 'id' | 'propertyId' | 'label' | 'kind' | 'floor' | 'area' | 'bedrooms' | 'participationShare' | 'amenities' | 'unavailable' | 'status' | 'archivedAt'>;
/** Columns a unit write sets; decimals as exact strings. */
export type UnitValues = Omit<Updateable<Units>, 'id' | 'propertyId' | 'occupancyStatus' | 'createdAt' | 'updatedAt'>;

/** A unit whose status changed when occupancy told it. */
export interface StatusChange {
  id: string;
  propertyId: string;
  status: Unit['status'];
  previous: Unit['status'];
}

// A unit as the API has it: the area and the per mille are numbers (exactly the decimal's
// nearest double), the share an exact decimal string.
const unitColumns = sql`
  u.id, u.property_id, u.label, u.kind, u.floor, u.area::float8 AS area, u.bedrooms,
  trim_scale(u.participation_share)::text AS participation_share, (u.participation_share * 1000)::float8 AS participation_per_mille,
  u.amenities, u.unavailable, u.status, u.notes, u.archived_at IS NOT NULL AS archived, u.archived_at, u.created_at, u.updated_at`;

const visibleUnits = (memberId: string) => sql`SELECT va.unit_id FROM unit_attachments va WHERE va.member_id = ${memberId}::uuid`;

/** Units SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class UnitsRepository {
  private readonly db: PropertiesDb;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async findUnit(id: string, scope: Scope): Promise<UnitDetail | undefined> {
    const where = [sql`u.id = ${id}::uuid`];
    if (scope) where.push(sql`u.id IN (${visibleUnits(scope.memberId)})`);
    const { rows } = await sql<UnitDetail>`
      SELECT ${unitColumns}, s.shares AS property_shares FROM units u ${sharesOf(sql`u.property_id`)} WHERE ${and(where)}`.execute(this.db);
    return rows[0];
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
    const { rows } = await sql<Unit>`
      SELECT ${unitColumns} FROM units u WHERE ${and(where)} ORDER BY u.label, u.id LIMIT ${query.limit + 1}`.execute(this.db);
    return rows;
  }

  async propertyOfUnit(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('units').select('propertyId').where('id', '=', id).executeTakeFirst();
    return row?.propertyId;
  }

  async lockUnit(id: string): Promise<UnitRow | undefined> {
    return this.db.selectFrom('units').select(storedColumns).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async insertUnit(tenantId: string, propertyId: string, values: UnitValues & Pick<UnitRow, 'label' | 'kind'>): Promise<string> {
    const id = newId();
    await this.db.insertInto('units').values({ ...values, tenantId, id, propertyId }).execute();
    return id;
  }

  async updateUnit(id: string, values: UnitValues): Promise<void> {
    await this.db.updateTable('units').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  /** Removes the unit; its property's id, or undefined when there is no such unit. */
  async deleteUnit(id: string): Promise<string | undefined> {
    const row = await this.db.deleteFrom('units').where('id', '=', id).returning('propertyId').executeTakeFirst();
    return row?.propertyId;
  }

  // -------------------------------------------------------------------------------------------
  // Occupancy

  /** Locks the units in id order, so that two callers take them alike. */
  async lockUnits(ids: string[]): Promise<void> {
    await this.db.selectFrom('units').select('id').where('id', '=', anyUuid(ids)).orderBy('id').forNoKeyUpdate().execute();
  }

  /** Sets the units' occupancy status; those whose status (unavailable overriding it) changed. */
  async recordOccupancyStatus(units: UnitOccupancy[]): Promise<StatusChange[]> {
    const { rows } = await sql<StatusChange>`
      UPDATE units u
         SET occupancy_status = v.status, updated_at = now()
        FROM unnest(${units.map((u) => u.unitId)}::uuid[], ${units.map((u) => u.status)}::text[]) AS v(id, status),
             units old
       WHERE u.id = v.id AND old.tenant_id = u.tenant_id AND old.id = u.id AND u.occupancy_status <> v.status
      RETURNING u.id, u.property_id, CASE WHEN u.unavailable THEN 'unavailable' ELSE v.status END AS status, old.status AS previous`.execute(this.db);
    return rows.filter((r) => r.status !== r.previous);
  }

  /** Makes the units' attached members exactly those given. */
  async replaceAttachments(tenantId: string, units: UnitOccupancy[]): Promise<void> {
    const ids = units.map((u) => u.unitId);
    const unitIds = units.flatMap((u) => u.memberIds.map(() => u.unitId));
    const memberIds = units.flatMap((u) => u.memberIds);
    await sql`
      DELETE FROM unit_attachments a
       WHERE a.unit_id = ANY(${ids}::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest(${unitIds}::uuid[], ${memberIds}::uuid[]) AS k(unit_id, member_id)
                          WHERE k.unit_id = a.unit_id AND k.member_id = a.member_id)`.execute(this.db);
    if (memberIds.length === 0) return;
    await sql`
      INSERT INTO unit_attachments (tenant_id, unit_id, member_id)
      SELECT ${tenantId}::uuid, k.unit_id, k.member_id FROM unnest(${unitIds}::uuid[], ${memberIds}::uuid[]) AS k(unit_id, member_id)
      ON CONFLICT DO NOTHING`.execute(this.db);
  }

  // -------------------------------------------------------------------------------------------
  // Import

  async unitsOf(propertyIds: string[], lock: boolean): Promise<UnitRow[]> {
    if (propertyIds.length === 0) return [];
    const q = this.db.selectFrom('units').select(storedColumns).where('propertyId', '=', sql<string>`ANY(${propertyIds}::uuid[])`);
    return (lock ? q.forUpdate() : q).execute();
  }

  // One JSON parameter per batch, as for properties; the rows' keys are camelCase.

  async insertUnits(tenantId: string, rows: Omit<UnitRow, 'archivedAt' | 'status' | 'unavailable'>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO units (tenant_id, id, property_id, label, kind, floor, area, bedrooms, participation_share, amenities)
      SELECT ${tenantId}::uuid, r.id, r."propertyId", r.label, r.kind, r.floor, r.area, r.bedrooms, r."participationShare", r.amenities
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, "propertyId" uuid, label text, kind text, floor integer, area numeric, bedrooms integer, "participationShare" numeric, amenities text[])`.execute(this.db);
  }

  async updateUnits(rows: Omit<UnitRow, 'archivedAt' | 'status' | 'unavailable' | 'propertyId' | 'label'>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE units u
         SET kind = r.kind, floor = r.floor, area = r.area, bedrooms = r.bedrooms,
             participation_share = r."participationShare", amenities = r.amenities, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(id uuid, kind text, floor integer, area numeric, bedrooms integer, "participationShare" numeric, amenities text[])
       WHERE u.id = r.id`.execute(this.db);
  }

  // -------------------------------------------------------------------------------------------
  // Reports

  /** Units by status per property and in all, in one pass: a grouping set adds the totals row. */
  async vacancy(): Promise<VacancyReport> {
    const { rows } = await sql<VacancyReport['properties'][number] & { totalRow: number }>`
      SELECT p.id AS property_id, p.name AS property_name, p.parent_id,
             count(u.id)::int AS units,
             count(u.id) FILTER (WHERE u.status = 'vacant')::int AS vacant,
             count(u.id) FILTER (WHERE u.status = 'occupied')::int AS occupied,
             count(u.id) FILTER (WHERE u.status = 'owner-occupied')::int AS owner_occupied,
             count(u.id) FILTER (WHERE u.status = 'unavailable')::int AS unavailable,
             round(count(u.id) FILTER (WHERE u.status = 'vacant')::numeric
                   / nullif(count(u.id) FILTER (WHERE u.status <> 'unavailable'), 0), 4)::float8 AS vacancy_rate,
             GROUPING(p.id) AS total_row
        FROM units u JOIN properties p ON p.id = u.property_id
       WHERE u.archived_at IS NULL AND p.archived_at IS NULL
       GROUP BY GROUPING SETS ((p.id, p.name, p.parent_id), ())
       ORDER BY GROUPING(p.id), p.name, p.id`.execute(this.db);
    const { propertyId: _id, propertyName: _name, parentId: _parent, totalRow: _total, ...totals } = rows.find((r) => r.totalRow === 1)!;
    return { properties: rows.filter((r) => r.totalRow === 0).map(({ totalRow: _, ...row }) => row), totals };
  }
}
