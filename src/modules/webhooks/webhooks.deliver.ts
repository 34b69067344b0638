import type { TenantInfo } from '../../kernel/context.js';
import { emit } from '../../kernel/events/outbox.js';
import type { JobContext, JobDefinition } from '../../kernel/jobs/job.js';
import { annotateSpan, TENANT_ID, withSpan } from '../../kernel/observability/tracing.js';
import { ENDPOINT_DISABLED_EVENT } from './webhooks.events.js';
import { WebhooksRepository, type DeliveryRow, type EndpointRow } from './webhooks.repository.js';
import { outcomeOf } from '../../kernel/webhooks/schedule.js';
import { isSealed, type EndpointSecrets } from './webhooks.secrets.js';
import type { AttemptResult, WebhookSender } from '../../kernel/webhooks/sender.js';
import { webhookHeaders, type SigningKeys } from '../../kernel/webhooks/signing.js';
import type { EndpointSlots } from './webhooks.slots.js';

export const DELIVER_JOB = 'webhooks.deliver';

/** One attempt of one delivery. `attempt` is 1-based: attempt n is made only after attempt n-1 is recorded. */
export interface AttemptRef {
  deliveryId: string;
  attempt: number;
}

/** Attempts of one tenant's deliveries, made together. */
export interface DeliverJobData {
  tenantId: string;
  deliveries: AttemptRef[];
}

/** A job queued before deliveries were batched names one delivery. */
type QueuedJobData = DeliverJobData | (AttemptRef & { tenantId: string });
const attemptsOf = (data: QueuedJobData): AttemptRef[] => ('deliveries' in data ? data.deliveries : [{ deliveryId: data.deliveryId, attempt: data.attempt }]);

/**
 * How long past its deadline (a slot's wait and the timeout) an attempt's claim holds: room for
 * a live worker to record what it sent, after which a crashed worker's deliveries are taken up
 * again. A claim covers a whole batch, so a long margin left a killed worker's 50 deliveries
 * waiting for minutes; the margin is kept just past the job's lease and the queue's retry delay.
 */
const CLAIM_MARGIN_MS = 10_000;
/** An attempt that found no slot of its endpoint in time goes back to the queue for this long. */
const DEFER_MS = 2_000;

// emit() needs the tenant's id only; a job knows no more of the tenant.
const tenantRef = (id: string) => ({ id }) as TenantInfo;

interface Attempt {
  number: number;
  delivery: DeliveryRow;
  endpoint: EndpointRow;
}

export interface DeliverDeps {
  sender: WebhookSender;
  slots: EndpointSlots;
  secrets: EndpointSecrets;
  random: () => number;
  /** Queues attempts of one tenant's deliveries, at once or at `startAfter`. */
  send(ctx: JobContext, tenantId: string, deliveries: AttemptRef[], startAfter?: Date): Promise<unknown>;
}

/**
 * `webhooks.deliver`: one attempt of each delivery the job names, sent concurrently (at most
 * the endpoint's slots at once), claimed in one transaction and recorded in another.
 *
 * Nothing here relies on the queue to deliver exactly once: an attempt is recorded once per
 * number; an attempt already made or being made (claimed) is not made again; a job that
 * finds an attempt made makes sure the next one is queued (a crash may have lost it).
 * Retries follow the webhook schedule, not the queue's: a failed attempt is recorded with its
 * next time and a new job is sent with `startAfter`. The handler throws only when it could not
 * record (the database failed); the queue's own retry then makes the same attempts again.
 */
export function deliverJob(deps: DeliverDeps): JobDefinition<DeliverJobData> {
  const { sender, slots, secrets, random } = deps;
  const deadlineMs = slots.waitMs + sender.timeoutMs;

  /** Claims the attempts that are due and free; answers them, and what to look at again later. */
  async function claim(ctx: JobContext, tenantId: string, wanted: AttemptRef[], now: Date) {
    return ctx.tenantTransaction(tenantId, async (db) => {
      const repo = new WebhooksRepository(db);
      const { deliveries, endpoints } = await repo.lockDeliveries(wanted.map((w) => w.deliveryId));
      const byId = new Map(deliveries.map((d) => [d.id, d]));
      const attempts: Attempt[] = [];
      const later: { ref: AttemptRef; at: Date }[] = [];
      const disabled: string[] = [];
      for (const w of wanted) {
        const delivery = byId.get(w.deliveryId);
        const endpoint = delivery && endpoints.get(delivery.endpointId);
        if (!delivery || !endpoint || delivery.status !== 'pending' || delivery.attemptCount < w.attempt - 1) continue;
        if (delivery.attemptCount >= w.attempt) {
          // Recorded, but the job for the next attempt may have been lost (a crash after commit).
          if (delivery.attemptCount === w.attempt && delivery.nextAttemptAt) later.push({ ref: { deliveryId: delivery.id, attempt: w.attempt + 1 }, at: delivery.nextAttemptAt });
        } else if (delivery.claimedUntil && delivery.claimedUntil.getTime() > now.getTime()) later.push({ ref: w, at: delivery.claimedUntil });
        else if (!endpoint.enabled) disabled.push(delivery.id);
        else attempts.push({ number: w.attempt, delivery, endpoint });
      }
      await repo.fail(disabled, 'not attempted: the endpoint is disabled', now);
      await repo.claim(attempts.map((a) => a.delivery.id), new Date(now.getTime() + deadlineMs + CLAIM_MARGIN_MS));
      // A secret written before sealing (see webhooks.secrets.ts) is sealed now that it is used.
      for (const endpoint of new Set(attempts.map((a) => a.endpoint))) {
        if (isSealed(endpoint.secret) && (endpoint.previousSecret === null || isSealed(endpoint.previousSecret))) continue;
        const seal = (stored: string) => (isSealed(stored) ? stored : secrets.seal(tenantId, endpoint.id, stored));
        await repo.sealSecrets(endpoint.id, seal(endpoint.secret), endpoint.previousSecret === null ? null : seal(endpoint.previousSecret));
      }
      return { attempts, later };
    });
  }

  /** The endpoint's signing keys, opened once per job however many of its deliveries the job has. */
  function keysOf(tenantId: string, endpoint: EndpointRow, opened: Map<EndpointRow, SigningKeys>): SigningKeys {
    let keys = opened.get(endpoint);
    if (!keys) {
      const open = (stored: string) => secrets.open(tenantId, endpoint.id, stored);
      keys = { secret: open(endpoint.secret), previousSecret: endpoint.previousSecret === null ? null : open(endpoint.previousSecret), previousSecretExpiresAt: endpoint.previousSecretExpiresAt };
      opened.set(endpoint, keys);
    }
    return keys;
  }

  /** Makes one attempt when its endpoint has a slot in time; null when it had none. */
  async function attempt(ctx: JobContext, tenantId: string, a: Attempt, keys: SigningKeys, now: Date): Promise<AttemptResult | null> {
    const { delivery, endpoint } = a;
    if (!(await slots.acquire(endpoint.id))) return null;
    try {
      const attributes = { [TENANT_ID]: tenantId, 'courtyard.webhook.endpoint_id': endpoint.id, 'courtyard.webhook.delivery_id': delivery.id, 'courtyard.webhook.attempt': a.number, 'courtyard.event.type': delivery.eventType };
      const result = await withSpan('webhook delivery', { attributes }, async () => {
        const r = await sender.send(endpoint, webhookHeaders(keys, delivery.eventId, now, delivery.payload), delivery.payload);
        annotateSpan({ 'http.response.status_code': r.statusCode ?? undefined, 'courtyard.webhook.error': r.error ?? undefined });
        return r;
      });
      if (result.error) ctx.log.info({ tenantId, deliveryId: delivery.id, attempt: a.number, url: endpoint.url, statusCode: result.statusCode, error: result.error }, 'webhook attempt failed');
      return result;
    } finally {
      slots.release(endpoint.id);
    }
  }

  /** Records the attempts made, gives back the claims of those not made; answers the follow-up attempts and when. */
  async function record(ctx: JobContext, tenantId: string, made: { a: Attempt; result: AttemptResult }[], notMade: Attempt[], now: Date) {
    return ctx.tenantTransaction(tenantId, async (db) => {
      const repo = new WebhooksRepository(db);
      await repo.releaseClaims(notMade.map((a) => a.delivery.id));
      const recorded = await repo.recordAttempts(tenantId, made.map(({ a, result }) => ({ deliveryId: a.delivery.id, number: a.number, at: now, result })));
      const fresh = made.filter(({ a }) => recorded.has(a.delivery.id));
      const succeeded = (r: AttemptResult) => r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
      const failingSince = new Map<string, Date | null>();
      for (const endpoint of new Set(fresh.map(({ a }) => a.endpoint))) {
        const results = fresh.filter(({ a }) => a.endpoint === endpoint).map(({ result }) => result);
        if (results.every(succeeded)) {
          await repo.markHealthy(endpoint.id);
          failingSince.set(endpoint.id, null);
        } else failingSince.set(endpoint.id, await repo.markFailing(endpoint.id, now, results.some(succeeded)));
      }
      const follow: { ref: AttemptRef; at: Date }[] = [];
      const disable = new Map<EndpointRow, 'gone' | 'failing'>();
      const updates = fresh.map(({ a, result }) => {
        const since = failingSince.get(a.endpoint.id) ?? null;
        const outcome = outcomeOf({ attempt: a.number, statusCode: result.statusCode, retryAfter: result.retryAfter, now, failingSince: since, random });
        if (outcome.kind === 'retry') follow.push({ ref: { deliveryId: a.delivery.id, attempt: a.number + 1 }, at: outcome.at });
        if (outcome.kind === 'disable_endpoint') disable.set(a.endpoint, outcome.reason);
        const status = outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'retry' ? 'pending' : 'failed';
        return { id: a.delivery.id, number: a.number, at: now, result, status, nextAttemptAt: outcome.kind === 'retry' ? outcome.at : null } as const;
      });
      await repo.afterAttempts(updates);
      for (const [endpoint, reason] of disable) {
        // Only the attempt that disabled it tells the tenant.
        if (!(await repo.disableEndpoint(endpoint.id, reason, now))) continue;
        await emit({ db, tenant: tenantRef(tenantId) }, ENDPOINT_DISABLED_EVENT, { endpointId: endpoint.id, url: endpoint.url, reason, failingSince: failingSince.get(endpoint.id)?.toISOString() ?? null });
        ctx.log.warn({ tenantId, endpointId: endpoint.id, reason }, 'webhook endpoint disabled');
      }
      return follow;
    });
  }

  return {
    name: DELIVER_JOB,
    // The queue retries a run that could not record (the database was unreachable) or whose
    // worker died: from 5 s, so that a killed worker's attempts are taken up soon after its
    // lease; 13 retries still cover more than 11 hours of outage.
    retry: { limit: 13, delaySeconds: 5 },
    // Attempts wait for a slot (bounded), take at most the sender's timeout, and two short
    // transactions frame them. A run past its lease is retried; the claims make the retry
    // wait for attempts that may still be under way.
    leaseSeconds: Math.ceil(deadlineMs / 1000) + 5,
    // Runs mostly wait on receivers; a slow endpoint holds at most its slots' worth of them.
    concurrency: 4 * slots.limit,
    async handler(job, ctx): Promise<void> {
      const { tenantId } = job.data;
      const now = ctx.now();
      const { attempts, later } = await claim(ctx, tenantId, attemptsOf(job.data), now);
      for (const { ref, at } of later) await deps.send(ctx, tenantId, [ref], at);
      if (attempts.length === 0) return;

      const opened = new Map<EndpointRow, SigningKeys>();
      const results = await Promise.all(attempts.map((a) => attempt(ctx, tenantId, a, keysOf(tenantId, a.endpoint, opened), now)));
      const made = attempts.flatMap((a, i) => (results[i] ? [{ a, result: results[i] }] : []));
      const notMade = attempts.filter((_, i) => !results[i]);
      let follow: { ref: AttemptRef; at: Date }[];
      try {
        follow = await record(ctx, tenantId, made, notMade, now);
      } catch (error) {
        // Let the queue's retry make these attempts again at once, rather than after the claims lapse.
        await ctx.tenantTransaction(tenantId, (db) => new WebhooksRepository(db).releaseClaims(attempts.map((a) => a.delivery.id))).catch(() => undefined);
        throw error;
      }
      if (notMade.length > 0) await deps.send(ctx, tenantId, notMade.map((a) => ({ deliveryId: a.delivery.id, attempt: a.number })), new Date(now.getTime() + DEFER_MS));
      for (const { ref, at } of follow) await deps.send(ctx, tenantId, [ref], at);
    },
  };
}
