import { defineModule } from '../../kernel/modules/manifest.js';

export const occupancyModule = defineModule({
  key: 'occupancy',
  name: 'Occupancy',
  description: 'Who owns, lives in and rents each unit, and when: history kept.',
  dependencies: ['core', 'members', 'properties'],
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
  routes() {},
});

export { addLeaseOccupancies, endLeaseOccupancies, type LeaseTerm } from './occupancy.leases.js';
export { refreshUnits } from './occupancy.status.js';
