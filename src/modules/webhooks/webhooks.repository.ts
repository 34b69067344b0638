import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';
import type { WebhookDelivery, WebhookEndpoint } from './webhooks.schemas.js';
import type { AttemptResult } from './webhooks.sender.js';

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabled_reason: WebhookEndpoint['disabledReason'];
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: WebhookDelivery['status'];
  attempt_count: number;
  next_attempt_at: Date | null;
  claimed_until: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_response_body: string | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

interface AttemptRow {
  delivery_id: string;
  number: number;
  attempted_at: Date;
  status_code: number | null;
  response_body: string | null;
  duration_ms: number;
  error: string | null;
}

const endpointColumns = ['id', 'url', 'description', 'events', 'enabled', 'disabled_reason', 'secret', 'previous_secret', 'previous_secret_expires_at', 'failing_since', 'created_at', 'updated_at'] as const;
const deliveryColumns = ['id', 'endpoint_id', 'event_id', 'event_type', 'payload', 'status', 'attempt_count', 'next_attempt_at', 'claimed_until', 'last_attempt_at', 'last_status_code', 'last_response_body', 'last_error', 'created_at', 'updated_at'] as const;

const asDate = (d: Date | string | null): Date | null => (d === null ? null : d instanceof Date ? d : new Date(d));

export const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  failingSince: r.failing_since,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toDelivery = (r: DeliveryRow, attempts: AttemptRow[]): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attemptCount: r.attempt_count,
  nextAttemptAt: r.next_attempt_at,
  lastAttemptAt: r.last_attempt_at,
  lastStatusCode: r.last_status_code,
  lastResponseBody: r.last_response_body,
  lastError: r.last_error,
  attempts: attempts.map((a) => ({ number: a.number, attemptedAt: a.attempted_at, statusCode: a.status_code, responseBody: a.response_body, durationMs: a.duration_ms, error: a.error })),
  payload: JSON.parse(r.payload) as unknown,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewDelivery {
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: string;
}

/** Webhooks SQL; runs inside a tenant transaction, so row-level security scopes every statement. */
export class WebhooksRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  // ---- endpoints

  async findEndpoint(id: string): Promise<EndpointRow | undefined> {
    return this.db.selectFrom('webhook_endpoints').select(endpointColumns).where('id', '=', id).executeTakeFirst();
  }

  async listEndpoints(limit: number, after: string | null): Promise<EndpointRow[]> {
    let q = this.db.selectFrom('webhook_endpoints').select(endpointColumns).orderBy('id').limit(limit + 1);
    if (after) q = q.where('id', '>', after);
    return q.execute();
  }

  async enabledEndpoints(): Promise<EndpointRow[]> {
    return this.db.selectFrom('webhook_endpoints').select(endpointColumns).where('enabled', '=', true).execute();
  }

  async countEndpoints(): Promise<number> {
    const row = await this.db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Serialises endpoint creation per tenant, so that concurrent creates cannot overshoot the cap. */
  async lockForCreate(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook_endpoints:${tenantId}`}, 0))`.execute(this.db);
  }

  async insertEndpoint(tenantId: string, input: { url: string; events: string[]; description: string; enabled: boolean; secret: string }): Promise<EndpointRow> {
    return this.db
      .insertInto('webhook_endpoints')
      .values({
        tenant_id: tenantId,
        id: newId(),
        url: input.url,
        events: input.events,
        description: input.description,
        enabled: input.enabled,
        disabled_reason: input.enabled ? null : 'manual',
        secret: input.secret,
      })
      .returning(endpointColumns)
      .executeTakeFirstOrThrow();
  }

  async updateEndpoint(id: string, patch: { url?: string; events?: string[]; description?: string; enabled?: boolean }): Promise<EndpointRow | undefined> {
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.url !== undefined) set.url = patch.url;
    if (patch.events !== undefined) set.events = patch.events;
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.enabled === true) Object.assign(set, { enabled: true, disabled_reason: null, failing_since: null });
    // Turning off an endpoint that is already off keeps the reason it went off.
    if (patch.enabled === false) Object.assign(set, { enabled: false, disabled_reason: sql`coalesce(disabled_reason, 'manual')` });
    return this.db.updateTable('webhook_endpoints').set(set).where('id', '=', id).returning(endpointColumns).executeTakeFirst();
  }

  async deleteEndpoint(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async rotateSecret(id: string, secret: string, previousExpiresAt: Date): Promise<EndpointRow | undefined> {
    return this.db
      .updateTable('webhook_endpoints')
      .set({ previous_secret: sql`secret`, previous_secret_expires_at: previousExpiresAt, secret, updated_at: new Date() })
      .where('id', '=', id)
      .returning(endpointColumns)
      .executeTakeFirst();
  }

  /** Records a failure: the endpoint has been failing since the first failure after its last success. */
  async markFailing(id: string, at: Date): Promise<Date | null> {
    const row = await this.db
      .updateTable('webhook_endpoints')
      .set({ failing_since: sql`coalesce(failing_since, ${at})` })
      .where('id', '=', id)
      .returning('failing_since')
      .executeTakeFirst();
    return asDate(row?.failing_since ?? null);
  }

  async markHealthy(id: string): Promise<void> {
    await this.db.updateTable('webhook_endpoints').set({ failing_since: null }).where('id', '=', id).where('failing_since', 'is not', null).execute();
  }

  /** Disables an enabled endpoint; false when it was already disabled (someone else told the tenant). */
  async disableEndpoint(id: string, reason: 'gone' | 'failing', at: Date): Promise<EndpointRow | undefined> {
    return this.db
      .updateTable('webhook_endpoints')
      .set({ enabled: false, disabled_reason: reason, updated_at: at })
      .where('id', '=', id)
      .where('enabled', '=', true)
      .returning(endpointColumns)
      .executeTakeFirst();
  }

  // ---- deliveries

  async insertDeliveries(tenantId: string, deliveries: NewDelivery[], at: Date): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db
      .insertInto('webhook_deliveries')
      .values(deliveries.map((d) => ({ tenant_id: tenantId, id: newId(), endpoint_id: d.endpointId, event_id: d.eventId, event_type: d.eventType, payload: d.payload, next_attempt_at: at })))
      .onConflict((oc) => oc.columns(['tenant_id', 'endpoint_id', 'event_id']).doNothing())
      .execute();
  }

  async insertDelivery(tenantId: string, d: NewDelivery, at: Date): Promise<DeliveryRow> {
    return this.db
      .insertInto('webhook_deliveries')
      .values({ tenant_id: tenantId, id: newId(), endpoint_id: d.endpointId, event_id: d.eventId, event_type: d.eventType, payload: d.payload, next_attempt_at: at })
      .returning(deliveryColumns)
      .executeTakeFirstOrThrow();
  }

  /** Deliveries of an event that still wait for their first attempt. */
  async unattemptedOf(eventId: string): Promise<{ id: string; attempt_count: number }[]> {
    return this.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempt_count'])
      .where('event_id', '=', eventId)
      .where('status', '=', 'pending')
      .where('attempt_count', '=', 0)
      .execute();
  }

  async findDelivery(id: string): Promise<DeliveryRow | undefined> {
    return this.db.selectFrom('webhook_deliveries').select(deliveryColumns).where('id', '=', id).executeTakeFirst();
  }

  /** The delivery, locked for this transaction, with its endpoint. */
  async lockDelivery(id: string): Promise<{ delivery: DeliveryRow; endpoint: EndpointRow } | undefined> {
    const delivery = await this.db.selectFrom('webhook_deliveries').select(deliveryColumns).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!delivery) return undefined;
    const endpoint = await this.findEndpoint(delivery.endpoint_id);
    return endpoint && { delivery, endpoint };
  }

  async attemptsOf(deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
    const byDelivery = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
    if (deliveryIds.length === 0) return byDelivery;
    const rows: AttemptRow[] = await this.db
      .selectFrom('webhook_attempts')
      .select(['delivery_id', 'number', 'attempted_at', 'status_code', 'response_body', 'duration_ms', 'error'])
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('delivery_id')
      .orderBy('number')
      .execute();
    for (const r of rows) byDelivery.get(r.delivery_id)?.push(r);
    return byDelivery;
  }

  /** Newest first. */
  async listDeliveries(endpointId: string, query: { limit: number; status?: string }, before: string | null): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('webhook_deliveries').select(deliveryColumns).where('endpoint_id', '=', endpointId).orderBy('id', 'desc').limit(query.limit + 1);
    if (query.status) q = q.where('status', '=', query.status);
    if (before) q = q.where('id', '<', before);
    return q.execute();
  }

  async claim(id: string, until: Date): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ claimed_until: until }).where('id', '=', id).execute();
  }

  async releaseClaim(id: string): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ claimed_until: null }).where('id', '=', id).execute();
  }

  /** Records attempt `number` once (a repeated record of the same attempt changes nothing); false if it was recorded before. */
  async recordAttempt(tenantId: string, deliveryId: string, number: number, at: Date, result: AttemptResult): Promise<boolean> {
    const inserted = await this.db
      .insertInto('webhook_attempts')
      .values({ tenant_id: tenantId, delivery_id: deliveryId, number, attempted_at: at, status_code: result.statusCode, response_body: result.responseBody, duration_ms: result.durationMs, error: result.error })
      .onConflict((oc) => oc.columns(['tenant_id', 'delivery_id', 'number']).doNothing())
      .returning('number')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async afterAttempt(id: string, update: { number: number; at: Date; result: AttemptResult; status: WebhookDelivery['status']; nextAttemptAt: Date | null }): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        attempt_count: update.number,
        status: update.status,
        next_attempt_at: update.nextAttemptAt,
        claimed_until: null,
        last_attempt_at: update.at,
        last_status_code: update.result.statusCode,
        last_response_body: update.result.responseBody,
        last_error: update.result.error,
        updated_at: update.at,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Fails a delivery without an attempt (its endpoint is disabled). */
  async fail(id: string, error: string, at: Date): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ status: 'failed', next_attempt_at: null, claimed_until: null, last_error: error, updated_at: at }).where('id', '=', id).execute();
  }

  /** Queues a delivery again for an attempt now. */
  async requeue(id: string, at: Date): Promise<DeliveryRow | undefined> {
    return this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: at, updated_at: at })
      .where('id', '=', id)
      .returning(deliveryColumns)
      .executeTakeFirst();
  }
}
