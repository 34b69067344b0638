import type { TenantContext } from '../context.js';
import { emit } from '../events/outbox.js';
import { USAGE_RECORDED, type CounterMeter, type UsageRecordedData } from './meters.js';

/**
 * Reports `quantity` of a counted meter to the platform, in the caller's tenant transaction:
 * counted if and only if what it counts commits, and once (the event's id is its key).
 */
export async function recordUsage(scope: Pick<TenantContext, 'db' | 'tenant'>, meter: CounterMeter, quantity = 1): Promise<void> {
  if (quantity <= 0) return;
  await emit(scope, USAGE_RECORDED, { meter, quantity } satisfies UsageRecordedData);
}
