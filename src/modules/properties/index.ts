import { defineModule } from '../../kernel/modules/manifest.js';
import { propertiesRoutes } from './properties.routes.js';
import { propertiesErrors } from './properties.errors.js';

export const propertiesModule = defineModule({
  key: 'properties',
  name: 'Properties',
  description: 'The estate: properties (estates, blocks, buildings, land) and their units.',
  dependencies: ['core', 'members'],
  includedIn: 'all',
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
  errors: propertiesErrors,
  events: [
    { type: 'property.created', version: 1, description: 'A property was added; data is the property.' },
    { type: 'property.updated', version: 1, description: 'A property changed (or was restored, with what came back with it: restoredWithIt {properties, units}); data is the property and the names of the changed fields.' },
    { type: 'property.archived', version: 1, description: 'A property was archived, with the properties and units under it (archivedWithIt {properties, units}, which emit no events of their own); data is the property.' },
    { type: 'property.deleted', version: 1, description: 'A property was removed; data is {id}.' },
    { type: 'unit.created', version: 1, description: 'A unit was added; data is the unit.' },
    { type: 'unit.updated', version: 1, description: 'A unit changed (or was restored); data is the unit and the names of the changed fields.' },
    { type: 'unit.archived', version: 1, description: 'A unit was archived; data is the unit.' },
    { type: 'unit.deleted', version: 1, description: 'A unit was removed; data is {id, propertyId}.' },
    { type: 'unit.status_changed', version: 1, description: 'A unit\'s derived status changed (occupancy, or marked unavailable or available again); data is {id, propertyId, status, previousStatus}.' },
    { type: 'properties.imported', version: 1, description: 'A CSV import was written (its properties and units emit no events of their own); data is {rows, created, updated, unchanged}, each {properties, units}.' },
  ],
  routes: propertiesRoutes,
});

export { lockUnits, recordUnitOccupancy, type OccupancyStatus, type UnitOccupancy } from './unit-occupancy.js';
export { existingProperties, existingUnits, levyUnits, propertyAncestry, propertyNames, unitLabels, unitsIn, unitsLabelled, unitsUnder, type LevyUnit, type UnitLabel } from './properties.reads.js';
