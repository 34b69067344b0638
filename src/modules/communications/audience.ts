import type { TenantScope } from '../../kernel/context.js';
import type { IsoDate } from '../../kernel/dates.js';
import { membersInArrears } from '../finance/index.js';
import { rentersWithLeaseEndingBefore } from '../leases/index.js';
import { activeAddressees, type MemberAddressee } from '../members/index.js';
import { occupantsOf } from '../occupancy/index.js';
import { unitsIn } from '../properties/index.js';
import type { SegmentCriteria } from './communications.schemas.js';

/**
 * The active members a segment's criteria hold on `today`, in name order: every condition given
 * must hold, any value within one. Properties and units are one condition (a place: any unit of
 * the properties, or one of the units); roles narrow who counts there.
 */
export async function audienceOf(scope: TenantScope, criteria: SegmentCriteria, today: IsoDate): Promise<MemberAddressee[]> {
  let ids: Set<string> | null = criteria.memberIds ? new Set(criteria.memberIds) : null;
  const narrow = (found: readonly string[]) => {
    const found_ = new Set(found);
    ids = ids ? new Set([...ids].filter((id) => found_.has(id))) : found_;
  };
  if (criteria.propertyIds || criteria.unitIds || criteria.roles) {
    let units: Set<string> | null = null;
    if (criteria.propertyIds || criteria.unitIds) {
      units = new Set(criteria.unitIds);
      for (const propertyId of criteria.propertyIds ?? []) for (const unitId of (await unitsIn(scope.db, propertyId, true)).keys()) units.add(unitId);
    }
    narrow(await occupantsOf(scope.db, { unitIds: units && [...units], roles: criteria.roles ?? null }, today));
  }
  if (criteria.arrearsOver) narrow(await membersInArrears(scope, criteria.arrearsOver.currency, criteria.arrearsOver.amount, today));
  if (criteria.leaseEndingBefore) narrow(await rentersWithLeaseEndingBefore(scope.db, today, criteria.leaseEndingBefore));
  const chosen: Set<string> | null = ids;
  return activeAddressees(scope.db, { ids: chosen && [...chosen], types: criteria.memberTypes ?? null });
}
