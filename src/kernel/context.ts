import type { HiddenFields } from './security/field-restrictions.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db/tables.js';
import type { Locale } from './i18n/locale.js';
import type { Placement } from './db/router.js';
import type { LicenceClaims, LicenceState } from './security/licence.js';

export type TenantStatus = 'provisioning' | 'failed' | 'active' | 'suspended' | 'archived';

export interface Branding {
  displayName?: string;
  primaryColor?: string;
  accentColor?: string;
  logoUrl?: string;
  supportEmail?: string;
}

/** What the data plane knows of a tenant from the registry. */
export interface TenantInfo {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  placement: Placement;
  databaseName: string | null;
  /** The current licence's id (its `jti`) and the licence itself, as signed; null for none. */
  licenceId: string | null;
  licenceJws: string | null;
  branding: Branding;
  /** The IANA time zone the tenant's calendar follows ("today", due dates, monthly jobs); `UTC` by default. */
  timeZone: string;
  /** The language of the tenant's users who chose none (`en`, `es`). */
  defaultLocale: string;
}

export interface Principal {
  userId: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  sessionId: string;
  /** The member this user is (a portal login), when the user is linked to one. */
  memberId: string | null;
  /**
   * Set when the principal is an API key (kind api key): it acts as `userId`, the user who made
   * it, with `permissions` narrowed to the key's; `sessionId` is then the key's id.
   */
  apiKeyId?: string;
  /** Fields hidden from this principal by their roles, by resource (see security/field-restrictions.ts); none when absent. */
  hiddenFields?: HiddenFields;
  /** The user's chosen language (a BCP 47 tag); none: the request's Accept-Language decides. */
  locale?: string | null;
}

/**
 * Everything a service needs to act for a request, passed as its first argument (never a
 * global): the tenant, the principal, the verified licence and the tenant-bound transaction.
 */
export interface TenantContext {
  tenant: TenantInfo;
  /** null on public routes (sign-in, refresh). */
  principal: Principal | null;
  /** The language to write to the requester in (kernel/i18n localeOf); English when absent (jobs). */
  locale?: Locale;
  licence: { claims: LicenceClaims; state: LicenceState };
  /** The tenant-bound transaction: every statement runs under row-level security for `tenant`. */
  db: Db;
  log: FastifyBaseLogger;
  requestId: string;
  /** The caller's address (behind a proxy only when `COURTYARD_TRUST_PROXY` is set) and user agent, for the audit log. */
  ip: string;
  userAgent: string | null;
  /**
   * Runs `fn` once the transaction has committed (also when a persisting error commits it),
   * never after a rollback: for effects outside the database that must not run early, such as
   * telling other processes that a user's sessions changed.
   */
  afterCommit(fn: () => void): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the data-plane pipeline before a handler runs. */
    ctx: TenantContext;
  }
}

/** What work done for a tenant outside a request (a job) has: its transaction and its id. */
export type TenantScope = Pick<TenantContext, 'db' | 'tenant'>;

/** The principal of a context that requires one (every non-public route). */
export function principalOf(ctx: TenantContext): Principal {
  if (!ctx.principal) throw new Error('route declared public but needs a principal');
  return ctx.principal;
}

/**
 * Whose records a read may see. Staff holding `permission` see the tenant's; a principal
 * admitted by the route's `own` permission (a portal login) sees only what its member is
 * attached to: the member id comes back, and the service confines its query to it.
 */
export function readScope(ctx: TenantContext, permission: string): { memberId: string } | null {
  const principal = principalOf(ctx);
  if (principal.permissions.has(permission)) return null;
  if (principal.memberId) return { memberId: principal.memberId };
  throw new Error(`route admitted a principal holding neither ${permission} nor a member link`);
}
