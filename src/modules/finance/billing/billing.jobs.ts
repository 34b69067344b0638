import type { DomainEvent } from '../../../kernel/events/event.js';
import type { EventSubscriber, Job, JobDefinition } from '../../../kernel/jobs/job.js';
import { executeRun, failRun, RUN_QUEUED, type BillingTuning } from './billing.service.js';
import { applyLateFees } from './late-fees.service.js';

export const BILLING_RUN_JOB = 'finance.billing-run';
export const LATE_FEES_JOB = 'finance.late-fees';

export interface BillingRunJobData {
  tenantId: string;
  runId: string;
}

const RUN_RETRY = { limit: 5, delaySeconds: 60 };

/**
 * `finance.billing-run`: carries out one billing run (see executeRun). Safe to run twice, at
 * once, or again after a crash: each charge is made once, and a re-run resumes at the first
 * item not yet charged. A run still going after its lease is taken to have died and is run
 * again; the batches of the two take turns. Out of retries, the run is marked failed.
 */
export function billingRunJob(tuning: BillingTuning = {}): JobDefinition {
  return {
    name: BILLING_RUN_JOB,
    retry: RUN_RETRY,
    // Batches commit as they go: a run that outlives this is resumed, not restarted.
    leaseSeconds: 30 * 60,
    async handler(job: Job<BillingRunJobData>, ctx) {
      const { tenantId, runId } = job.data;
      try {
        const run = await executeRun(ctx, tenantId, runId, tuning);
        if (run) ctx.log.info({ tenantId, runId, status: run.status, ...run.counts }, 'finance: billing run');
      } catch (error) {
        if (job.retryCount >= RUN_RETRY.limit) await failRun(ctx, tenantId, runId, error);
        throw error;
      }
    },
  } satisfies JobDefinition<BillingRunJobData> as JobDefinition;
}

/**
 * Turns `billing_run.queued` into the run's job once the request that queued it has committed
 * (requests have no queue, only the outbox). Sending twice is harmless: the job is idempotent.
 */
export const billingRunQueued: EventSubscriber = {
  name: 'finance.billing-run-queued',
  events: [RUN_QUEUED],
  leaseSeconds: 30,
  async handle(event: DomainEvent, ctx) {
    const runId = (event.data as { id?: unknown }).id;
    if (!event.tenantId || typeof runId !== 'string') {
      ctx.log.warn({ event: event.id }, 'billing_run.queued without a tenant or run id: ignored');
      return;
    }
    await ctx.queue.send(BILLING_RUN_JOB, { tenantId: event.tenantId, runId } satisfies BillingRunJobData, { tenantId: event.tenantId });
  },
};

/**
 * `finance.late-fees`, daily at 01:30 in each tenant's zone: fees on charges that became or stay
 * late (see applyLateFees). Safe to run twice, and on two workers at once.
 */
export const lateFeesJob = {
  name: LATE_FEES_JOB,
  schedule: { cron: '30 1 * * *', perTenant: true, tenantLocal: true },
  retry: { limit: 5, delaySeconds: 300 },
  async handler(job: Job<{ tenantId: string }>, ctx) {
    const { tenantId } = job.data;
    const done = await applyLateFees(ctx, tenantId, ctx.now());
    ctx.log.info({ tenantId, ...done }, 'finance: late fees');
  },
} satisfies JobDefinition<{ tenantId: string }> as JobDefinition;
