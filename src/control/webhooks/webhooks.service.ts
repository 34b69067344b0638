import { AppError, notFound } from '../../kernel/errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import type { JobQueue } from '../../kernel/jobs/job.js';
import { checkWebhookUrl, type DestinationPolicy } from '../../kernel/webhooks/destinations.js';
import { newSecret, ROTATION_OVERLAP_MS } from '../../kernel/webhooks/signing.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import { controlErrors } from '../control.errors.js';
import { bodyOf, sendAttempt } from './webhooks.delivery.js';
import { OperatorWebhooksRepository, type DeliveryRow, type EndpointRow } from './webhooks.repository.js';
import type { CreateOperatorWebhookEndpoint, OperatorWebhookDelivery, OperatorWebhookEndpoint, UpdateOperatorWebhookEndpoint } from './webhooks.schemas.js';
import type { OperatorWebhookSecrets } from './webhooks.secrets.js';
import type { DeliveryStatus } from './webhooks.tables.js';

/** As many as a tenant may have: every event fans out to each, so the cap bounds a burst's work. */
export const MAX_OPERATOR_ENDPOINTS = 50;

/** Sent by `POST /control/v1/webhooks/endpoints/{id}/test`, to that endpoint only. */
export const TEST_EVENT = 'webhook.test';

const toEndpoint = ({ secret: _secret, previousSecret: _previous, ...endpoint }: EndpointRow): OperatorWebhookEndpoint => endpoint;
const endpointDisabled = () => new AppError(controlErrors.webhook_endpoint_disabled, 'The webhook endpoint is disabled; enable it first');

export interface OperatorWebhooksDeps {
  secrets: OperatorWebhookSecrets;
  policy: DestinationPolicy;
  /** Where delivery jobs go; sent after the request's transaction has committed. */
  queue: JobQueue;
  now: () => Date;
}

/** The operator's webhook endpoints and their deliveries, for `/control/v1/webhooks`. Every change is audited. */
export class OperatorWebhooks {
  constructor(private readonly deps: OperatorWebhooksDeps) {}

  async list(ctx: ControlContext, query: { limit: number; cursor?: string }) {
    const after = decodeCursor(query.cursor, ['uuid']);
    const rows = await new OperatorWebhooksRepository(ctx.db).listEndpoints(query.limit, after?.[0] ?? null);
    return pageOf(rows.map(toEndpoint), query.limit, (e) => [e.id]);
  }

  async get(ctx: ControlContext, id: string): Promise<OperatorWebhookEndpoint> {
    const row = await new OperatorWebhooksRepository(ctx.db).findEndpoint(id);
    if (!row) throw notFound('The webhook endpoint');
    return toEndpoint(row);
  }

  /** The answer shows the signing secret, once. */
  async create(ctx: ControlContext, input: CreateOperatorWebhookEndpoint) {
    const url = await checkWebhookUrl(input.url, this.deps.policy);
    const id = newId();
    const secret = newSecret();
    const events = [...new Set(input.events)];
    const row = await ctx.db.transaction().execute(async (trx) => {
      if ((await new OperatorWebhooksRepository(trx).countEndpoints()) >= MAX_OPERATOR_ENDPOINTS) {
        throw new AppError(controlErrors.webhook_endpoint_limit, `The platform may have at most ${MAX_OPERATOR_ENDPOINTS} webhook endpoints`, { limit: MAX_OPERATOR_ENDPOINTS });
      }
      const created = await new OperatorWebhooksRepository(trx).insertEndpoint({ id, url, events, description: input.description ?? '', enabled: input.enabled ?? true, secret: this.deps.secrets.seal(id, secret) });
      await appendAudit(trx, { actor: ctx.actor, action: 'webhook_endpoint.created', target: id, data: { url, events } });
      return created;
    });
    return { ...toEndpoint(row), secret };
  }

  async update(ctx: ControlContext, id: string, patch: UpdateOperatorWebhookEndpoint): Promise<OperatorWebhookEndpoint> {
    const url = patch.url === undefined ? undefined : await checkWebhookUrl(patch.url, this.deps.policy);
    const changes = { ...patch, url, events: patch.events && [...new Set(patch.events)] };
    return ctx.db.transaction().execute(async (trx) => {
      const row = await new OperatorWebhooksRepository(trx).updateEndpoint(id, changes);
      if (!row) throw notFound('The webhook endpoint');
      await appendAudit(trx, { actor: ctx.actor, action: 'webhook_endpoint.updated', target: id, data: { fields: Object.keys(patch).sort(), url: row.url, events: row.events, enabled: row.enabled } });
      return toEndpoint(row);
    });
  }

  async remove(ctx: ControlContext, id: string): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await new OperatorWebhooksRepository(trx).deleteEndpoint(id);
      if (!row) throw notFound('The webhook endpoint');
      await appendAudit(trx, { actor: ctx.actor, action: 'webhook_endpoint.deleted', target: id, data: { url: row.url } });
    });
  }

  /** A new secret, shown once; the old one keeps signing next to it for ROTATION_OVERLAP_MS (a second rotation ends that at once). */
  async rotateSecret(ctx: ControlContext, id: string) {
    const secret = newSecret();
    const row = await ctx.db.transaction().execute(async (trx) => {
      const rotated = await new OperatorWebhooksRepository(trx).rotateSecret(id, this.deps.secrets.seal(id, secret), new Date(this.deps.now().getTime() + ROTATION_OVERLAP_MS));
      if (!rotated) throw notFound('The webhook endpoint');
      await appendAudit(trx, { actor: ctx.actor, action: 'webhook_endpoint.secret_rotated', target: id });
      return rotated;
    });
    return { ...toEndpoint(row), secret };
  }

  /** Queues a `webhook.test` message to one endpoint. */
  async sendTest(ctx: ControlContext, id: string): Promise<OperatorWebhookDelivery> {
    const repo = new OperatorWebhooksRepository(ctx.db);
    const endpoint = await repo.findEndpoint(id);
    if (!endpoint) throw notFound('The webhook endpoint');
    if (!endpoint.enabled) throw endpointDisabled();
    const now = this.deps.now();
    const event = { id: newId(), type: TEST_EVENT, version: 1, occurredAt: now.toISOString(), tenantId: null, data: { endpointId: id, message: 'This is a test message from Courtyard.' } };
    const deliveryId = newId();
    await repo.insertDeliveries([{ id: deliveryId, endpointId: id, eventId: event.id, eventType: TEST_EVENT, payload: bodyOf(event) }], now);
    await sendAttempt(this.deps, { deliveryId, attempt: 1 });
    return (await this.#views(repo, [(await repo.findDelivery(deliveryId))!]))[0]!;
  }

  async deliveries(ctx: ControlContext, endpointId: string, query: { limit: number; cursor?: string; status?: DeliveryStatus }) {
    const before = decodeCursor(query.cursor, ['uuid']);
    const repo = new OperatorWebhooksRepository(ctx.db);
    if (!(await repo.findEndpoint(endpointId))) throw notFound('The webhook endpoint');
    const rows = await repo.listDeliveries(endpointId, query, before?.[0] ?? null);
    const page = pageOf(rows, query.limit, (d) => [d.id]);
    return { data: await this.#views(repo, page.data), nextCursor: page.nextCursor };
  }

  /** Attempts a delivery again now, whatever its state (a succeeded one is sent again, with the same webhook-id). */
  async redeliver(ctx: ControlContext, id: string): Promise<OperatorWebhookDelivery> {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const repo = new OperatorWebhooksRepository(trx);
      const found = await repo.lockDelivery(id);
      if (!found) throw notFound('The webhook delivery');
      if (!found.endpoint.enabled) throw endpointDisabled();
      await appendAudit(trx, { actor: ctx.actor, action: 'webhook_delivery.redelivered', target: found.endpoint.id, data: { delivery: id, eventType: found.delivery.eventType } });
      return (await repo.requeue(id, this.deps.now()))!;
    });
    await sendAttempt(this.deps, { deliveryId: id, attempt: row.attemptCount + 1 });
    return (await this.#views(new OperatorWebhooksRepository(ctx.db), [row]))[0]!;
  }

  async #views(repo: OperatorWebhooksRepository, rows: DeliveryRow[]): Promise<OperatorWebhookDelivery[]> {
    const attempts = await repo.attemptsOf(rows.map((r) => r.id));
    return rows.map(({ claimedUntil: _claimed, payload, ...d }) => ({
      ...d,
      attempts: (attempts.get(d.id) ?? []).map(({ deliveryId: _delivery, ...a }) => a),
      payload: JSON.parse(payload) as unknown,
    }));
  }
}
