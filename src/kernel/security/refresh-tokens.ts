import { sql, type ColumnType, type Kysely } from 'kysely';
import type { RequiredTimestamptz, Timestamptz } from '../db/kernel.tables.js';
import { tablesOf, type Db } from '../db/tables.js';
import { AppError, persisting } from '../errors.js';
import { newId } from '../ids.js';
import { hashToken, newRefreshToken } from './tokens.js';

/**
 * The columns a refresh-token table has, as this file reads and writes them (camelCase). The
 * tenant users' table leads with `tenant_id`, which the platform's lacks.
 */
export interface RefreshTokenColumns {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  expiresAt: RequiredTimestamptz;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Timestamptz;
  sessionExpiresAt: RequiredTimestamptz;
}

/** Either table as this file sees it: the tenant column exists only on the tenant users' table. */
export interface RefreshTokenTable extends RefreshTokenColumns {
  tenantId: ColumnType<string, string | undefined, never>;
}

/** The refresh-token tables: the platform users' and (in a tenant transaction) the tenant users'. */
export type RefreshTokenTableName = 'control.refresh_tokens' | 'refresh_tokens';

export interface RefreshTokenOptions {
  /** Seconds one refresh token stays valid (idle timeout). */
  ttlSeconds: number;
  /** Seconds a family (a session) lasts after sign-in, however often it rotates. */
  sessionSeconds: number;
  /** The tenant every row carries, for tenant users. */
  tenantId?: string;
  /** Told of every family revoked (sign-out, replay), so that its access tokens stop working. */
  onRevoke?: (userId: string, familyId: string) => void;
}

/** One session (a refresh-token family) as its user sees it. */
export interface SessionView {
  id: string;
  startedAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
}

/**
 * A user's live sessions (refresh-token families neither revoked nor ended), newest first: when
 * each began, when it was last refreshed, and when it ends unless refreshed again. For either
 * table (a tenant's inside its transaction, where RLS scopes it).
 */
export function listSessions(db: Db, table: RefreshTokenTableName, userId: string, now: Date): Promise<SessionView[]> {
  return tablesOf<Record<RefreshTokenTableName, RefreshTokenTable>>(db)
    .selectFrom(table)
    .select([
      'familyId as id',
      sql<Date>`min(created_at)`.as('startedAt'),
      sql<Date>`max(created_at)`.as('lastActiveAt'),
      sql<Date>`least(max(expires_at), max(session_expires_at))`.as('expiresAt'),
    ])
    .where('userId', '=', userId)
    .groupBy('familyId')
    .having(sql<boolean>`bool_and(revoked_at IS NULL) AND least(max(expires_at), max(session_expires_at)) > ${now}`)
    .orderBy(sql`max(created_at)`, 'desc')
    .execute();
}

/** Revokes one session of a user; false when the user has no such session open (another user's is not theirs). */
export async function revokeSession(db: Db, table: RefreshTokenTableName, userId: string, familyId: string, now: Date): Promise<boolean> {
  const rows = await tablesOf<Record<RefreshTokenTableName, RefreshTokenTable>>(db)
    .updateTable(table)
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('familyId', '=', familyId)
    .where('revokedAt', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
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
  private readonly db: Kysely<Record<RefreshTokenTableName, RefreshTokenTable>>;

  constructor(
    db: Db,
    private readonly table: RefreshTokenTableName,
    private readonly options: RefreshTokenOptions,
  ) {
    this.db = tablesOf(db);
  }

  async start(userId: string): Promise<{ token: string; familyId: string }> {
    const familyId = newId();
    const sessionEnds = new Date(Date.now() + this.options.sessionSeconds * 1000);
    return { token: await this.#issue(userId, familyId, sessionEnds), familyId };
  }

  /** Spends `token` and returns its successor, or refuses. */
  async rotate(token: string): Promise<{ token: string; userId: string; familyId: string }> {
    const row = await this.db
      .selectFrom(this.table)
      .select(['id', 'familyId', 'userId', 'expiresAt', 'sessionExpiresAt', 'usedAt', 'revokedAt'])
      .where('tokenHash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.revokedAt) throw new AppError('invalid_refresh_token');
    const now = Date.now();
    if (new Date(row.sessionExpiresAt).getTime() <= now) throw new AppError('invalid_refresh_token', 'The session has ended: sign in again');
    if (new Date(row.expiresAt).getTime() <= now) throw new AppError('invalid_refresh_token', 'The refresh token has expired');
    const spent = await this.db
      .updateTable(this.table)
      .set({ usedAt: new Date(now) })
      .where('id', '=', row.id)
      .where('usedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!spent) {
      await this.revokeFamily(row.userId, row.familyId);
      throw persisting(new AppError('invalid_refresh_token', 'The refresh token was already used; the session is revoked'));
    }
    return { token: await this.#issue(row.userId, row.familyId, new Date(row.sessionExpiresAt)), userId: row.userId, familyId: row.familyId };
  }

  /** Revokes the family `token` belongs to (sign-out). Unknown tokens are ignored. */
  /** Ends the session `token` belongs to; answers whose session it was, undefined for an unknown token. */
  async revoke(token: string): Promise<{ userId: string; familyId: string } | undefined> {
    const row = await this.db.selectFrom(this.table).select(['userId', 'familyId']).where('tokenHash', '=', hashToken(token)).executeTakeFirst();
    if (row) await this.revokeFamily(row.userId, row.familyId);
    return row;
  }

  async revokeFamily(userId: string, familyId: string): Promise<void> {
    await this.db.updateTable(this.table).set({ revokedAt: new Date() }).where('familyId', '=', familyId).where('revokedAt', 'is', null).execute();
    this.options.onRevoke?.(userId, familyId);
  }

  async #issue(userId: string, familyId: string, sessionEnds: Date): Promise<string> {
    const { token, hash } = newRefreshToken();
    const expires = Math.min(Date.now() + this.options.ttlSeconds * 1000, sessionEnds.getTime());
    await this.db
      .insertInto(this.table)
      .values({ tenantId: this.options.tenantId, id: newId(), familyId, userId, tokenHash: hash, expiresAt: new Date(expires), sessionExpiresAt: sessionEnds })
      .execute();
    return token;
  }
}
