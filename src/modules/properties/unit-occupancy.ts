import type { TenantScope } from '../../kernel/context.js';
import { emit } from '../../kernel/events/outbox.js';
import { UnitsRepository } from './units.repository.js';

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
  await new UnitsRepository(scope.db).lockUnits(unitIds);
}

/**
 * Records what occupancy says of units, in the caller's transaction: their occupancy status
 * (the unit's status unless it is marked unavailable) and the members attached to them.
 * Emits `unit.status_changed` for each unit whose status changed.
 */
export async function recordUnitOccupancy(scope: TenantScope, units: UnitOccupancy[]): Promise<void> {
  if (units.length === 0) return;
  const repo = new UnitsRepository(scope.db);
  for (const row of await repo.recordOccupancyStatus(units)) {
    await emit(scope, 'unit.status_changed', { id: row.id, propertyId: row.propertyId, status: row.status, previousStatus: row.previous });
  }
  await repo.replaceAttachments(scope.tenant.id, units);
}
