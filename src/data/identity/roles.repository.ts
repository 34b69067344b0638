import { sql, type Kysely, type Selectable } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { FieldRestrictions } from '../../kernel/security/field-restrictions.js';
import type { IdentityTables } from './identity.tables.js';

type Tables = IdentityTables & KernelTables;

const columns = ['id', 'key', 'name', 'description', 'permissions', 'fieldRestrictions', 'system', 'createdAt', 'updatedAt'] as const;
export type FullRoleRow = Pick<Selectable<Tables['roles']>, (typeof columns)[number]>;

export interface RoleInput {
  key: string;
  name: string;
  description: string;
  permissions: string[];
  fieldRestrictions: FieldRestrictions;
}

/** SQL for a tenant's roles, system and custom. Runs inside the tenant transaction: RLS scopes every statement. */
export class RolesRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** Every role, system roles first, then by key; with how many users hold each. */
  list(): Promise<(FullRoleRow & { users: number })[]> {
    return this.db
      .selectFrom('roles as r')
      .select(columns.map((c) => `r.${c}` as const))
      .select((eb) => eb.selectFrom('userRoles as ur').select(sql<number>`count(*)::int`.as('n')).whereRef('ur.roleId', '=', 'r.id').as('users'))
      .orderBy('r.system', 'desc')
      .orderBy('r.key')
      .execute() as Promise<(FullRoleRow & { users: number })[]>;
  }

  find(id: string): Promise<FullRoleRow | undefined> {
    return this.db.selectFrom('roles').select(columns).where('id', '=', id).executeTakeFirst();
  }

  /** Locks the role against concurrent change or assignment until the transaction ends. */
  findForUpdate(id: string): Promise<FullRoleRow | undefined> {
    return this.db.selectFrom('roles').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Adds a custom role; undefined when the tenant has a role with this key already. */
  insert(tenantId: string, role: RoleInput): Promise<FullRoleRow | undefined> {
    return this.db
      .insertInto('roles')
      .values({ tenantId, id: newId(), key: role.key, name: role.name, description: role.description, permissions: role.permissions, fieldRestrictions: JSON.stringify(role.fieldRestrictions), system: false })
      .onConflict((oc) => oc.columns(['tenantId', 'key']).doNothing())
      .returning(columns)
      .executeTakeFirst();
  }

  /** Changes a custom role (never a system one); undefined when there is no such custom role. */
  update(id: string, patch: Partial<Omit<RoleInput, 'key'>>): Promise<FullRoleRow | undefined> {
    const { fieldRestrictions, ...rest } = patch;
    return this.db
      .updateTable('roles')
      .set({ ...rest, ...(fieldRestrictions !== undefined ? { fieldRestrictions: JSON.stringify(fieldRestrictions) } : {}), updatedAt: new Date() })
      .where('id', '=', id)
      .where('system', '=', false)
      .returning(columns)
      .executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('roles').where('id', '=', id).where('system', '=', false).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Takes a removed resource out of every custom role: its permissions and its hidden fields. The roles changed, by key. */
  async forgetResource(resource: string, permissions: string[]): Promise<string[]> {
    const rows = await this.db
      .updateTable('roles')
      .set({
        permissions: sql<string[]>`array(SELECT p FROM unnest(permissions) AS p WHERE p <> ALL(${permissions}::text[]) ORDER BY p)`,
        fieldRestrictions: sql<string>`field_restrictions - ${resource}::text`,
        updatedAt: new Date(),
      })
      .where('system', '=', false)
      .where(sql<boolean>`(permissions && ${permissions}::text[] OR field_restrictions -> ${resource}::text IS NOT NULL)`)
      .returning('key')
      .execute();
    return rows.map((r) => r.key);
  }

  async holders(roleId: string): Promise<number> {
    const row = await this.db.selectFrom('userRoles').select(sql<number>`count(*)::int`.as('n')).where('roleId', '=', roleId).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
