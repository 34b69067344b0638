import { todayIn } from '../../kernel/dates.js';
import type { Job, JobDefinition } from '../../kernel/jobs/job.js';
import { refreshUnits } from './occupancy.status.js';

export const REFRESH_JOB = 'occupancy.refresh';

/**
 * Statuses follow the calendar: a stay that begins or ends today changes its unit's status
 * although nobody wrote anything. Shortly after midnight in the tenant's zone, every unit that has ever had an
 * occupant is derived again for the new day; only the units whose status or attachments
 * changed are written (and emit `unit.status_changed`), so a run repeated is harmless.
 */
export const refreshJob = {
  name: REFRESH_JOB,
  schedule: { cron: '10 0 * * *', perTenant: true, tenantLocal: true },
  retry: { limit: 3, delaySeconds: 300 },
  async handler(job: Job<{ tenantId: string }>, ctx) {
    const { tenantId } = job.data;
    const tenant = await ctx.tenant(tenantId);
    const today = todayIn(tenant.timeZone, ctx.now());
    await ctx.tenantTransaction(tenantId, (db) => refreshUnits({ db, tenant }, null, today));
  },
} satisfies JobDefinition<{ tenantId: string }> as JobDefinition;
