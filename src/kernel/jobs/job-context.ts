import type { FastifyBaseLogger } from 'fastify';
import type { TenantInfo } from '../context.js';
import type { Db } from '../db/tables.js';
import type { TenantDatabaseRouter } from '../db/router.js';
import type { TenantDirectory } from '../tenant-directory.js';
import type { JobContext, JobQueue } from './job.js';

/** What a job handler acts with: tenants found in the registry, their transactions where their placement says. */
export function jobContext(deps: { queue: JobQueue; directory: TenantDirectory; router: TenantDatabaseRouter; log: FastifyBaseLogger; now?: () => Date }): JobContext {
  const { directory, router } = deps;
  const tenant = async (tenantId: string): Promise<TenantInfo> => {
    const found = await directory.byIdOrSlug(tenantId);
    if (!found) throw new Error(`no tenant ${tenantId}`);
    return found;
  };
  return {
    queue: deps.queue,
    log: deps.log,
    now: deps.now ?? (() => new Date()),
    tenant,
    async tenantTransaction<T>(tenantId: string, fn: (db: Db) => Promise<T>): Promise<T> {
      return router.tenantTransaction(await tenant(tenantId), fn);
    },
  };
}
