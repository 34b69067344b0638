import type { TenantContext } from '../../kernel/context.js';
import { principalOf } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/tables.js';
import { NotificationPreferencesRepository } from './notification-preferences.repository.js';

/**
 * What a user may choose to be told about, and how (docs/notifications.md). Mandatory messages,
 * such as password resets and invitations, are not in a category: they are always sent.
 */
export const NOTIFICATION_CATEGORIES = ['billing', 'announcements', 'maintenance', 'meetings'] as const;
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** E-mail is on and SMS off until the user chooses otherwise. */
export const NOTIFICATION_DEFAULTS: Readonly<Record<NotificationChannel, boolean>> = { email: true, sms: false };

export type NotificationPreferences = Record<NotificationCategory, Record<NotificationChannel, boolean>>;

function defaults(): NotificationPreferences {
  return Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, { ...NOTIFICATION_DEFAULTS }])) as NotificationPreferences;
}

/** Every category and channel of the user: what they set, or the default. */
export async function notificationPreferences(db: Db, userId: string): Promise<NotificationPreferences> {
  const prefs = defaults();
  for (const row of await new NotificationPreferencesRepository(db).of(userId)) {
    const category = prefs[row.category as NotificationCategory];
    if (category && row.channel in category) category[row.channel as NotificationChannel] = row.enabled;
  }
  return prefs;
}

/** The signed-in user's preferences. */
export function myNotificationPreferences(ctx: TenantContext): Promise<NotificationPreferences> {
  return notificationPreferences(ctx.db, principalOf(ctx).userId);
}

/** Replaces the signed-in user's preferences with `next` (every category and channel). */
export async function setMyNotificationPreferences(ctx: TenantContext, next: NotificationPreferences): Promise<NotificationPreferences> {
  const rows = NOTIFICATION_CATEGORIES.flatMap((category) => NOTIFICATION_CHANNELS.map((channel) => ({ category, channel, enabled: next[category][channel] })));
  await new NotificationPreferencesRepository(ctx.db).save(ctx.tenant.id, principalOf(ctx).userId, rows);
  return myNotificationPreferences(ctx);
}

/**
 * Whether the user wants messages of `category` by `channel`: for the communications module,
 * before it sends anything optional. Runs in the caller's tenant transaction (a request's or a
 * job's), so row-level security applies. A mandatory message does not ask.
 */
export async function wantsNotification(scope: { db: Db }, userId: string, category: NotificationCategory, channel: NotificationChannel): Promise<boolean> {
  return (await usersWantingNotification(scope, [userId], category, channel)).has(userId);
}

/** Which of `userIds` want messages of `category` by `channel`, in one query: for a message to many. */
export async function usersWantingNotification(scope: { db: Db }, userIds: readonly string[], category: NotificationCategory, channel: NotificationChannel): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const chosen = await new NotificationPreferencesRepository(scope.db).choicesFor(userIds, category, channel);
  return new Set(userIds.filter((id) => chosen.get(id) ?? NOTIFICATION_DEFAULTS[channel]));
}
