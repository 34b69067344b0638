import type { Job, JobDefinition } from '../../kernel/jobs/job.js';
import { defineModule } from '../../kernel/modules/manifest.js';
import { IdempotencyRepository } from './idempotency.repository.js';

export { IdempotencyKeyHeaders, IdempotentReplay, IDEMPOTENCY_KEY_HEADER, MAX_KEY_LENGTH, REPLAYED_HEADER, type IdempotencyStorage } from './idempotency.schemas.js';
export { fingerprintKey, IDEMPOTENCY_DEFAULTS, IdempotencyKeys, requestFingerprint, type Claim, type Claimed, type IdempotencyOptions, type StoredResponse } from './idempotency.service.js';

/**
 * The `idempotency` module: the tenant table behind `Idempotency-Key` (docs/idempotency.md).
 * Always licensed; no routes of its own: the data-plane pipeline uses it on every unsafe,
 * authenticated route.
 */
export const idempotencyModule = defineModule({
  key: 'idempotency',
  name: 'Idempotency keys',
  description: 'Stored responses that make retries of unsafe requests safe.',
  dependencies: [],
  alwaysLicensed: true,
  infrastructure: true,
  permissions: [],
  defaultGrants: {},
  migrations: new URL('./migrations/', import.meta.url),
  routes: () => undefined,
  jobs: [
    {
      name: 'idempotency.sweep',
      schedule: { cron: '17 * * * *', perTenant: true },
      retry: { limit: 3, delaySeconds: 60 },
      // Deletes a tenant's expired keys, in batches, so that the table holds about a day.
      async handler(job: Job<{ tenantId: string }>, ctx) {
        const { tenantId } = job.data;
        let deleted: number;
        do {
          deleted = await ctx.tenantTransaction(tenantId, (db) => new IdempotencyRepository(db).deleteExpired(tenantId, 1_000));
        } while (deleted === 1_000);
      },
    } satisfies JobDefinition<{ tenantId: string }> as JobDefinition,
  ],
});
