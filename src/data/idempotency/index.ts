import { defineModule } from '../../kernel/modules/manifest.js';

export { IdempotencyKeyHeaders, IDEMPOTENCY_KEY_HEADER, MAX_KEY_LENGTH, REPLAYED_HEADER } from './idempotency.schemas.js';
export { IDEMPOTENCY_DEFAULTS, IdempotencyKeys, requestFingerprint, type Claim, type Claimed, type IdempotencyOptions, type StoredResponse } from './idempotency.service.js';

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
});
