import type { Branding, TenantInfo } from './context.js';
import type { Regional } from './regional.js';

/**
 * How the data plane and the job runtime find tenants: the control plane implements it over
 * its registry (and tells it of changes), and neither side imports the other. A data plane
 * that runs apart is handed an implementation that reads the same registry.
 */
export interface TenantDirectory {
  byIdOrSlug(value: string): Promise<TenantInfo | null>;
  /** The tenant a host name (a custom domain) belongs to. */
  byDomain(host: string): Promise<TenantInfo | null>;
  /** Tenants that run work (active or suspended): per-tenant schedules fan out over them. */
  liveTenantIds(): Promise<string[]>;
  /** The dedicated databases of live tenants: migrations and the outbox relay visit each. */
  dedicatedDatabases(): Promise<{ slug: string; databaseName: string }[]>;
  /**
   * Forget what is cached of one tenant (and every name no tenant had, which the change may
   * have given one), or of every tenant without an id: the registry changed.
   */
  invalidate(tenantId?: string): void;
}

export type BrandingChange = { [K in keyof Branding]?: Branding[K] | null };

/**
 * A tenant's own settings that the registry keeps (its branding, time zone and default locale), as the data plane reads and
 * changes them: the control plane implements it over its registry, records the change in its
 * audit log and tells every process's TenantDirectory, so the next request (and `/me`) sees it.
 */
export interface TenantSettingsStore {
  branding(tenantId: string): Promise<Branding>;
  /** Applies `change` to the tenant's branding (a value sets, null removes, absent keeps) and returns it as stored. */
  updateBranding(tenantId: string, change: BrandingChange, actor: string): Promise<Branding>;
  /** Sets the tenant's time zone and/or default locale (checked by checkRegional) and returns both as stored. */
  updateRegional(tenantId: string, change: Partial<Regional>, actor: string): Promise<Regional>;
}
