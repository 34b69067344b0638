import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';

/** The communications module's routes (docs: src/modules/communications/communications.routes.ts). */

export const CATEGORIES = ['general', 'urgent', 'maintenance', 'finance', 'meeting'] as const;
export type Category = (typeof CATEGORIES)[number];
export const SEND_CHANNELS = ['email', 'sms'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];
export const OCCUPANCY_ROLES = ['owner', 'resident', 'renter', 'household'] as const;
export const MEMBER_TYPES = ['resident', 'owner', 'renter', 'household', 'other'] as const;
export const STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type Status = (typeof STATUSES)[number];
export const RECIPIENT_CHANNELS = ['portal', 'email', 'sms'] as const;
export type RecipientChannel = (typeof RECIPIENT_CHANNELS)[number];
export const RECIPIENT_STATUSES = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'read'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export interface SegmentCriteria {
  propertyIds?: string[];
  unitIds?: string[];
  roles?: (typeof OCCUPANCY_ROLES)[number][];
  memberTypes?: (typeof MEMBER_TYPES)[number][];
  arrearsOver?: { amount: number; currency: string };
  leaseEndingBefore?: string;
  memberIds?: string[];
}
export interface Segment { id: string; name: string; criteria: SegmentCriteria; createdAt: string; updatedAt: string }
export interface Preview {
  members: number;
  email: { recipients: number; optedOut: number; noAddress: number; bounced: number };
  sms: { recipients: number; optedOut: number; noAddress: number; encoding: string; parts: number; totalParts: number };
  sample: { id: string; name: string; email: string | null; phone: string | null }[];
}
export interface Totals { queued: number; sent: number; delivered: number; bounced: number; failed: number; skipped: number; opened: number }
export interface Announcement {
  id: string;
  title: string;
  body: string;
  html: string;
  category: Category;
  channels: SendChannel[];
  segmentId: string | null;
  criteria: SegmentCriteria;
  documentIds: string[];
  status: Status;
  scheduledAt: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
  totals: { portal: Totals; email: Totals; sms: Totals } | null;
}
export interface AnnouncementDraft {
  title: string;
  body: string;
  category?: Category;
  channels?: SendChannel[];
  segmentId?: string | null;
  criteria?: SegmentCriteria;
  documentIds?: string[];
}
export interface Recipient { memberId: string; name: string; channel: RecipientChannel; address: string | null; status: RecipientStatus; reason: string | null; openedAt: string | null; updatedAt: string }
export interface ContactStatus {
  bounced: { address: string; reason: string; bouncedAt: string }[];
  optOuts: { channel: string; category: string; source: string; createdAt: string }[];
}
export interface CommunicationsSettings { openTracking: boolean; quietHours: { start: string; end: string } | null }
export interface NewsItem { id: string; title: string; html: string; category: Category; sentAt: string; read: boolean; documentIds: string[] }
interface PageOf<T> { data: T[]; nextCursor: string | null }

export type Answer<T = unknown> = { data?: T; error?: unknown; response: Response };
type Call = (path: string, init?: Record<string, unknown>) => Promise<Answer>;

/**
 * The routes through the page's client (its token, language and sign-out on 401), typed by hand
 * here until the SDK is generated with them; the calls then move onto its types.
 */
const loose = (api: CourtyardClient) => api as unknown as { GET: Call; POST: Call; PATCH: Call; PUT: Call; DELETE: Call };
const byId = (id: string) => ({ params: { path: { id } } });

export const calls = (api: CourtyardClient) => ({
  segments: async () => (unwrap(await loose(api).GET('/api/v1/segments')) as { data: Segment[] }).data,
  createSegment: (body: { name: string; criteria: SegmentCriteria }, headers: Record<string, string> = {}) => loose(api).POST('/api/v1/segments', { body, headers }) as Promise<Answer<Segment>>,
  preview: async (body: { segmentId?: string | null; criteria?: SegmentCriteria; category?: Category; body?: string }) => unwrap(await loose(api).POST('/api/v1/announcements/preview', { body })) as Preview,
  list: async (query: { q?: string; status?: Status; cursor?: string; limit?: number }) => unwrap(await loose(api).GET('/api/v1/announcements', { params: { query: { limit: 50, ...query } } })) as PageOf<Announcement>,
  get: async (id: string) => unwrap(await loose(api).GET('/api/v1/announcements/{id}', byId(id))) as Announcement,
  create: (body: AnnouncementDraft, headers: Record<string, string> = {}) => loose(api).POST('/api/v1/announcements', { body, headers }) as Promise<Answer<Announcement>>,
  update: (id: string, body: Partial<AnnouncementDraft>) => loose(api).PATCH('/api/v1/announcements/{id}', { ...byId(id), body }) as Promise<Answer<Announcement>>,
  remove: (id: string, headers: Record<string, string> = {}) => loose(api).DELETE('/api/v1/announcements/{id}', { ...byId(id), headers }),
  send: (id: string, at: string | undefined, headers: Record<string, string> = {}) => loose(api).POST('/api/v1/announcements/{id}/send', { ...byId(id), body: at ? { at } : {}, headers }) as Promise<Answer<Announcement>>,
  unschedule: (id: string, headers: Record<string, string> = {}) => loose(api).POST('/api/v1/announcements/{id}/unschedule', { ...byId(id), headers }) as Promise<Answer<Announcement>>,
  recipients: async (id: string, query: { channel?: RecipientChannel; status?: RecipientStatus; cursor?: string; limit?: number }) =>
    unwrap(await loose(api).GET('/api/v1/announcements/{id}/recipients', { params: { path: { id }, query: { limit: 100, ...query } } })) as PageOf<Recipient>,
  contactStatus: async (memberId: string) => unwrap(await loose(api).GET('/api/v1/members/{id}/contact-status', byId(memberId))) as ContactStatus,
  settings: async () => unwrap(await loose(api).GET('/api/v1/communications/settings')) as CommunicationsSettings,
  saveSettings: (body: CommunicationsSettings) => loose(api).PUT('/api/v1/communications/settings', { body }) as Promise<Answer<CommunicationsSettings>>,
  news: async (query: { cursor?: string; limit?: number } = {}) => unwrap(await loose(api).GET('/api/v1/news', { params: { query: { limit: 20, ...query } } })) as PageOf<NewsItem>,
  markRead: (id: string) => loose(api).POST('/api/v1/news/{id}/read', byId(id)),
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
