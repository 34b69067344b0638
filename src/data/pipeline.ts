import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Principal, TenantContext, TenantInfo } from '../kernel/context.js';
import type { TenantDatabaseRouter } from '../kernel/db/router.js';
import { AppError } from '../kernel/errors.js';
import { isPublic, permissionOf, type RouteAccess } from '../kernel/http/access.js';
import type { HttpApp } from '../kernel/http/app.js';
import type { LicenceVerifier, VerifiedLicence } from '../kernel/security/licence.js';
import type { TokenService } from '../kernel/security/tokens.js';
import type { ModuleHost } from './module-host.js';
import type { RolePermissionCache } from './role-cache.js';
import type { TenantRegistry } from './tenant-registry.js';
import { resolveTenant } from './tenant-resolution.js';
import { logsAt } from '../kernel/observability/logging.js';

export interface PipelineDeps {
  registry: TenantRegistry;
  router: TenantDatabaseRouter;
  licences: LicenceVerifier;
  tokens: TokenService;
  roles: RolePermissionCache;
  modules: ModuleHost;
  baseDomain: string;
  /** A data plane pinned to one tenant (slug or id) answers for no other. */
  pinnedTenant?: string;
}

interface Gated {
  tenant: TenantInfo;
  principal: Principal | null;
  licence: VerifiedLicence;
  /** The request's logger with tenant and user; made when first needed. */
  log: Logger | null;
  bindings: Record<string, string>;
}

const gated = new WeakMap<FastifyRequest, Gated>();
/** Requests whose handler is running inside its tenant transaction, and those that sent a reply from there. */
const inTransaction = new WeakSet<FastifyRequest>();
const sentInTransaction = new WeakSet<FastifyRequest>();

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
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
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access (module and permission, or public)`);
    if (!deps.modules.has(access.module)) throw new Error(`route ${String(route.method)} ${route.url} names unknown module ${access.module}`);
    const permission = permissionOf(access);
    if (permission && !deps.modules.allPermissions().includes(permission)) throw new Error(`route ${String(route.method)} ${route.url} names unknown permission ${permission}`);
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function tenantBound(this: unknown, request: FastifyRequest, reply: FastifyReply) {
      const g = gated.get(request)!;
      return deps.router.tenantTransaction(g.tenant, async (db) => {
        const ctx: TenantContext = {
          tenant: g.tenant,
          principal: g.principal,
          licence: g.licence,
          db,
          get log() {
            return (g.log ??= request.log.child(g.bindings));
          },
          requestId: String(request.id),
        };
        request.ctx = ctx;
        inTransaction.add(request);
        let result: unknown;
        try {
          result = await handler.call(this as never, request as never, reply as never);
        } finally {
          inTransaction.delete(request);
        }
        if (sentInTransaction.has(request)) throw new Error(`route ${request.method} ${request.routeOptions.url} sent its reply inside the tenant transaction; rolled back`);
        return result;
      });
    } as never;
  });

  app.addHook('onSend', (request, _reply, payload, done) => {
    if (!inTransaction.has(request)) return done(null, payload);
    inTransaction.delete(request);
    sentInTransaction.add(request);
    done(new Error(`route ${request.method} ${request.routeOptions.url} sends its reply inside the tenant transaction: return the payload instead`));
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access as RouteAccess;
    const tenant = await resolveTenant(request, deps.registry, deps.baseDomain);
    if (deps.pinnedTenant && deps.pinnedTenant !== tenant.slug && deps.pinnedTenant !== tenant.id) {
      throw new AppError('tenant_not_found', 'This data plane serves another tenant');
    }

    let principal: Principal | null = null;
    const token = bearerToken(request);
    if (!isPublic(access) || token) {
      if (!token) throw new AppError('unauthenticated', 'Sign in first: send "Authorization: Bearer <access token>"');
      const claims = await deps.tokens.verifyAccess(token, 'courtyard:tenant');
      if (claims.tid !== tenant.id) throw new AppError('tenant_mismatch', 'The access token belongs to another tenant');
      principal = { userId: claims.sub, roles: claims.roles, sessionId: claims.sid, permissions: await deps.roles.permissionsOf(tenant, claims.roles) };
    }

    const licence = await deps.licences.verify(tenant.licenceJws, tenant.id);
    const module = deps.modules.get(access.module)!;
    if (!module.alwaysLicensed && !licence.claims.modules.includes(module.key)) {
      throw new AppError('module_not_licensed', `The tenant licence does not include the ${module.name} module`);
    }

    const permission = permissionOf(access);
    if (permission && !principal!.permissions.has(permission)) throw new AppError('permission_denied', `This needs the permission ${permission}`);

    // A child logger costs microseconds per request: make it now only if every request is logged.
    const bindings = { tenant: tenant.slug, ...(principal ? { user: principal.userId } : {}) };
    let log: Logger | null = null;
    if (logsAt(request.log, 'info')) request.log = log = request.log.child(bindings);
    gated.set(request, { tenant, principal, licence, log, bindings });
  });
}
