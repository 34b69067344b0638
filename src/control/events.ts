import type { Db } from '../kernel/db/tables.js';
import type { EventDefinition } from '../kernel/events/event.js';
import { newId } from '../kernel/ids.js';
import { currentTraceparent } from '../kernel/observability/tracing.js';
import { ControlOutboxRepository } from './outbox.repository.js';

export const controlEvents: EventDefinition[] = [
  { type: 'tenant.provisioned', version: 1, description: 'A tenant finished provisioning and is active.' },
  { type: 'tenant.suspended', version: 1, description: 'A tenant was suspended: its data plane refuses requests.' },
  { type: 'tenant.resumed', version: 1, description: 'A suspended tenant was resumed.' },
  { type: 'tenant.archived', version: 1, description: 'A tenant was archived for good.' },
];

/** Records a platform event in the control outbox, inside the caller's control transaction. */
export async function emitControl(db: Db, type: string, tenantId: string | null, data: object): Promise<void> {
  await new ControlOutboxRepository(db).insert({ id: newId(), tenantId, type, version: 1, data, occurredAt: new Date().toISOString(), traceparent: currentTraceparent() });
}
