import { sql } from 'kysely';
import type { TenantContext } from '../context.js';
import type { KernelTables } from '../db/kernel.tables.js';
import { markOutboxWritten } from '../db/outbox-writes.js';
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
  markOutboxWritten(ctx.db);
  return event;
}

/**
 * Records one event of `type` per item of `data`, as `emit` does, in one statement whose text
 * is the same however many there are (a billing run's batch of `charge.posted`).
 */
export async function emitAll<T extends object>(ctx: Pick<TenantContext, 'db' | 'tenant'>, type: string, data: T[], version = 1): Promise<void> {
  if (data.length === 0) return;
  await sql`
    INSERT INTO outbox (tenant_id, id, type, version, data, occurred_at, traceparent)
    SELECT ${ctx.tenant.id}::uuid, e.id, ${type}, ${version}::int, e.data, ${new Date().toISOString()}::timestamptz, ${currentTraceparent()}
      FROM unnest(${data.map(() => newId())}::uuid[], ${data.map((d) => JSON.stringify(d))}::jsonb[]) AS e(id, data)`.execute(ctx.db);
  markOutboxWritten(ctx.db);
}
