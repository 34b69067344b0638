import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../kernel/errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { CACHE_MAX_ENTRIES, Lru } from '../../kernel/lru.js';
import { newApiKey } from '../../kernel/security/api-key-secrets.js';
import type { SessionCache, SessionState } from '../../kernel/security/session-cache.js';
import { hashToken } from '../../kernel/security/tokens.js';
import { appendAudit } from '../audit.js';
import { controlErrors } from '../control.errors.js';
import type { ControlContext } from '../context.js';
import { PlatformApiKeysRepository, type PlatformApiKeyRow } from './platform-api-keys.repository.js';

/** Platform API keys begin with this (tenant keys with `cy_`): a key says which plane it is for. */
export const PLATFORM_API_KEY_PREFIX = 'cyp_';
/** What every active operator holds: the control plane has one role, platform_admin. */
export const OPERATOR_PERMISSIONS: ReadonlySet<string> = new Set(['platform.admin']);
const SCOPE = 'control';
const LAST_USED_EVERY_SECONDS = 60;

export interface PlatformKeyPrincipal {
  userId: string;
  apiKeyId: string;
  permissions: ReadonlySet<string>;
}

const view = (k: PlatformApiKeyRow) => ({ id: k.id, name: k.name, prefix: k.prefix, permissions: k.permissions, createdBy: k.createdBy, createdAt: k.createdAt, expiresAt: k.expiresAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt });
const sessionIdOf = (keyId: string) => `key:${keyId}`;

/**
 * Platform operators' API keys (`Bearer cyp_…` on /control/v1), the control plane's twin of the
 * tenant keys: made with some of the operator's permissions, shown once, kept as a hash. A
 * key's state is cached with its operator's sessions, so revoking it (or anything that ends the
 * operator's sessions) reaches every process at once.
 */
export class PlatformApiKeys {
  /** What never changes about a key, by its hash: whose it is and what it was given. */
  readonly #facts = new Lru<string, { id: string; createdBy: string; permissions: ReadonlySet<string> }>(CACHE_MAX_ENTRIES);
  readonly #touched = new Lru<string, number>(CACHE_MAX_ENTRIES);

  constructor(
    private readonly db: ControlContext['db'],
    private readonly sessions: SessionCache,
  ) {}

  async admit(token: string): Promise<PlatformKeyPrincipal> {
    const hash = hashToken(token);
    const repo = new PlatformApiKeysRepository(this.db);
    const load = async (): Promise<SessionState | null> => {
      const row = await repo.admission(hash);
      if (!row) return null;
      if (!this.#facts.get(hash)) this.#facts.set(hash, { id: row.id, createdBy: row.createdBy, permissions: new Set(row.permissions) });
      return { alive: row.revokedAt === null, endsAt: row.expiresAt ? row.expiresAt.getTime() : Infinity, active: row.status === 'active', roles: [], memberId: null };
    };
    let facts = this.#facts.get(hash);
    // The first use loads it directly: the operator is not known before, to cache it under.
    const state = facts ? await this.sessions.get(SCOPE, facts.createdBy, sessionIdOf(facts.id), load) : await load();
    facts ??= this.#facts.get(hash);
    if (!state || !facts) throw new AppError('unauthenticated', 'The API key is not valid');
    if (!state.alive) throw new AppError('unauthenticated', 'The API key was revoked');
    if (state.endsAt <= Date.now()) throw new AppError('unauthenticated', 'The API key has expired');
    if (!state.active) throw new AppError('unauthenticated', 'The operator who made this API key is disabled');
    const last = this.#touched.get(facts.id);
    if (last === undefined || Date.now() - last >= LAST_USED_EVERY_SECONDS * 1000) {
      this.#touched.set(facts.id, Date.now());
      await repo.touch(facts.id, new Date(), LAST_USED_EVERY_SECONDS);
    }
    return { userId: facts.createdBy, apiKeyId: facts.id, permissions: new Set([...facts.permissions].filter((p) => OPERATOR_PERMISSIONS.has(p))) };
  }

  /** Makes a key with some of `held`, the permissions of whoever asks (an operator, or a key). */
  async create(ctx: ControlContext, operatorId: string, held: ReadonlySet<string>, input: { name: string; permissions: string[]; expiresAt?: string | null }) {
    const permissions = [...new Set(input.permissions)].sort();
    const unknown = permissions.filter((p) => !OPERATOR_PERMISSIONS.has(p));
    if (unknown.length > 0) throw new AppError(controlErrors.unknown_permission, `No such operator permission: ${unknown.join(', ')}`, { errors: unknown.map((p) => ({ field: 'permissions', message: `no permission "${p}"` })) });
    const lacking = permissions.filter((p) => !held.has(p));
    if (lacking.length > 0) throw new AppError(controlErrors.permission_not_held, `An API key may have only permissions you hold: not ${lacking.join(', ')}`, { errors: lacking.map((p) => ({ field: 'permissions', message: `you do not hold "${p}"` })) });
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new AppError('unprocessable', 'The expiry must be in the future', { errors: [{ field: 'expiresAt', message: 'must be in the future' }] });
    const { key, hash, shown } = newApiKey(PLATFORM_API_KEY_PREFIX);
    return ctx.db.transaction().execute(async (trx) => {
      const row = await new PlatformApiKeysRepository(trx).insert({ name: input.name, prefix: shown, secretHash: hash, permissions, createdBy: operatorId, expiresAt });
      await appendAudit(trx, { actor: ctx.actor, action: 'platform_api_key.created', target: row.id, data: { name: row.name, permissions } });
      return { ...view(row), key };
    });
  }

  async list(ctx: ControlContext, { limit, cursor }: { limit: number; cursor?: string }) {
    const after = decodeCursor(cursor, ['uuid'])?.[0];
    const page = pageOf(await new PlatformApiKeysRepository(ctx.db).list(limit, after ?? null), limit, (k) => [k.id]);
    return { data: page.data.map(view), nextCursor: page.nextCursor };
  }

  async revoke(ctx: ControlContext, id: string): Promise<void> {
    const revoked = await ctx.db.transaction().execute(async (trx) => {
      const row = await new PlatformApiKeysRepository(trx).revoke(id, new Date());
      if (row) await appendAudit(trx, { actor: ctx.actor, action: 'platform_api_key.revoked', target: id });
      return row;
    });
    if (!revoked) throw notFound('The API key');
    this.sessions.changed(SCOPE, revoked.createdBy);
  }
}

/**
 * A platform API key reaches the control routes its permissions allow, and `GET /me`; not its
 * operator's own account (name, password, sessions), which only an operator signed in may see
 * and change: the control plane's twin of the data plane's `checkApiKeyRoute`.
 */
export function checkPlatformApiKeyRoute(request: FastifyRequest): void {
  const url = request.routeOptions.url ?? '';
  if (url !== '/control/v1/me' && !url.startsWith('/control/v1/me/')) return;
  if (request.method === 'GET' && url === '/control/v1/me') return;
  throw new AppError('permission_denied', "A platform API key cannot change its operator's own account: sign in to do that");
}
