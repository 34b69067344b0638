import { defineModule } from '../../kernel/modules/manifest.js';
import { leasesDaily } from './leases.jobs.js';
import { leasesRoutes } from './leases.routes.js';
import { leasesErrors } from './leases.errors.js';

export const leasesModule = defineModule({
  key: 'leases',
  name: 'Leases',
  description: 'Who rents which unit, for how much and until when; renewals and the rent roll.',
  dependencies: ['core', 'members', 'properties', 'occupancy'],
  includedIn: 'all',
  permissions: [
    { key: 'leases.read', description: 'See every lease and the rent roll' },
    { key: 'leases.write', description: 'Draft, change, activate, terminate and renew leases' },
    { key: 'leases.read.own', description: 'See the leases one rents under (portal)' },
  ],
  defaultGrants: {
    manager: ['leases.read', 'leases.write'],
    staff: ['leases.read', 'leases.write'],
    member: ['leases.read.own'],
  },
  migrations: new URL('./migrations/', import.meta.url),
  errors: leasesErrors,
  events: [
    { type: 'lease.created', version: 1, description: 'A lease was drafted (or a renewal drafted its successor); data is the lease.' },
    { type: 'lease.updated', version: 1, description: 'A lease changed (any field of a draft, the notes of another); data is the lease and the names of the changed fields.' },
    { type: 'lease.activated', version: 1, description: 'A lease took its unit and its renters moved in; data is the lease.' },
    { type: 'lease.terminated', version: 1, description: 'A lease was ended early: status ending (a future last day) or terminated (today or earlier, or a draft cancelled); data is the lease.' },
    { type: 'lease.renewed', version: 1, description: 'A lease was renewed; data is {id, successorId}, the successor being a draft.' },
    { type: 'lease.expiring', version: 1, description: 'A lease ends in 60 or 30 days (each notice once); data is {id, unitId, renterIds, endDate, daysBefore, daysLeft, successorId} (successorId: the renewal, if any).' },
    { type: 'lease.ended', version: 1, description: 'A lease reached its end date (or was activated after it); data is the lease.' },
  ],
  jobs: [leasesDaily],
  routes: leasesRoutes,
});
export { existingLeases, leaseStarts, leasesInForce, rentersWithLeaseEndingBefore, type RentTerms } from './leases.reads.js';
