import type { Static } from 'typebox';
import type { UsageQuery, UsageReport } from './metering/usage.schemas.js';

/**
 * A tenant's account with the platform (its usage, its plan and invoices), as the data plane
 * shows it to the tenant's owner: the control plane implements it over its registry, and
 * neither side imports the other. Its calls use the registry's connection, not the tenant's:
 * a route calls them before its tenant transaction begins (a pre-handler), never inside it.
 */
export interface PlatformAccount {
  usage(tenantId: string, query: Static<typeof UsageQuery>): Promise<Static<typeof UsageReport>>;
}
