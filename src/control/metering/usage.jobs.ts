import type { Db } from '../../kernel/db/tables.js';
import type { EventSubscriber, JobDefinition } from '../../kernel/jobs/job.js';
import { platformRetentionJob } from '../../kernel/jobs/retention.js';
import { USAGE_RECORDED, USAGE_SNAPSHOT } from '../../kernel/metering/meters.js';
import { UsageRepository } from './usage.repository.js';
import type { UsageService } from './usage.service.js';

export const USAGE_INGEST = 'control.usage.ingest';
/** Receipts outlive any redelivery by far: a job's retries end within hours, a dead letter is replayed within weeks. */
const RECEIPT_DAYS = 90;

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
export const usageReceiptsPruneJob = (db: Db): JobDefinition =>
  platformRetentionJob({ name: 'control.usage.prune', cron: '47 2 * * *', days: RECEIPT_DAYS, prune: (cutoff, limit) => new UsageRepository(db).pruneReceipts(cutoff, limit) });
