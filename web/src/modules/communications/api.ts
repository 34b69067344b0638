import type { CourtyardClient, operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';

/** The communications module's routes, through the page's client with the SDK's generated types. */

type Json<Op extends keyof operations, Status extends number = 200> = operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer T } }> ? T : never;
type Body<Op extends keyof operations> = NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer T } } ? T : never;

export type Segment = Json<'communications.segments.list'>['data'][number];
export type SegmentCriteria = Segment['criteria'];
export type Preview = Json<'communications.preview'>;
export type PreviewBody = Body<'communications.preview'>;
export type Announcement = Json<'communications.announcements.get'>;
export type AnnouncementDraft = Body<'communications.announcements.create'>;
export type Totals = NonNullable<Announcement['totals']>['portal'];
export type Recipient = Json<'communications.recipients.list'>['data'][number];
export type ContactStatus = Json<'communications.members.contactStatus'>;
export type CommunicationsSettings = Json<'communications.settings.get'>;
export type NewsItem = Json<'communications.news'>['data'][number];
export type Category = Announcement['category'];
export type SendChannel = Announcement['channels'][number];
export type Status = Announcement['status'];
export type RecipientChannel = Recipient['channel'];
export type RecipientStatus = Recipient['status'];

export const CATEGORIES = ['general', 'urgent', 'maintenance', 'finance', 'meeting'] as const satisfies readonly Category[];
export const SEND_CHANNELS = ['email', 'sms'] as const satisfies readonly SendChannel[];
export const OCCUPANCY_ROLES = ['owner', 'resident', 'renter', 'household'] as const satisfies readonly NonNullable<SegmentCriteria['roles']>[number][];
export const MEMBER_TYPES = ['resident', 'owner', 'renter', 'household', 'other'] as const satisfies readonly NonNullable<SegmentCriteria['memberTypes']>[number][];
export const STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const satisfies readonly Status[];
export const RECIPIENT_CHANNELS = ['portal', 'email', 'sms'] as const satisfies readonly RecipientChannel[];
export const RECIPIENT_STATUSES = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'read'] as const satisfies readonly RecipientStatus[];

export type Answer<T = unknown> = { data?: T; error?: unknown; response: Response };

const byId = (id: string) => ({ params: { path: { id } } });

export const calls = (api: CourtyardClient) => ({
  segments: async () => unwrap(await api.GET('/api/v1/segments')).data,
  createSegment: (body: { name: string; criteria: SegmentCriteria }, headers: Record<string, string> = {}) => api.POST('/api/v1/segments', { body, headers }),
  preview: async (body: PreviewBody) => unwrap(await api.POST('/api/v1/announcements/preview', { body })),
  list: async (query: { q?: string; status?: Status; cursor?: string; limit?: number }) => unwrap(await api.GET('/api/v1/announcements', { params: { query: { limit: 50, ...query } } })),
  get: async (id: string) => unwrap(await api.GET('/api/v1/announcements/{id}', byId(id))),
  create: (body: AnnouncementDraft, headers: Record<string, string> = {}) => api.POST('/api/v1/announcements', { body, headers }),
  update: (id: string, body: Partial<AnnouncementDraft>) => api.PATCH('/api/v1/announcements/{id}', { ...byId(id), body }),
  remove: (id: string, headers: Record<string, string> = {}) => api.DELETE('/api/v1/announcements/{id}', { ...byId(id), headers }),
  send: (id: string, at: string | undefined, headers: Record<string, string> = {}) => api.POST('/api/v1/announcements/{id}/send', { ...byId(id), body: at ? { at } : {}, headers }),
  unschedule: (id: string, headers: Record<string, string> = {}) => api.POST('/api/v1/announcements/{id}/unschedule', { ...byId(id), headers }),
  recipients: async (id: string, query: { channel?: RecipientChannel; status?: RecipientStatus; cursor?: string; limit?: number }) =>
    unwrap(await api.GET('/api/v1/announcements/{id}/recipients', { params: { path: { id }, query: { limit: 100, ...query } } })),
  contactStatus: async (memberId: string) => unwrap(await api.GET('/api/v1/members/{id}/contact-status', byId(memberId))),
  settings: async () => unwrap(await api.GET('/api/v1/communications/settings')),
  saveSettings: (body: CommunicationsSettings) => api.PUT('/api/v1/communications/settings', { body }),
  news: async (query: { cursor?: string; limit?: number } = {}) => unwrap(await api.GET('/api/v1/news', { params: { query: { limit: 20, ...query } } })),
  markRead: (id: string) => api.POST('/api/v1/news/{id}/read', byId(id)),
});

/** The criteria without empty conditions (an empty list is refused: `minItems: 1`). */
export function cleanCriteria(c: SegmentCriteria): SegmentCriteria {
  const out: SegmentCriteria = {};
  if (c.propertyIds?.length) out.propertyIds = c.propertyIds;
  if (c.unitIds?.length) out.unitIds = c.unitIds;
  if (c.roles?.length) out.roles = c.roles;
  if (c.memberTypes?.length) out.memberTypes = c.memberTypes;
  if (c.arrearsOver) out.arrearsOver = c.arrearsOver;
  if (c.leaseEndingBefore) out.leaseEndingBefore = c.leaseEndingBefore;
  if (c.memberIds?.length) out.memberIds = c.memberIds;
  return out;
}
