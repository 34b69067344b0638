import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';

/**
 * My details' calls. Newer than the SDK's generated types, so typed here by hand (the lead
 * regenerates the SDK at merge; these then become the SDK's typed paths).
 */
export const SELF_EDITABLE_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'address'] as const;
export type SelfEditableField = (typeof SELF_EDITABLE_FIELDS)[number];

export interface MyDetails {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  editableFields: SelfEditableField[];
}
/** Null removes a phone, e-mail or address; a name cannot be removed. */
export type MyDetailsPatch = Partial<Record<SelfEditableField, string | null>>;

export const NOTIFICATION_CATEGORIES = ['billing', 'announcements', 'maintenance', 'meetings'] as const;
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationPreferences = Record<(typeof NOTIFICATION_CATEGORIES)[number], Record<(typeof NOTIFICATION_CHANNELS)[number], boolean>>;

type Answer<R> = { data?: R; error?: unknown; response: Response };
interface Untyped {
  GET<R>(path: string): Promise<Answer<R>>;
  PATCH<R>(path: string, init: { body: unknown }): Promise<Answer<R>>;
  PUT<R>(path: string, init: { body: unknown }): Promise<Answer<R>>;
}

export function detailsCalls(api: ReturnType<typeof useApi>) {
  const untyped = api as unknown as Untyped;
  return {
    details: () => untyped.GET<MyDetails>('/api/v1/members/me'),
    updateDetails: (body: MyDetailsPatch) => untyped.PATCH<MyDetails>('/api/v1/members/me', { body }),
    preferences: () => untyped.GET<NotificationPreferences>('/api/v1/me/notification-preferences'),
    setPreferences: (body: NotificationPreferences) => untyped.PUT<NotificationPreferences>('/api/v1/me/notification-preferences', { body }),
    selfService: () => untyped.GET<{ editableFields: SelfEditableField[] }>('/api/v1/settings/member-self-service'),
    setSelfService: (editableFields: SelfEditableField[]) => untyped.PATCH<{ editableFields: SelfEditableField[] }>('/api/v1/settings/member-self-service', { body: { editableFields } }),
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
