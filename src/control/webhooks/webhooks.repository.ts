import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { AttemptResult } from '../../kernel/webhooks/sender.js';
import type { DeliveryStatus, OperatorWebhooksTables } from './webhooks.tables.js';

const endpointColumns = ['id', 'url', 'description', 'events', 'enabled', 'disabledReason', 'secret', 'previousSecret', 'previousSecretExpiresAt', 'failingSince', 'createdAt', 'updatedAt'] as const;
const deliveryColumns = ['id', 'endpointId', 'eventId', 'eventType', 'payload', 'status', 'attemptCount', 'nextAttemptAt', 'claimedUntil', 'lastAttemptAt', 'lastStatusCode', 'lastResponseBody', 'lastError', 'createdAt', 'updatedAt'] as const;

const attemptColumns = ['deliveryId', 'number', 'attemptedAt', 'statusCode', 'responseBody', 'durationMs', 'error'] as const;

type Tables = OperatorWebhooksTables;
export type EndpointRow = Pick<Selectable<Tables['control.webhookEndpoints']>, (typeof endpointColumns)[number]>;
export type DeliveryRow = Pick<Selectable<Tables['control.webhookDeliveries']>, (typeof deliveryColumns)[number]>;

export type AttemptRow = Pick<Selectable<Tables['control.webhookAttempts']>, (typeof attemptColumns)[number]>;

export interface NewDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: string;
}

/** SQL for the operator's webhook endpoints, deliveries and attempts (`control.webhook_*`). */
export class OperatorWebhooksRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  // ---- endpoints

  async findEndpoint(id: string): Promise<EndpointRow | undefined> {
    return this.db.selectFrom('control.webhookEndpoints').select(endpointColumns).where('id', '=', id).executeTakeFirst();
  }

  /** A page of `limit + 1` endpoints after `after`, oldest first. */
  async listEndpoints(limit: number, after: string | null): Promise<EndpointRow[]> {
    let q = this.db.selectFrom('control.webhookEndpoints').select(endpointColumns).orderBy('id').limit(limit + 1);
    if (after) q = q.where('id', '>', after);
    return q.execute();
  }

  async countEndpoints(): Promise<number> {
    const row = await this.db.selectFrom('control.webhookEndpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async enabledEndpoints(): Promise<EndpointRow[]> {
    return this.db.selectFrom('control.webhookEndpoints').select(endpointColumns).where('enabled', '=', true).execute();
  }

  /** `secret` arrives sealed, bound to `id`. */
  async insertEndpoint(input: { id: string; url: string; events: string[]; description: string; enabled: boolean; secret: string }): Promise<EndpointRow> {
    return this.db
      .insertInto('control.webhookEndpoints')
      .values({ ...input, disabledReason: input.enabled ? null : 'manual' })
      .returning(endpointColumns)
      .executeTakeFirstOrThrow();
  }

  async updateEndpoint(id: string, patch: { url?: string; events?: string[]; description?: string; enabled?: boolean }): Promise<EndpointRow | undefined> {
    const { url, events, description, enabled } = patch;
    // Kysely leaves out the fields that are undefined: the patch changes only what it names.
    const set: Updateable<Tables['control.webhookEndpoints']> = { url, events, description, updatedAt: new Date() };
    if (enabled === true) Object.assign(set, { enabled: true, disabledReason: null, failingSince: null });
    // Turning off an endpoint that is already off keeps the reason it went off.
    if (enabled === false) Object.assign(set, { enabled: false, disabledReason: sql`coalesce(disabled_reason, 'manual')` });
    return this.db.updateTable('control.webhookEndpoints').set(set).where('id', '=', id).returning(endpointColumns).executeTakeFirst();
  }

  async deleteEndpoint(id: string): Promise<EndpointRow | undefined> {
    return this.db.deleteFrom('control.webhookEndpoints').where('id', '=', id).returning(endpointColumns).executeTakeFirst();
  }

  async rotateSecret(id: string, secret: string, previousExpiresAt: Date): Promise<EndpointRow | undefined> {
    return this.db
      .updateTable('control.webhookEndpoints')
      .set({ previousSecret: sql`secret`, previousSecretExpiresAt: previousExpiresAt, secret, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(endpointColumns)
      .executeTakeFirst();
  }

  /** Records a failure: the endpoint has been failing since the first failure after its last success. */
  async markFailing(id: string, at: Date): Promise<Date | null> {
    const row = await this.db
      .updateTable('control.webhookEndpoints')
      .set({ failingSince: sql`coalesce(failing_since, ${at})` })
      .where('id', '=', id)
      .returning('failingSince')
      .executeTakeFirst();
    const since = row?.failingSince ?? null;
    return since === null ? null : new Date(since);
  }

  async markHealthy(id: string): Promise<void> {
    await this.db.updateTable('control.webhookEndpoints').set({ failingSince: null }).where('id', '=', id).where('failingSince', 'is not', null).execute();
  }

  /** Disables an enabled endpoint; undefined when it was already disabled. */
  async disableEndpoint(id: string, reason: 'gone' | 'failing', at: Date): Promise<EndpointRow | undefined> {
    return this.db
      .updateTable('control.webhookEndpoints')
      .set({ enabled: false, disabledReason: reason, updatedAt: at })
      .where('id', '=', id)
      .where('enabled', '=', true)
      .returning(endpointColumns)
      .executeTakeFirst();
  }

  // ---- deliveries

  /** An (endpoint, event) that has its delivery already is left as it is: an event handed over again sends nothing twice. */
  async insertDeliveries(deliveries: NewDelivery[], at: Date): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db
      .insertInto('control.webhookDeliveries')
      .values(deliveries.map((d) => ({ ...d, nextAttemptAt: at })))
      .onConflict((oc) => oc.columns(['endpointId', 'eventId']).doNothing())
      .execute();
  }

  /** The event's deliveries that still wait for their first attempt. */
  async unattemptedOf(eventId: string): Promise<{ id: string }[]> {
    return this.db.selectFrom('control.webhookDeliveries').select('id').where('eventId', '=', eventId).where('status', '=', 'pending').where('attemptCount', '=', 0).orderBy('id').execute();
  }

  async findDelivery(id: string): Promise<DeliveryRow | undefined> {
    return this.db.selectFrom('control.webhookDeliveries').select(deliveryColumns).where('id', '=', id).executeTakeFirst();
  }

  /** The delivery, locked for this transaction, with its endpoint. */
  async lockDelivery(id: string): Promise<{ delivery: DeliveryRow; endpoint: EndpointRow } | undefined> {
    const delivery = await this.db.selectFrom('control.webhookDeliveries').select(deliveryColumns).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!delivery) return undefined;
    const endpoint = await this.findEndpoint(delivery.endpointId);
    return endpoint && { delivery, endpoint };
  }

  /** Newest first. */
  async listDeliveries(endpointId: string, query: { limit: number; status?: DeliveryStatus }, before: string | null): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('control.webhookDeliveries').select(deliveryColumns).where('endpointId', '=', endpointId).orderBy('id', 'desc').limit(query.limit + 1);
    if (query.status) q = q.where('status', '=', query.status);
    if (before) q = q.where('id', '<', before);
    return q.execute();
  }

  /** The attempts of these deliveries, by delivery, in order. */
  async attemptsOf(deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
    const byDelivery = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
    if (deliveryIds.length === 0) return byDelivery;
    const rows = await this.db.selectFrom('control.webhookAttempts').select(attemptColumns).where('deliveryId', 'in', deliveryIds).orderBy('deliveryId').orderBy('number').execute();
    for (const r of rows) byDelivery.get(r.deliveryId)?.push(r);
    return byDelivery;
  }

  async claim(id: string, until: Date): Promise<void> {
    await this.db.updateTable('control.webhookDeliveries').set({ claimedUntil: until }).where('id', '=', id).execute();
  }

  async releaseClaim(id: string): Promise<void> {
    await this.db.updateTable('control.webhookDeliveries').set({ claimedUntil: null }).where('id', '=', id).execute();
  }

  /** Records attempt `number` once: false when it was recorded before (a repeated job). */
  async recordAttempt(deliveryId: string, number: number, at: Date, result: AttemptResult): Promise<boolean> {
    const row = await this.db
      .insertInto('control.webhookAttempts')
      .values({ deliveryId, number, attemptedAt: at, statusCode: result.statusCode, responseBody: result.responseBody, durationMs: result.durationMs, error: result.error })
      .onConflict((oc) => oc.columns(['deliveryId', 'number']).doNothing())
      .returning('number')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The delivery's state after attempt `number`. */
  async afterAttempt(id: string, u: { number: number; at: Date; result: AttemptResult; status: DeliveryStatus; nextAttemptAt: Date | null }): Promise<void> {
    await this.db
      .updateTable('control.webhookDeliveries')
      .set({
        attemptCount: u.number,
        status: u.status,
        nextAttemptAt: u.nextAttemptAt,
        claimedUntil: null,
        lastAttemptAt: u.at,
        lastStatusCode: u.result.statusCode,
        lastResponseBody: u.result.responseBody,
        lastError: u.result.error,
        updatedAt: u.at,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Fails a delivery without an attempt (its endpoint is disabled). */
  async fail(id: string, error: string, at: Date): Promise<void> {
    await this.db.updateTable('control.webhookDeliveries').set({ status: 'failed', nextAttemptAt: null, claimedUntil: null, lastError: error, updatedAt: at }).where('id', '=', id).execute();
  }

  /** Queues a delivery again for an attempt now. */
  async requeue(id: string, at: Date): Promise<DeliveryRow | undefined> {
    return this.db.updateTable('control.webhookDeliveries').set({ status: 'pending', nextAttemptAt: at, updatedAt: at }).where('id', '=', id).returning(deliveryColumns).executeTakeFirst();
  }

  /** Deletes up to `limit` deliveries that ended before `cutoff`, with their attempts (cascade). */
  async pruneFinished(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('control.webhookDeliveries')
      .where('id', 'in', (eb) => eb.selectFrom('control.webhookDeliveries').select('id').where('status', '<>', 'pending').where('updatedAt', '<', cutoff).limit(limit))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
