import type { FastifyRequest } from 'fastify';
import type { HttpApp } from '../../kernel/http/app.js';
import { UsageQuery, UsageReport } from '../../kernel/metering/usage.schemas.js';
import type { PlatformAccount } from '../../kernel/platform-account.js';
import { requestTenant } from '../pipeline.js';

const module = 'billing';
const tags = ['billing'];

/**
 * The tenant's own account with the platform, for its owner. Read in a pre-handler, after the
 * gates and before the tenant transaction: the registry's connection is not the tenant's to
 * hold (on the embedded database they are the same one).
 */
export function billingRoutes(app: HttpApp, account: PlatformAccount): void {
  const answers = new WeakMap<FastifyRequest, unknown>();

  app.get('/billing/usage', {
    config: { access: { module, permission: 'billing.read' } },
    schema: { operationId: 'billing.usage', tags, summary: "What the tenant has used, per meter, bucket by bucket (hour, day or month, in UTC): what the platform's invoices are priced from", querystring: UsageQuery, response: { 200: UsageReport } },
    preHandler: async (req) => {
      answers.set(req, await account.usage(requestTenant(req).id, req.query as typeof req.query & object));
    },
  }, (req) => answers.get(req) as ReturnType<PlatformAccount['usage']>);
}
