import type { DomainEvent } from '../../kernel/events/event.js';
import type { EventSubscriber, JobContext } from '../../kernel/jobs/job.js';
import { TENANT_RESOURCE_REMOVED, type TenantResourceRemoved } from '../../kernel/modules/manifest.js';
import type { RolePermissionCache } from '../role-cache.js';
import { RolesRepository } from './roles.repository.js';

/**
 * A resource a module's tenant catalogue offered is gone (an archived custom object): every
 * custom role loses its permissions and hidden fields, and every process forgets the tenant's
 * roles. Idempotent: a retry finds nothing left to take.
 */
export function removedResourceSubscriber(roles: RolePermissionCache): EventSubscriber {
  return {
    name: 'core.roles.forget-resource',
    events: [TENANT_RESOURCE_REMOVED],
    async handle(event: DomainEvent, ctx: JobContext) {
      const { resource, permissions } = event.data as TenantResourceRemoved;
      const tenantId = event.tenantId;
      if (!tenantId) return;
      const changed = await ctx.tenantTransaction(tenantId, (db) => new RolesRepository(db).forgetResource(resource, permissions));
      if (changed.length > 0) {
        roles.changed(tenantId);
        ctx.log.info({ tenantId, resource, roles: changed }, 'custom roles lost a removed resource');
      }
    },
  };
}
