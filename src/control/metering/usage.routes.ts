import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../kernel/http/access.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { UsageQuery, UsageReport } from '../../kernel/metering/usage.schemas.js';
import type { ControlContext } from '../context.js';
import { TenantParams } from '../control.schemas.js';
import type { TenantsService } from '../tenants/tenants.service.js';
import type { UsageService } from './usage.service.js';

/** A tenant's metered usage, for the operators (`/control/v1/tenants/{tenant}/usage`). */
export function usageRoutes(app: HttpApp, deps: { usage: UsageService; tenants: TenantsService }, admin: RouteAccess, ctxOf: (req: FastifyRequest) => ControlContext): void {
  app.get('/tenants/:tenant/usage', {
    config: { access: admin },
    schema: { operationId: 'control.tenants.usage', tags: ['control'], summary: "A tenant's metered usage per meter, bucket by bucket (hour, day or month, in UTC)", params: TenantParams, querystring: UsageQuery, response: { 200: UsageReport } },
  }, async (req) => {
    const ctx = ctxOf(req);
    const tenant = await deps.tenants.get(ctx, req.params.tenant);
    return deps.usage.usage(ctx.db, tenant.id, req.query);
  });
}
