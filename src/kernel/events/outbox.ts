import type { TenantContext } from '../context.js';
import type { KernelTables } from '../db/kernel.tables.js';
import { tablesOf } from '../db/tables.js';
import { newId } from '../ids.js';
import { currentTraceparent } from '../observability/tracing.js';
import type { DomainEvent } from './event.js';

/**
 * Records a domain event in the outbox, inside the caller's tenant transaction: it is
 * delivered if and only if the change it describes commits. The trace in scope goes with it,
 * so that the jobs it causes join the trace of the request that caused it.
 */
export async function emit<T extends object>(ctx: Pick<TenantContext, 'db' | 'tenant'>, type: string, data: T, version = 1): Promise<DomainEvent<T>> {
  const event: DomainEvent<T> = { id: newId(), type, tenantId: ctx.tenant.id, occurredAt: new Date().toISOString(), version, data };
  await tablesOf<KernelTables>(ctx.db)
    .insertInto('outbox')
    .values({ tenantId: ctx.tenant.id, id: event.id, type, version, data: JSON.stringify(data), occurredAt: event.occurredAt, traceparent: currentTraceparent() })
    .execute();
  return event;
}
