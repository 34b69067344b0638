import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';
import type { SessionState } from '../../kernel/security/session-cache.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  status: 'active' | 'disabled';
  member_id: string | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface RoleRow {
  id: string;
  key: string;
  name: string;
  description: string;
  permissions: string[];
  system: boolean;
}

export type TokenPurpose = 'invitation' | 'password_reset';

const userColumns = ['id', 'email', 'name', 'password_hash', 'status', 'member_id', 'last_login_at', 'created_at', 'updated_at'] as const;

/** SQL for tenant users and roles. Runs inside the tenant transaction: RLS scopes every statement. */
export class IdentityRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(userColumns).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  }

  findUser(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  }

  async listUsers(limit: number, after: string | null): Promise<UserRow[]> {
    let q = this.db.selectFrom('users').select(userColumns).orderBy('id').limit(limit + 1);
    if (after) q = q.where('id', '>', after);
    return q.execute();
  }

  /** Serialises changes to the number of active users per tenant, so that concurrent requests cannot overshoot a plan limit. */
  async lockSeats(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`users:${tenantId}`}, 0))`.execute(this.db);
  }

  async countUsers(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertUser(tenantId: string, user: { email: string; name: string; passwordHash: string | null; memberId: string | null }): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({ tenant_id: tenantId, id: newId(), email: user.email.toLowerCase(), name: user.name, password_hash: user.passwordHash, member_id: user.memberId })
      .returning(userColumns)
      .executeTakeFirstOrThrow();
  }

  async updateUser(id: string, patch: Partial<{ name: string; status: string; password_hash: string; member_id: string | null; last_login_at: Date }>): Promise<UserRow | undefined> {
    return this.db
      .updateTable('users')
      .set({ ...patch, updated_at: new Date() })
      .where('id', '=', id)
      .returning(userColumns)
      .executeTakeFirst();
  }

  async roleKeysOf(userIds: string[]): Promise<Map<string, string[]>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('user_roles as ur')
      .innerJoin('roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
      .select(['ur.user_id', 'r.key'])
      .where('ur.user_id', 'in', userIds)
      .orderBy('r.key')
      .execute();
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    for (const r of rows) byUser.get(r.user_id)!.push(r.key);
    return byUser;
  }

  /** The session check's one query: the user's status, roles and member link, and whether the family lives. */
  async sessionState(userId: string, familyId: string): Promise<SessionState | null> {
    const row = await this.db
      .selectFrom('users as u')
      .select((eb) => [
        'u.status',
        'u.member_id',
        eb
          .selectFrom('user_roles as ur')
          .innerJoin('roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
          .select(sql<string[]>`coalesce(array_agg(r.key ORDER BY r.key), '{}')`.as('keys'))
          .whereRef('ur.user_id', '=', 'u.id')
          .as('roles'),
        eb
          .selectFrom('refresh_tokens as t')
          .select(sql<Date>`max(t.session_expires_at)`.as('ends'))
          .where('t.family_id', '=', familyId)
          .whereRef('t.user_id', '=', 'u.id')
          .where('t.revoked_at', 'is', null)
          .as('ends_at'),
      ])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    if (!row) return null;
    return { alive: row.ends_at !== null, endsAt: row.ends_at ? new Date(row.ends_at).getTime() : 0, active: row.status === 'active', roles: row.roles ?? [], memberId: row.member_id };
  }

  /** Revokes every session of a user (disabled, or a new password). */
  async revokeSessions(userId: string, now: Date): Promise<void> {
    await this.db.updateTable('refresh_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  }

  listRoles(): Promise<RoleRow[]> {
    return this.db.selectFrom('roles').select(['id', 'key', 'name', 'description', 'permissions', 'system']).orderBy('key').execute();
  }

  async rolesByKey(keys: string[]): Promise<RoleRow[]> {
    if (keys.length === 0) return [];
    return this.db.selectFrom('roles').select(['id', 'key', 'name', 'description', 'permissions', 'system']).where('key', 'in', keys).execute();
  }

  async setUserRoles(tenantId: string, userId: string, roleIds: string[]): Promise<void> {
    await this.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roleIds.length > 0) {
      await this.db.insertInto('user_roles').values(roleIds.map((role_id) => ({ tenant_id: tenantId, user_id: userId, role_id }))).execute();
    }
  }

  async insertToken(tenantId: string, t: { userId: string; purpose: TokenPurpose; hash: string; expiresAt: Date; createdBy: string | null }): Promise<void> {
    await this.db
      .insertInto('user_tokens')
      .values({ tenant_id: tenantId, id: newId(), user_id: t.userId, purpose: t.purpose, token_hash: t.hash, expires_at: t.expiresAt, created_by: t.createdBy })
      .execute();
  }

  /** Spends a token that is unspent and unexpired, atomically; returns whose it was, or nothing. */
  consumeToken(purpose: TokenPurpose, hash: string, now: Date): Promise<{ user_id: string } | undefined> {
    return this.db
      .updateTable('user_tokens')
      .set({ consumed_at: now })
      .where('token_hash', '=', hash)
      .where('purpose', '=', purpose)
      .where('consumed_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
  }

  /** Spends every open token of a user for a purpose (a new invitation replaces the old). */
  async revokeTokens(userId: string, purpose: TokenPurpose, now: Date): Promise<void> {
    await this.db.updateTable('user_tokens').set({ consumed_at: now }).where('user_id', '=', userId).where('purpose', '=', purpose).where('consumed_at', 'is', null).execute();
  }

  /** Creates a system role, or leaves it as the tenant has it (seeding is idempotent). */
  async ensureRole(tenantId: string, role: { key: string; name: string; description: string; permissions: string[] }): Promise<void> {
    await this.db
      .insertInto('roles')
      .values({ tenant_id: tenantId, id: newId(), key: role.key, name: role.name, description: role.description, permissions: role.permissions, system: true })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
      .execute();
  }
}
