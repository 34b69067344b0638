import { sql, type RawBuilder } from 'kysely';
import type { TenantContext } from '../context.js';
import type { KernelTables } from '../db/kernel.tables.js';
import { markOutboxWritten } from '../db/outbox-writes.js';
import { tablesOf } from '../db/tables.js';
import { newId } from '../ids.js';
import { currentTraceparent } from '../observability/tracing.js';
import type { DomainEvent } from './event.js';

const newEvent = <T extends object>(ctx: Pick<TenantContext, 'tenant'>, type: string, data: T, version: number): DomainEvent<T> => ({ id: newId(), type, tenantId: ctx.tenant.id, occurredAt: new Date().toISOString(), version, data });

/**
 * Records a domain event in the outbox, inside the caller's tenant transaction: it is
 * delivered if and only if the change it describes commits. The trace in scope goes with it,
 * so that the jobs it causes join the trace of the request that caused it.
 */
export async function emit<T extends object>(ctx: Pick<TenantContext, 'db' | 'tenant'>, type: string, data: T, version = 1): Promise<DomainEvent<T>> {
  const event = newEvent(ctx, type, data, version);
  await tablesOf<KernelTables>(ctx.db)
    .insertInto('outbox')
    .values({ tenantId: ctx.tenant.id, id: event.id, type, version, data: JSON.stringify(data), occurredAt: event.occurredAt, traceparent: currentTraceparent() })
    .execute();
  markOutboxWritten(ctx.db);
  return event;
}

/**
 * `emit` as SQL, for a write that must be a single statement (a module's insert whose lock
 * should be held as briefly as can be): the insert of the event, for a CTE of that statement,
 * recording it only when `when` holds (the module's own row was written). Answers the event too.
 */
export function emitting<T extends object>(ctx: Pick<TenantContext, 'db' | 'tenant'>, type: string, data: T, when: RawBuilder<unknown>): { event: DomainEvent<T>; insert: RawBuilder<unknown> } {
  const event = newEvent(ctx, type, data, 1);
  markOutboxWritten(ctx.db);
  const insert = sql`
    INSERT INTO outbox (tenant_id, id, type, version, data, occurred_at, traceparent)
    SELECT ${ctx.tenant.id}::uuid, ${event.id}::uuid, ${type}, 1, ${JSON.stringify(data)}::jsonb, ${event.occurredAt}::timestamptz, ${currentTraceparent()}
     WHERE ${when}`;
  return { event, insert };
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
