import type { EventSubscriber, Job, JobContext, JobDefinition } from '../../../kernel/jobs/job.js';
import { loadModel, RECOMPUTE_REQUESTED } from '../definitions/index.js';
import { recomputeBatch } from './formulas.service.js';

/** Records per transaction when an object's formulas are computed again: no lock held for long. */
export const RECOMPUTE_BATCH = 500;

/** Computes an object's formulas and rollups again for all its records, a batch per transaction. Idempotent: a rerun computes the same values. */
async function recomputeObject(ctx: JobContext, tenantId: string, objectId: string): Promise<void> {
  const { timeZone } = await ctx.tenant(tenantId);
  const now = ctx.now();
  let after: string | null = null;
  do {
    const from: string | null = after;
    after = await ctx.tenantTransaction(tenantId, (db) => recomputeBatch({ db, tenantId, timeZone, now }, objectId, from, RECOMPUTE_BATCH));
  } while (after);
}

/** A formula or rollup added, or its expression changed: the object's existing records get their values. */
export const recomputeSubscriber: EventSubscriber = {
  name: 'objects.recompute-formulas',
  events: [RECOMPUTE_REQUESTED],
  leaseSeconds: 3600,
  async handle(event, ctx) {
    if (!event.tenantId) return;
    const { objectId } = event.data as { objectId: string };
    await recomputeObject(ctx, event.tenantId, objectId);
  },
};

export const VOLATILE_JOB = 'objects.recompute-volatile';

/**
 * Formulas that read today() or now() ("days left") go stale as days pass although nobody
 * writes: shortly after midnight in the tenant's zone, the objects holding one are computed
 * again in batches (the rollups reading them follow, as on any change).
 */
export const volatileJob = {
  name: VOLATILE_JOB,
  schedule: { cron: '5 0 * * *', perTenant: true, tenantLocal: true },
  retry: { limit: 3, delaySeconds: 300 },
  leaseSeconds: 3600,
  async handler(job: Job<{ tenantId: string }>, ctx) {
    const { tenantId } = job.data;
    const objects = await ctx.tenantTransaction(tenantId, async (db) => {
      const model = await loadModel(db, tenantId);
      return [...model.byId.values()].filter((o) => o.live.some((f) => f.config.volatile)).map((o) => o.definition.id);
    });
    for (const objectId of objects) await recomputeObject(ctx, tenantId, objectId);
  },
} satisfies JobDefinition<{ tenantId: string }> as JobDefinition;
