import { sql, type Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { ControlTables } from '../control.tables.js';
import { newId } from '../../kernel/ids.js';

/** SQL for platform operators (`control.platform_users`) and their sessions. */
export class PlatformUsersRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async anyExists(): Promise<boolean> {
    return (await this.db.selectFrom('control.platformUsers').select('id').limit(1).executeTakeFirst()) !== undefined;
  }

  /** Creates an operator; false when the e-mail is taken (in any letter case). */
  async insert(user: { email: string; name: string; passwordHash: string }): Promise<boolean> {
    const row = await this.db
      .insertInto('control.platformUsers')
      .values({ id: newId(), email: user.email, name: user.name, passwordHash: user.passwordHash })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  findByEmail(email: string): Promise<{ id: string; email: string; name: string; passwordHash: string; status: string } | undefined> {
    return this.db.selectFrom('control.platformUsers').select(['id', 'email', 'name', 'passwordHash', 'status']).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  }

  find(id: string): Promise<{ id: string; email: string; name: string; passwordHash: string; status: string } | undefined> {
    return this.db.selectFrom('control.platformUsers').select(['id', 'email', 'name', 'passwordHash', 'status']).where('id', '=', id).executeTakeFirst();
  }

  async rename(id: string, name: string): Promise<boolean> {
    return (await this.db.updateTable('control.platformUsers').set({ name, updatedAt: new Date() }).where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('control.platformUsers').set({ passwordHash, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  /** Ends every session of an operator (a new password), but `keep` when given (the one that changed it). */
  async revokeSessions(userId: string, now: Date, keep?: string): Promise<void> {
    let q = this.db.updateTable('control.refreshTokens').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null);
    if (keep) q = q.where('familyId', '<>', keep);
    await q.execute();
  }

  async insertResetToken(userId: string, hash: string, expiresAt: Date): Promise<void> {
    await this.db.insertInto('control.passwordResetTokens').values({ id: newId(), userId, tokenHash: hash, expiresAt }).execute();
  }

  /** Spends a reset token that is unspent and unexpired, atomically; whose it was, or nothing. */
  async consumeResetToken(hash: string, now: Date): Promise<string | undefined> {
    const row = await this.db
      .updateTable('control.passwordResetTokens')
      .set({ consumedAt: now })
      .where('tokenHash', '=', hash)
      .where('consumedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning('userId')
      .executeTakeFirst();
    return row?.userId;
  }

  /** Spends every open reset token of an operator (one was used). */
  async revokeResetTokens(userId: string, now: Date): Promise<void> {
    await this.db.updateTable('control.passwordResetTokens').set({ consumedAt: now }).where('userId', '=', userId).where('consumedAt', 'is', null).execute();
  }

  async status(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('control.platformUsers').select('status').where('id', '=', id).executeTakeFirst())?.status;
  }

  async signedIn(id: string, at: Date): Promise<void> {
    await this.db.updateTable('control.platformUsers').set({ lastLoginAt: at }).where('id', '=', id).execute();
  }

  /** The session check's one query: the operator's status and when the family ends (null once revoked). */
  session(userId: string, familyId: string): Promise<{ status: string; endsAt: Date | null } | undefined> {
    return this.db
      .selectFrom('control.platformUsers as u')
      .select((eb) => [
        'u.status',
        eb
          .selectFrom('control.refreshTokens as t')
          .select(sql<Date>`max(t.session_expires_at)`.as('ends'))
          .where('t.familyId', '=', familyId)
          .whereRef('t.userId', '=', 'u.id')
          .where('t.revokedAt', 'is', null)
          .as('endsAt'),
      ])
      .where('u.id', '=', userId)
      .executeTakeFirst();
  }
}
