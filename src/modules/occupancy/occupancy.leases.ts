import { sql } from 'kysely';
import type { TenantScope } from '../../kernel/context.js';
import { isoDate, type IsoDate } from '../../kernel/dates.js';
import { AppError } from '../../kernel/errors.js';
import { occupancyErrors } from './occupancy.errors.js';
import { violates } from '../../kernel/db/constraints.js';
import { emit } from '../../kernel/events/outbox.js';
import { tablesOf } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { OccupancyTables } from './occupancy.tables.js';
import { refreshUnits } from './occupancy.status.js';

export interface LeaseTerm {
  leaseId: string;
  unitId: string;
  renterIds: string[];
  startDate: IsoDate;
  /** Inclusive; null for a periodic lease. */
  endDate: IsoDate | null;
}

// What an occupancy event carries of a lease's occupancy.
const eventFields = ['id', 'unitId', 'memberId', 'role', 'startDate', 'endDate', 'leaseId'] as const;

/**
 * Makes a lease's renters the unit's renters for the lease's dates (on activation), in the
 * caller's transaction. A renter already renting the unit on any of those dates is refused.
 */
export async function addLeaseOccupancies(scope: TenantScope, lease: LeaseTerm, now: Date = new Date()): Promise<void> {
  const db = tablesOf<OccupancyTables>(scope.db);
  for (const memberId of lease.renterIds) {
    let row;
    try {
      row = await db
        .insertInto('occupancies')
        .values({ tenantId: scope.tenant.id, id: newId(), unitId: lease.unitId, memberId, role: 'renter', startDate: lease.startDate, endDate: lease.endDate, leaseId: lease.leaseId })
        .returning(eventFields)
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (violates(error, 'occupancies_no_overlap')) {
        throw new AppError(occupancyErrors.overlap, 'A renter of this lease already rents the unit on some of its dates', { errors: [{ field: 'renterIds', message: `member ${memberId} already rents this unit then` }] });
      }
      throw error;
    }
    await emit(scope, 'occupancy.created', row);
  }
  await refreshUnits(scope, [lease.unitId], isoDate(now));
}

/**
 * Ends the occupancies a lease made on `lastDay` (termination, or an end given to a periodic
 * lease): later ones are cut short, ones that would only have begun after it are removed.
 */
export async function endLeaseOccupancies(scope: TenantScope, leaseId: string, lastDay: IsoDate, now: Date = new Date()): Promise<void> {
  const db = tablesOf<OccupancyTables>(scope.db);
  const removed = await db.deleteFrom('occupancies').where('leaseId', '=', leaseId).where('startDate', '>', lastDay).returning(eventFields).execute();
  const ended = await db
    .updateTable('occupancies')
    .set({ endDate: lastDay, updatedAt: sql`now()` })
    .where('leaseId', '=', leaseId)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', lastDay)]))
    .returning(eventFields)
    .execute();
  for (const row of removed) await emit(scope, 'occupancy.deleted', row);
  for (const row of ended) await emit(scope, 'occupancy.ended', row);
  const units = [...new Set([...removed, ...ended].map((r) => r.unitId))];
  if (units.length > 0) await refreshUnits(scope, units, isoDate(now));
}
