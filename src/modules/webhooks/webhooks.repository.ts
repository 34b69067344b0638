import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { WebhookDelivery, WebhookEndpoint } from './webhooks.schemas.js';
import type { AttemptResult } from '../../kernel/webhooks/sender.js';
import type { WebhooksTables } from './webhooks.tables.js';

const endpointColumns = ['id', 'url', 'description', 'events', 'enabled', 'disabledReason', 'secret', 'previousSecret', 'previousSecretExpiresAt', 'failingSince', 'createdAt', 'updatedAt'] as const;
const deliveryColumns = ['id', 'endpointId', 'eventId', 'eventType', 'payload', 'status', 'attemptCount', 'nextAttemptAt', 'claimedUntil', 'lastAttemptAt', 'lastStatusCode', 'lastResponseBody', 'lastError', 'createdAt', 'updatedAt'] as const;
const attemptColumns = ['deliveryId', 'number', 'attemptedAt', 'statusCode', 'responseBody', 'durationMs', 'error'] as const;

type Tables = WebhooksTables & KernelTables;
export type EndpointRow = Pick<Selectable<Tables['webhookEndpoints']>, (typeof endpointColumns)[number]>;
export type DeliveryRow = Pick<Selectable<Tables['webhookDeliveries']>, (typeof deliveryColumns)[number]>;
type AttemptRow = Pick<Selectable<Tables['webhookAttempts']>, (typeof attemptColumns)[number]>;

const asDate = (d: Date | string | null): Date | null => (d === null ? null : d instanceof Date ? d : new Date(d));

/** An endpoint as the API shows it: without its secrets. */
export const toEndpoint = ({ secret: _secret, previousSecret: _previous, ...endpoint }: EndpointRow): WebhookEndpoint => endpoint;

/** A delivery as the API shows it: the payload parsed, with its attempts. */
export const toDelivery = ({ claimedUntil: _claimed, payload, ...delivery }: DeliveryRow, attempts: AttemptRow[]): WebhookDelivery => ({
  ...delivery,
  attempts: attempts.map(({ deliveryId: _delivery, ...attempt }) => attempt),
  payload: JSON.parse(payload) as unknown,
});

export interface NewDelivery {
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: string;
}

/** Webhooks SQL; runs inside a tenant transaction, so row-level security scopes every statement. */
export class WebhooksRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** Deletes up to `limit` deliveries that ended (succeeded or failed) and were created before `cutoff`, with their attempts (cascade). */
  async pruneFinished(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('webhookDeliveries')
      .where('id', 'in', (eb) => eb.selectFrom('webhookDeliveries').select('id').where('status', 'in', ['succeeded', 'failed']).where('createdAt', '<', cutoff).limit(limit))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }


  // ---- endpoints

  async findEndpoint(id: string): Promise<EndpointRow | undefined> {
    return this.db.selectFrom('webhookEndpoints').select(endpointColumns).where('id', '=', id).executeTakeFirst();
  }

  /** A page of `limit + 1` endpoints after `after`, those whose URL or description contains `text` when given. */
  async listEndpoints(limit: number, after: string | null, text?: string): Promise<EndpointRow[]> {
    let q = this.db.selectFrom('webhookEndpoints').select(endpointColumns).orderBy('id').limit(limit + 1);
    if (after) q = q.where('id', '>', after);
    if (text) {
      const like = containsPattern(text);
      q = q.where((eb) => eb.or([eb('url', 'ilike', like), eb('description', 'ilike', like)]));
    }
    return q.execute();
  }

  async enabledEndpoints(): Promise<EndpointRow[]> {
    return this.db.selectFrom('webhookEndpoints').select(endpointColumns).where('enabled', '=', true).execute();
  }

  async countEndpoints(): Promise<number> {
    const row = await this.db.selectFrom('webhookEndpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Serialises endpoint creation per tenant, so that concurrent creates cannot overshoot the cap. */
  async lockForCreate(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook_endpoints:${tenantId}`}, 0))`.execute(this.db);
  }

  /** `secret` arrives sealed, bound to `id` (webhooks.secrets.ts). */
  async insertEndpoint(tenantId: string, input: { id: string; url: string; events: string[]; description: string; enabled: boolean; secret: string }): Promise<EndpointRow> {
    return this.db
      .insertInto('webhookEndpoints')
      .values({
        tenantId: tenantId,
        id: input.id,
        url: input.url,
        events: input.events,
        description: input.description,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : 'manual',
        secret: input.secret,
      })
      .returning(endpointColumns)
      .executeTakeFirstOrThrow();
  }

  async updateEndpoint(id: string, patch: { url?: string; events?: string[]; description?: string; enabled?: boolean }): Promise<EndpointRow | undefined> {
    const { url, events, description, enabled } = patch;
    // Kysely leaves out the fields that are undefined: the patch changes only what it names.
    const set: Updateable<Tables['webhookEndpoints']> = { url, events, description, updatedAt: new Date() };
    if (enabled === true) Object.assign(set, { enabled: true, disabledReason: null, failingSince: null });
    // Turning off an endpoint that is already off keeps the reason it went off.
    if (enabled === false) Object.assign(set, { enabled: false, disabledReason: sql`coalesce(disabled_reason, 'manual')` });
    return this.db.updateTable('webhookEndpoints').set(set).where('id', '=', id).returning(endpointColumns).executeTakeFirst();
  }

  async deleteEndpoint(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhookEndpoints').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async rotateSecret(id: string, secret: string, previousExpiresAt: Date): Promise<EndpointRow | undefined> {
    return this.db
      .updateTable('webhookEndpoints')
      .set({ previousSecret: sql`secret`, previousSecretExpiresAt: previousExpiresAt, secret, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(endpointColumns)
      .executeTakeFirst();
  }

  async sealSecrets(id: string, secret: string, previousSecret: string | null): Promise<void> {
    await this.db.updateTable('webhookEndpoints').set({ secret, previousSecret }).where('id', '=', id).execute();
  }

  /**
   * Records a failure: the endpoint has been failing since the first failure after its last
   * success, or since `at` when `afterSuccess` (a success came in the same batch).
   */
  async markFailing(id: string, at: Date, afterSuccess = false): Promise<Date | null> {
    const row = await this.db
      .updateTable('webhookEndpoints')
      .set({ failingSince: afterSuccess ? at : sql`coalesce(failing_since, ${at})` })
      .where('id', '=', id)
      .returning('failingSince')
      .executeTakeFirst();
    return asDate(row?.failingSince ?? null);
  }

  async markHealthy(id: string): Promise<void> {
    await this.db.updateTable('webhookEndpoints').set({ failingSince: null }).where('id', '=', id).where('failingSince', 'is not', null).execute();
  }

  /** Disables an enabled endpoint; false when it was already disabled (someone else told the tenant). */
  async disableEndpoint(id: string, reason: 'gone' | 'failing', at: Date): Promise<EndpointRow | undefined> {
    return this.db
      .updateTable('webhookEndpoints')
      .set({ enabled: false, disabledReason: reason, updatedAt: at })
      .where('id', '=', id)
      .where('enabled', '=', true)
      .returning(endpointColumns)
      .executeTakeFirst();
  }

  // ---- deliveries

  /** In one statement whose text is the same for any number of deliveries (a column per parameter); an existing (endpoint, event) is left as it is. */
  async insertDeliveries(tenantId: string, deliveries: NewDelivery[], at: Date): Promise<void> {
    if (deliveries.length === 0) return;
    const column = <T>(f: (d: NewDelivery) => T) => deliveries.map(f);
    await sql`
      INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, payload, next_attempt_at)
      SELECT ${tenantId}::uuid, d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, ${at.toISOString()}::timestamptz
        FROM unnest(${column(() => newId())}::uuid[], ${column((d) => d.endpointId)}::uuid[], ${column((d) => d.eventId)}::uuid[], ${column((d) => d.eventType)}::text[], ${column((d) => d.payload)}::text[])
             AS d(id, endpoint_id, event_id, event_type, payload)
      ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING`.execute(this.db);
  }

  async insertDelivery(tenantId: string, d: NewDelivery, at: Date): Promise<DeliveryRow> {
    return this.db
      .insertInto('webhookDeliveries')
      .values({ tenantId: tenantId, id: newId(), endpointId: d.endpointId, eventId: d.eventId, eventType: d.eventType, payload: d.payload, nextAttemptAt: at })
      .returning(deliveryColumns)
      .executeTakeFirstOrThrow();
  }

  /** Deliveries of these events that still wait for their first attempt, oldest first. */
  async unattemptedOf(eventIds: string[]): Promise<{ id: string }[]> {
    return this.db
      .selectFrom('webhookDeliveries')
      .select('id')
      .where('eventId', '=', anyUuid(eventIds))
      .where('status', '=', 'pending')
      .where('attemptCount', '=', 0)
      .orderBy('id')
      .execute();
  }

  /** How many of the tenant's deliveries wait for their first attempt, counted up to `cap` (an index range). */
  async unattemptedCount(cap: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND attempt_count = 0 LIMIT ${cap}) waiting`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  async findDelivery(id: string): Promise<DeliveryRow | undefined> {
    return this.db.selectFrom('webhookDeliveries').select(deliveryColumns).where('id', '=', id).executeTakeFirst();
  }

  /** The delivery, locked for this transaction, with its endpoint. */
  async lockDelivery(id: string): Promise<{ delivery: DeliveryRow; endpoint: EndpointRow } | undefined> {
    const delivery = await this.db.selectFrom('webhookDeliveries').select(deliveryColumns).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!delivery) return undefined;
    const endpoint = await this.findEndpoint(delivery.endpointId);
    return endpoint && { delivery, endpoint };
  }

  async attemptsOf(deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
    const byDelivery = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
    if (deliveryIds.length === 0) return byDelivery;
    const rows = await this.db
      .selectFrom('webhookAttempts')
      .select(attemptColumns)
      .where('deliveryId', '=', anyUuid(deliveryIds))
      .orderBy('deliveryId')
      .orderBy('number')
      .execute();
    for (const r of rows) byDelivery.get(r.deliveryId)?.push(r);
    return byDelivery;
  }

  /** Newest first. */
  async listDeliveries(endpointId: string, query: { limit: number; status?: WebhookDelivery['status'] }, before: string | null): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('webhookDeliveries').select(deliveryColumns).where('endpointId', '=', endpointId).orderBy('id', 'desc').limit(query.limit + 1);
    if (query.status) q = q.where('status', '=', query.status);
    if (before) q = q.where('id', '<', before);
    return q.execute();
  }

  /** The deliveries, locked for this transaction (in id order, as every batch locks them), and their endpoints by id. */
  async lockDeliveries(ids: string[]): Promise<{ deliveries: DeliveryRow[]; endpoints: Map<string, EndpointRow> }> {
    if (ids.length === 0) return { deliveries: [], endpoints: new Map() };
    const deliveries = await this.db.selectFrom('webhookDeliveries').select(deliveryColumns).where('id', '=', anyUuid(ids)).orderBy('id').forUpdate().execute();
    const endpointIds = deliveries.map((d) => d.endpointId);
    const endpoints = endpointIds.length === 0 ? [] : await this.db.selectFrom('webhookEndpoints').select(endpointColumns).where('id', '=', anyUuid(endpointIds)).execute();
    return { deliveries, endpoints: new Map(endpoints.map((e) => [e.id, e])) };
  }

  async claim(ids: string[], until: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('webhookDeliveries').set({ claimedUntil: until }).where('id', '=', anyUuid(ids)).execute();
  }

  async releaseClaims(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('webhookDeliveries').set({ claimedUntil: null }).where('id', '=', anyUuid(ids)).execute();
  }

  /**
   * Records each attempt once, in one statement (a repeated record of the same attempt changes
   * nothing); answers the deliveries whose attempt was recorded now, not before.
   */
  async recordAttempts(tenantId: string, attempts: { deliveryId: string; number: number; at: Date; result: AttemptResult }[]): Promise<Set<string>> {
    if (attempts.length === 0) return new Set();
    const column = <T>(f: (a: (typeof attempts)[number]) => T) => attempts.map(f);
    const { rows } = await sql<{ deliveryId: string }>`
      INSERT INTO webhook_attempts (tenant_id, delivery_id, number, attempted_at, status_code, response_body, duration_ms, error)
      SELECT ${tenantId}::uuid, a.delivery_id, a.number, a.attempted_at, a.status_code, a.response_body, a.duration_ms, a.error
        FROM unnest(${column((a) => a.deliveryId)}::uuid[], ${column((a) => a.number)}::int[], ${column((a) => a.at.toISOString())}::timestamptz[], ${column((a) => a.result.statusCode)}::int[],
                    ${column((a) => a.result.responseBody)}::text[], ${column((a) => a.result.durationMs)}::int[], ${column((a) => a.result.error)}::text[])
             AS a(delivery_id, number, attempted_at, status_code, response_body, duration_ms, error)
      ON CONFLICT (tenant_id, delivery_id, number) DO NOTHING
      RETURNING delivery_id`.execute(this.db);
    // The tables' camelCase plugin renames the columns of the answer too.
    return new Set(rows.map((r) => r.deliveryId));
  }

  /** The state after each delivery's attempt, in one statement whatever the batch's size. */
  async afterAttempts(updates: { id: string; number: number; at: Date; result: AttemptResult; status: WebhookDelivery['status']; nextAttemptAt: Date | null }[]): Promise<void> {
    if (updates.length === 0) return;
    const column = <T>(f: (u: (typeof updates)[number]) => T) => updates.map(f);
    await sql`
      UPDATE webhook_deliveries d
         SET attempt_count = u.number, status = u.status, next_attempt_at = u.next_attempt_at, claimed_until = NULL,
             last_attempt_at = u.at, last_status_code = u.status_code, last_response_body = u.response_body, last_error = u.error, updated_at = u.at
        FROM unnest(${column((u) => u.id)}::uuid[], ${column((u) => u.number)}::int[], ${column((u) => u.status)}::text[],
                    ${column((u) => u.nextAttemptAt?.toISOString() ?? null)}::timestamptz[], ${column((u) => u.at.toISOString())}::timestamptz[],
                    ${column((u) => u.result.statusCode)}::int[], ${column((u) => u.result.responseBody)}::text[], ${column((u) => u.result.error)}::text[])
             AS u(id, number, status, next_attempt_at, at, status_code, response_body, error)
       WHERE d.id = u.id`.execute(this.db);
  }

  /** Fails deliveries without an attempt (their endpoint is disabled). */
  async fail(ids: string[], error: string, at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('webhookDeliveries').set({ status: 'failed', nextAttemptAt: null, claimedUntil: null, lastError: error, updatedAt: at }).where('id', '=', anyUuid(ids)).execute();
  }

  /** Queues a delivery again for an attempt now. */
  async requeue(id: string, at: Date): Promise<DeliveryRow | undefined> {
    return this.db
      .updateTable('webhookDeliveries')
      .set({ status: 'pending', nextAttemptAt: at, updatedAt: at })
      .where('id', '=', id)
      .returning(deliveryColumns)
      .executeTakeFirst();
  }
}
