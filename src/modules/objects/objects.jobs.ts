import type { EventSubscriber } from '../../kernel/jobs/job.js';
import { FIELD_PURGE_REQUESTED } from './definitions/definitions.service.js';
import { RecordsRepository } from './records/records.repository.js';

/** Records per transaction: a purge of 100,000 records holds no lock for long. */
export const PURGE_BATCH = 1000;

/**
 * Deletes a purged field's values (value rows, links, and its key in every record's data),
 * a batch per transaction until none is left. Idempotent: a retry deletes what is left.
 */
export const purgeSubscriber: EventSubscriber = {
  name: 'objects.purge-field',
  events: [FIELD_PURGE_REQUESTED],
  leaseSeconds: 3600,
  async handle(event, ctx) {
    const { objectId, fieldId } = event.data as { objectId: string; fieldId: string };
    if (!event.tenantId) return;
    for (;;) {
      const left = await ctx.tenantTransaction(event.tenantId, async (db) => {
        const repo = new RecordsRepository(db);
        await repo.purgeBatch(objectId, fieldId, PURGE_BATCH);
        return repo.purgeLeft(objectId, fieldId);
      });
      if (!left) return;
    }
  },
};
