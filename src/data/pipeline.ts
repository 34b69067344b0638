import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Principal, TenantContext, TenantInfo } from '../kernel/context.js';
import type { Db } from '../kernel/db/tables.js';
import type { TenantDatabaseRouter } from '../kernel/db/router.js';
import { AppError } from '../kernel/errors.js';
import { isPublic, ownPermissionOf, permissionOf, scopeOf, type RouteAccess } from '../kernel/http/access.js';
import type { HttpApp } from '../kernel/http/app.js';
import type { LicenceVerifier, VerifiedLicence } from '../kernel/security/licence.js';
import { holdsFor, holdsForAny } from '../kernel/security/scoped-permissions.js';
import { checkSession, type SessionState } from '../kernel/security/session-cache.js';
import type { AccessClaims, TokenService } from '../kernel/security/tokens.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKeys, type IdempotencyOptions } from './idempotency/index.js';
import { runIdempotently, withIdempotencyHeader, withReplayResponse, type Recorder } from './idempotent-requests.js';
import type { ModuleHost } from '../kernel/modules/module-host.js';
import type { TenantDirectory } from '../kernel/tenant-directory.js';
import type { TenantSessions } from './identity/tenant-sessions.js';
import { rolePermissions } from './identity/index.js';
import { permissionsGranted, type Grant, type RoleGrant, type RolePermissionCache } from './role-cache.js';
import { API_KEY_PREFIX, checkApiKeyRoute, principalKey, type ApiKeyAdmission } from './api-key-admission.js';
import type { ApiRateLimit } from '../kernel/security/api-rate-limit.js';
import { resolveTenant } from './tenant-resolution.js';
import type { ApiRequestMeter } from './metering/api-requests.js';
import { checkStepUp } from './step-up.js';
import { logsAt } from '../kernel/observability/logging.js';
import { tagTenant } from '../kernel/observability/tracing.js';
import { requestLocale, setTenantLocale, setUserLocale } from '../kernel/http/request-locale.js';

export interface PipelineDeps {
  directory: TenantDirectory;
  router: TenantDatabaseRouter;
  licences: LicenceVerifier;
  tokens: TokenService;
  roles: RolePermissionCache;
  sessions: TenantSessions;
  /** Authenticates `Bearer cy_…` API keys. */
  apiKeys: ApiKeyAdmission;
  /** The API's limits per principal and per tenant. */
  rateLimit: ApiRateLimit;
  modules: ModuleHost;
  baseDomain: string;
  /** A data plane pinned to one tenant (slug or id) answers for no other. */
  pinnedTenant?: string;
  /** Lease and retention of idempotency keys (tests shorten them). */
  idempotency?: Partial<IdempotencyOptions>;
  /** The key Idempotency-Key request fingerprints are made with (`fingerprintKey` of a server secret). */
  fingerprintKey: Buffer;
  /** The time a step-up's age is judged at (tests move it); default the system clock. */
  clock?: () => Date;
  /** Counts the requests each tenant is served, for the platform's metering. */
  apiRequests?: ApiRequestMeter;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Gated {
  tenant: TenantInfo;
  principal: Principal | null;
  /** Set when the session and the permission are checked inside the request's transaction (see `defers`). */
  admit: ((db: Db) => Promise<void>) | null;
  licence: VerifiedLicence;
  /** The request's logger with tenant and user; made when first needed. */
  log: Logger | null;
  bindings: Record<string, string>;
}

const gated = new WeakMap<FastifyRequest, Gated>();
/** Requests whose handler is running inside its tenant transaction, and those that sent a reply from there. */
const inTransaction = new WeakSet<FastifyRequest>();
const sentInTransaction = new WeakSet<FastifyRequest>();

/**
 * The tenant a request was resolved to, for a route's own hooks that run after the gates but
 * before the handler's transaction (a sign-in's throttle, whose delay must hold no connection).
 */
export function requestTenant(request: FastifyRequest): TenantInfo {
  const g = gated.get(request);
  if (!g) throw new Error('requestTenant called before the pipeline resolved the tenant');
  return g.tenant;
}

/** The signed-in principal of a request, for the same hooks as `requestTenant` (null on a public route). */
export function requestPrincipal(request: FastifyRequest): Principal | null {
  const g = gated.get(request);
  if (!g) throw new Error('requestPrincipal called before the pipeline resolved the tenant');
  if (g.admit) throw new Error(`route ${request.method} ${request.routeOptions.url} reads the principal before its transaction, but a ${request.method} without a body is admitted inside it`);
  return g.principal;
}

type AdmissionDeps = Pick<PipelineDeps, 'sessions' | 'roles'>;

/**
 * The principal of a token whose session is checked: with the roles its user holds now (the
 * session's state), not the ones the token was issued with, so that a change of a user's roles
 * shows on their next request rather than at the next refresh.
 */
const principalFor = (claims: AccessClaims, state: SessionState, granted: Grant): Principal => ({ userId: claims.sub, roles: state.roles, sessionId: claims.sid, memberId: claims.mid ?? null, permissions: granted.permissions, hiddenFields: granted.hiddenFields, locale: state.locale ?? null });

/** The token's principal when its session and the tenant's roles are both cached (no query); undefined when not. */
function admitCached(deps: AdmissionDeps, tenant: TenantInfo, claims: AccessClaims): Principal | undefined {
  const state = deps.sessions.peek(tenant, claims);
  if (state === undefined) return undefined;
  checkSession(state, claims, { followRoles: true });
  const granted = deps.roles.cached(tenant.id, state!.roles);
  if (!granted) return undefined;
  return principalFor(claims, state!, granted);
}

/** The token's principal, loading what is not cached in the tenant transaction `db`: one statement at most. */
async function admitIn(db: Db, deps: AdmissionDeps, tenant: TenantInfo, claims: AccessClaims): Promise<Principal> {
  // Whether the tenant's roles are cached is known before the load (the user's roles may not be yet).
  const rolesCached = deps.roles.cached(tenant.id, []) !== undefined;
  let state = deps.sessions.peek(tenant, claims);
  let loaded: Map<string, RoleGrant> | undefined;
  const keepRoles = rolesCached
    ? undefined
    : (keep: (roles: Map<string, RoleGrant>) => void) => (roles: Map<string, RoleGrant>) => {
        loaded = roles;
        keep(roles);
      };
  if (state === undefined) state = await deps.sessions.load(db, tenant, claims, keepRoles?.(deps.roles.reserve(tenant.id)));
  else if (keepRoles) keepRoles(deps.roles.reserve(tenant.id))(await rolePermissions(db));
  checkSession(state, claims, { followRoles: true });
  const granted = (rolesCached ? deps.roles.cached(tenant.id, state!.roles) : undefined) ?? permissionsGranted(loaded ?? (await rolePermissions(db)), state!.roles);
  return principalFor(claims, state!, granted);
}

/**
 * The permission gate: the route's permission, or its `own` one for a principal linked to a
 * member, or (a route with a `scope`) the permission for the resource the path names. A
 * principal holding it for other resources only learns nothing of this one: 404, the answer
 * for a resource that does not exist.
 */
function checkPermission(access: RouteAccess, principal: Principal | null, params: unknown) {
  const permission = permissionOf(access);
  if (!permission || principal!.permissions.has(permission)) return;
  const own = ownPermissionOf(access);
  if (own && principal!.memberId && principal!.permissions.has(own)) return;
  const scope = scopeOf(access);
  if (scope && holdsForAny(principal, permission)) {
    if (scope === '*') return;
    const resource = (params as Record<string, unknown> | undefined)?.[scope];
    if (typeof resource === 'string' && holdsFor(principal, permission, resource)) return;
    throw new AppError('not_found', 'The object was not found');
  }
  throw new AppError('permission_denied', `This needs the permission ${permission}`);
}

/**
 * A request whose session or roles are not cached is admitted inside its own transaction, so
 * that a cold cache costs one statement there rather than a transaction of its own: when it
 * has no body to read (GET, HEAD). Any other request is still admitted before its body is
 * read, so a refused caller learns nothing from validation and sends no body for nothing.
 */
function defers(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/** Methods whose requests change state: the ones an Idempotency-Key makes safe to retry. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The handler, inside the tenant transaction; `record` runs in the same transaction after it.
 * Effects the handler defers with `ctx.afterCommit` run once the transaction has committed.
 */
async function runInTransaction(router: TenantDatabaseRouter, handler: RouteHandlerMethod, self: unknown, request: FastifyRequest, reply: FastifyReply, g: Gated, record?: Recorder) {
  const committed: (() => void)[] = [];
  const runCommitted = () => {
    for (const fn of committed) {
      try {
        fn();
      } catch (error) {
        request.log.error({ err: error }, 'an after-commit effect failed');
      }
    }
  };
  let result: unknown;
  try {
    result = await router.tenantTransaction(g.tenant, async (db) => {
      if (g.admit) {
        await g.admit(db);
        g.admit = null;
      }
      const ctx: TenantContext = {
        tenant: g.tenant,
        principal: g.principal,
        licence: g.licence,
        db,
        get log() {
          return (g.log ??= request.log.child(g.bindings));
        },
        requestId: String(request.id),
        locale: requestLocale(request),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        afterCommit: (fn) => void committed.push(fn),
      };
      request.ctx = ctx;
      inTransaction.add(request);
      let answer: unknown;
      try {
        answer = await handler.call(self as never, request as never, reply as never);
      } finally {
        inTransaction.delete(request);
      }
      if (sentInTransaction.has(request)) throw new Error(`route ${request.method} ${request.routeOptions.url} sent its reply inside the tenant transaction; rolled back`);
      return record ? record(db, answer) : answer;
    });
  } catch (error) {
    // A persisting refusal committed its effects (a replayed refresh token's revocation).
    if (error instanceof AppError && error.persist) runCommitted();
    throw error;
  }
  runCommitted();
  return result;
}

/**
 * Installs the data-plane pipeline on a plugin scope:
 *
 *   resolve tenant → authenticate → licence gate → permission gate → handler in a tenant-bound transaction
 *
 * The gates run in `onRequest`, before the body is parsed, so a stranger learns nothing
 * about validation; every handler is wrapped so that it runs inside the tenant transaction.
 * A route without an access declaration cannot be registered.
 *
 * Handlers return their payload (`reply.code(201); return created`) and Fastify sends it once
 * the transaction has committed. A reply sent from inside the transaction would reach the
 * client before its writes are durable (the next request could miss them, and a failed
 * commit would still have answered 201): it is refused with a 500 and rolled back.
 */
export function installPipeline(app: HttpApp, deps: PipelineDeps): void {
  const keys = new IdempotencyKeys(deps.router, deps.idempotency);
  const stepUp = new Set(deps.modules.stepUpPermissions());
  const now = deps.clock ?? (() => new Date());

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access (module and permission, or public)`);
    if (!deps.modules.has(access.module)) throw new Error(`route ${String(route.method)} ${route.url} names unknown module ${access.module}`);
    const permission = permissionOf(access);
    if (permission && !deps.modules.allPermissions().includes(permission)) throw new Error(`route ${String(route.method)} ${route.url} names unknown permission ${permission}`);
    const own = ownPermissionOf(access);
    if (own && !deps.modules.allPermissions().includes(own)) throw new Error(`route ${String(route.method)} ${route.url} names unknown permission ${own}`);
    const scope = scopeOf(access);
    if (scope && scope !== '*' && !route.url.includes(`:${scope}`)) throw new Error(`route ${String(route.method)} ${route.url} scopes its permission by ${scope}, not one of its path parameters`);
    // Public routes (sign-in, refresh) ignore Idempotency-Key: their responses hold tokens.
    const idempotent = !isPublic(access) && [route.method].flat().some((m) => UNSAFE.has(String(m).toUpperCase()));
    if (idempotent) route.schema = withIdempotencyHeader(route.schema);
    const statusOnly = route.config?.idempotency === 'status-only';
    if (statusOnly && !idempotent) throw new Error(`route ${String(route.method)} ${route.url} keeps status-only idempotent responses but takes no Idempotency-Key`);
    if (statusOnly) route.schema = withReplayResponse(`${String(route.method)} ${route.url}`, route.schema);
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function tenantBound(this: unknown, request: FastifyRequest, reply: FastifyReply) {
      const g = gated.get(request)!;
      const run = (record?: Recorder) => runInTransaction(deps.router, handler, this, request, reply, g, record);
      const key = idempotent && UNSAFE.has(request.method) ? request.headers[IDEMPOTENCY_KEY_HEADER] : undefined;
      if (typeof key !== 'string') return run();
      return runIdempotently(keys, deps.fingerprintKey, statusOnly, key, run, request, reply, g);
    } as never;
  });

  app.addHook('onSend', (request, _reply, payload, done) => {
    if (!inTransaction.has(request)) return done(null, payload);
    inTransaction.delete(request);
    sentInTransaction.add(request);
    done(new Error(`route ${request.method} ${request.routeOptions.url} sends its reply inside the tenant transaction: return the payload instead`));
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access as RouteAccess;
    const tenant = await resolveTenant(request, deps.directory, deps.baseDomain);
    tagTenant(tenant);
    setTenantLocale(request, tenant.defaultLocale);
    if (deps.pinnedTenant && deps.pinnedTenant !== tenant.slug && deps.pinnedTenant !== tenant.id) {
      throw new AppError('tenant_not_found', 'This data plane serves another tenant');
    }

    let principal: Principal | null = null;
    let admit: Gated['admit'] = null;
    let userId: string | null = null;
    let claims: AccessClaims | null = null;
    // The permission gate, then the step-up gate for a permission that asks for a second factor.
    const gate = (admitted: Principal | null) => {
      checkPermission(access, admitted, request.params);
      if (admitted) checkStepUp(stepUp, access, admitted, claims, now());
    };
    const token = bearerToken(request);
    if (token?.startsWith(API_KEY_PREFIX)) {
      principal = await deps.apiKeys.admit(deps.router, tenant, token);
      checkApiKeyRoute(access, request);
      userId = principal.userId;
    } else if (!isPublic(access) || token) {
      if (!token) throw new AppError('unauthenticated', 'Sign in first: send "Authorization: Bearer <access token>"');
      const verified = (claims = await deps.tokens.verifyAccess(token, 'courtyard:tenant'));
      if (verified.tid !== tenant.id) throw new AppError('tenant_mismatch', 'The access token belongs to another tenant');
      userId = verified.sub;
      principal = admitCached(deps, tenant, verified) ?? null;
      if (!principal && defers(request)) {
        admit = async (db) => {
          const admitted = await admitIn(db, deps, tenant, verified);
          setUserLocale(request, admitted.locale);
          gate(admitted);
          gated.get(request)!.principal = admitted;
        };
      } else if (!principal) {
        principal = await deps.router.tenantTransaction(tenant, (db) => admitIn(db, deps, tenant, verified));
      }
    }

    const licence = await deps.licences.verify({ id: tenant.licenceId, jws: tenant.licenceJws }, tenant.id);
    // Signed-out requests are left to their routes' own limits (sign-in's): counting them
    // against the tenant would let anyone use up its allowance. The plan may set its own.
    if (userId) await deps.rateLimit.admit(reply, tenant.id, principal ? principalKey(principal) : userId, licence.claims.limits);
    const module = deps.modules.get(access.module)!;
    if (!module.alwaysLicensed && !licence.claims.modules.includes(module.key)) {
      throw new AppError('module_not_licensed', `The tenant licence does not include the ${module.name} module`);
    }
    // A tenant that has not paid reads, and pays: the routes that need no permission (signing
    // in and out, one's own account) and the billing module's (paying) stay open.
    if (licence.claims.readOnly && !SAFE_METHODS.has(request.method) && permissionOf(access) !== null && module.key !== 'billing') {
      throw new AppError('subscription_past_due', 'The subscription is past due: nothing can be changed until the open invoices are paid');
    }
    deps.apiRequests?.count(tenant);

    setUserLocale(request, principal?.locale);
    if (!admit) gate(principal);

    // A child logger costs microseconds per request: make it now only if every request is logged.
    const bindings = { tenant: tenant.slug, ...(userId ? { user: userId } : {}) };
    let log: Logger | null = null;
    if (logsAt(request.log, 'info')) request.log = log = request.log.child(bindings);
    gated.set(request, { tenant, principal, admit, licence, log, bindings });
  });
}
