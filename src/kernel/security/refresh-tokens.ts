import type { Db } from '../db/tables.js';
import { AppError, persisting } from '../errors.js';
import { newId } from '../ids.js';
import { hashToken, newRefreshToken } from './tokens.js';

export interface RefreshTokenOptions {
  /** Seconds one refresh token stays valid (idle timeout). */
  ttlSeconds: number;
  /** Seconds a family (a session) lasts after sign-in, however often it rotates. */
  sessionSeconds: number;
  /** Extra columns every row carries (the tenant id for tenant users). */
  scope?: Record<string, string>;
  /** Told of every family revoked (sign-out, replay), so that its access tokens stop working. */
  onRevoke?: (userId: string, familyId: string) => void;
}

/**
 * Rotating refresh tokens. Each sign-in starts a family; each refresh spends one token and
 * issues the next in the same family. Presenting a spent token again means it was stolen
 * (or replayed), so the whole family is revoked and the thief and the owner both sign in
 * again. A family ends `sessionSeconds` after sign-in whatever the rotations (ASVS V7.3.2).
 *
 * The same logic serves platform users (`control.refresh_tokens`) and tenant users
 * (`refresh_tokens`, inside the tenant transaction, with `tenant_id`).
 */
export class RefreshTokens {
  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly options: RefreshTokenOptions,
  ) {}

  async start(userId: string): Promise<{ token: string; familyId: string }> {
    const familyId = newId();
    const sessionEnds = new Date(Date.now() + this.options.sessionSeconds * 1000);
    return { token: await this.#issue(userId, familyId, sessionEnds), familyId };
  }

  /** Spends `token` and returns its successor, or refuses. */
  async rotate(token: string): Promise<{ token: string; userId: string; familyId: string }> {
    const row = await this.db
      .selectFrom(this.table)
      .select(['id', 'family_id', 'user_id', 'expires_at', 'session_expires_at', 'used_at', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at) throw new AppError('invalid_refresh_token');
    const now = Date.now();
    if (new Date(row.session_expires_at).getTime() <= now) throw new AppError('invalid_refresh_token', 'The session has ended: sign in again');
    if (new Date(row.expires_at).getTime() <= now) throw new AppError('invalid_refresh_token', 'The refresh token has expired');
    const spent = await this.db
      .updateTable(this.table)
      .set({ used_at: new Date(now) })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!spent) {
      await this.revokeFamily(row.user_id, row.family_id);
      throw persisting(new AppError('invalid_refresh_token', 'The refresh token was already used; the session is revoked'));
    }
    return { token: await this.#issue(row.user_id, row.family_id, new Date(row.session_expires_at)), userId: row.user_id, familyId: row.family_id };
  }

  /** Revokes the family `token` belongs to (sign-out). Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    const row = await this.db.selectFrom(this.table).select(['user_id', 'family_id']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (row) await this.revokeFamily(row.user_id, row.family_id);
  }

  async revokeFamily(userId: string, familyId: string): Promise<void> {
    await this.db.updateTable(this.table).set({ revoked_at: new Date() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
    this.options.onRevoke?.(userId, familyId);
  }

  async #issue(userId: string, familyId: string, sessionEnds: Date): Promise<string> {
    const { token, hash } = newRefreshToken();
    const expires = Math.min(Date.now() + this.options.ttlSeconds * 1000, sessionEnds.getTime());
    await this.db
      .insertInto(this.table)
      .values({ ...this.options.scope, id: newId(), family_id: familyId, user_id: userId, token_hash: hash, expires_at: new Date(expires), session_expires_at: sessionEnds })
      .execute();
    return token;
  }
}
