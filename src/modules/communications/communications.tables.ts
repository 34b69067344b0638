import type { Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { SegmentCriteria } from './communications.schemas.js';

/** The tables `migrations/` creates, as the communications repositories see them (camelCase). */
export interface CommunicationsTables {
  commSegments: {
    tenantId: TenantKey;
    id: string;
    name: string;
    criteria: SegmentCriteria | string;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  announcements: {
    tenantId: TenantKey;
    id: string;
    title: string;
    body: string;
    category: string;
    channels: string[];
    segmentId: string | null;
    criteria: SegmentCriteria | string;
    documentIds: Generated<string[]>;
    status: Generated<'draft' | 'scheduled' | 'sending' | 'sent'>;
    scheduledAt: Timestamptz | null;
    sentAt: Timestamptz | null;
    createdBy: string | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  announcementRecipients: {
    tenantId: TenantKey;
    announcementId: string;
    memberId: string;
    channel: 'portal' | 'email' | 'sms';
    address: string | null;
    status: string;
    reason: string | null;
    messageId: string | null;
    providerId: string | null;
    openedAt: Timestamptz | null;
    updatedAt: Timestamptz;
  };
  commOptOuts: {
    tenantId: TenantKey;
    memberId: string;
    channel: 'email' | 'sms';
    category: string;
    source: 'unsubscribe' | 'stop';
    createdAt: Timestamptz;
  };
  commBounces: {
    tenantId: TenantKey;
    address: string;
    memberId: string | null;
    reason: string;
    bouncedAt: Timestamptz;
  };
  commSettings: {
    tenantId: TenantKey;
    openTracking: boolean;
    quietHoursStart: string | null;
    quietHoursEnd: string | null;
    updatedAt: Timestamptz;
  };
}
