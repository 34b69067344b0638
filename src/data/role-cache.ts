import { CACHE_MAX_ENTRIES, CACHE_SAFETY_NET_MS, Lru } from '../kernel/lru.js';
import { hiddenFieldsOf, type FieldRestrictions, type HiddenFields } from '../kernel/security/field-restrictions.js';

/** What one role grants: its permissions, and the fields it hides (a custom role's restrictions). */
export interface RoleGrant {
  permissions: string[];
  fieldRestrictions: FieldRestrictions;
}

/** What a combination of roles grants a principal. */
export interface Grant {
  permissions: ReadonlySet<string>;
  hiddenFields: HiddenFields;
}

interface Entry {
  /** Each role's grant, by role key. */
  roles: Map<string, RoleGrant>;
  /** One grant per combination of role keys: principals share a few. */
  sets: Map<string, Grant>;
}

/**
 * Role → permissions per tenant, read from the tenant's `roles` table, so that the permission
 * gate costs no query per request. The pipeline loads a tenant's roles inside the request's own
 * transaction when they are not cached (see pipeline.ts) and keeps them here.
 *
 * Whatever changes a tenant's roles calls `changed` (a tenant id, or none for every tenant of
 * this database: the start-up that brings system roles up to new default grants): the entry
 * goes here at once and every other process hears of it through `publish` (a PostgreSQL
 * notification) and calls `forget`. Entries are bounded by size (least recently used out
 * first) and expire only as a safety net of hours.
 */
export class RolePermissionCache {
  readonly #byTenant = new Lru<string, Entry>(CACHE_MAX_ENTRIES, CACHE_SAFETY_NET_MS);
  /**
   * Entries by what they hold: tenants whose roles grant the same (every tenant, while roles are
   * the system ones) share one, so 10,000 tenants cost 10,000 references rather than 10,000
   * copies of every permission key (about 3.8 kB a tenant).
   */
  readonly #shared = new Lru<string, Entry>(1_000);
  /** Bumped by every invalidation: roles loaded by a transaction that began before one are not kept. */
  #epoch = 0;

  constructor(private readonly publish: (payload: string) => void = () => undefined) {}

  /** What `roleKeys` grant in the tenant, if its roles are cached. */
  cached(tenantId: string, roleKeys: string[]): Grant | undefined {
    const entry = this.#byTenant.get(tenantId);
    if (!entry) return undefined;
    const combination = roleKeys.join(',');
    let set = entry.sets.get(combination);
    if (!set) {
      set = permissionsGranted(entry.roles, roleKeys);
      entry.sets.set(combination, set);
    }
    return set;
  }

  /** Where roles about to be loaded by the caller are to be kept: taken before its transaction begins. */
  reserve(tenantId: string): (roles: Map<string, RoleGrant>) => void {
    const epoch = this.#epoch;
    return (roles) => {
      if (epoch !== this.#epoch) return;
      const content = JSON.stringify([...roles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      let entry = this.#shared.get(content);
      if (!entry) this.#shared.set(content, (entry = { roles, sets: new Map() }));
      this.#byTenant.set(tenantId, entry);
    };
  }

  /** A tenant's roles changed (every tenant's without an id): forget them here and tell every other process. */
  changed(tenantId?: string): void {
    this.forget(tenantId ?? null);
    this.publish(tenantId ?? '*');
  }

  /** Forgets a tenant's roles, or every tenant's for null or `*` (a reconnect may have missed changes). */
  forget(tenantId: string | null): void {
    this.#epoch++;
    if (tenantId === null || tenantId === '*') this.#byTenant.clear();
    else this.#byTenant.delete(tenantId);
  }

  /** Tenants whose roles are cached now. */
  get size(): number {
    return this.#byTenant.size;
  }
}

/** What a principal holding `roleKeys` has, given each role's grant: every permission of any, and the fields all of them hide. */
export function permissionsGranted(roles: Map<string, RoleGrant>, roleKeys: string[]): Grant {
  const held = roleKeys.map((key) => roles.get(key)).filter((g): g is RoleGrant => g !== undefined);
  return { permissions: new Set(held.flatMap((g) => g.permissions)), hiddenFields: hiddenFieldsOf(held.map((g) => g.fieldRestrictions)) };
}
