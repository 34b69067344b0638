import { sql } from 'kysely';
import type { TenantScope } from '../../kernel/context.js';
import type { IsoDate } from '../../kernel/dates.js';
import { tablesOf } from '../../kernel/db/tables.js';
import { lockUnits, recordUnitOccupancy, type UnitOccupancy } from '../properties/index.js';
import type { OccupancyTables } from './occupancy.tables.js';

/**
 * A unit's status follows from who is attached to it on `today`: owner-occupied when an owner
 * also lives there as a resident, occupied when anyone else lives there (a resident, renter
 * or household member), vacant otherwise. Its attached members are those whose occupancy has
 * not ended before `today` (current or coming). Tells the properties module, in the caller's
 * transaction. `unitIds` null: every unit that has ever had an occupant (the daily refresh).
 */
export async function refreshUnits(scope: TenantScope, unitIds: string[] | null, today: IsoDate): Promise<void> {
  // Two changes to one unit racing would each derive its status from a snapshot without the
  // other's change, and the last to write would win (a move-in and a move-out at once leaving
  // the unit vacant). Locking the units first (the properties module takes them in id order, so
  // two refreshes take them alike) makes the second wait for the first to commit; the read
  // below then takes a snapshot that has it.
  const db = tablesOf<OccupancyTables>(scope.db);
  const ids = unitIds ?? (await db.selectFrom('occupancies').select('unitId').distinct().execute()).map((r) => r.unitId);
  if (ids.length === 0) return;
  await lockUnits(scope, ids);
  const rows = await sql<UnitOccupancy>`
    WITH target AS (
      SELECT unnest(${ids}::uuid[]) AS unit_id
    ), live AS (
      SELECT o.unit_id, o.member_id, o.role, o.start_date <= ${today}::date AS current
        FROM occupancies o JOIN target t ON t.unit_id = o.unit_id
       WHERE o.end_date IS NULL OR o.end_date >= ${today}::date
    )
    SELECT t.unit_id,
           CASE
             WHEN EXISTS (SELECT 1 FROM live r JOIN live w ON w.unit_id = r.unit_id AND w.member_id = r.member_id
                           WHERE r.unit_id = t.unit_id AND r.current AND r.role = 'resident' AND w.current AND w.role = 'owner')
               THEN 'owner-occupied'
             WHEN EXISTS (SELECT 1 FROM live l WHERE l.unit_id = t.unit_id AND l.current AND l.role IN ('resident', 'renter', 'household'))
               THEN 'occupied'
             ELSE 'vacant'
           END AS status,
           coalesce((SELECT array_agg(DISTINCT l.member_id) FROM live l WHERE l.unit_id = t.unit_id), '{}') AS member_ids
      FROM target t`.execute(db);
  await recordUnitOccupancy(scope, rows.rows);
}
