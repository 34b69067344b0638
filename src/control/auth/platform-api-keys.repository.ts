import type { Kysely, Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { ControlTables } from '../control.tables.js';

const keyColumns = ['id', 'name', 'prefix', 'permissions', 'createdBy', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'] as const;
export type PlatformApiKeyRow = Pick<Selectable<ControlTables['control.platformApiKeys']>, (typeof keyColumns)[number]>;

/** SQL for platform operators' API keys (`control.platform_api_keys`). */
export class PlatformApiKeysRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  insert(key: { name: string; prefix: string; secretHash: string; permissions: string[]; createdBy: string; expiresAt: Date | null }): Promise<PlatformApiKeyRow> {
    return this.db.insertInto('control.platformApiKeys').values({ id: newId(), ...key }).returning(keyColumns).executeTakeFirstOrThrow();
  }

  /** A page of `limit + 1` keys after `after`, newest first. */
  list(limit: number, after: string | null): Promise<PlatformApiKeyRow[]> {
    let q = this.db.selectFrom('control.platformApiKeys').select(keyColumns).orderBy('id', 'desc').limit(limit + 1);
    if (after) q = q.where('id', '<', after);
    return q.execute();
  }

  /** Revokes a key not revoked yet; whose it was, or nothing when there is no such key. */
  async revoke(id: string, now: Date): Promise<{ createdBy: string } | undefined> {
    await this.db.updateTable('control.platformApiKeys').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).execute();
    return this.db.selectFrom('control.platformApiKeys').select('createdBy').where('id', '=', id).executeTakeFirst();
  }

  /** The key by its hash, with its operator's status: what authenticating with it needs. */
  admission(secretHash: string) {
    return this.db
      .selectFrom('control.platformApiKeys as k')
      .innerJoin('control.platformUsers as u', 'u.id', 'k.createdBy')
      .select(['k.id', 'k.createdBy', 'k.permissions', 'k.expiresAt', 'k.revokedAt', 'u.status'])
      .where('k.secretHash', '=', secretHash)
      .executeTakeFirst();
  }

  /** Notes a key's use, unless it was noted less than `everySeconds` ago. */
  async touch(id: string, now: Date, everySeconds: number): Promise<void> {
    await this.db
      .updateTable('control.platformApiKeys')
      .set({ lastUsedAt: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', new Date(now.getTime() - everySeconds * 1000))]))
      .execute();
  }
}
