import type { JobDefinition } from '../../kernel/jobs/job.js';
import { emit } from '../../kernel/events/outbox.js';
import { GAUGES, USAGE_SNAPSHOT, type UsageSnapshotData } from '../../kernel/metering/meters.js';
import { TalliesRepository } from '../../kernel/metering/tallies.repository.js';

export const USAGE_SNAPSHOT_JOB = 'metering.snapshot';

/**
 * Each tenant's levels (members, units, active users, stored bytes), reported to the platform
 * every day from the tallies: never by counting rows. A retried run reports the same levels
 * again, which the platform's "highest of the day" takes as they are.
 */
export const usageSnapshotJob: JobDefinition<{ tenantId: string }> = {
  name: USAGE_SNAPSHOT_JOB,
  schedule: { cron: '7 0 * * *', perTenant: true },
  retry: { limit: 5, delaySeconds: 60 },
  async handler(job, ctx) {
    const tenant = await ctx.tenant(job.data.tenantId);
    await ctx.tenantTransaction(tenant.id, async (db) => {
      const tallies = await new TalliesRepository(db).values();
      const values = Object.fromEntries(GAUGES.map((m) => [m, tallies[m] ?? 0]));
      await emit({ db, tenant }, USAGE_SNAPSHOT, { values } satisfies UsageSnapshotData);
    });
  },
};
