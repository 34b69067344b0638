import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { myNotificationPreferences, NOTIFICATION_CATEGORIES, NOTIFICATION_CHANNELS, setMyNotificationPreferences, type NotificationPreferences as Preferences } from './notification-preferences.js';

const module = 'core';
const tags = ['identity'];

const Channels = Type.Object(
  Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, Type.Boolean()])) as Record<(typeof NOTIFICATION_CHANNELS)[number], ReturnType<typeof Type.Boolean>>,
  { additionalProperties: false },
);
const NotificationPreferences = Type.Object(
  Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, Channels])) as Record<(typeof NOTIFICATION_CATEGORIES)[number], typeof Channels>,
  {
    additionalProperties: false,
    description: 'For each category (`billing`: statements and payment receipts; `announcements`; `maintenance`; `meetings`), whether to send it by e-mail and by SMS. Mandatory messages (password resets, invitations) are always sent.',
  },
);

/** The signed-in user's own choices of what they are told, and how (docs/notifications.md). */
export function notificationPreferencesRoutes(app: HttpApp): void {
  app.get('/me/notification-preferences', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.notificationPreferences.get', tags, summary: 'Your notification preferences: each category by e-mail and by SMS (e-mail on and SMS off until you choose)', response: { 200: NotificationPreferences } },
  }, (req) => myNotificationPreferences(req.ctx));

  app.put('/me/notification-preferences', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.notificationPreferences.set', tags, summary: 'Set your notification preferences (every category and channel)', body: NotificationPreferences, response: { 200: NotificationPreferences } },
  }, (req) => setMyNotificationPreferences(req.ctx, req.body as Preferences));
}
