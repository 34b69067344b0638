import type { Kysely } from 'kysely';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';

/** The table of `migrations/0010_notification_preferences.sql` (camelCase). */
export interface NotificationPreferencesTables {
  notificationPreferences: {
    tenantId: TenantKey;
    userId: string;
    category: string;
    channel: string;
    enabled: boolean;
    updatedAt: Timestamptz;
  };
}

export interface PreferenceRow {
  category: string;
  channel: string;
  enabled: boolean;
}

/** Notification preferences SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class NotificationPreferencesRepository {
  private readonly db: Kysely<NotificationPreferencesTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** The rows the user has set (a missing one is the default). */
  async of(userId: string): Promise<PreferenceRow[]> {
    return this.db.selectFrom('notificationPreferences').select(['category', 'channel', 'enabled']).where('userId', '=', userId).execute();
  }

  /** The users among `userIds` who set this category and channel, with what they set. */
  async choicesFor(userIds: readonly string[], category: string, channel: string): Promise<Map<string, boolean>> {
    const rows = await this.db
      .selectFrom('notificationPreferences')
      .select(['userId', 'enabled'])
      .where('userId', '=', anyUuid(userIds))
      .where('category', '=', category)
      .where('channel', '=', channel)
      .execute();
    return new Map(rows.map((r) => [r.userId, r.enabled]));
  }

  /** Sets every given row (the others are left as they are). */
  async save(tenantId: string, userId: string, rows: readonly PreferenceRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = new Date();
    await this.db
      .insertInto('notificationPreferences')
      .values(rows.map((r) => ({ tenantId, userId, category: r.category, channel: r.channel, enabled: r.enabled, updatedAt: now })))
      .onConflict((oc) => oc.columns(['tenantId', 'userId', 'category', 'channel']).doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled'), updatedAt: now })))
      .execute();
  }
}
