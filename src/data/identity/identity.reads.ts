import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { RoleGrant } from '../role-cache.js';
import type { IdentityTables } from './identity.tables.js';

/** Each role's grant (permissions, hidden fields), by role key: what the permission gate checks a principal against. */
export async function rolePermissions(db: Db): Promise<Map<string, RoleGrant>> {
  const rows = await tablesOf<IdentityTables>(db).selectFrom('roles').select(['key', 'permissions', 'fieldRestrictions']).execute();
  return new Map(rows.map((r) => [r.key, { permissions: r.permissions, fieldRestrictions: r.fieldRestrictions }]));
}
