import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/dates.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import type { OccupancyTables } from './occupancy.tables.js';

/**
 * What other modules may read of occupancy, each in one query however many ids it is given.
 * They run in the caller's tenant transaction, under row-level security.
 */

/** A unit's owners on a day, in member id order, with their ownership shares. */
export interface UnitOwners {
  memberIds: string[];
  /** Parallel to memberIds; numeric(12, 9) as exact decimal strings, null where none is recorded. */
  shares: (string | null)[];
}

/** The owners of each unit among `unitIds` whose occupancy covers `onDate`; units without one are left out. */
export async function ownersOn(db: Db, unitIds: readonly string[], onDate: IsoDate): Promise<Map<string, UnitOwners>> {
  if (unitIds.length === 0) return new Map();
  const result = await sql<UnitOwners & { unitId: string }>`
    SELECT o.unit_id, array_agg(o.member_id::text ORDER BY o.member_id) AS member_ids, array_agg(o.ownership_share::text ORDER BY o.member_id) AS shares
      FROM occupancies o
     WHERE o.unit_id = ${anyUuid(unitIds)} AND o.role = 'owner'
       AND o.start_date <= ${onDate}::date AND (o.end_date IS NULL OR o.end_date >= ${onDate}::date)
     GROUP BY o.unit_id`.execute(tablesOf<OccupancyTables>(db));
  return new Map(result.rows.map(({ unitId, ...owners }) => [unitId, owners]));
}

/** The units `memberId` occupies on `onDate`, each with the role held there (a unit held in two roles comes twice). */
export async function occupiedBy(db: Db, memberId: string, onDate: IsoDate): Promise<{ unitId: string; role: string }[]> {
  return tablesOf<OccupancyTables>(db).selectFrom('occupancies').select(['unitId', 'role'])
    .where('memberId', '=', memberId).where('startDate', '<=', onDate)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>=', onDate)]))
    .execute();
}

/**
 * The members holding one of `roles` (any role when null) in one of `unitIds` (any unit when
 * null) on `onDate`: a communications segment's occupancy conditions.
 */
export async function occupantsOf(db: Db, where: { unitIds: readonly string[] | null; roles: readonly string[] | null }, onDate: IsoDate): Promise<string[]> {
  if (where.unitIds?.length === 0 || where.roles?.length === 0) return [];
  let q = tablesOf<OccupancyTables>(db).selectFrom('occupancies').select('memberId').distinct()
    .where('startDate', '<=', onDate)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>=', onDate)]));
  if (where.unitIds) q = q.where('unitId', '=', anyUuid(where.unitIds));
  if (where.roles) q = q.where('role', 'in', where.roles as OccupancyTables['occupancies']['role'][]);
  return (await q.execute()).map((r) => r.memberId);
}
