import type { TenantInfo } from '../../kernel/context.js';
import type { DomainEvent } from '../../kernel/events/event.js';
import { emit } from '../../kernel/events/outbox.js';
import type { EventSubscriber, JobContext, JobDefinition } from '../../kernel/jobs/job.js';
import { annotateSpan, TENANT_ID, withSpan } from '../../kernel/observability/tracing.js';
import { DELIVERY_REQUESTED_EVENT, ENDPOINT_DISABLED_EVENT, INTERNAL_EVENTS, matchesAny, payloadOf, TEST_EVENT } from './webhooks.events.js';
import { WebhooksRepository, type DeliveryRow, type EndpointRow } from './webhooks.repository.js';
import { outcomeOf } from './webhooks.schedule.js';
import { WebhookSender, type SenderOptions } from './webhooks.sender.js';
import { isSealed, type EndpointSecrets } from './webhooks.secrets.js';
import { webhookHeaders } from './webhooks.signing.js';

export const DELIVER_JOB = 'webhooks.deliver';
export const FAN_OUT_SUBSCRIBER = 'webhooks.fan-out';
const PLATFORM_EVENT_PREFIX = 'tenant.';

/** One attempt of one delivery. `attempt` is 1-based: the job for attempt n runs only after attempt n-1 is recorded. */
export interface DeliverJobData {
  tenantId: string;
  deliveryId: string;
  attempt: number;
}

export interface WorkerOptions extends SenderOptions {
  /** [0, 1), for the schedule's jitter; tests inject one. */
  random?: () => number;
}

/** How long past its timeout an attempt's claim holds, so that a crashed worker's delivery is taken up again. */
const CLAIM_MARGIN_MS = 60_000;
/** The fan-out is a few statements: a killed worker's run is taken up again after this. */
const FAN_OUT_LEASE_SECONDS = 30;

// emit() needs the tenant's id only; a job knows no more of the tenant.
const tenantRef = (id: string) => ({ id }) as TenantInfo;

type Claim =
  | { kind: 'done' }
  /** The attempt is recorded, but the job for the next one may have been lost (a crash after commit): send it again. */
  | { kind: 'follow_up'; at: Date }
  /** Another worker is making this attempt: look again when its claim lapses. */
  | { kind: 'busy'; until: Date }
  | { kind: 'attempt'; delivery: DeliveryRow; endpoint: EndpointRow };

/**
 * The webhook worker: a subscriber that turns each domain event into one delivery per
 * enabled, matching endpoint, and the `webhooks.deliver` job that makes one attempt.
 *
 * Nothing here relies on the queue to deliver exactly once. A delivery row is unique per
 * (endpoint, event); an attempt is recorded once per number; a job for an attempt already
 * made or being made does nothing. Jobs are sent after the transaction that justifies them
 * commits (a queue on PGlite shares the one connection a tenant transaction holds), and a
 * crash between the commit and the send is repaired when the job that crashed runs again.
 *
 * Retries follow the webhook schedule, not the queue's: after a failed attempt the handler
 * records it, computes the next time (schedule, jitter, Retry-After) and sends a new job with
 * `startAfter`. A handler only throws when it could not record (the database failed); the
 * queue's own retry then runs the same attempt again.
 */
export function webhookWorkers(options: WorkerOptions, secrets: EndpointSecrets): { deliver: JobDefinition<DeliverJobData>; fanOut: EventSubscriber; sender: WebhookSender } {
  const sender = new WebhookSender(options);
  const random = options.random ?? Math.random;

  const sendAttempt = (ctx: JobContext, data: DeliverJobData, startAfter?: Date) =>
    ctx.queue.send(DELIVER_JOB, data, { tenantId: data.tenantId, ...(startAfter ? { startAfter } : {}) });

  const fanOut: EventSubscriber = {
    name: FAN_OUT_SUBSCRIBER,
    events: ['*'],
    leaseSeconds: FAN_OUT_LEASE_SECONDS,
    async handle(event: DomainEvent, ctx: JobContext): Promise<void> {
      const tenantId = event.tenantId;
      // Platform events (tenant.provisioned, tenant.archived, ...) are the control plane's, not the tenant's business.
      if (!tenantId || event.type === TEST_EVENT || event.type.startsWith(PLATFORM_EVENT_PREFIX)) return;
      if (event.type === DELIVERY_REQUESTED_EVENT) {
        const deliveryId = (event.data as { deliveryId: string }).deliveryId;
        const delivery = await ctx.tenantTransaction(tenantId, (db) => new WebhooksRepository(db).findDelivery(deliveryId));
        if (delivery?.status === 'pending') await sendAttempt(ctx, { tenantId, deliveryId, attempt: delivery.attemptCount + 1 });
        return;
      }
      if (INTERNAL_EVENTS.has(event.type)) return;
      const now = ctx.now();
      const waiting = await ctx.tenantTransaction(tenantId, async (db) => {
        const repo = new WebhooksRepository(db);
        const endpoints = (await repo.enabledEndpoints()).filter((e) => matchesAny(e.events, event.type));
        const payload = payloadOf(event.type, event.occurredAt, event.data);
        await repo.insertDeliveries(tenantId, endpoints.map((e) => ({ endpointId: e.id, eventId: event.id, eventType: event.type, payload })), now);
        // Those inserted now, and those a previous run of this handler inserted but did not get to send.
        return repo.unattemptedOf(event.id);
      });
      for (const d of waiting) await sendAttempt(ctx, { tenantId, deliveryId: d.id, attempt: 1 });
    },
  };

  const deliver: JobDefinition<DeliverJobData> = {
    name: DELIVER_JOB,
    // The queue retries a run that could not record (the database was unreachable) or whose
    // worker died: from 5 s, so that a killed worker's attempt is taken up soon after its lease;
    // 13 retries still cover more than 11 hours of outage.
    retry: { limit: 13, delaySeconds: 5 },
    // One attempt (at most the sender's timeout) and two short transactions. A run past its
    // lease is retried; if its attempt is still under way, the claim makes the retry wait.
    leaseSeconds: Math.ceil(sender.timeoutMs / 1000) + 15,
    async handler(job, ctx): Promise<void> {
      const { tenantId, deliveryId, attempt } = job.data;
      const now = ctx.now();

      const claim = await ctx.tenantTransaction<Claim>(tenantId, async (db) => {
        const repo = new WebhooksRepository(db);
        const found = await repo.lockDelivery(deliveryId);
        if (!found || found.delivery.status !== 'pending') return { kind: 'done' };
        const { delivery, endpoint } = found;
        if (delivery.attemptCount >= attempt) {
          return delivery.attemptCount === attempt && delivery.nextAttemptAt ? { kind: 'follow_up', at: delivery.nextAttemptAt } : { kind: 'done' };
        }
        if (delivery.attemptCount < attempt - 1) return { kind: 'done' };
        if (delivery.claimedUntil && delivery.claimedUntil.getTime() > now.getTime()) return { kind: 'busy', until: delivery.claimedUntil };
        if (!endpoint.enabled) {
          await repo.fail(deliveryId, 'not attempted: the endpoint is disabled', now);
          return { kind: 'done' };
        }
        await repo.claim(deliveryId, new Date(now.getTime() + sender.timeoutMs + CLAIM_MARGIN_MS));
        // A secret written before sealing (see webhooks.secrets.ts) is sealed now that it is used.
        if (!isSealed(endpoint.secret) || (endpoint.previousSecret !== null && !isSealed(endpoint.previousSecret))) {
          const seal = (stored: string) => (isSealed(stored) ? stored : secrets.seal(tenantId, endpoint.id, stored));
          await repo.sealSecrets(endpoint.id, seal(endpoint.secret), endpoint.previousSecret === null ? null : seal(endpoint.previousSecret));
        }
        return { kind: 'attempt', delivery, endpoint };
      });

      if (claim.kind === 'done') return;
      if (claim.kind === 'follow_up') return void (await sendAttempt(ctx, { tenantId, deliveryId, attempt: attempt + 1 }, claim.at));
      if (claim.kind === 'busy') return void (await sendAttempt(ctx, job.data, claim.until));

      const { delivery, endpoint } = claim;
      const open = (stored: string) => secrets.open(tenantId, endpoint.id, stored);
      const keys = { secret: open(endpoint.secret), previousSecret: endpoint.previousSecret === null ? null : open(endpoint.previousSecret), previousSecretExpiresAt: endpoint.previousSecretExpiresAt };
      const attributes = { [TENANT_ID]: tenantId, 'courtyard.webhook.endpoint_id': endpoint.id, 'courtyard.webhook.delivery_id': deliveryId, 'courtyard.webhook.attempt': attempt, 'courtyard.event.type': delivery.eventType };
      const result = await withSpan('webhook delivery', { attributes }, async () => {
        const r = await sender.send(endpoint.url, webhookHeaders(keys, delivery.eventId, now, delivery.payload), delivery.payload);
        annotateSpan({ 'http.response.status_code': r.statusCode ?? undefined, 'courtyard.webhook.error': r.error ?? undefined });
        return r;
      });
      if (result.error) ctx.log.info({ tenantId, deliveryId, attempt, url: endpoint.url, statusCode: result.statusCode, error: result.error }, 'webhook attempt failed');

      let next: Date | null;
      try {
        next = await ctx.tenantTransaction(tenantId, async (db) => {
          const repo = new WebhooksRepository(db);
          if (!(await repo.recordAttempt(tenantId, deliveryId, attempt, now, result))) return null;
          const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
          const failingSince = succeeded ? null : await repo.markFailing(endpoint.id, now);
          if (succeeded) await repo.markHealthy(endpoint.id);
          const outcome = outcomeOf({ attempt, statusCode: result.statusCode, retryAfter: result.retryAfter, now, failingSince, random });
          const record = (status: DeliveryRow['status'], nextAttemptAt: Date | null) => repo.afterAttempt(deliveryId, { number: attempt, at: now, result, status, nextAttemptAt });
          switch (outcome.kind) {
            case 'succeeded':
              await record('succeeded', null);
              return null;
            case 'retry':
              await record('pending', outcome.at);
              return outcome.at;
            case 'give_up':
              await record('failed', null);
              return null;
            case 'disable_endpoint': {
              await record('failed', null);
              const disabled = await repo.disableEndpoint(endpoint.id, outcome.reason, now);
              // Only the attempt that disabled it tells the tenant.
              if (disabled) {
                await emit({ db, tenant: tenantRef(tenantId) }, ENDPOINT_DISABLED_EVENT, { endpointId: endpoint.id, url: endpoint.url, reason: outcome.reason, failingSince: failingSince?.toISOString() ?? null });
                ctx.log.warn({ tenantId, endpointId: endpoint.id, reason: outcome.reason }, 'webhook endpoint disabled');
              }
              return null;
            }
          }
        });
      } catch (error) {
        // Let the queue's retry make this attempt again at once, rather than after the claim lapses.
        await ctx.tenantTransaction(tenantId, (db) => new WebhooksRepository(db).releaseClaim(deliveryId)).catch(() => undefined);
        throw error;
      }
      if (next) await sendAttempt(ctx, { tenantId, deliveryId, attempt: attempt + 1 }, next);
    },
  };

  return { deliver, fanOut, sender };
}
