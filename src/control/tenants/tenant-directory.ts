import type { Db } from '../../kernel/db/tables.js';
import type { TenantInfo } from '../../kernel/context.js';
import { isUuid } from '../../kernel/ids.js';
import type { TenantDirectory } from '../../kernel/tenant-directory.js';
import { TenantsRepository } from './tenants.repository.js';

// A safety net only: changes arrive as notifications (see platform.ts), at once.
const TTL_MS = 60_000;

interface Entry {
  tenant: TenantInfo | null;
  expires: number;
}

/**
 * The tenant registry as the data plane and the job runtime see it (the kernel's
 * TenantDirectory), read from the control schema and cached. Every change on the control
 * plane invalidates it: directly in the same process, and through a PostgreSQL notification
 * in every other, so suspensions and licence reissues take effect at once everywhere.
 */
export class ControlTenantDirectory implements TenantDirectory {
  readonly #byKey = new Map<string, Entry>();

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

  invalidate(): void {
    this.#byKey.clear();
  }

  async #cached(key: string, load: () => Promise<TenantInfo | null>): Promise<TenantInfo | null> {
    const now = Date.now();
    const hit = this.#byKey.get(key);
    if (hit && hit.expires > now) return hit.tenant;
    const tenant = await load();
    if (this.#byKey.size > 50_000) this.#byKey.clear();
    this.#byKey.set(key, { tenant, expires: now + TTL_MS });
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
      licenceJws: row.licenceJws ?? null,
      branding: row.branding ?? {},
    };
  }
}
