import type { Kysely } from 'kysely';
import type { AnyDB } from '../db/database.js';
import { AppError, persisting } from '../errors.js';
import { newId } from '../ids.js';
import { hashToken, newRefreshToken } from './tokens.js';

/**
 * Rotating refresh tokens. Each sign-in starts a family; each refresh spends one token and
 * issues the next in the same family. Presenting a spent token again means it was stolen
 * (or replayed), so the whole family is revoked and the thief and the owner both sign in
 * again.
 *
 * The same logic serves platform users (`control.refresh_tokens`) and tenant users
 * (`refresh_tokens`, inside the tenant transaction, with `tenant_id`).
 */
export class RefreshTokens {
  constructor(
    private readonly db: Kysely<AnyDB>,
    private readonly table: string,
    private readonly ttlSeconds: number,
    /** Extra columns every row carries (the tenant id for tenant users). */
    private readonly scope: Record<string, string> = {},
  ) {}

  async start(userId: string): Promise<{ token: string; familyId: string }> {
    const familyId = newId();
    return { token: await this.#issue(userId, familyId), familyId };
  }

  /** Spends `token` and returns its successor, or refuses. */
  async rotate(token: string): Promise<{ token: string; userId: string; familyId: string }> {
    const row = await this.db
      .selectFrom(this.table)
      .select(['id', 'family_id', 'user_id', 'expires_at', 'used_at', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at) throw new AppError('invalid_refresh_token');
    if (new Date(row.expires_at).getTime() <= Date.now()) throw new AppError('invalid_refresh_token', 'The refresh token has expired');
    const spent = await this.db
      .updateTable(this.table)
      .set({ used_at: new Date() })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!spent) {
      await this.revokeFamily(row.family_id);
      throw persisting(new AppError('invalid_refresh_token', 'The refresh token was already used; the session is revoked'));
    }
    return { token: await this.#issue(row.user_id, row.family_id), userId: row.user_id, familyId: row.family_id };
  }

  /** Revokes the family `token` belongs to (sign-out). Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    const row = await this.db.selectFrom(this.table).select('family_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (row) await this.revokeFamily(row.family_id);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.updateTable(this.table).set({ revoked_at: new Date() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
  }

  async #issue(userId: string, familyId: string): Promise<string> {
    const { token, hash } = newRefreshToken();
    await this.db
      .insertInto(this.table)
      .values({ ...this.scope, id: newId(), family_id: familyId, user_id: userId, token_hash: hash, expires_at: new Date(Date.now() + this.ttlSeconds * 1000) })
      .execute();
    return token;
  }
}
