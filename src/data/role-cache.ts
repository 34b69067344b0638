import type { TenantInfo } from '../kernel/context.js';
import type { TenantDatabaseRouter } from '../kernel/db/router.js';
import { rolePermissions } from './identity/index.js';

const TTL_MS = 60_000;

/**
 * Role → permissions per tenant, read from the tenant's `roles` table and kept for a minute,
 * so that the permission gate costs no query per request. Roles change only when a tenant
 * is seeded (there is no role editing yet); whatever edits them must call `invalidate`.
 */
export class RolePermissionCache {
  readonly #byTenant = new Map<string, { roles: Promise<Map<string, string[]>>; sets: Map<string, ReadonlySet<string>>; expires: number }>();

  constructor(private readonly router: TenantDatabaseRouter) {}

  async permissionsOf(tenant: TenantInfo, roleKeys: string[]): Promise<ReadonlySet<string>> {
    const now = Date.now();
    let entry = this.#byTenant.get(tenant.id);
    if (!entry || entry.expires <= now) {
      entry = { roles: this.#load(tenant), sets: new Map(), expires: now + TTL_MS };
      entry.roles.catch(() => this.#byTenant.delete(tenant.id));
      this.#byTenant.set(tenant.id, entry);
    }
    const roles = await entry.roles;
    // Principals share a few role combinations: one permission set per combination.
    const combination = roleKeys.join(',');
    let set = entry.sets.get(combination);
    if (!set) {
      set = new Set(roleKeys.flatMap((key) => roles.get(key) ?? []));
      entry.sets.set(combination, set);
    }
    return set;
  }

  invalidate(tenantId: string): void {
    this.#byTenant.delete(tenantId);
  }

  async #load(tenant: TenantInfo): Promise<Map<string, string[]>> {
    return this.router.tenantTransaction(tenant, rolePermissions);
  }
}
