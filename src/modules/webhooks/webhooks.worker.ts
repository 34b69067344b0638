import type { DomainEvent } from '../../kernel/events/event.js';
import type { EventSubscriber, JobContext, JobDefinition } from '../../kernel/jobs/job.js';
import { deliverJob, DELIVER_JOB, type AttemptRef, type DeliverJobData } from './webhooks.deliver.js';
import { matchesAny } from '../../kernel/webhooks/patterns.js';
import { DELIVERY_REQUESTED_EVENT, INTERNAL_EVENTS, payloadOf, TEST_EVENT } from './webhooks.events.js';
import { WebhooksRepository, type NewDelivery } from './webhooks.repository.js';
import type { EndpointSecrets } from './webhooks.secrets.js';
import { WebhookSender, type SenderOptions } from '../../kernel/webhooks/sender.js';
import { EndpointSlots } from './webhooks.slots.js';

export { DELIVER_JOB, type DeliverJobData } from './webhooks.deliver.js';
export const FAN_OUT_SUBSCRIBER = 'webhooks.fan-out';

export interface WorkerOptions extends SenderOptions {
  /** [0, 1), for the schedule's jitter; tests inject one. */
  random?: () => number;
  /** How long an attempt waits for a slot of its endpoint before it goes back to the queue (default 1 s). */
  slotWaitMs?: number;
}

/** Events per fan-out job (a relay pass's, up to this; a run takes up to ten jobs): a few statements per tenant among them, not per event. */
export const FAN_OUT_BATCH = 500;
/** Tenants of a batch fanned out at the same time (each in its own transaction). */
const FAN_OUT_TENANTS_AT_ONCE = 4;
/** Deliveries one `webhooks.deliver` job attempts. */
export const DELIVER_BATCH = 50;
/** A tenant's backlog is counted up to this many deliveries (the lowest priority is reached long before). */
const BACKLOG_CAP = 100_000;
/** The fan-out is a few statements per tenant: a killed worker's run is taken up again after this. */
const FAN_OUT_LEASE_SECONDS = 30;
const DEFAULT_SLOT_WAIT_MS = 1_000;

/**
 * The webhook worker: a subscriber that turns batches of domain events into one delivery per
 * enabled, matching endpoint, and the `webhooks.deliver` job that attempts them (webhooks.deliver.ts).
 *
 * Fairness between tenants: the relay hands over each tenant's oldest events first, and the
 * fan-out ranks a tenant's delivery jobs behind that tenant's own backlog (priority minus one
 * per batch already waiting), so a tenant with no backlog waits for at most one batch of
 * another's however many that one has queued.
 *
 * Jobs are sent after the transaction that justifies them commits (a queue on PGlite shares
 * the one connection a tenant transaction holds); a crash between the commit and the send is
 * repaired when the event is handed over again (its unattempted deliveries are queued again).
 */
export function webhookWorkers(options: WorkerOptions, secrets: EndpointSecrets): { deliver: JobDefinition<DeliverJobData>; fanOut: EventSubscriber & { batch: NonNullable<EventSubscriber['batch']> }; sender: WebhookSender } {
  const sender = new WebhookSender(options);
  const slots = new EndpointSlots(sender.endpointConcurrency, options.slotWaitMs ?? DEFAULT_SLOT_WAIT_MS);

  const send = (ctx: JobContext, tenantId: string, deliveries: AttemptRef[], startAfter?: Date, priority?: number) =>
    ctx.queue.send(DELIVER_JOB, { tenantId, deliveries } satisfies DeliverJobData, { tenantId, ...(startAfter ? { startAfter } : {}), ...(priority ? { priority } : {}) });

  /** One tenant's events of a batch: their deliveries in one insert, and jobs for those not yet attempted. */
  async function fanOutTenant(ctx: JobContext, tenantId: string, events: DomainEvent[]): Promise<void> {
    const now = ctx.now();
    const { waiting, backlog } = await ctx.tenantTransaction(tenantId, async (db) => {
      const repo = new WebhooksRepository(db);
      const endpoints = await repo.enabledEndpoints();
      const deliveries = events.flatMap((event): NewDelivery[] => {
        const matching = endpoints.filter((e) => matchesAny(e.events, event.type));
        const payload = matching.length > 0 ? payloadOf(event.type, event.occurredAt, event.data) : '';
        return matching.map((e) => ({ endpointId: e.id, eventId: event.id, eventType: event.type, payload }));
      });
      await repo.insertDeliveries(tenantId, deliveries, now);
      // Those inserted now, and those a previous run of this handler inserted but did not get to send.
      const waiting = await repo.unattemptedOf(events.map((e) => e.id));
      return { waiting, backlog: waiting.length > 0 ? await repo.unattemptedCount(BACKLOG_CAP) : 0 };
    });
    // The tenant's deliveries queued before these: each batch of them costs these jobs a place.
    const ahead = Math.max(0, backlog - waiting.length);
    for (let i = 0; i < waiting.length; i += DELIVER_BATCH) {
      const batch = waiting.slice(i, i + DELIVER_BATCH).map((d) => ({ deliveryId: d.id, attempt: 1 }));
      await send(ctx, tenantId, batch, undefined, -Math.floor((ahead + i) / DELIVER_BATCH));
    }
  }

  async function handleBatch(events: DomainEvent[], ctx: JobContext): Promise<void> {
    const byTenant = new Map<string, DomainEvent[]>();
    for (const event of events) {
      const tenantId = event.tenantId;
      // The control plane's events (tenant.*, invoice.*, subscription.*) never come here: the relay gives them to the plane's subscribers only.
      if (!tenantId || event.type === TEST_EVENT) continue;
      if (event.type === DELIVERY_REQUESTED_EVENT) {
        const deliveryId = (event.data as { deliveryId: string }).deliveryId;
        const delivery = await ctx.tenantTransaction(tenantId, (db) => new WebhooksRepository(db).findDelivery(deliveryId));
        if (delivery?.status === 'pending') await send(ctx, tenantId, [{ deliveryId, attempt: delivery.attemptCount + 1 }]);
        continue;
      }
      if (INTERNAL_EVENTS.has(event.type)) continue;
      const list = byTenant.get(tenantId) ?? [];
      if (list.length === 0) byTenant.set(tenantId, list);
      list.push(event);
    }
    // A few tenants at a time: a batch of many small tenants' events is as many short
    // transactions, and one after another they made a run long enough to hold up a shutdown.
    const tenants = [...byTenant];
    const lane = async () => {
      for (let next = tenants.shift(); next; next = tenants.shift()) await fanOutTenant(ctx, next[0], next[1]);
    };
    await Promise.all(Array.from({ length: Math.min(FAN_OUT_TENANTS_AT_ONCE, tenants.length) }, lane));
  }

  const fanOut = {
    name: FAN_OUT_SUBSCRIBER,
    events: ['*'],
    leaseSeconds: FAN_OUT_LEASE_SECONDS,
    handle: (event: DomainEvent, ctx: JobContext) => handleBatch([event], ctx),
    batch: { size: FAN_OUT_BATCH, handle: handleBatch },
  };

  const deliver = deliverJob({ sender, slots, secrets, random: options.random ?? Math.random, send: (ctx, tenantId, deliveries, startAfter) => send(ctx, tenantId, deliveries, startAfter) });
  return { deliver, fanOut, sender };
}
