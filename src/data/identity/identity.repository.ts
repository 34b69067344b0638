import { sql, type Kysely, type Selectable } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import { listSessions, revokeSession, type SessionView } from '../../kernel/security/refresh-tokens.js';
import type { SessionState } from '../../kernel/security/session-cache.js';
import type { RoleGrant } from '../role-cache.js';
import type { IdentityTables } from './identity.tables.js';

const userColumns = ['id', 'email', 'name', 'passwordHash', 'status', 'memberId', 'locale', 'lastLoginAt', 'createdAt', 'updatedAt'] as const;
const roleColumns = ['id', 'key', 'name', 'description', 'permissions', 'system'] as const;

type Tables = IdentityTables & KernelTables;

/**
 * The role keys, sorted, of the user a statement calls `u`, and every role of the tenant with its
 * permissions: the two subqueries of a cold session check and of a cold API-key check.
 */
export const userRoleKeys = sql<string[]>`(SELECT coalesce(array_agg(r.key ORDER BY r.key), '{}') FROM user_roles ur JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id WHERE ur.user_id = u.id)`;
export const tenantRolePermissions = sql<Record<string, RoleGrant>>`(SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('permissions', permissions, 'fieldRestrictions', field_restrictions)), '{}') FROM roles)`;
export type UserRow = Pick<Selectable<Tables['users']>, (typeof userColumns)[number]>;
export type RoleRow = Pick<Selectable<Tables['roles']>, (typeof roleColumns)[number]>;

export type TokenPurpose = 'invitation' | 'password_reset';

/** SQL for tenant users and roles. Runs inside the tenant transaction: RLS scopes every statement. */
export class IdentityRepository {
  private readonly db: Kysely<Tables>;

  constructor(private readonly raw: Db) {
    this.db = tablesOf(raw);
  }

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(userColumns).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  }

  findUser(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  }

  /** A page of `limit + 1` users after `after`, those whose name or e-mail contains `text` when given. */
  async listUsers(limit: number, after: string | null, text?: string): Promise<UserRow[]> {
    let q = this.db.selectFrom('users').select(userColumns).orderBy('id').limit(limit + 1);
    if (after) q = q.where('id', '>', after);
    if (text) {
      const like = containsPattern(text);
      q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
    }
    return q.execute();
  }

  /** Serialises changes to the number of active users per tenant, so that concurrent requests cannot overshoot a plan limit. */
  async insertUser(tenantId: string, user: { email: string; name: string; passwordHash: string | null; memberId: string | null; locale?: string | null }): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({ tenantId: tenantId, id: newId(), email: user.email.toLowerCase(), name: user.name, passwordHash: user.passwordHash, memberId: user.memberId, locale: user.locale ?? null })
      .returning(userColumns)
      .executeTakeFirstOrThrow();
  }

  async updateUser(id: string, patch: Partial<{ name: string; status: UserRow['status']; passwordHash: string; memberId: string | null; locale: string | null; lastLoginAt: Date }>): Promise<UserRow | undefined> {
    return this.db
      .updateTable('users')
      .set({ ...patch, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(userColumns)
      .executeTakeFirst();
  }

  async roleKeysOf(userIds: string[]): Promise<Map<string, string[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('userRoles as ur')
      .innerJoin('roles as r', (j) => j.onRef('r.tenantId', '=', 'ur.tenantId').onRef('r.id', '=', 'ur.roleId'))
      .select(['ur.userId', 'r.key'])
      .where('ur.userId', '=', anyUuid(userIds))
      .orderBy('r.key')
      .execute();
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    for (const r of rows) byUser.get(r.userId)!.push(r.key);
    return byUser;
  }

  /** The session check's one query: the user's status, roles, member link and locale, and whether the family lives. */
  async sessionState(userId: string, familyId: string): Promise<SessionState | null> {
    const row = await this.#sessionQuery(userId, familyId).executeTakeFirst();
    return row ? sessionStateOf(row) : null;
  }

  /**
   * The session check and every role's permissions in one statement: what admitting a request
   * needs when neither is cached. No roles when the user is gone (the request is refused anyway).
   */
  async sessionStateAndRoles(userId: string, familyId: string): Promise<{ state: SessionState | null; roles: Map<string, RoleGrant> | null }> {
    const row = await this.#sessionQuery(userId, familyId)
      .select(tenantRolePermissions.as('rolePermissions'))
      .executeTakeFirst();
    if (!row) return { state: null, roles: null };
    return { state: sessionStateOf(row), roles: new Map(Object.entries(row.rolePermissions ?? {})) };
  }

  #sessionQuery(userId: string, familyId: string) {
    return this.db
      .selectFrom('users as u')
      .select((eb) => [
        'u.status',
        'u.memberId',
        'u.locale',
        userRoleKeys.as('roles'),
        eb
          .selectFrom('refreshTokens as t')
          .select(sql<Date>`max(t.session_expires_at)`.as('ends'))
          .where('t.familyId', '=', familyId)
          .whereRef('t.userId', '=', 'u.id')
          .where('t.revokedAt', 'is', null)
          .as('endsAt'),
      ])
      .where('u.id', '=', userId);
  }

  /** Revokes every session of a user (disabled, or a new password), but `keep` when given (the one that changed it). */
  async revokeSessions(userId: string, now: Date, keep?: string): Promise<void> {
    let q = this.db.updateTable('refreshTokens').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null);
    if (keep) q = q.where('familyId', '<>', keep);
    await q.execute();
  }

  /** Revokes one session of a user; false when the user has no such session open. */
  revokeSession(userId: string, familyId: string, now: Date): Promise<boolean> {
    return revokeSession(this.raw, 'refresh_tokens', userId, familyId, now);
  }

  /** A user's live sessions, newest first (the kernel's query, shared with the platform operators'). */
  listSessions(userId: string, now: Date): Promise<SessionView[]> {
    return listSessions(this.raw, 'refresh_tokens', userId, now);
  }

  async rolesByKey(keys: string[]): Promise<RoleRow[]> {
    if (keys.length === 0) return [];
    return this.db.selectFrom('roles').select(roleColumns).where('key', '=', sql<string>`ANY(${keys}::text[])`).execute();
  }

  async setUserRoles(tenantId: string, userId: string, roleIds: string[]): Promise<void> {
    await this.db.deleteFrom('userRoles').where('userId', '=', userId).execute();
    if (roleIds.length > 0) {
      await this.db.insertInto('userRoles').values(roleIds.map((roleId) => ({ tenantId, userId, roleId }))).execute();
    }
  }

  async insertToken(tenantId: string, t: { userId: string; purpose: TokenPurpose; hash: string; expiresAt: Date; createdBy: string | null }): Promise<void> {
    await this.db
      .insertInto('userTokens')
      .values({ tenantId: tenantId, id: newId(), userId: t.userId, purpose: t.purpose, tokenHash: t.hash, expiresAt: t.expiresAt, createdBy: t.createdBy })
      .execute();
  }

  /** Spends a token that is unspent and unexpired, atomically; returns whose it was, or nothing. */
  consumeToken(purpose: TokenPurpose, hash: string, now: Date): Promise<{ userId: string } | undefined> {
    return this.db
      .updateTable('userTokens')
      .set({ consumedAt: now })
      .where('tokenHash', '=', hash)
      .where('purpose', '=', purpose)
      .where('consumedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning('userId')
      .executeTakeFirst();
  }

  /** Spends every open token of a user for a purpose (a new invitation replaces the old). */
  async revokeTokens(userId: string, purpose: TokenPurpose, now: Date): Promise<void> {
    await this.db.updateTable('userTokens').set({ consumedAt: now }).where('userId', '=', userId).where('purpose', '=', purpose).where('consumedAt', 'is', null).execute();
  }

  /**
   * Gives system role `key` these permissions in every tenant the connection sees (the migrating
   * connection sees all of its database's); how many roles changed.
   */
  async setSystemRolePermissions(key: string, permissions: string[]): Promise<number> {
    const result = await sql`UPDATE roles SET permissions = ${permissions}::text[], updated_at = now()
      WHERE system AND key = ${key} AND permissions IS DISTINCT FROM ${permissions}::text[]`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Creates a system role, or leaves it as the tenant has it (seeding is idempotent). */
  async ensureRole(tenantId: string, role: { key: string; name: string; description: string; permissions: string[] }): Promise<void> {
    await this.db
      .insertInto('roles')
      .values({ tenantId: tenantId, id: newId(), key: role.key, name: role.name, description: role.description, permissions: role.permissions, system: true })
      .onConflict((oc) => oc.columns(['tenantId', 'key']).doNothing())
      .execute();
  }
}

function sessionStateOf(row: { status: string; memberId: string | null; locale: string | null; roles: string[] | null; endsAt: Date | string | null }): SessionState {
  return { alive: row.endsAt !== null, endsAt: row.endsAt ? new Date(row.endsAt).getTime() : 0, active: row.status === 'active', roles: row.roles ?? [], memberId: row.memberId, locale: row.locale };
}
