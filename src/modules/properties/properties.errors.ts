import { defineErrors } from '../../kernel/errors.js';

export const propertiesErrors = defineErrors('properties', {
  parent_archived: { status: 409, title: 'The parent property is archived' },
  property_archived: { status: 409, title: 'The property is archived' },
  has_dependents: { status: 409, title: 'The property still has sub-properties, units or history' },
  import_rejected: { status: 422, title: 'The import has rows with problems; nothing was imported', description: 'The import has rows with problems (the report lists them); nothing was imported' },
  unit_has_history: { status: 409, title: 'The unit has occupancy or lease history' },
});
