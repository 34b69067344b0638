import { defineModule, TENANT_RESOURCE_REMOVED, type ModuleManifest } from '../../kernel/modules/manifest.js';
import { automationDatesJob, automationPruneJob, automationSubscriber } from './automations/automations.jobs.js';
import type { AutomationDeps } from './automations/automations.runner.js';
import { FIELD_PURGE_REQUESTED, RECOMPUTE_REQUESTED } from './definitions/definitions.service.js';
import { recomputeSubscriber, volatileJob } from './computed/formulas.jobs.js';
import { objectsCatalogue } from './objects.catalogue.js';
import { purgeSubscriber } from './objects.jobs.js';
import { objectsErrors } from './objects.errors.js';
import { objectsRoutes } from './objects.routes.js';

/** The `objects` module: records whose fields the tenant defines (see README.md); `mail` sends automations' messages. */
export const objectsModule = (deps: AutomationDeps): ModuleManifest => defineModule({
  key: 'objects',
  name: 'Custom objects',
  description: 'Records the tenant defines itself (permits, keys, certificates...), with typed fields, rules enforced by the database, relations and an API.',
  dependencies: ['core', 'members', 'properties', 'leases', 'documents'],
  includedIn: ['standard', 'enterprise'],
  permissions: [
    { key: 'objects.read', description: 'See custom objects\' definitions and records, and standard records\' custom fields' },
    { key: 'objects.write', description: 'Add, change and remove records of custom objects, and set standard records\' custom fields' },
    { key: 'objects.manage', description: 'Define objects and their fields and rules (the data model)' },
  ],
  tenantCatalogue: objectsCatalogue,
  defaultGrants: { manager: ['objects.read', 'objects.write', 'objects.manage'], staff: ['objects.read', 'objects.write'] },
  errors: objectsErrors,
  migrations: new URL('./migrations/', import.meta.url),
  events: [
    { type: 'object.{key}.created', version: 1, description: 'A record of the custom object `{key}` was added (a family: one type per object; subscribe `object.*` or `object.<key>.*`); data is the record, values by field key, and `object`.' },
    { type: 'object.{key}.updated', version: 1, description: 'A record of the custom object `{key}` (or a standard record\'s custom fields, `{key}` being member, unit, property or lease) changed; data is the record, `object` and the keys of the `changed` fields.' },
    { type: 'object.{key}.deleted', version: 1, description: 'A record of the custom object `{key}` was removed; data is {object, id}.' },
    { type: 'object.{key}.automation', version: 1, description: 'An automation of the custom object `{key}` emitted an event (its `emit_webhook` action); data is {object, event (the name the automation gives), automation {id, name}, cause (what fired it), record}.' },
    { type: TENANT_RESOURCE_REMOVED, version: 1, description: 'An object was archived: custom roles lose its per-object permissions and hidden fields; data is {module, resource, permissions}.' },
    { type: FIELD_PURGE_REQUESTED, version: 1, description: 'A removed field was purged: its values are being deleted; data is {objectId, fieldId, key}.' },
    { type: RECOMPUTE_REQUESTED, version: 1, description: 'A formula or rollup field was added or its expression changed: the object\'s records are being computed again; data is {objectId, fieldId}.' },
  ],
  subscribers: [purgeSubscriber, recomputeSubscriber, automationSubscriber(deps)],
  jobs: [volatileJob, automationDatesJob(deps), automationPruneJob],
  routes: objectsRoutes,
});
