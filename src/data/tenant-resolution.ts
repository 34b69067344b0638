import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { TenantInfo } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import { RESERVED_SLUGS } from '../kernel/tenancy.js';
import type { TenantDirectory } from '../kernel/tenant-directory.js';

const PATH_TENANT = /^\/t\/([a-z0-9-]{1,40})(\/.*)?$/;
const pathTenants = new WeakMap<IncomingMessage, string>();

/** Fastify `rewriteUrl`: `/t/{slug}/api/v1/...` is routed as `/api/v1/...`, remembering the slug. */
export function stripTenantPath(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const match = PATH_TENANT.exec(url);
  if (!match) return url;
  pathTenants.set(req, match[1]!);
  return match[2] || '/';
}

export function pathTenantOf(req: IncomingMessage): string | undefined {
  return pathTenants.get(req);
}

type Claim = { source: string; lookup: () => Promise<TenantInfo | null> };

/** What a host name names: a tenant's subdomain of the base domain, a custom domain, or no tenant. */
function hostName(host: string, baseDomain: string): { subdomain: string } | { domain: string } | null {
  if (!host || host === baseDomain || host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[')) return null;
  if (host.endsWith(`.${baseDomain}`)) {
    const sub = host.slice(0, -baseDomain.length - 1);
    return sub.includes('.') || RESERVED_SLUGS.has(sub) ? null : { subdomain: sub };
  }
  return { domain: host };
}

/** Whether a host name claims a tenant (the web pages serve its workspace at `/`). */
export function hostNamesTenant(host: string, baseDomain: string): boolean {
  return hostName(host.toLowerCase(), baseDomain) !== null;
}

/** The tenant a host name claims: a subdomain of the base domain, or a custom domain. */
function hostClaim(host: string, baseDomain: string, directory: TenantDirectory): Claim | null {
  const named = hostName(host, baseDomain);
  if (!named) return null;
  if ('subdomain' in named) return { source: 'subdomain', lookup: () => directory.byIdOrSlug(named.subdomain) };
  return { source: 'domain', lookup: () => directory.byDomain(named.domain) };
}

/**
 * Resolves the request's tenant from every place that may name it (x-tenant-id, host,
 * `/t/{slug}` path). All that are given must name the same tenant; the token's tenant is
 * checked against the result when the principal is authenticated.
 */
export async function resolveTenant(request: FastifyRequest, directory: TenantDirectory, baseDomain: string): Promise<TenantInfo> {
  const claims: Claim[] = [];
  const header = request.headers['x-tenant-id'];
  if (typeof header === 'string' && header.length > 0) {
    if (header.length > 64) throw new AppError('tenant_not_found', 'No tenant matches x-tenant-id');
    claims.push({ source: 'x-tenant-id', lookup: () => directory.byIdOrSlug(header) });
  }
  const pathSlug = pathTenantOf(request.raw);
  if (pathSlug) claims.push({ source: 'path', lookup: () => directory.byIdOrSlug(pathSlug) });
  const host = hostClaim(request.hostname.toLowerCase(), baseDomain, directory);
  if (host) claims.push(host);

  if (claims.length === 0) throw new AppError('tenant_not_found', 'No tenant given: send x-tenant-id, use the tenant domain, or prefix the path with /t/{slug}');

  let tenant: TenantInfo | null = null;
  for (const claim of claims) {
    const found = await claim.lookup();
    if (!found) throw new AppError('tenant_not_found', `No tenant matches the ${claim.source}`);
    if (tenant && tenant.id !== found.id) throw new AppError('tenant_mismatch', `The ${claim.source} names another tenant than the ${claims[0]!.source}`);
    tenant = found;
  }
  const resolved = tenant!;
  if (resolved.status === 'suspended' || resolved.status === 'archived') throw new AppError('tenant_suspended', `The tenant is ${resolved.status}`);
  if (resolved.status !== 'active') throw new AppError('tenant_not_ready', `The tenant is ${resolved.status}`);
  return resolved;
}
