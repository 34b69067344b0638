import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../kernel/money.js';

/** A moment or nothing: a Date on the way out, serialized as date-time. */
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });

const Ids = (description: string) => Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true, description });

export const OCCUPANCY_ROLES = ['owner', 'resident', 'renter', 'household'] as const;
export const MEMBER_TYPES = ['resident', 'owner', 'renter', 'household', 'other'] as const;

export const SegmentCriteria = Type.Object(
  {
    propertyIds: Type.Optional(Ids('Members who live in or own a unit of one of these properties (blocks) now, sub-properties included')),
    unitIds: Type.Optional(Ids('Members who live in or own one of these units now')),
    roles: Type.Optional(Type.Array(Type.Enum(OCCUPANCY_ROLES, { type: 'string' }), { minItems: 1, uniqueItems: true, description: 'Members who hold one of these roles in a unit now (in the units above, when units or properties are given)' })),
    memberTypes: Type.Optional(Type.Array(Type.Enum(MEMBER_TYPES, { type: 'string' }), { minItems: 1, uniqueItems: true, description: 'Members of one of these types' })),
    arrearsOver: Type.Optional(Type.Object({
      amount: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT, description: 'Minor units: members who owe more than this, net of their credit' }),
      currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    }, { additionalProperties: false })),
    leaseEndingBefore: Type.Optional(Type.String({ format: 'date', description: 'Renters whose lease in force ends before this day' })),
    memberIds: Type.Optional(Ids('These members, by id')),
  },
  { additionalProperties: false, description: 'Who a segment holds: active members meeting every condition given (any of the values within one). No condition: every active member.' },
);
export type SegmentCriteria = Static<typeof SegmentCriteria>;

export const Segment = Type.Object({ id: Uuid, name: Type.String(), criteria: SegmentCriteria, createdAt: Timestamp, updatedAt: Timestamp });
export type Segment = Static<typeof Segment>;
export const CreateSegment = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }), criteria: SegmentCriteria }, { additionalProperties: false });
export type CreateSegment = Static<typeof CreateSegment>;
export const UpdateSegment = Type.Partial(CreateSegment, { additionalProperties: false, minProperties: 1 });
export type UpdateSegment = Static<typeof UpdateSegment>;

export const CATEGORIES = ['general', 'urgent', 'maintenance', 'finance', 'meeting'] as const;
export type Category = (typeof CATEGORIES)[number];
export const SEND_CHANNELS = ['email', 'sms'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

const Channels = Type.Array(Type.Enum(SEND_CHANNELS, { type: 'string' }), {
  uniqueItems: true,
  description: 'Besides the portal\'s news feed (always): e-mail and/or SMS, to each member who has the address and wants the category by that channel (urgent notices override opt-outs)',
});

/** Who would receive an announcement, before it is sent. */
export const Preview = Type.Object({
  members: Type.Integer({ description: 'Members in the audience (each sees it in the portal)' }),
  email: Type.Object({ recipients: Type.Integer(), optedOut: Type.Integer(), noAddress: Type.Integer(), bounced: Type.Integer() }),
  sms: Type.Object({
    recipients: Type.Integer(),
    optedOut: Type.Integer(),
    noAddress: Type.Integer(),
    encoding: Type.String({ description: '`GSM-7` or `UCS-2`: which the text needs' }),
    parts: Type.Integer({ description: 'Parts (segments) each SMS is billed as' }),
    totalParts: Type.Integer({ description: 'Parts for every recipient: what the provider bills' }),
  }),
  sample: Type.Array(Type.Object({ id: Uuid, name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) }), { description: 'The first recipients by name' }),
});
export type Preview = Static<typeof Preview>;

export const PreviewQuery = Type.Object({ category: Type.Optional(Type.Enum(CATEGORIES, { type: 'string', default: 'general' })) }, { additionalProperties: false });

const Audience = {
  segmentId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'A saved segment (its criteria are copied when the announcement goes out)' }))),
  criteria: Type.Optional(SegmentCriteria),
};

export const PreviewBody = Type.Object({ ...Audience, category: Type.Optional(Type.Enum(CATEGORIES, { type: 'string' })), body: Type.Optional(Type.String({ maxLength: 20000 })) }, { additionalProperties: false });
export type PreviewBody = Static<typeof PreviewBody>;

const Totals = Type.Object({
  queued: Type.Integer(), sent: Type.Integer(), delivered: Type.Integer(), bounced: Type.Integer(), failed: Type.Integer(), skipped: Type.Integer(),
  opened: Type.Integer({ description: 'E-mail: opened (when the tenant keeps open tracking on); portal: read' }),
});

export const Announcement = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String({ description: 'Markdown' }),
  html: Type.String({ description: 'The body rendered: safe HTML (no raw HTML, no script links)' }),
  category: Type.Enum(CATEGORIES, { type: 'string' }),
  channels: Channels,
  segmentId: Nullable(Type.String({ format: 'uuid' })),
  criteria: SegmentCriteria,
  documentIds: Type.Array(Uuid, { description: 'Attached documents of the library' }),
  status: Type.Enum(['draft', 'scheduled', 'sending', 'sent'] as const, { type: 'string' }),
  scheduledAt: NullableTimestamp,
  sentAt: NullableTimestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  totals: Nullable(Type.Object({ portal: Totals, email: Totals, sms: Totals }, { description: 'Once sent: per channel, recipients by status' })),
});
export type Announcement = Static<typeof Announcement>;
export const AnnouncementPage = Page(Announcement);

const AnnouncementFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20000, description: 'Markdown' }),
  category: Type.Optional(Type.Enum(CATEGORIES, { type: 'string', description: 'Default `general`. `urgent` reaches members who opted out of the others' })),
  channels: Type.Optional(Channels),
  ...Audience,
  documentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, uniqueItems: true })),
};
export const CreateAnnouncement = Type.Object(AnnouncementFields, { additionalProperties: false });
export type CreateAnnouncement = Static<typeof CreateAnnouncement>;
export const UpdateAnnouncement = Type.Partial(CreateAnnouncement, { additionalProperties: false, minProperties: 1 });
export type UpdateAnnouncement = Static<typeof UpdateAnnouncement>;
export const SendAnnouncement = Type.Object({ at: Type.Optional(Type.String({ format: 'date-time', description: 'When to send it; now when left out' })) }, { additionalProperties: false });
export type SendAnnouncement = Static<typeof SendAnnouncement>;

export const ListAnnouncementsQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(SearchQuery('Matches the title.')),
  status: Type.Optional(Type.Enum(['draft', 'scheduled', 'sending', 'sent'] as const, { type: 'string' })),
}, { additionalProperties: false });
export type ListAnnouncementsQuery = Static<typeof ListAnnouncementsQuery>;

export const RECIPIENT_STATUSES = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'read'] as const;
export const Recipient = Type.Object({
  memberId: Uuid,
  name: Type.String(),
  channel: Type.Enum(['portal', 'email', 'sms'] as const, { type: 'string' }),
  address: Nullable(Type.String()),
  status: Type.Enum(RECIPIENT_STATUSES, { type: 'string' }),
  reason: Nullable(Type.String({ description: 'Why it was skipped, bounced or failed' })),
  openedAt: NullableTimestamp,
  updatedAt: Timestamp,
});
export const RecipientsQuery = Type.Object({
  ...PageQuery,
  channel: Type.Optional(Type.Enum(['portal', 'email', 'sms'] as const, { type: 'string' })),
  status: Type.Optional(Type.Enum(RECIPIENT_STATUSES, { type: 'string' })),
}, { additionalProperties: false });
export type RecipientsQuery = Static<typeof RecipientsQuery>;
export const RecipientPage = Page(Recipient);

/** An announcement as a member sees it in the portal's news feed. */
export const NewsItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  html: Type.String(),
  category: Type.Enum(CATEGORIES, { type: 'string' }),
  sentAt: Timestamp,
  read: Type.Boolean(),
  documentIds: Type.Array(Uuid),
});
export const NewsPage = Page(NewsItem);

export const MemberContactStatus = Type.Object({
  bounced: Type.Array(Type.Object({ address: Type.String(), reason: Type.String(), bouncedAt: Timestamp })),
  optOuts: Type.Array(Type.Object({ channel: Type.String(), category: Type.String(), source: Type.String(), createdAt: Timestamp })),
});

export const Settings = Type.Object({
  openTracking: Type.Boolean({ description: 'E-mail carries a tracking pixel that records when it was first opened (a privacy-respecting one: no third party, only the first open is kept)' }),
  quietHours: Nullable(Type.Object({ start: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), end: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }) }, { additionalProperties: false, description: 'SMS are held from start to end, in the tenant\'s time zone (urgent notices too)' })),
});
export type Settings = Static<typeof Settings>;

export const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 400, pattern: '^[A-Za-z0-9_.-]+$' }) }, { additionalProperties: false });
