import { sql } from 'kysely';
import type { TenantScope } from '../../kernel/context.js';
import { emit } from '../../kernel/events/outbox.js';

export type OccupancyStatus = 'vacant' | 'occupied' | 'owner-occupied';

/** What the occupancy module tells of a unit: how it is lived in today, and who is attached to it. */
export interface UnitOccupancy {
  unitId: string;
  status: OccupancyStatus;
  /** Members attached now or from a future date: what their portal logins may see. */
  memberIds: string[];
}

/**
 * Locks the units (in id order, so that two callers take them alike) until the caller's
 * transaction ends: the occupancy module holds them while it derives their status, so that
 * two changes to one unit derive it one after the other.
 */
export async function lockUnits(scope: TenantScope, unitIds: string[]): Promise<void> {
  await sql`SELECT id FROM units WHERE id = ANY(${unitIds}::uuid[]) ORDER BY id FOR NO KEY UPDATE`.execute(scope.db);
}

/**
 * Records what occupancy says of units, in the caller's transaction: their occupancy status
 * (the unit's status unless it is marked unavailable) and the members attached to them.
 * Emits `unit.status_changed` for each unit whose status changed.
 */
export async function recordUnitOccupancy(scope: TenantScope, units: UnitOccupancy[]): Promise<void> {
  if (units.length === 0) return;
  const ids = units.map((u) => u.unitId);
  const changed = await sql<{ id: string; property_id: string; status: string; previous: string }>`
    UPDATE units u
       SET occupancy_status = v.status, updated_at = now()
      FROM unnest(${ids}::uuid[], ${units.map((u) => u.status)}::text[]) AS v(id, status),
           units old
     WHERE u.id = v.id AND old.tenant_id = u.tenant_id AND old.id = u.id AND u.occupancy_status <> v.status
    RETURNING u.id, u.property_id, CASE WHEN u.unavailable THEN 'unavailable' ELSE v.status END AS status, old.status AS previous`.execute(scope.db);
  for (const row of changed.rows) {
    if (row.status === row.previous) continue;
    await emit(scope, 'unit.status_changed', { id: row.id, propertyId: row.property_id, status: row.status, previousStatus: row.previous });
  }

  const unitIds = units.flatMap((u) => u.memberIds.map(() => u.unitId));
  const memberIds = units.flatMap((u) => u.memberIds);
  await sql`
    DELETE FROM unit_attachments a
     WHERE a.unit_id = ANY(${ids}::uuid[])
       AND NOT EXISTS (SELECT 1 FROM unnest(${unitIds}::uuid[], ${memberIds}::uuid[]) AS k(unit_id, member_id)
                        WHERE k.unit_id = a.unit_id AND k.member_id = a.member_id)`.execute(scope.db);
  if (memberIds.length > 0) {
    await sql`
      INSERT INTO unit_attachments (tenant_id, unit_id, member_id)
      SELECT ${scope.tenant.id}::uuid, k.unit_id, k.member_id FROM unnest(${unitIds}::uuid[], ${memberIds}::uuid[]) AS k(unit_id, member_id)
      ON CONFLICT DO NOTHING`.execute(scope.db);
  }
}
