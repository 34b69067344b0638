import type { Job, JobDefinition } from '../../kernel/jobs/job.js';
import { runDaily } from './leases.service.js';

/**
 * `leases.daily`, shortly after midnight in each tenant's zone: leases past their end date end,
 * and leases ending soon are announced. Safe to run twice, and on two workers at once.
 */
export const leasesDaily = {
  name: 'leases.daily',
  schedule: { cron: '20 0 * * *', perTenant: true, tenantLocal: true },
  retry: { limit: 5, delaySeconds: 300 },
  async handler(job: Job<{ tenantId: string }>, ctx) {
    const { tenantId } = job.data;
    const now = ctx.now();
    const tenant = await ctx.tenant(tenantId);
    const done = await ctx.tenantTransaction(tenantId, (db) => runDaily({ db, tenant }, now));
    ctx.log.info({ tenantId, ...done }, 'leases: daily run');
  },
} satisfies JobDefinition<{ tenantId: string }> as JobDefinition;
