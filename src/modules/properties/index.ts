import { defineModule } from '../../kernel/modules/manifest.js';

export const propertiesModule = defineModule({
  key: 'properties',
  name: 'Properties',
  description: 'The estate: properties (estates, blocks, buildings, land) and their units.',
  dependencies: ['core', 'members'],
  permissions: [
    { key: 'properties.read', description: 'See every property and unit' },
    { key: 'properties.write', description: 'Add, change, archive, remove and import properties and units' },
    { key: 'properties.read.own', description: 'See the units one is attached to, and their properties (portal)' },
  ],
  defaultGrants: {
    manager: ['properties.read', 'properties.write'],
    staff: ['properties.read', 'properties.write'],
    member: ['properties.read.own'],
  },
  migrations: new URL('./migrations/', import.meta.url),
  routes() {},
});

export { recordUnitOccupancy, type OccupancyStatus, type UnitOccupancy } from './unit-occupancy.js';
