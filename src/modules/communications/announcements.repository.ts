import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../../kernel/db/like.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import type { CommunicationsTables } from './communications.tables.js';
import type { SegmentCriteria } from './communications.schemas.js';

const columns = ['id', 'title', 'body', 'category', 'channels', 'segmentId', 'criteria', 'documentIds', 'status', 'scheduledAt', 'sentAt', 'createdBy', 'createdAt', 'updatedAt'] as const;

export interface AnnouncementRow {
  id: string;
  title: string;
  body: string;
  category: string;
  channels: string[];
  segmentId: string | null;
  criteria: SegmentCriteria;
  documentIds: string[];
  status: 'draft' | 'scheduled' | 'sending' | 'sent';
  scheduledAt: Date | null;
  sentAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewRecipient {
  memberId: string;
  channel: 'portal' | 'email' | 'sms';
  address: string | null;
  status: 'queued' | 'skipped' | 'delivered';
  reason: string | null;
}

const asRow = (row: Omit<AnnouncementRow, 'criteria'> & { criteria: SegmentCriteria | string }): AnnouncementRow => ({
  ...row,
  criteria: typeof row.criteria === 'string' ? (JSON.parse(row.criteria) as SegmentCriteria) : row.criteria,
});

/** Announcements and their recipients' SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class AnnouncementsRepository {
  private readonly db: Kysely<CommunicationsTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  async list(limit: number, filter: { q?: string; status?: string }, before: string | null): Promise<AnnouncementRow[]> {
    let q = this.db.selectFrom('announcements').select(columns);
    if (filter.q) q = q.where('title', 'ilike', containsPattern(filter.q));
    if (filter.status) q = q.where('status', '=', filter.status as AnnouncementRow['status']);
    if (before) q = q.where('id', '<', before);
    return (await q.orderBy('id', 'desc').limit(limit + 1).execute()).map(asRow);
  }

  async find(id: string, lock = false): Promise<AnnouncementRow | undefined> {
    let q = this.db.selectFrom('announcements').select(columns).where('id', '=', id);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && asRow(row);
  }

  async insert(tenantId: string, a: Omit<AnnouncementRow, 'status' | 'scheduledAt' | 'sentAt' | 'createdAt' | 'updatedAt'>): Promise<AnnouncementRow> {
    const now = new Date();
    const row = await this.db.insertInto('announcements')
      .values({ tenantId, ...a, criteria: JSON.stringify(a.criteria), createdAt: now, updatedAt: now })
      .returning(columns).executeTakeFirstOrThrow();
    return asRow(row);
  }

  async update(id: string, patch: Partial<Pick<AnnouncementRow, 'title' | 'body' | 'category' | 'channels' | 'segmentId' | 'criteria' | 'documentIds' | 'status' | 'scheduledAt' | 'sentAt'>>): Promise<AnnouncementRow> {
    const { criteria, ...rest } = patch;
    const row = await this.db.updateTable('announcements')
      .set({ ...rest, ...(criteria ? { criteria: JSON.stringify(criteria) } : {}), updatedAt: new Date() })
      .where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
    return asRow(row);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('announcements').where('id', '=', id).execute();
  }

  /**
   * Adds the recipients not already there (the key is announcement, member and channel) and
   * answers the ones it added: a retried batch adds, and so sends, nothing twice.
   */
  async addRecipients(tenantId: string, announcementId: string, rows: readonly NewRecipient[]): Promise<NewRecipient[]> {
    if (rows.length === 0) return [];
    const now = new Date();
    return this.db.insertInto('announcementRecipients')
      .values(rows.map((r) => ({ tenantId, announcementId, ...r, updatedAt: now })))
      .onConflict((oc) => oc.columns(['tenantId', 'announcementId', 'memberId', 'channel']).doNothing())
      .returning(['memberId', 'channel', 'address', 'status', 'reason'])
      .execute() as Promise<NewRecipient[]>;
  }

  async setMessage(announcementId: string, memberId: string, channel: 'email' | 'sms', messageId: string): Promise<void> {
    await this.db.updateTable('announcementRecipients').set({ messageId }).where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', channel).execute();
  }

  /** Moves the recipient a message went to on, never back (a late "sent" does not undo "delivered"). */
  async statusByMessage(messageId: string, status: 'sent' | 'delivered' | 'bounced' | 'failed', reason: string | null, providerId?: string): Promise<{ announcementId: string; memberId: string; address: string | null } | undefined> {
    const order = sql<number>`array_position(array['queued','sent','delivered','failed','bounced']::text[], status)`;
    return this.db.updateTable('announcementRecipients')
      .set({ status, reason, updatedAt: new Date(), ...(providerId ? { providerId } : {}) })
      .where('messageId', '=', messageId)
      .where(order, '<', sql<number>`array_position(array['queued','sent','delivered','failed','bounced']::text[], ${status}::text)`)
      .returning(['announcementId', 'memberId', 'address'])
      .executeTakeFirst();
  }

  /** Queued e-mail recipients whose messages were handed to SMTP (a row already further on stays). */
  async sentByMessages(messageIds: readonly string[]): Promise<void> {
    await this.db.updateTable('announcementRecipients')
      .set({ status: 'sent', reason: null, updatedAt: new Date() })
      .where('messageId', 'in', [...messageIds])
      .where('status', '=', 'queued')
      .execute();
  }

  async statusByProvider(providerId: string, status: 'sent' | 'delivered' | 'failed', reason: string | null): Promise<void> {
    await this.db.updateTable('announcementRecipients')
      .set({ status, reason, updatedAt: new Date() })
      .where('providerId', '=', providerId)
      .where(sql<number>`array_position(array['queued','sent','delivered','failed']::text[], status)`, '<', sql<number>`array_position(array['queued','sent','delivered','failed']::text[], ${status}::text)`)
      .execute();
  }

  async setProvider(messageId: string, providerId: string): Promise<void> {
    await this.db.updateTable('announcementRecipients').set({ providerId }).where('messageId', '=', messageId).execute();
  }

  /** The first open of the e-mail (later ones are not kept). */
  async opened(announcementId: string, memberId: string, at: Date): Promise<void> {
    await this.db.updateTable('announcementRecipients').set({ openedAt: at })
      .where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', 'email').where('openedAt', 'is', null).execute();
  }

  /** The member read it in the portal. */
  async read(announcementId: string, memberId: string, at: Date): Promise<boolean> {
    const r = await this.db.updateTable('announcementRecipients').set({ status: 'read', openedAt: at, updatedAt: at })
      .where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', 'portal').where('status', '=', 'delivered')
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async isRecipient(announcementId: string, memberId: string): Promise<boolean> {
    return (await this.db.selectFrom('announcementRecipients').select('memberId').where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', 'portal').executeTakeFirst()) !== undefined;
  }

  /** Per announcement and channel, recipients by status (opened counted apart). */
  async totals(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db.selectFrom('announcementRecipients')
      .select((eb) => ['announcementId', 'channel', 'status', eb.fn.countAll<string>().as('count'), eb.fn.count<string>('openedAt').as('opened')])
      .where('announcementId', '=', anyUuid(ids)).groupBy(['announcementId', 'channel', 'status']).execute();
  }

  async recipients(announcementId: string, limit: number, filter: { channel?: string; status?: string }, after: [string, string] | null) {
    let q = this.db.selectFrom('announcementRecipients')
      .select(['memberId', 'channel', 'address', 'status', 'reason', 'openedAt', 'updatedAt'])
      .where('announcementId', '=', announcementId);
    if (filter.channel) q = q.where('channel', '=', filter.channel as 'email');
    if (filter.status) q = q.where('status', '=', filter.status);
    if (after) q = q.where((eb) => eb.or([eb('memberId', '>', after[0]), eb.and([eb('memberId', '=', after[0]), eb('channel', '>', after[1] as 'email')])]));
    return q.orderBy('memberId').orderBy('channel').limit(limit + 1).execute();
  }

  /** The member's news feed: what was sent to them, newest first. */
  async feed(memberId: string, limit: number, before: string | null) {
    let q = this.db.selectFrom('announcementRecipients as r')
      .innerJoin('announcements as a', (j) => j.onRef('a.tenantId', '=', 'r.tenantId').onRef('a.id', '=', 'r.announcementId'))
      .select(['a.id', 'a.title', 'a.body', 'a.category', 'a.sentAt', 'a.documentIds', 'r.status'])
      .where('r.memberId', '=', memberId).where('r.channel', '=', 'portal').where('a.status', 'in', ['sending', 'sent']);
    if (before) q = q.where('a.id', '<', before);
    return q.orderBy('a.id', 'desc').limit(limit + 1).execute();
  }

  /** Scheduled announcements whose time has come. */
  async due(now: Date): Promise<string[]> {
    return (await this.db.selectFrom('announcements').select('id').where('status', '=', 'scheduled').where('scheduledAt', '<=', now).execute()).map((r) => r.id);
  }

  /** Claims a queued SMS for sending (provider id `pending`); undefined when it is not there to claim. */
  async claimSms(announcementId: string, memberId: string): Promise<{ address: string | null; messageId: string | null } | undefined> {
    return this.db.updateTable('announcementRecipients').set({ providerId: 'pending' })
      .where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', 'sms')
      .where('status', '=', 'queued').where('providerId', 'is', null)
      .returning(['address', 'messageId']).executeTakeFirst();
  }

  /** A claim a worker left behind (it stopped mid-send): failed, not sent again. */
  async abandonSms(announcementId: string, memberId: string, reason: string, at: Date): Promise<void> {
    await this.db.updateTable('announcementRecipients').set({ status: 'failed', reason, updatedAt: at })
      .where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', 'sms')
      .where('providerId', '=', 'pending').where('status', '=', 'queued').execute();
  }

  /** What the provider answered, or undoing the claim (`providerId` null, still queued) for a retry. */
  async recordSms(announcementId: string, memberId: string, r: { status: string; providerId: string | null; reason: string | null }, at: Date): Promise<void> {
    await this.db.updateTable('announcementRecipients').set({ ...r, updatedAt: at })
      .where('announcementId', '=', announcementId).where('memberId', '=', memberId).where('channel', '=', 'sms').execute();
  }
}
