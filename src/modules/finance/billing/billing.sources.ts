import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { leasesInForce, type RentTerms } from '../../leases/index.js';
import { ownersOn } from '../../occupancy/index.js';
import { levyUnits as unitsSharingLevy, unitsIn } from '../../properties/index.js';

/** A unit that shares a levy, with its owners on the period's first day. */
export interface LevyUnit {
  id: string;
  label: string;
  propertyName: string;
  /** numeric(12, 9) as an exact decimal string; null: no share recorded. */
  participationShare: string | null;
  ownerIds: string[];
  /** Parallel to ownerIds; exact decimal strings. */
  ownerShares: (string | null)[];
}

/** A lease in force at some time in the billed month, with its renters in their order. */
export interface RentLease extends RentTerms {
  unitLabel: string;
  propertyName: string;
}

// What billing reads of the properties, occupancy and leases modules, through their indexes.
// A run over an estate of 50,000 units asks each a constant number of questions, one query
// each, and joins the answers here by id.

/**
 * The property's units that are not archived (and, with `deep`, those of the properties inside
 * it), each with its participation share and the owners whose occupancy covers `onDate`.
 * Ordered by label then id: the order charges are planned and remainders are given in.
 */
export async function levyUnits(scope: TenantScope, propertyId: string, deep: boolean, onDate: IsoDate): Promise<LevyUnit[]> {
  const units = await unitsSharingLevy(scope.db, propertyId, deep);
  const owners = await ownersOn(scope.db, units.map((u) => u.id), onDate);
  return units.map((u) => {
    const o = owners.get(u.id);
    return { ...u, ownerIds: o?.memberIds ?? [], ownerShares: o?.shares ?? [] };
  });
}

/**
 * Leases in force on some day from `from` to `to` of the property's units (with `deep`, those
 * of the properties inside it), or of every unit; ordered by unit label, unit, start and id.
 */
export async function rentLeases(scope: TenantScope, propertyId: string | null, deep: boolean, from: IsoDate, to: IsoDate): Promise<RentLease[]> {
  const units = await unitsIn(scope.db, propertyId, deep);
  const leases = await leasesInForce(scope.db, from, to, propertyId === null ? undefined : [...units.keys()]);
  // The units come in label order (then id): a unit's place in it orders its leases.
  const place = new Map([...units.keys()].map((id, i) => [id, i]));
  return leases
    .flatMap((l) => {
      const unit = units.get(l.unitId);
      return unit ? [{ ...l, unitLabel: unit.label, propertyName: unit.propertyName }] : [];
    })
    .sort((a, b) => place.get(a.unitId)! - place.get(b.unitId)! || (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
