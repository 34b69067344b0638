import type { Db } from '../../kernel/db/tables.js';
import type { SystemRole } from '../../kernel/modules/manifest.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { IdentityRepository } from './identity.repository.js';

const SYSTEM_ROLE_NAMES: Record<SystemRole, { name: string; description: string }> = {
  owner: { name: 'Owner', description: 'Runs the tenant: every permission.' },
  manager: { name: 'Manager', description: 'Manages the community and its staff.' },
  staff: { name: 'Staff', description: 'Day-to-day work with members and their homes.' },
  member: { name: 'Member', description: 'A member with a portal login: sees their own records.' },
};

/** Seeds a new tenant's system roles and first administrator. Idempotent: provisioning may retry it. */
export async function seedIdentity(db: Db, tenantId: string, modules: Pick<ModuleHost, 'defaultGrants'>, admin: { email: string; name: string; passwordHash: string }) {
  const repo = new IdentityRepository(db);
  for (const key of Object.keys(SYSTEM_ROLE_NAMES) as SystemRole[]) {
    await repo.ensureRole(tenantId, { key, ...SYSTEM_ROLE_NAMES[key], permissions: modules.defaultGrants(key) });
  }
  const existing = await repo.findUserByEmail(admin.email);
  const user = existing ?? (await repo.insertUser(tenantId, { email: admin.email, name: admin.name, passwordHash: admin.passwordHash, memberId: null }));
  const [owner] = await repo.rolesByKey(['owner']);
  const current = (await repo.roleKeysOf([user.id])).get(user.id) ?? [];
  if (!current.includes('owner')) {
    const keep = await repo.rolesByKey(current);
    await repo.setUserRoles(tenantId, user.id, [...keep.map((r) => r.id), owner!.id]);
  }
  return user.id;
}

/**
 * Brings every tenant's system roles in this database up to the installed modules' default
 * grants, so that a module added or extended later reaches tenants provisioned before it.
 * System roles cannot be edited by tenants, so the defaults are the whole truth of them.
 * Runs as the migrating (owner) connection, across all tenants of the database at once.
 */
export async function syncSystemRoles(db: Db, modules: ModuleHost): Promise<number> {
  const repo = new IdentityRepository(db);
  let changed = 0;
  for (const key of Object.keys(SYSTEM_ROLE_NAMES) as SystemRole[]) changed += await repo.setSystemRolePermissions(key, modules.defaultGrants(key));
  return changed;
}
