import type { TenantContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/tables.js';
import { emit } from '../../kernel/events/outbox.js';
import { TENANT_RESOURCE_REMOVED, type TenantCatalogue, type TenantResourceRemoved } from '../../kernel/modules/manifest.js';
import { scopedPermission } from '../../kernel/security/scoped-permissions.js';
import { DefinitionsRepository } from './definitions/definitions.repository.js';
import { resourceOf } from './records/records.values.js';

/**
 * The tenant's live objects in the role catalogue: `objects.<key>.read` and `.write` for each
 * object (held by whoever holds `objects.read` or `objects.write`), and each object's (and each
 * standard record's custom) fields for roles to hide under `objects.<key>`. Identity checks
 * custom roles against this, so a role names only what the tenant has now.
 */
export async function objectsCatalogue(db: Db): Promise<TenantCatalogue> {
  const repo = new DefinitionsRepository(db);
  const definitions = await repo.list(false);
  const fields = await repo.fieldsOf(definitions.map((d) => d.id));
  return {
    permissions: definitions
      .filter((d) => d.kind === 'object')
      .flatMap((d) => [
        { key: scopedPermission('objects.read', d.key), description: `See the records of ${d.plural} (and its definition)`, impliedBy: 'objects.read' },
        { key: scopedPermission('objects.write', d.key), description: `Add, change and remove records of ${d.plural}`, impliedBy: 'objects.write' },
      ]),
    restrictableFields: definitions.map((d) => ({
      resource: resourceOf(d.key),
      label: d.plural,
      fields: fields.filter((f) => f.objectId === d.id && !f.removedAt).map((f) => ({ key: f.key, description: f.label })),
    })),
  };
}

/** An object is archived: custom roles lose its permissions and hidden fields (identity's subscriber), so an object made later with its key starts ungranted. */
export async function objectRemovedFromCatalogue(ctx: TenantContext, key: string): Promise<void> {
  await emit<TenantResourceRemoved>(ctx, TENANT_RESOURCE_REMOVED, { module: 'objects', resource: resourceOf(key), permissions: [scopedPermission('objects.read', key), scopedPermission('objects.write', key)] });
}
