import type { Db } from '../db/tables.js';
import type { Job, JobDefinition } from './job.js';

const BATCH = 1_000;
const DAY_MS = 86_400_000;

interface RetentionOptions {
  name: string;
  cron: string;
  days: number;
}

/**
 * Deletes in batches until one comes back short. Each batch is its own short transaction, so a
 * prune never holds locks for long whatever the backlog, and a run cut short just leaves the rest
 * to the next batch or the next day.
 */
async function pruneInBatches(prune: (limit: number) => Promise<number>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await prune(BATCH);
    deleted += n;
    if (n < BATCH) return deleted;
  }
}

/** A daily per-tenant job that deletes a module's records older than `days`. */
export function retentionJob(options: RetentionOptions & {
  /** Deletes at most `limit` records created before `cutoff`; answers how many it deleted. */
  prune: (db: Db, cutoff: Date, limit: number) => Promise<number>;
}): JobDefinition<{ tenantId: string }> {
  return {
    name: options.name,
    schedule: { cron: options.cron, perTenant: true },
    retry: { limit: 3, delaySeconds: 600 },
    async handler(job: Job<{ tenantId: string }>, ctx) {
      const { tenantId } = job.data;
      const cutoff = new Date(ctx.now().getTime() - options.days * DAY_MS);
      const deleted = await pruneInBatches((limit) => ctx.tenantTransaction(tenantId, (db) => options.prune(db, cutoff, limit)));
      if (deleted > 0) ctx.log.info({ tenantId, deleted, days: options.days }, `${options.name}: deleted old records`);
    },
  };
}

/** The same, once for the whole platform: for the control plane's own records (its database is captured by `prune`). */
export function platformRetentionJob(options: RetentionOptions & {
  prune: (cutoff: Date, limit: number) => Promise<number>;
}): JobDefinition {
  return {
    name: options.name,
    schedule: { cron: options.cron, perTenant: false },
    retry: { limit: 3, delaySeconds: 600 },
    async handler(_job, ctx) {
      const cutoff = new Date(ctx.now().getTime() - options.days * DAY_MS);
      const deleted = await pruneInBatches((limit) => options.prune(cutoff, limit));
      if (deleted > 0) ctx.log.info({ deleted, days: options.days }, `${options.name}: deleted old records`);
    },
  };
}
