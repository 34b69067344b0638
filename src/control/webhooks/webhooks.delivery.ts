import type { Db } from '../../kernel/db/tables.js';
import type { DomainEvent } from '../../kernel/events/event.js';
import { newId } from '../../kernel/ids.js';
import type { EventSubscriber, JobContext, JobDefinition } from '../../kernel/jobs/job.js';
import { platformRetentionJob } from '../../kernel/jobs/retention.js';
import { matchesAny } from '../../kernel/webhooks/patterns.js';
import { outcomeOf } from '../../kernel/webhooks/schedule.js';
import type { AttemptResult, WebhookSender } from '../../kernel/webhooks/sender.js';
import { webhookHeaders } from '../../kernel/webhooks/signing.js';
import { appendAudit } from '../audit.js';
import { OperatorWebhooksRepository, type DeliveryRow, type EndpointRow } from './webhooks.repository.js';
import type { OperatorWebhookSecrets } from './webhooks.secrets.js';

export const OPERATOR_FAN_OUT = 'control.webhooks.fan-out';
export const OPERATOR_DELIVER_JOB = 'control.webhooks.deliver';
export const OPERATOR_PRUNE_JOB = 'control.webhooks.prune';

/** Attempt `attempt` (1-based) of one delivery: made only after attempt `attempt - 1` is recorded. */
export interface DeliverJobData {
  deliveryId: string;
  attempt: number;
}

/** Past the sender's deadline, how long an attempt's claim holds: room to record it, after which a crashed worker's delivery is taken up again. */
const CLAIM_MARGIN_MS = 15_000;

/** The body delivered: built once per (endpoint, event), signed and sent as is on every attempt. */
export const bodyOf = (event: Pick<DomainEvent, 'id' | 'type' | 'version' | 'occurredAt' | 'tenantId' | 'data'>): string =>
  JSON.stringify({ id: event.id, type: event.type, version: event.version, occurredAt: event.occurredAt, tenantId: event.tenantId, data: event.data });

export interface DeliveryDeps {
  db: Db;
  sender: WebhookSender;
  secrets: OperatorWebhookSecrets;
  /** The control plane's event types: the only ones delivered (a tenant's events reach subscribers too). */
  eventTypes: readonly string[];
  retentionDays: number;
  /** [0, 1), for the schedule's jitter. */
  random?: () => number;
}

export const sendAttempt = (ctx: Pick<JobContext, 'queue'>, ref: DeliverJobData, startAfter?: Date) =>
  ctx.queue.send(OPERATOR_DELIVER_JOB, ref, startAfter ? { startAfter } : {});

/**
 * `control.webhooks.fan-out`: each control event becomes one delivery per enabled endpoint
 * whose patterns match it, unique per (endpoint, event), and a job for each delivery not yet
 * attempted. An event handed over again (at least once) finds its deliveries there: nothing
 * new is recorded, and only a delivery whose first attempt was never made is queued again.
 */
export function fanOutSubscriber(deps: DeliveryDeps): EventSubscriber {
  const types = new Set(deps.eventTypes);
  return {
    name: OPERATOR_FAN_OUT,
    events: [...types],
    leaseSeconds: 60,
    async handle(event, ctx) {
      if (!types.has(event.type)) return;
      const now = ctx.now();
      const waiting = await deps.db.transaction().execute(async (trx) => {
        const repo = new OperatorWebhooksRepository(trx);
        const matching = (await repo.enabledEndpoints()).filter((e) => matchesAny(e.events, event.type));
        const payload = bodyOf(event);
        await repo.insertDeliveries(matching.map((e) => ({ id: newId(), endpointId: e.id, eventId: event.id, eventType: event.type, payload })), now);
        return repo.unattemptedOf(event.id);
      });
      // After the commit: on the embedded database the queue shares the transaction's one connection.
      for (const d of waiting) await sendAttempt(ctx, { deliveryId: d.id, attempt: 1 });
    },
  };
}

type Claim = { kind: 'attempt'; delivery: DeliveryRow; endpoint: EndpointRow } | { kind: 'later'; ref: DeliverJobData; at: Date } | { kind: 'none' };

/**
 * `control.webhooks.deliver`: one attempt of one delivery, claimed in one transaction and
 * recorded in another. An attempt is recorded once per number, and an attempt made or being
 * made (claimed) is not made again, so a job run twice sends nothing twice. Retries follow
 * the webhook schedule (kernel/webhooks/schedule.ts): a failed attempt queues the next with
 * `startAfter`; the queue's own retry only covers a failure to record.
 */
export function deliverJob(deps: DeliveryDeps): JobDefinition<DeliverJobData> {
  const { db, sender, secrets } = deps;
  const random = deps.random ?? Math.random;

  async function claim(ref: DeliverJobData, now: Date): Promise<Claim> {
    return db.transaction().execute(async (trx): Promise<Claim> => {
      const repo = new OperatorWebhooksRepository(trx);
      const found = await repo.lockDelivery(ref.deliveryId);
      if (!found) return { kind: 'none' };
      const { delivery, endpoint } = found;
      if (delivery.status !== 'pending' || delivery.attemptCount < ref.attempt - 1) return { kind: 'none' };
      if (delivery.attemptCount >= ref.attempt) {
        // Made and recorded; the job of the next attempt may have been lost (a crash after the commit).
        const next = delivery.attemptCount === ref.attempt && delivery.nextAttemptAt;
        return next ? { kind: 'later', ref: { deliveryId: delivery.id, attempt: ref.attempt + 1 }, at: next } : { kind: 'none' };
      }
      if (delivery.claimedUntil && delivery.claimedUntil.getTime() > now.getTime()) return { kind: 'later', ref, at: delivery.claimedUntil };
      if (!endpoint.enabled) {
        await repo.fail(delivery.id, 'not attempted: the endpoint is disabled', now);
        return { kind: 'none' };
      }
      await repo.claim(delivery.id, new Date(now.getTime() + sender.timeoutMs + CLAIM_MARGIN_MS));
      return { kind: 'attempt', delivery, endpoint };
    });
  }

  /** Records the attempt and what follows it; answers when the next attempt is due, if one is. */
  async function record(ctx: JobContext, attempt: number, delivery: DeliveryRow, endpoint: EndpointRow, result: AttemptResult, now: Date): Promise<Date | null> {
    return db.transaction().execute(async (trx) => {
      const repo = new OperatorWebhooksRepository(trx);
      if (!(await repo.recordAttempt(delivery.id, attempt, now, result))) return null;
      const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      let failingSince: Date | null = null;
      if (succeeded) await repo.markHealthy(endpoint.id);
      else failingSince = await repo.markFailing(endpoint.id, now);
      const outcome = outcomeOf({ attempt, statusCode: result.statusCode, retryAfter: result.retryAfter, now, failingSince, random });
      const status = outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'retry' ? 'pending' : 'failed';
      const nextAttemptAt = outcome.kind === 'retry' ? outcome.at : null;
      await repo.afterAttempt(delivery.id, { number: attempt, at: now, result, status, nextAttemptAt });
      if (outcome.kind === 'disable_endpoint' && (await repo.disableEndpoint(endpoint.id, outcome.reason, now))) {
        await appendAudit(trx, { actor: 'system', action: 'webhook_endpoint.disabled', target: endpoint.id, data: { url: endpoint.url, reason: outcome.reason } });
        ctx.log.warn({ endpointId: endpoint.id, reason: outcome.reason }, 'operator webhook endpoint disabled');
      }
      return nextAttemptAt;
    });
  }

  return {
    name: OPERATOR_DELIVER_JOB,
    // From 5 s: a killed worker's attempt is taken up soon after its lease; 13 retries cover hours of outage.
    retry: { limit: 13, delaySeconds: 5 },
    leaseSeconds: Math.ceil((sender.timeoutMs + CLAIM_MARGIN_MS) / 1000),
    // Runs mostly wait on receivers.
    concurrency: sender.endpointConcurrency,
    async handler(job, ctx) {
      const now = ctx.now();
      const claimed = await claim(job.data, now);
      if (claimed.kind === 'later') await sendAttempt(ctx, claimed.ref, claimed.at);
      if (claimed.kind !== 'attempt') return;
      const { delivery, endpoint } = claimed;
      const keys = {
        secret: secrets.open(endpoint.id, endpoint.secret),
        previousSecret: endpoint.previousSecret === null ? null : secrets.open(endpoint.id, endpoint.previousSecret),
        previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
      };
      // webhook-id is the delivery's: the same on every attempt, and the event's own id is in the body.
      const result = await sender.send(endpoint, webhookHeaders(keys, delivery.id, now, delivery.payload), delivery.payload);
      if (result.error) ctx.log.info({ deliveryId: delivery.id, attempt: job.data.attempt, statusCode: result.statusCode, error: result.error }, 'operator webhook attempt failed');
      let next: Date | null;
      try {
        next = await record(ctx, job.data.attempt, delivery, endpoint, result, now);
      } catch (error) {
        // The queue's retry makes the attempt again at once, rather than after the claim lapses.
        await new OperatorWebhooksRepository(db).releaseClaim(delivery.id).catch(() => undefined);
        throw error;
      }
      if (next) await sendAttempt(ctx, { deliveryId: delivery.id, attempt: job.data.attempt + 1 }, next);
    },
  };
}

/** Daily: finished deliveries (and their attempts) older than the retention are deleted. */
export const pruneJob = (deps: DeliveryDeps): JobDefinition =>
  platformRetentionJob({ name: OPERATOR_PRUNE_JOB, cron: '50 2 * * *', days: deps.retentionDays, prune: (cutoff, limit) => new OperatorWebhooksRepository(deps.db).pruneFinished(cutoff, limit) });
