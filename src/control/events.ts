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
  { type: 'subscription.created', version: 1, description: "A tenant's subscription began (on trial when its plan has one); data is the subscription." },
  { type: 'subscription.changed', version: 1, description: 'A subscription moved to another plan (prorated at the period\'s invoice); data is the subscription and `previousPlan`.' },
  { type: 'subscription.updated', version: 1, description: "A subscription's billing details or cancellation changed." },
  { type: 'subscription.trial_ended', version: 1, description: 'A trial ended and the first paid period began.' },
  { type: 'subscription.renewed', version: 1, description: 'A period ended (its invoice issued) and the next began, on the plan\'s price as it stands.' },
  { type: 'subscription.canceled', version: 1, description: 'A subscription canceled at its period\'s end ended.' },
  { type: 'subscription.reminded', version: 1, description: 'An overdue invoice\'s tenant was reminded.' },
  { type: 'subscription.past_due', version: 1, description: 'A tenant is past due: its licence keeps working, in grace.' },
  { type: 'subscription.read_only', version: 1, description: "A tenant that has not paid became read-only: its licence carries `readOnly`, and changes answer 402." },
  { type: 'subscription.suspended', version: 1, description: 'A tenant that has not paid was suspended.' },
  { type: 'subscription.restored', version: 1, description: 'A tenant paid (or was credited) what was overdue and is back in good standing.' },
  { type: 'invoice.issued', version: 1, description: 'A period\'s invoice was issued; data is the invoice (number, total, due date).' },
  { type: 'invoice.paid', version: 1, description: 'An invoice was paid, by card or bank transfer.' },
  { type: 'invoice.voided', version: 1, description: 'An invoice was credited in full and is void.' },
  { type: 'invoice.reminder', version: 1, description: 'An overdue invoice is due a reminder (the e-mail is sent from it).' },
  { type: 'credit_note.issued', version: 1, description: 'A credit note corrected an invoice.' },
];

/** Records a platform event in the control outbox, inside the caller's control transaction. */
export async function emitControl(db: Db, type: string, tenantId: string | null, data: object): Promise<void> {
  await new ControlOutboxRepository(db).insert({ id: newId(), tenantId, type, version: 1, data, occurredAt: new Date().toISOString(), traceparent: currentTraceparent() });
}
