import type { TenantScope } from '../../kernel/context.js';
import type { IsoDate } from '../../kernel/dates.js';
import { lockUnits, recordUnitOccupancy } from '../properties/index.js';
import { OccupancyRepository } from './occupancy.repository.js';

/**
 * A unit's status follows from who is attached to it on `today` (`unitStatuses` says how). Its
 * attached members are those whose occupancy has not ended before `today` (current or coming).
 * Tells the properties module, in the caller's transaction. `unitIds` null: every unit that has
 * ever had an occupant (the daily refresh).
 */
export async function refreshUnits(scope: TenantScope, unitIds: string[] | null, today: IsoDate): Promise<void> {
  // Two changes to one unit racing would each derive its status from a snapshot without the
  // other's change, and the last to write would win (a move-in and a move-out at once leaving
  // the unit vacant). Locking the units first (the properties module takes them in id order, so
  // two refreshes take them alike) makes the second wait for the first to commit; the read
  // below then takes a snapshot that has it.
  const repo = new OccupancyRepository(scope.db);
  const ids = unitIds ?? (await repo.occupiedUnits());
  if (ids.length === 0) return;
  await lockUnits(scope, ids);
  await recordUnitOccupancy(scope, await repo.unitStatuses(ids, today));
}
