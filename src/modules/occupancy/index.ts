import { defineModule } from '../../kernel/modules/manifest.js';
import { refreshJob } from './occupancy.jobs.js';
import { occupancyRoutes } from './occupancy.routes.js';
import { occupancyErrors } from './occupancy.errors.js';

export const occupancyModule = defineModule({
  key: 'occupancy',
  name: 'Occupancy',
  description: 'Who owns, lives in and rents each unit, and when: history kept.',
  dependencies: ['core', 'members', 'properties'],
  includedIn: 'all',
  permissions: [
    { key: 'occupancy.read', description: 'See who owns, lives in and rents every unit' },
    { key: 'occupancy.write', description: 'Attach members to units, change and end their occupancy' },
    { key: 'occupancy.read.own', description: 'See the occupancies of the units one is attached to (portal)' },
  ],
  defaultGrants: {
    manager: ['occupancy.read', 'occupancy.write'],
    staff: ['occupancy.read', 'occupancy.write'],
    member: ['occupancy.read.own'],
  },
  migrations: new URL('./migrations/', import.meta.url),
  errors: occupancyErrors,
  // Every occupancy event carries {id, unitId, memberId, role, startDate, endDate, leaseId}.
  events: [
    { type: 'occupancy.created', version: 1, description: 'A member was attached to a unit in a role (by hand or by a lease); data is the occupancy.' },
    { type: 'occupancy.updated', version: 1, description: "An occupancy's start, share or notes changed, or its end moved later or was removed; data is the occupancy." },
    { type: 'occupancy.ended', version: 1, description: 'An occupancy was given an end date, or an earlier one (a move-out, a sale, a lease ending); data is the occupancy.' },
    { type: 'occupancy.deleted', version: 1, description: 'An occupancy recorded by mistake was removed (or a lease ended before it began); data is the occupancy as it was.' },
  ],
  jobs: [refreshJob],
  routes: occupancyRoutes,
});

export { addLeaseOccupancies, endLeaseOccupancies } from './occupancy.leases.js';
export type { LeaseTerm } from './occupancy.repository.js';
export { refreshUnits } from './occupancy.status.js';
export { occupantsOf, occupiedBy, ownersOn, type UnitOwners } from './occupancy.reads.js';
