import type { TenantScope } from '../../kernel/context.js';
import { todayIn } from '../../kernel/dates.js';
import type { Db } from '../../kernel/db/tables.js';
import type { DomainEvent } from '../../kernel/events/event.js';
import { emitAll } from '../../kernel/events/outbox.js';
import { newId } from '../../kernel/ids.js';
import type { JobContext } from '../../kernel/jobs/job.js';
import type { MailQueue } from '../../kernel/mail/queue.js';
import type { MemberAccounts } from '../../kernel/member-accounts.js';
import { MAIL_BOUNCED, MAIL_SENT, type MailOutcomeData } from '../mail/index.js';
import { AnnouncementsRepository, type NewRecipient } from './announcements.repository.js';
import { audienceOf } from './audience.js';
import type { MessageLinks } from './communications.links.js';
import type { Category } from './communications.schemas.js';
import type { CommunicationsService } from './communications.service.js';
import type { ConsentService } from './consent.service.js';
import { ConsentRepository } from './consent.repository.js';
import { markdownText, renderMarkdown } from './markdown.js';

/** Members handed to the mail queue per transaction: a crash loses at most one batch's work, redone by the retry. */
const BATCH = 500;

/** The event each queued SMS emits; the module's subscriber sends it. */
export const SMS_QUEUED = 'communications.sms.queued';
export interface SmsQueuedData {
  announcementId: string;
  memberId: string;
}

export interface DeliveryDeps {
  service: CommunicationsService;
  consent: ConsentService;
  mail: MailQueue;
  accounts: MemberAccounts;
  links: MessageLinks;
}

/**
 * Delivers a released announcement: resolves its audience, then per batch of members records
 * one recipient row per channel and queues that channel's message in the same transaction. A
 * row that exists already is not added again, and its message not queued again: a retry after a
 * crash sends nothing twice. Scheduled ones wait in the queue until their time.
 */
export async function release(deps: DeliveryDeps, tenantId: string, announcementId: string, ctx: JobContext): Promise<void> {
  const tenant = await ctx.tenant(tenantId);
  const now = ctx.now();
  const step = await ctx.tenantTransaction(tenantId, async (db) => {
    const repo = new AnnouncementsRepository(db);
    const a = await repo.find(announcementId, true);
    if (!a) return null;
    if (a.status === 'scheduled') {
      // Not yet (or rescheduled): wait until its time, queued once this transaction has ended.
      if (!a.scheduledAt || a.scheduledAt.getTime() > now.getTime()) return { waitUntil: a.scheduledAt ?? now };
      return { announcement: await repo.update(announcementId, { status: 'sending' }) };
    }
    return a.status === 'sending' ? { announcement: a } : null;
  });
  if (step?.waitUntil) {
    // Outside the transaction: the queue writes through its own connection, which on the
    // embedded database (one connection) would wait for this transaction forever. The
    // singleton key keeps one wait per time, whatever the retries.
    await ctx.queue.send('communications.release', { tenantId, announcementId }, { startAfter: step.waitUntil, singletonKey: `${announcementId}:${step.waitUntil.toISOString()}`, tenantId });
    return;
  }
  const announcement = step?.announcement;
  if (!announcement) return;

  const members = await ctx.tenantTransaction(tenantId, (db) => audienceOf({ db, tenant }, announcement.criteria, todayIn(tenant.timeZone, now)));
  const settings = await ctx.tenantTransaction(tenantId, (db) => deps.consent.settings({ db, tenant }));
  const category = announcement.category as Category;
  const bodyHtml = renderMarkdown(announcement.body);
  const bodyText = markdownText(announcement.body);

  for (let i = 0; i < members.length; i += BATCH) {
    const batch = members.slice(i, i + BATCH);
    await ctx.tenantTransaction(tenantId, async (db) => {
      const scope: TenantScope = { db, tenant };
      const rows: NewRecipient[] = batch.map((m) => ({ memberId: m.id, channel: 'portal', address: null, status: 'delivered', reason: null }));
      for (const channel of announcement.channels as ('email' | 'sms')[]) {
        for (const p of await deps.service.plan(scope, batch, category, channel)) rows.push({ memberId: p.memberId, channel, address: p.address, status: p.status, reason: p.reason });
      }
      const repo = new AnnouncementsRepository(db);
      const added = await repo.addRecipients(tenantId, announcementId, rows);
      const names = new Map(batch.map((m) => [m.id, `${m.firstName} ${m.lastName}`.trim()]));
      const locales = await deps.accounts.locales(db, added.filter((r) => r.channel === 'email' && r.status === 'queued').map((r) => r.memberId));
      const texts: SmsQueuedData[] = [];
      for (const r of added) {
        if (r.status !== 'queued') continue;
        if (r.channel === 'email') {
          const link = (kind: 'unsubscribe' | 'open') => deps.consent.linkUrl(tenant, kind, deps.links.sign(tenantId, { kind, announcementId, memberId: r.memberId }));
          const { id } = await deps.mail.queue(scope, {
            kind: 'announcement',
            to: { email: r.address!, name: names.get(r.memberId) ?? '' },
            data: { title: announcement.title, bodyHtml, bodyText, unsubscribeUrl: link('unsubscribe'), openUrl: settings.openTracking ? link('open') : '' },
            locale: locales.get(r.memberId),
          });
          await repo.setMessage(announcementId, r.memberId, 'email', id);
        } else if (r.channel === 'sms') {
          await repo.setMessage(announcementId, r.memberId, 'sms', newId());
          texts.push({ announcementId, memberId: r.memberId });
        }
      }
      await emitAll(scope, SMS_QUEUED, texts);
    });
  }
  await ctx.tenantTransaction(tenantId, (db) => new AnnouncementsRepository(db).update(announcementId, { status: 'sent', sentAt: now }));
  ctx.log.info({ tenant: tenant.slug, announcement: announcementId, members: members.length }, 'announcement handed to delivery');
}

/**
 * Announcement e-mails' outcomes (`mail.sent`, `mail.bounced`) on their recipient rows, taken in
 * batches: per tenant one transaction, the sent ones in one statement. A bounce also marks the
 * address on the member. Redelivered events change nothing (a row only moves forward).
 */
export async function mailOutcomes(events: readonly DomainEvent[], ctx: JobContext): Promise<void> {
  const byTenant = new Map<string, { sent: string[]; bounced: { messageId: string; reason: string }[] }>();
  for (const event of events) {
    const data = event.data as Partial<MailOutcomeData>;
    if (!event.tenantId || data.kind !== 'announcement' || typeof data.messageId !== 'string') continue;
    let outcomes = byTenant.get(event.tenantId);
    if (!outcomes) byTenant.set(event.tenantId, (outcomes = { sent: [], bounced: [] }));
    if (event.type === MAIL_BOUNCED) outcomes.bounced.push({ messageId: data.messageId, reason: data.reason ?? 'refused' });
    else if (event.type === MAIL_SENT) outcomes.sent.push(data.messageId);
  }
  for (const [tenantId, { sent, bounced }] of byTenant) {
    await ctx.tenantTransaction(tenantId, async (db: Db) => {
      const repo = new AnnouncementsRepository(db);
      if (sent.length > 0) await repo.sentByMessages(sent);
      for (const { messageId, reason } of bounced) {
        const recipient = await repo.statusByMessage(messageId, 'bounced', reason);
        if (recipient?.address) await new ConsentRepository(db).recordBounce(tenantId, recipient.address, recipient.memberId, reason, ctx.now());
      }
    });
  }
}

