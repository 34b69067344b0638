import type { TenantContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { webhooksErrors } from './webhooks.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import { DELIVERY_REQUESTED_EVENT, payloadOf, TEST_EVENT } from './webhooks.events.js';
import { toDelivery, toEndpoint, WebhooksRepository, type DeliveryRow } from './webhooks.repository.js';
import type { CreateWebhookEndpoint, ListDeliveriesQuery, ListEndpointsQuery, UpdateWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from './webhooks.schemas.js';
import type { EndpointSecrets } from './webhooks.secrets.js';
import { newSecret, ROTATION_OVERLAP_MS } from '../../kernel/webhooks/signing.js';
import { checkWebhookUrl, type DestinationPolicy } from '../../kernel/webhooks/destinations.js';

/** Endpoints a tenant may register: each event fans out to every one of them. */
export const MAX_ENDPOINTS = 50;

const endpointCursor = (e: WebhookEndpoint) => [e.id];
const deliveryCursor = (d: WebhookDelivery) => [d.id];

/** Webhook endpoints and their deliveries, for requests. Deliveries themselves are made by the worker (webhooks.worker.ts). */
export class WebhooksService {
  constructor(
    private readonly policy: DestinationPolicy,
    private readonly secrets: EndpointSecrets,
  ) {}

  async listEndpoints(ctx: TenantContext, query: ListEndpointsQuery & { limit: number }) {
    const after = decodeCursor(query.cursor, ['uuid']);
    const rows = await new WebhooksRepository(ctx.db).listEndpoints(query.limit, after?.[0] ?? null, query.q);
    return pageOf(rows.map(toEndpoint), query.limit, endpointCursor);
  }

  async getEndpoint(ctx: TenantContext, id: string): Promise<WebhookEndpoint> {
    const row = await new WebhooksRepository(ctx.db).findEndpoint(id);
    if (!row) throw notFound('The webhook endpoint');
    return toEndpoint(row);
  }

  async createEndpoint(ctx: TenantContext, input: CreateWebhookEndpoint): Promise<WebhookEndpointWithSecret> {
    const url = await checkWebhookUrl(input.url, this.policy);
    const repo = new WebhooksRepository(ctx.db);
    await repo.lockForCreate(ctx.tenant.id);
    if ((await repo.countEndpoints()) >= MAX_ENDPOINTS) throw new AppError(webhooksErrors.endpoint_limit, `A tenant may register at most ${MAX_ENDPOINTS} webhook endpoints`, { limit: MAX_ENDPOINTS });
    const id = newId();
    const secret = newSecret();
    const row = await repo.insertEndpoint(ctx.tenant.id, { id, url, events: [...new Set(input.events)], description: input.description ?? '', enabled: input.enabled ?? true, secret: this.secrets.seal(ctx.tenant.id, id, secret) });
    return { ...toEndpoint(row), secret };
  }

  async updateEndpoint(ctx: TenantContext, id: string, patch: UpdateWebhookEndpoint): Promise<WebhookEndpoint> {
    const url = patch.url === undefined ? undefined : await checkWebhookUrl(patch.url, this.policy);
    const row = await new WebhooksRepository(ctx.db).updateEndpoint(id, { ...patch, url, events: patch.events && [...new Set(patch.events)] });
    if (!row) throw notFound('The webhook endpoint');
    return toEndpoint(row);
  }

  async deleteEndpoint(ctx: TenantContext, id: string): Promise<void> {
    if (!(await new WebhooksRepository(ctx.db).deleteEndpoint(id))) throw notFound('The webhook endpoint');
  }

  /** A new secret; the old one keeps signing next to it for ROTATION_OVERLAP_MS (a second rotation ends that at once). */
  async rotateSecret(ctx: TenantContext, id: string, now = new Date()): Promise<WebhookEndpointWithSecret> {
    const secret = newSecret();
    const row = await new WebhooksRepository(ctx.db).rotateSecret(id, this.secrets.seal(ctx.tenant.id, id, secret), new Date(now.getTime() + ROTATION_OVERLAP_MS));
    if (!row) throw notFound('The webhook endpoint');
    return { ...toEndpoint(row), secret };
  }

  /** Queues a `webhook.test` message to one endpoint. */
  async sendTest(ctx: TenantContext, id: string, now = new Date()): Promise<WebhookDelivery> {
    const repo = new WebhooksRepository(ctx.db);
    const endpoint = await repo.findEndpoint(id);
    if (!endpoint) throw notFound('The webhook endpoint');
    if (!endpoint.enabled) throw new AppError(webhooksErrors.endpoint_disabled, 'The webhook endpoint is disabled; enable it first');
    const data = { endpointId: id, message: 'This is a test message from Courtyard.' };
    const delivery = await repo.insertDelivery(ctx.tenant.id, { endpointId: id, eventId: newId(), eventType: TEST_EVENT, payload: payloadOf(TEST_EVENT, now.toISOString(), data) }, now);
    await emit(ctx, DELIVERY_REQUESTED_EVENT, { deliveryId: delivery.id });
    return toDelivery(delivery, []);
  }

  async listDeliveries(ctx: TenantContext, endpointId: string, query: ListDeliveriesQuery & { limit: number }) {
    const before = decodeCursor(query.cursor, ['uuid']);
    const repo = new WebhooksRepository(ctx.db);
    if (!(await repo.findEndpoint(endpointId))) throw notFound('The webhook endpoint');
    const rows = await repo.listDeliveries(endpointId, query, before?.[0] ?? null);
    return pageOf(await this.#withAttempts(repo, rows), query.limit, deliveryCursor);
  }

  /** Queues another attempt of a delivery now, whatever its state (a succeeded one is sent again: a replay). */
  async retryDelivery(ctx: TenantContext, id: string, now = new Date()): Promise<WebhookDelivery> {
    const repo = new WebhooksRepository(ctx.db);
    const found = await repo.lockDelivery(id);
    if (!found) throw notFound('The webhook delivery');
    if (!found.endpoint.enabled) throw new AppError(webhooksErrors.endpoint_disabled, 'The webhook endpoint is disabled; enable it first');
    const row = (await repo.requeue(id, now))!;
    await emit(ctx, DELIVERY_REQUESTED_EVENT, { deliveryId: id });
    return (await this.#withAttempts(repo, [row]))[0]!;
  }

  async #withAttempts(repo: WebhooksRepository, rows: DeliveryRow[]): Promise<WebhookDelivery[]> {
    const attempts = await repo.attemptsOf(rows.map((r) => r.id));
    return rows.map((r) => toDelivery(r, attempts.get(r.id) ?? []));
  }
}
