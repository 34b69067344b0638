import type { TenantScope } from '../../kernel/context.js';
import { todayIn, type IsoDate } from '../../kernel/dates.js';
import { AppError } from '../../kernel/errors.js';
import { occupancyErrors } from './occupancy.errors.js';
import { violates } from '../../kernel/db/constraints.js';
import { emit } from '../../kernel/events/outbox.js';
import { OccupancyRepository, type LeaseTerm } from './occupancy.repository.js';
import { refreshUnits } from './occupancy.status.js';

/**
 * Makes a lease's renters the unit's renters for the lease's dates (on activation), in the
 * caller's transaction. A renter already renting the unit on any of those dates is refused.
 */
export async function addLeaseOccupancies(scope: TenantScope, lease: LeaseTerm, now: Date = new Date()): Promise<void> {
  const repo = new OccupancyRepository(scope.db);
  // In one order, so that two leases of the unit activating at once take the locks alike.
  for (const memberId of [...lease.renterIds].sort()) {
    await repo.lockStay(scope.tenant.id, lease.unitId, memberId, 'renter');
    let row;
    try {
      row = await repo.insertLeaseOccupancy(scope.tenant.id, lease, memberId);
    } catch (error) {
      if (violates(error, 'occupancies_no_overlap')) {
        throw new AppError(occupancyErrors.overlap, 'A renter of this lease already rents the unit on some of its dates', { errors: [{ field: 'renterIds', message: `member ${memberId} already rents this unit then` }] });
      }
      throw error;
    }
    await emit(scope, 'occupancy.created', row);
  }
  await refreshUnits(scope, [lease.unitId], todayIn(scope.tenant.timeZone, now));
}

/**
 * Ends the occupancies a lease made on `lastDay` (termination, or an end given to a periodic
 * lease): later ones are cut short, ones that would only have begun after it are removed.
 */
export async function endLeaseOccupancies(scope: TenantScope, leaseId: string, lastDay: IsoDate, now: Date = new Date()): Promise<void> {
  const { removed, ended } = await new OccupancyRepository(scope.db).endLeaseOccupancies(leaseId, lastDay);
  for (const row of removed) await emit(scope, 'occupancy.deleted', row);
  for (const row of ended) await emit(scope, 'occupancy.ended', row);
  const units = [...new Set([...removed, ...ended].map((r) => r.unitId))];
  if (units.length > 0) await refreshUnits(scope, units, todayIn(scope.tenant.timeZone, now));
}
