import { sql } from 'kysely';
import type { TenantScope } from '../../kernel/context.js';
import { isoDate, type IsoDate } from '../../kernel/dates.js';
import { AppError } from '../../kernel/errors.js';
import { occupancyErrors } from './occupancy.errors.js';
import { violates } from '../../kernel/db/constraints.js';
import { emit } from '../../kernel/events/outbox.js';
import { newId } from '../../kernel/ids.js';
import { refreshUnits } from './occupancy.status.js';

export interface LeaseTerm {
  leaseId: string;
  unitId: string;
  renterIds: string[];
  startDate: IsoDate;
  /** Inclusive; null for a periodic lease. */
  endDate: IsoDate | null;
}

interface OccupancyRow {
  id: string;
  unit_id: string;
  member_id: string;
  role: string;
  start_date: string;
  end_date: string | null;
  lease_id: string | null;
}

const eventOf = (r: OccupancyRow) => ({
  id: r.id,
  unitId: r.unit_id,
  memberId: r.member_id,
  role: r.role,
  startDate: r.start_date,
  endDate: r.end_date,
  leaseId: r.lease_id,
});

/**
 * Makes a lease's renters the unit's renters for the lease's dates (on activation), in the
 * caller's transaction. A renter already renting the unit on any of those dates is refused.
 */
export async function addLeaseOccupancies(scope: TenantScope, lease: LeaseTerm, now: Date = new Date()): Promise<void> {
  for (const memberId of lease.renterIds) {
    let row: OccupancyRow;
    try {
      row = (
        await sql<OccupancyRow>`
          INSERT INTO occupancies (tenant_id, id, unit_id, member_id, role, start_date, end_date, lease_id)
          VALUES (${scope.tenant.id}, ${newId()}, ${lease.unitId}, ${memberId}, 'renter', ${lease.startDate}, ${lease.endDate}, ${lease.leaseId})
          RETURNING id, unit_id, member_id, role, start_date, end_date, lease_id`.execute(scope.db)
      ).rows[0]!;
    } catch (error) {
      if (violates(error, 'occupancies_no_overlap')) {
        throw new AppError(occupancyErrors.overlap, 'A renter of this lease already rents the unit on some of its dates', { errors: [{ field: 'renterIds', message: `member ${memberId} already rents this unit then` }] });
      }
      throw error;
    }
    await emit(scope, 'occupancy.created', eventOf(row));
  }
  await refreshUnits(scope, [lease.unitId], isoDate(now));
}

/**
 * Ends the occupancies a lease made on `lastDay` (termination, or an end given to a periodic
 * lease): later ones are cut short, ones that would only have begun after it are removed.
 */
export async function endLeaseOccupancies(scope: TenantScope, leaseId: string, lastDay: IsoDate, now: Date = new Date()): Promise<void> {
  const removed = await sql<OccupancyRow>`
    DELETE FROM occupancies WHERE lease_id = ${leaseId} AND start_date > ${lastDay}::date
    RETURNING id, unit_id, member_id, role, start_date, end_date, lease_id`.execute(scope.db);
  const ended = await sql<OccupancyRow>`
    UPDATE occupancies SET end_date = ${lastDay}::date, updated_at = now()
     WHERE lease_id = ${leaseId} AND (end_date IS NULL OR end_date > ${lastDay}::date)
    RETURNING id, unit_id, member_id, role, start_date, end_date, lease_id`.execute(scope.db);
  for (const row of removed.rows) await emit(scope, 'occupancy.deleted', eventOf(row));
  for (const row of ended.rows) await emit(scope, 'occupancy.ended', eventOf(row));
  const units = [...new Set([...removed.rows, ...ended.rows].map((r) => r.unit_id))];
  if (units.length > 0) await refreshUnits(scope, units, isoDate(now));
}
