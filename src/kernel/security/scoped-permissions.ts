import type { Principal } from '../context.js';

/**
 * A permission for one resource a tenant defined: `objects.permit.read` is `objects.read` for
 * the custom object `permit` only. The module that owns the resources contributes them to the
 * role catalogue (ModuleManifest.tenantCatalogue); holding the module-wide permission holds it
 * for every resource.
 */
export function scopedPermission(permission: string, resource: string): string {
  const dot = permission.lastIndexOf('.');
  return `${permission.slice(0, dot)}.${resource}${permission.slice(dot)}`;
}

/** Whether the principal holds `permission` for `resource`: module-wide, or for that resource. */
export function holdsFor(principal: Principal | null | undefined, permission: string, resource: string): boolean {
  if (!principal) return false;
  return principal.permissions.has(permission) || principal.permissions.has(scopedPermission(permission, resource));
}

const heldCache = new WeakMap<ReadonlySet<string>, Map<string, ReadonlySet<string>>>();

/**
 * The resources the principal holds `permission` for one by one; null when it holds it
 * module-wide (every resource). Worked out once per permission set: principals share them.
 */
export function resourcesHeld(principal: Principal | null | undefined, permission: string): ReadonlySet<string> | null {
  if (!principal) return new Set();
  if (principal.permissions.has(permission)) return null;
  let byPermission = heldCache.get(principal.permissions);
  if (!byPermission) heldCache.set(principal.permissions, (byPermission = new Map()));
  let held = byPermission.get(permission);
  if (!held) {
    const dot = permission.lastIndexOf('.');
    const prefix = permission.slice(0, dot + 1);
    const suffix = permission.slice(dot);
    const resources = new Set<string>();
    for (const p of principal.permissions) {
      if (p.length <= prefix.length + suffix.length || !p.startsWith(prefix) || !p.endsWith(suffix)) continue;
      const resource = p.slice(prefix.length, p.length - suffix.length);
      if (!resource.includes('.')) resources.add(resource);
    }
    byPermission.set(permission, (held = resources));
  }
  return held;
}

/** Whether the principal holds `permission` for at least one resource (or module-wide). */
export function holdsForAny(principal: Principal | null | undefined, permission: string): boolean {
  const held = resourcesHeld(principal, permission);
  return held === null || held.size > 0;
}
