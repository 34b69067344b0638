import type { FastifyRequest } from 'fastify';
import type { Principal, TenantInfo } from '../kernel/context.js';
import type { Db } from '../kernel/db/tables.js';
import type { TenantDatabaseRouter } from '../kernel/db/router.js';
import { AppError } from '../kernel/errors.js';
import { permissionOf, type RouteAccess } from '../kernel/http/access.js';
import { CACHE_MAX_ENTRIES, CACHE_SAFETY_NET_MS, Lru } from '../kernel/lru.js';
import type { SessionCache, SessionState } from '../kernel/security/session-cache.js';
import { hashToken } from '../kernel/security/tokens.js';
import { ApiKeysRepository } from './identity/api-keys.repository.js';
import { permissionsGranted, type Grant, type RolePermissionCache } from './role-cache.js';

/** Tenant API keys begin with this; access tokens (JWTs) never do. */
export const API_KEY_PREFIX = 'cy_';
/** A key's last use is written at most this often (seconds): not a write per request. */
export const LAST_USED_EVERY_SECONDS = 60;

/** What never changes about a key once made: who made it and the permissions it was given. */
interface KeyFacts {
  id: string;
  createdBy: string;
  permissions: readonly string[];
  /** The key's permissions narrowed by its creator's, for the creator's permission set they came from. */
  narrowed?: { from: Grant; set: ReadonlySet<string> };
}

/**
 * Authenticates `Authorization: Bearer cy_…`: the key's principal acts as the user who made it,
 * with the key's permissions intersected with that user's current ones (demoting the user
 * narrows the key; disabling the user stops it).
 *
 * Cheap when warm, one statement when cold: what never changes about a key is kept by its
 * hash; what can change (revoked, the creator's status and roles) is kept in the session cache
 * under the creator, as one of their "sessions", so every change that already invalidates a
 * user's sessions (status, roles, member link; in every process) invalidates their keys too,
 * and revoking a key invalidates its creator's entry. A key's state is cached from its second
 * use on: only then is its creator known before the load, which the cache must reserve to
 * drop a load that races a change.
 */
export class ApiKeyAdmission {
  readonly #facts = new Lru<string, KeyFacts>(CACHE_MAX_ENTRIES, CACHE_SAFETY_NET_MS);
  /** When this process last wrote each key's last use. */
  readonly #touched = new Lru<string, number>(CACHE_MAX_ENTRIES);

  constructor(
    private readonly sessions: SessionCache,
    private readonly roles: RolePermissionCache,
  ) {}

  async admit(router: TenantDatabaseRouter, tenant: TenantInfo, token: string): Promise<Principal> {
    const hash = hashToken(token);
    const facts = this.#facts.get(`${tenant.id}:${hash}`);
    const state = facts ? this.sessions.peek(tenant.id, facts.createdBy, sessionIdOf(facts.id)) : undefined;
    const granted = state ? this.roles.cached(tenant.id, state.roles) : undefined;
    if (facts && state && granted) {
      const principal = this.#principal(facts, state, granted);
      if (this.#due(facts.id)) await router.tenantTransaction(tenant, (db) => this.#touch(db, facts.id));
      return principal;
    }
    return router.tenantTransaction(tenant, (db) => this.#load(db, tenant, hash, facts));
  }

  /** The cold path: one statement reads the key, its creator and (when not cached) the roles. */
  async #load(db: Db, tenant: TenantInfo, hash: string, known: KeyFacts | undefined): Promise<Principal> {
    const keepState = known ? this.sessions.reserve(tenant.id, known.createdBy, sessionIdOf(known.id)) : undefined;
    const keepRoles = this.roles.reserve(tenant.id);
    const row = await new ApiKeysRepository(db).admission(hash);
    if (!row) throw new AppError('unauthenticated', 'The API key is not valid');
    const state: SessionState = {
      alive: row.revokedAt === null,
      endsAt: row.expiresAt ? row.expiresAt.getTime() : Infinity,
      active: row.status === 'active',
      roles: row.roles ?? [],
      memberId: row.memberId,
    };
    const roles = new Map(Object.entries(row.rolePermissions ?? {}));
    keepRoles(roles);
    keepState?.(state);
    const granted = permissionsGranted(roles, state.roles);
    const facts = known ?? { id: row.id, createdBy: row.createdBy, permissions: row.permissions };
    if (!known) this.#facts.set(`${tenant.id}:${hash}`, facts);
    const principal = this.#principal(facts, state, granted);
    if (this.#due(facts.id)) await this.#touch(db, facts.id);
    return principal;
  }

  #principal(facts: KeyFacts, state: SessionState, granted: Grant): Principal {
    if (!state.alive) throw new AppError('unauthenticated', 'The API key was revoked');
    if (state.endsAt <= Date.now()) throw new AppError('unauthenticated', 'The API key has expired');
    if (!state.active) throw new AppError('unauthenticated', 'The user who made this API key is disabled');
    if (facts.narrowed?.from !== granted) facts.narrowed = { from: granted, set: new Set(facts.permissions.filter((p) => granted.permissions.has(p))) };
    // The key sees no field its creator's roles hide.
    return { userId: facts.createdBy, roles: state.roles, sessionId: facts.id, memberId: state.memberId, permissions: facts.narrowed.set, hiddenFields: granted.hiddenFields, apiKeyId: facts.id };
  }

  #due(id: string): boolean {
    const now = Date.now();
    const last = this.#touched.get(id);
    if (last !== undefined && now - last < LAST_USED_EVERY_SECONDS * 1000) return false;
    this.#touched.set(id, now);
    return true;
  }

  #touch(db: Db, id: string): Promise<void> {
    return new ApiKeysRepository(db).touch(id, new Date(), LAST_USED_EVERY_SECONDS);
  }
}

/**
 * Whom a request counts for, in rate limits and Idempotency-Keys: an API key apart from the
 * user who made it, so that neither uses up the other's allowance or replays the other's answers.
 */
export const principalKey = (principal: Principal): string => (principal.apiKeyId ? `key:${principal.apiKeyId}` : principal.userId);

/** A key's entry among its creator's sessions (session ids are UUIDs: no clash). */
export const sessionIdOf = (keyId: string) => `key:${keyId}`;

/**
 * An API key reaches the routes that name a permission, and `GET /me`; not its user's own
 * account (password, sessions, profile), which only a person signed in may see and change.
 */
export function checkApiKeyRoute(access: RouteAccess, request: FastifyRequest): void {
  if (permissionOf(access) || (request.method === 'GET' && request.routeOptions.url === '/api/v1/me')) return;
  throw new AppError('permission_denied', "An API key cannot change its user's own account: sign in to do that");
}
