import { useQuery } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';

/** My details' calls (the portal's page, and the workspace's setting of what members may change). */
export type MyDetails = operations['members.me.get']['responses'][200]['content']['application/json'];
export type SelfEditableField = MyDetails['editableFields'][number];
export const SELF_EDITABLE_FIELDS: readonly SelfEditableField[] = ['firstName', 'lastName', 'email', 'phone', 'address'];
/** Null removes a phone, e-mail or address; a name cannot be removed. */
export type MyDetailsPatch = NonNullable<operations['members.me.update']['requestBody']>['content']['application/json'];

export type NotificationPreferences = operations['me.notificationPreferences.get']['responses'][200]['content']['application/json'];
export const NOTIFICATION_CATEGORIES = ['billing', 'announcements', 'maintenance', 'meetings'] as const satisfies readonly (keyof NotificationPreferences)[];
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const satisfies readonly (keyof NotificationPreferences['billing'])[];

export function detailsCalls(api: ReturnType<typeof useApi>) {
  return {
    details: () => api.GET('/api/v1/members/me'),
    updateDetails: (body: MyDetailsPatch) => api.PATCH('/api/v1/members/me', { body }),
    preferences: () => api.GET('/api/v1/me/notification-preferences'),
    setPreferences: (body: NotificationPreferences) => api.PUT('/api/v1/me/notification-preferences', { body }),
    selfService: () => api.GET('/api/v1/settings/member-self-service'),
    setSelfService: (editableFields: SelfEditableField[]) => api.PATCH('/api/v1/settings/member-self-service', { body: { editableFields } }),
  };
}

export function useMyDetails() {
  const api = useApi();
  return useQuery({ queryKey: ['portal', 'details'], queryFn: async () => unwrap(await detailsCalls(api).details()) });
}

export function useMyNotificationPreferences() {
  const api = useApi();
  return useQuery({ queryKey: ['me', 'notification-preferences'], queryFn: async () => unwrap(await detailsCalls(api).preferences()) });
}
