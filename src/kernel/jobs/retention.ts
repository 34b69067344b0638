import type { Db } from '../db/tables.js';
import type { Job, JobDefinition } from './job.js';

const BATCH = 1_000;

/**
 * A daily per-tenant job that deletes a module's records older than `days`. Each batch is its
 * own short transaction, so the job never holds locks for long whatever the backlog, and a run
 * cut short just leaves the rest to the next batch or the next day.
 */
export function retentionJob(options: {
  name: string;
  cron: string;
  days: number;
  /** Deletes at most `limit` records created before `cutoff`; answers how many it deleted. */
  prune: (db: Db, cutoff: Date, limit: number) => Promise<number>;
}): JobDefinition<{ tenantId: string }> {
  return {
    name: options.name,
    schedule: { cron: options.cron, perTenant: true },
    retry: { limit: 3, delaySeconds: 600 },
    async handler(job: Job<{ tenantId: string }>, ctx) {
      const { tenantId } = job.data;
      const cutoff = new Date(ctx.now().getTime() - options.days * 86_400_000);
      let deleted = 0;
      for (;;) {
        const n = await ctx.tenantTransaction(tenantId, (db) => options.prune(db, cutoff, BATCH));
        deleted += n;
        if (n < BATCH) break;
      }
      if (deleted > 0) ctx.log.info({ tenantId, deleted, days: options.days }, `${options.name}: deleted old records`);
    },
  };
}
