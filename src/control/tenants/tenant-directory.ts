import type { Db } from '../../kernel/db/tables.js';
import type { TenantInfo } from '../../kernel/context.js';
import { isUuid } from '../../kernel/ids.js';
import { CACHE_MAX_ENTRIES, CACHE_SAFETY_NET_MS, Lru } from '../../kernel/lru.js';
import type { TenantDirectory } from '../../kernel/tenant-directory.js';
import { TenantsRepository } from './tenants.repository.js';

/**
 * The tenant registry as the data plane and the job runtime see it (the kernel's
 * TenantDirectory), read from the control schema and cached. Every change on the control
 * plane invalidates it: directly in the same process, and through a PostgreSQL notification
 * in every other, so suspensions and licence reissues take effect at once everywhere. An
 * entry is never reloaded only because it is old (a quiet tenant stays cached): the cache is
 * bounded by size, least recently used out first, with an expiry of hours as a safety net.
 */
export class ControlTenantDirectory implements TenantDirectory {
  /** By `t:<id or slug>` and `d:<host>`; null for a name no tenant has (yet). */
  readonly #byKey = new Lru<string, TenantInfo | null>(CACHE_MAX_ENTRIES, CACHE_SAFETY_NET_MS);
  /** Bumped by every invalidation: a load that began before one is not cached (it may predate the change). */
  #epoch = 0;

  private readonly tenants: TenantsRepository;

  constructor(control: Db) {
    this.tenants = new TenantsRepository(control);
  }

  byIdOrSlug(value: string): Promise<TenantInfo | null> {
    const key = value.toLowerCase();
    return this.#cached(`t:${key}`, () => this.#load(isUuid(key) ? { id: key } : { slug: key }));
  }

  byDomain(host: string): Promise<TenantInfo | null> {
    return this.#cached(`d:${host}`, () => this.#load({ domain: host }));
  }

  liveTenantIds(): Promise<string[]> {
    return this.tenants.liveIds();
  }

  dedicatedDatabases(): Promise<{ slug: string; databaseName: string }[]> {
    return this.tenants.dedicatedDatabases();
  }

  invalidate(tenantId?: string): void {
    this.#epoch++;
    if (tenantId === undefined) return this.#byKey.clear();
    // The tenant under each of its names, and every name nobody had: the change may be the
    // tenant that now has it (a new tenant's slug, a domain just added).
    this.#byKey.deleteWhere((_key, tenant) => tenant === null || tenant.id === tenantId);
  }

  /** Names (ids, slugs, domains) cached now. */
  get cachedNames(): number {
    return this.#byKey.size;
  }

  async #cached(key: string, load: () => Promise<TenantInfo | null>): Promise<TenantInfo | null> {
    const hit = this.#byKey.get(key);
    if (hit !== undefined) return hit;
    const epoch = this.#epoch;
    const tenant = await load();
    if (epoch === this.#epoch) this.#byKey.set(key, tenant);
    return tenant;
  }

  async #load(by: { id: string } | { slug: string } | { domain: string }): Promise<TenantInfo | null> {
    const row = await this.tenants.routing(by);
    if (!row) return null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      status: row.status,
      placement: row.placement,
      databaseName: row.databaseName,
      licenceId: row.licenceId ?? null,
      licenceJws: row.licenceJws ?? null,
      branding: row.branding ?? {},
      timeZone: row.timeZone,
      defaultLocale: row.defaultLocale,
    };
  }
}
