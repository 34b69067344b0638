import type { Db } from '../../kernel/db/tables.js';
import type { EventSubscriber, JobDefinition } from '../../kernel/jobs/job.js';
import { USAGE_RECORDED, USAGE_SNAPSHOT } from '../../kernel/metering/meters.js';
import { UsageRepository } from './usage.repository.js';
import type { UsageService } from './usage.service.js';

export const USAGE_INGEST = 'control.usage.ingest';
/** Receipts outlive any redelivery by far: a job's retries end within hours, a dead letter is replayed within weeks. */
const RECEIPT_DAYS = 90;
const PRUNE_BATCH = 5_000;

/**
 * The control plane's side of metering: the data planes' usage events, from every outbox
 * (the shared database's and each dedicated one's), aggregated in batches of up to 1,000.
 */
export function usageIngestion(db: Db, usage: UsageService): EventSubscriber {
  const batch = async (events: Parameters<EventSubscriber['handle']>[0][], ctx: Parameters<EventSubscriber['handle']>[1]) => {
    await usage.ingest(db, events, ctx.log);
  };
  return {
    name: USAGE_INGEST,
    events: [USAGE_RECORDED, USAGE_SNAPSHOT],
    leaseSeconds: 120,
    // The batches of one pass touch the same buckets: taken one at a time they never wait on each other.
    concurrency: 1,
    handle: (event, ctx) => batch([event], ctx),
    batch: { size: 1_000, handle: batch },
  };
}

/** Drops the receipts of usage events older than any redelivery (daily). */
export function usageReceiptsPruneJob(db: Db): JobDefinition {
  return {
    name: 'control.usage.prune',
    schedule: { cron: '47 2 * * *', perTenant: false },
    retry: { limit: 3, delaySeconds: 600 },
    async handler(_job, ctx) {
      const cutoff = new Date(ctx.now().getTime() - RECEIPT_DAYS * 86_400_000);
      let deleted = 0;
      for (let n = PRUNE_BATCH; n === PRUNE_BATCH; deleted += n) n = await new UsageRepository(db).pruneReceipts(cutoff, PRUNE_BATCH);
      if (deleted > 0) ctx.log.info({ deleted }, 'usage receipts pruned');
    },
  };
}
