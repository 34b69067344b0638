import { sql } from 'kysely';
import type { Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';

/** SQL for platform operators (`control.platform_users`) and their sessions. */
export class PlatformUsersRepository {
  constructor(private readonly db: Db) {}

  async anyExists(): Promise<boolean> {
    return (await this.db.selectFrom('control.platform_users').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  /** Creates an operator; false when the e-mail is taken (in any letter case). */
  async insert(user: { email: string; name: string; passwordHash: string }): Promise<boolean> {
    const row = await this.db
      .insertInto('control.platform_users')
      .values({ id: newId(), email: user.email, name: user.name, password_hash: user.passwordHash })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  findByEmail(email: string): Promise<{ id: string; password_hash: string; status: string } | undefined> {
    return this.db.selectFrom('control.platform_users').select(['id', 'password_hash', 'status']).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  }

  async status(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('control.platform_users').select('status').where('id', '=', id).executeTakeFirst())?.status;
  }

  async signedIn(id: string, at: Date): Promise<void> {
    await this.db.updateTable('control.platform_users').set({ last_login_at: at }).where('id', '=', id).execute();
  }

  /** The session check's one query: the operator's status and when the family ends (null once revoked). */
  async session(userId: string, familyId: string): Promise<{ status: string; ends_at: Date | null } | undefined> {
    const row = await this.db
      .selectFrom('control.platform_users as u')
      .select((eb) => [
        'u.status',
        eb
          .selectFrom('control.refresh_tokens as t')
          .select(sql<Date>`max(t.session_expires_at)`.as('ends'))
          .where('t.family_id', '=', familyId)
          .whereRef('t.user_id', '=', 'u.id')
          .where('t.revoked_at', 'is', null)
          .as('ends_at'),
      ])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    return row as { status: string; ends_at: Date | null } | undefined;
  }
}
