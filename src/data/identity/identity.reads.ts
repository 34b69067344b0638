import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { IdentityTables } from './identity.tables.js';

/** Each role's permissions, by role key: what the permission gate checks a principal against. */
export async function rolePermissions(db: Db): Promise<Map<string, string[]>> {
  const rows = await tablesOf<IdentityTables>(db).selectFrom('roles').select(['key', 'permissions']).execute();
  return new Map(rows.map((r) => [r.key, r.permissions]));
}
