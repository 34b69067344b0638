import type { Kysely, Selectable } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { RoleGrant } from '../role-cache.js';
import { tenantRolePermissions, userRoleKeys } from './identity.repository.js';
import type { IdentityTables } from './identity.tables.js';

type Tables = IdentityTables & KernelTables;
const keyColumns = ['id', 'name', 'prefix', 'permissions', 'createdBy', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'] as const;
export type ApiKeyRow = Pick<Selectable<Tables['apiKeys']>, (typeof keyColumns)[number]>;

/** What authenticating with a key needs: the key, its creator's status, roles and member link. */
export interface ApiKeyAdmissionRow {
  id: string;
  createdBy: string;
  permissions: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: 'active' | 'disabled';
  memberId: string | null;
  roles: string[] | null;
  rolePermissions: Record<string, RoleGrant> | null;
}

/** SQL for the tenant's API keys. Runs inside the tenant transaction: RLS scopes every statement. */
export class ApiKeysRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  insert(tenantId: string, key: { name: string; prefix: string; secretHash: string; permissions: string[]; createdBy: string; expiresAt: Date | null }): Promise<ApiKeyRow> {
    return this.db
      .insertInto('apiKeys')
      .values({ tenantId, id: newId(), ...key })
      .returning(keyColumns)
      .executeTakeFirstOrThrow();
  }

  find(id: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('apiKeys').select(keyColumns).where('id', '=', id).executeTakeFirst();
  }

  /** A page of `limit + 1` keys after `after` (newest first: ids are UUIDv7), those whose name contains `text` when given. */
  list(limit: number, after: string | null, text?: string): Promise<ApiKeyRow[]> {
    let q = this.db.selectFrom('apiKeys').select(keyColumns).orderBy('id', 'desc').limit(limit + 1);
    if (after) q = q.where('id', '<', after);
    if (text) q = q.where('name', 'ilike', containsPattern(text));
    return q.execute();
  }

  /** Revokes a key that is not revoked yet; the key as it is now, or nothing when there is no such key. */
  async revoke(id: string, now: Date): Promise<ApiKeyRow | undefined> {
    await this.db.updateTable('apiKeys').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).execute();
    return this.find(id);
  }

  /** Notes a key's use, unless it was noted less than `every` seconds ago (by any process). */
  async touch(id: string, now: Date, everySeconds: number): Promise<void> {
    await this.db
      .updateTable('apiKeys')
      .set({ lastUsedAt: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', new Date(now.getTime() - everySeconds * 1000))]))
      .execute();
  }

  /**
   * Authenticating with a key in one statement: the key by its hash, with its creator's status,
   * roles and member link, and every role's permissions.
   */
  admission(secretHash: string): Promise<ApiKeyAdmissionRow | undefined> {
    return this.db
      .selectFrom('apiKeys as k')
      .innerJoin('users as u', (j) => j.onRef('u.tenantId', '=', 'k.tenantId').onRef('u.id', '=', 'k.createdBy'))
      .select([
        'k.id',
        'k.createdBy',
        'k.permissions',
        'k.expiresAt',
        'k.revokedAt',
        'u.status',
        'u.memberId',
        userRoleKeys.as('roles'),
        tenantRolePermissions.as('rolePermissions'),
      ])
      .where('k.secretHash', '=', secretHash)
      .executeTakeFirst();
  }
}
