import { createHmac, hkdfSync } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { Db } from '../../kernel/db/tables.js';
import type { TenantDatabaseRouter, TenantLocation } from '../../kernel/db/router.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { IdempotencyRepository, type KeyRef, type StoredResponse } from './idempotency.repository.js';

export type { KeyRef, StoredResponse } from './idempotency.repository.js';

export interface IdempotencyOptions {
  /** How long a claim holds a key before its request is presumed dead and the key free again. */
  leaseMs: number;
  /** How long a completed response is kept (at least 24 h: the documented promise). */
  ttlMs: number;
}

export const IDEMPOTENCY_DEFAULTS: IdempotencyOptions = { leaseMs: 60_000, ttlMs: 24 * 60 * 60_000 };

/** What a request may do with its key: run (holding `claim`), or answer the stored response. */
export type Claim = { kind: 'claimed'; ref: KeyRef; claim: string } | { kind: 'replay'; response: StoredResponse };
export type Claimed = Extract<Claim, { kind: 'claimed' }>;

/** The parts of a request that make it "the same request". */
export interface RequestShape {
  method: string;
  /** The route pattern (`/api/v1/members/:id`), not the URL: prefixes and encodings do not count. */
  route: string;
  params: unknown;
  query: unknown;
  body: unknown;
}

/** Marks fingerprints made by `fingerprint`: rows without it cannot match any request. */
const FINGERPRINT_PREFIX = 'hmac-sha256:';

/**
 * The key request fingerprints are made with, derived from a server secret: its own key, so a
 * fingerprint says nothing about the secret, nor the secret's other uses about fingerprints.
 */
export function fingerprintKey(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, '', 'courtyard idempotency fingerprint v1', 32));
}

/**
 * HMAC-SHA-256 of method, route pattern, path parameters, query and canonical body. Keyed,
 * because bodies carry passwords and provider keys: a plain hash would let whoever reads the
 * table test guesses of them offline.
 */
export function requestFingerprint(key: Buffer, r: RequestShape): string {
  const mac = createHmac('sha256', key).update(canonicalJson([r.method.toUpperCase(), r.route, r.params ?? {}, r.query ?? {}, r.body ?? null]));
  return FINGERPRINT_PREFIX + mac.digest('hex');
}

/**
 * Idempotency keys of the data plane. A request that carries a key first claims it in a short
 * transaction of its own (committed, so that concurrent requests see the claim), then runs its
 * handler and completes the key in the handler's transaction: the stored response exists if
 * and only if the handler's writes committed. A request that fails releases its claim.
 */
export class IdempotencyKeys {
  readonly options: IdempotencyOptions;

  constructor(private readonly router: TenantDatabaseRouter, options: Partial<IdempotencyOptions> = {}) {
    this.options = { ...IDEMPOTENCY_DEFAULTS, ...options };
  }

  /**
   * Claims `ref` for a request with `fingerprint`, or says to replay the stored response.
   * Refuses with 422 `idempotency_key_reused` (the key belongs to another request) or 409
   * `request_in_progress` (the first request with this key still runs).
   */
  async claim(tenant: TenantLocation, ref: KeyRef, fingerprint: string): Promise<Claim> {
    const { leaseMs, ttlMs } = this.options;
    const claim = newId();
    return this.router.tenantTransaction(tenant, async (db) => {
      const repo = new IdempotencyRepository(db);
      // Twice at most: a row released between the insert and the lock is simply gone.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (await repo.insert(ref, fingerprint, claim, leaseMs, ttlMs)) return { kind: 'claimed', ref, claim };
        const row = await repo.lock(ref);
        if (!row) continue;
        // An expired response is forgotten; an unfinished request whose lease ran out left
        // nothing behind (its writes and its completion share one transaction): take over.
        if (row.expired || (row.status === 'in_progress' && !row.leased)) {
          await repo.takeOver(ref, fingerprint, claim, leaseMs, ttlMs);
          return { kind: 'claimed', ref, claim };
        }
        if (row.fingerprint !== fingerprint) {
          throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key for a new request');
        }
        if (row.status === 'in_progress') {
          throw new AppError('request_in_progress', 'A request with this Idempotency-Key is still being processed; retry later', { headers: { 'retry-after': '1' } });
        }
        return { kind: 'replay', response: { status: row.responseStatus!, type: row.responseType, body: row.responseBody } };
      }
      throw new AppError('request_in_progress', 'Another request is using this Idempotency-Key; retry later', { headers: { 'retry-after': '1' } });
    });
  }

  /**
   * Stores the response in the handler's transaction `db`. If the claim was lost (the lease ran
   * out and a retry took the key over), refuses, which rolls the handler's writes back.
   */
  async complete(db: Db, claimed: Claimed, response: StoredResponse): Promise<void> {
    if (!(await new IdempotencyRepository(db).complete(claimed.ref, claimed.claim, response, this.options.ttlMs))) {
      throw new AppError('request_in_progress', 'This request took longer than its hold on the Idempotency-Key and a retry took the key over; nothing was changed');
    }
  }

  /** Frees the key of a request that failed, so that a retry runs again. */
  async release(tenant: TenantLocation, claimed: Claimed): Promise<void> {
    await this.router.tenantTransaction(tenant, (db) => new IdempotencyRepository(db).release(claimed.ref, claimed.claim));
  }
}
