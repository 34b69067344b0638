import { defineModule } from '../../kernel/modules/manifest.js';

export const leasesModule = defineModule({
  key: 'leases',
  name: 'Leases',
  description: 'Who rents which unit, for how much and until when; renewals and the rent roll.',
  dependencies: ['core', 'members', 'properties', 'occupancy'],
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
  routes() {},
});
