import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { IdempotencyTables } from './idempotency.tables.js';

/** Which stored key: the primary key of `idempotency_keys`. */
export interface KeyRef {
  tenantId: string;
  principal: string;
  key: string;
}

export interface StoredKey {
  fingerprint: string;
  status: 'in_progress' | 'completed';
  responseStatus: number | null;
  responseType: string | null;
  responseBody: string | null;
  /** In progress with a lease that has not run out. */
  leased: boolean;
  expired: boolean;
}

export interface StoredResponse {
  status: number;
  type: string | null;
  body: string | null;
}

const seconds = (ms: number) => sql`(${ms / 1000}::double precision * interval '1 second')`;

/** Idempotency keys SQL; runs inside tenant transactions, so RLS scopes every statement. */
export class IdempotencyRepository {
  private readonly db: Kysely<IdempotencyTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  #where(ref: KeyRef) {
    return { tenantId: ref.tenantId, principal: ref.principal, key: ref.key };
  }

  /** Inserts an in-progress row; false when the key is already there. */
  async insert(ref: KeyRef, fingerprint: string, claim: string, leaseMs: number, ttlMs: number): Promise<boolean> {
    const row = await this.db
      .insertInto('idempotencyKeys')
      .values({
        ...this.#where(ref),
        fingerprint,
        status: 'in_progress',
        claim,
        lockedUntil: sql`now() + ${seconds(leaseMs)}`,
        expiresAt: sql`now() + ${seconds(ttlMs)}`,
      })
      .onConflict((oc) => oc.columns(['tenantId', 'principal', 'key']).doNothing())
      .returning('claim')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The stored row, locked until the transaction ends (waits for a request completing it). */
  lock(ref: KeyRef): Promise<StoredKey | undefined> {
    return this.db
      .selectFrom('idempotencyKeys')
      .select([
        'fingerprint',
        'status',
        'responseStatus',
        'responseType',
        'responseBody',
        sql<boolean>`status = 'in_progress' AND locked_until > now()`.as('leased'),
        sql<boolean>`expires_at <= now()`.as('expired'),
      ])
      .where('tenantId', '=', ref.tenantId)
      .where('principal', '=', ref.principal)
      .where('key', '=', ref.key)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Hands a locked row to a new request, as if it had just been inserted. */
  async takeOver(ref: KeyRef, fingerprint: string, claim: string, leaseMs: number, ttlMs: number): Promise<void> {
    await this.db
      .updateTable('idempotencyKeys')
      .set({
        fingerprint,
        status: 'in_progress',
        claim,
        lockedUntil: sql`now() + ${seconds(leaseMs)}`,
        responseStatus: null,
        responseType: null,
        responseBody: null,
        createdAt: sql`now()`,
        expiresAt: sql`now() + ${seconds(ttlMs)}`,
      })
      .where('tenantId', '=', ref.tenantId)
      .where('principal', '=', ref.principal)
      .where('key', '=', ref.key)
      .execute();
  }

  /**
   * Records the response of the request holding `claim`; false when it no longer holds it (its
   * lease ran out and another request took the key over).
   */
  async complete(ref: KeyRef, claim: string, response: StoredResponse, ttlMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotencyKeys')
      .set({
        status: 'completed',
        lockedUntil: null,
        responseStatus: response.status,
        responseType: response.type,
        responseBody: response.body,
        expiresAt: sql`clock_timestamp() + ${seconds(ttlMs)}`,
      })
      .where('tenantId', '=', ref.tenantId)
      .where('principal', '=', ref.principal)
      .where('key', '=', ref.key)
      .where('claim', '=', claim)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Frees a key whose request failed, if that request still holds it. */
  async release(ref: KeyRef, claim: string): Promise<void> {
    await this.db
      .deleteFrom('idempotencyKeys')
      .where('tenantId', '=', ref.tenantId)
      .where('principal', '=', ref.principal)
      .where('key', '=', ref.key)
      .where('claim', '=', claim)
      .where('status', '=', 'in_progress')
      .execute();
  }

  /** Deletes up to `limit` expired rows of the tenant, skipping rows other requests hold. */
  async deleteExpired(tenantId: string, limit: number): Promise<number> {
    const result = await sql`
      DELETE FROM idempotency_keys
       WHERE (tenant_id, principal, key) IN (
         SELECT tenant_id, principal, key FROM idempotency_keys
          WHERE tenant_id = ${tenantId} AND expires_at <= now()
          LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }
}
