import type { TenantContext, TenantScope } from '../../kernel/context.js';
import { principalOf } from '../../kernel/context.js';
import { todayIn } from '../../kernel/dates.js';
import { AppError, fieldError, notFound } from '../../kernel/errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import type { MemberAccounts } from '../../kernel/member-accounts.js';
import { smsParts } from '../../kernel/sms/sms-parts.js';
import { existingDocuments } from '../documents/index.js';
import { existingMembers, memberNames, type MemberAddressee } from '../members/index.js';
import { existingUnits, propertyAncestry } from '../properties/index.js';
import { AnnouncementsRepository, type AnnouncementRow } from './announcements.repository.js';
import { audienceOf } from './audience.js';
import { communicationsErrors } from './communications.errors.js';
import type { Announcement, Category, CreateAnnouncement, CreateSegment, ListAnnouncementsQuery, Preview, PreviewBody, RecipientsQuery, SegmentCriteria, SendAnnouncement, UpdateAnnouncement, UpdateSegment } from './communications.schemas.js';
import { ConsentRepository } from './consent.repository.js';
import { markdownText, renderMarkdown } from './markdown.js';
import { SegmentsRepository } from './segments.repository.js';

export interface CommunicationsDeps {
  accounts: MemberAccounts;
  now?: () => Date;
}

/** The event a sent or scheduled announcement emits; the module's subscriber delivers it. */
export const ANNOUNCEMENT_RELEASED = 'communications.announcement.released';
export interface AnnouncementReleasedData {
  announcementId: string;
  at: string;
}

/** The notification category (identity's preferences) each announcement category is chosen by; urgent asks none. */
export const PREFERENCE_OF: Record<Category, string | null> = { general: 'announcements', urgent: null, maintenance: 'maintenance', finance: 'billing', meeting: 'meetings' };

/** What a member's choices and addresses make of one channel: queued, or skipped and why. */
export interface ChannelPlan {
  memberId: string;
  address: string | null;
  status: 'queued' | 'skipped';
  reason: 'no_address' | 'opted_out' | 'not_opted_in' | 'bounced' | null;
}

const EMPTY_TOTALS = () => ({ queued: 0, sent: 0, delivered: 0, bounced: 0, failed: 0, skipped: 0, opened: 0 });

/** The text an announcement's SMS carries: who it is from, the title and the body's words. */
export const smsText = (tenantName: string, a: { title: string; body: string }) => `${tenantName}: ${a.title}\n${markdownText(a.body)}`;

export class CommunicationsService {
  constructor(private readonly deps: CommunicationsDeps) {}

  #now = () => (this.deps.now ?? (() => new Date()))();

  // ---- segments ----

  async segments(ctx: TenantContext) {
    return { data: await new SegmentsRepository(ctx.db).list() };
  }

  async createSegment(ctx: TenantContext, body: CreateSegment) {
    const repo = new SegmentsRepository(ctx.db);
    if (await repo.nameTaken(body.name)) throw fieldError('/name', 'is taken by another segment');
    return repo.insert(ctx.tenant.id, { id: newId(), name: body.name, criteria: await checkCriteria(ctx, body.criteria) });
  }

  async updateSegment(ctx: TenantContext, id: string, body: UpdateSegment) {
    const repo = new SegmentsRepository(ctx.db);
    if (body.name !== undefined && (await repo.nameTaken(body.name, id))) throw fieldError('/name', 'is taken by another segment');
    if (body.criteria) await checkCriteria(ctx, body.criteria);
    const segment = await repo.update(id, body);
    if (!segment) throw notFound('The segment');
    return segment;
  }

  async deleteSegment(ctx: TenantContext, id: string) {
    const repo = new SegmentsRepository(ctx.db);
    if (!(await repo.find(id))) throw notFound('The segment');
    if (await repo.inUse(id)) throw new AppError(communicationsErrors.segment_in_use, 'An announcement names this segment');
    await repo.delete(id);
  }

  async #criteriaOf(ctx: TenantScope, segmentId: string | null | undefined, criteria: SegmentCriteria | undefined): Promise<SegmentCriteria> {
    if (segmentId) {
      const segment = await new SegmentsRepository(ctx.db).find(segmentId);
      if (!segment) throw fieldError('/segmentId', 'names no segment');
      return segment.criteria;
    }
    if (criteria) return checkCriteria(ctx, criteria);
    throw new AppError(communicationsErrors.no_audience, 'Give a segment or criteria');
  }

  // ---- who receives what ----

  /**
   * Per channel, each member of the audience queued or skipped (no address, opted out, never
   * opted in to SMS, bounced). An urgent notice passes opt-outs, not missing or bounced addresses.
   */
  async plan(scope: TenantScope, members: readonly MemberAddressee[], category: Category, channel: 'email' | 'sms'): Promise<ChannelPlan[]> {
    const ids = members.map((m) => m.id);
    const preference = PREFERENCE_OF[category];
    const consent = new ConsentRepository(scope.db);
    // One after another: they share the transaction's connection (pg queues concurrent queries on one client, and pg 9 refuses them).
    // A STOP (SMS, every category) holds even for an urgent notice: carriers require it, and Twilio would refuse the text.
    const optedOut = preference || channel === 'sms' ? await consent.optedOut(ids, channel, preference ?? '*') : new Set<string>();
    const choices = preference ? await this.deps.accounts.choices(scope.db, ids, preference, channel) : new Map<string, boolean>();
    const bounced = channel === 'email' ? await consent.bounced(members.flatMap((m) => (m.email ? [m.email] : []))) : new Set<string>();
    return members.map((m): ChannelPlan => {
      const address = channel === 'email' ? m.email : m.phone;
      const skip = (reason: ChannelPlan['reason']): ChannelPlan => ({ memberId: m.id, address, status: 'skipped', reason });
      if (!address) return skip('no_address');
      if (channel === 'email' && bounced.has(address.toLowerCase())) return skip('bounced');
      if (optedOut.has(m.id)) return skip('opted_out');
      if (preference) {
        if (choices.get(m.id) === false) return skip('opted_out');
        // SMS is sent only to who asked for it; e-mail to all who did not refuse it.
        if (channel === 'sms' && choices.get(m.id) !== true) return skip('not_opted_in');
      }
      return { memberId: m.id, address, status: 'queued', reason: null };
    });
  }

  async preview(ctx: TenantContext, body: PreviewBody): Promise<Preview> {
    const criteria = await this.#criteriaOf(ctx, body.segmentId, body.criteria);
    const category = body.category ?? 'general';
    const members = await audienceOf(ctx, criteria, todayIn(ctx.tenant.timeZone));
    const count = (plan: ChannelPlan[]) => ({
      recipients: plan.filter((p) => p.status === 'queued').length,
      optedOut: plan.filter((p) => p.reason === 'opted_out' || p.reason === 'not_opted_in').length,
      noAddress: plan.filter((p) => p.reason === 'no_address').length,
      bounced: plan.filter((p) => p.reason === 'bounced').length,
    });
    const email = count(await this.plan(ctx, members, category, 'email'));
    const { bounced: _, ...sms } = count(await this.plan(ctx, members, category, 'sms'));
    const parts = smsParts(smsText(ctx.tenant.name, { title: '', body: body.body ?? '' }));
    return {
      members: members.length,
      email,
      sms: { ...sms, encoding: parts.encoding, parts: parts.parts, totalParts: parts.parts * sms.recipients },
      sample: members.slice(0, 10).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}`.trim(), email: m.email, phone: m.phone })),
    };
  }

  // ---- announcements ----

  async #view(ctx: TenantScope, rows: AnnouncementRow[]): Promise<Announcement[]> {
    const sent = rows.filter((r) => r.status === 'sending' || r.status === 'sent').map((r) => r.id);
    const totals = new Map<string, { portal: ReturnType<typeof EMPTY_TOTALS>; email: ReturnType<typeof EMPTY_TOTALS>; sms: ReturnType<typeof EMPTY_TOTALS> }>();
    for (const t of await new AnnouncementsRepository(ctx.db).totals(sent)) {
      let entry = totals.get(t.announcementId);
      if (!entry) totals.set(t.announcementId, (entry = { portal: EMPTY_TOTALS(), email: EMPTY_TOTALS(), sms: EMPTY_TOTALS() }));
      const channel = entry[t.channel];
      // A portal row read is a portal delivery that was also opened.
      const status = t.status === 'read' ? 'delivered' : (t.status as keyof typeof channel);
      channel[status] += Number(t.count);
      channel.opened += Number(t.opened);
    }
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      html: renderMarkdown(r.body),
      category: r.category as Category,
      channels: r.channels as ('email' | 'sms')[],
      segmentId: r.segmentId,
      criteria: r.criteria,
      documentIds: r.documentIds,
      status: r.status,
      scheduledAt: r.scheduledAt,
      sentAt: r.sentAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      totals: sent.includes(r.id) ? (totals.get(r.id) ?? { portal: EMPTY_TOTALS(), email: EMPTY_TOTALS(), sms: EMPTY_TOTALS() }) : null,
    }));
  }

  async list(ctx: TenantContext, query: ListAnnouncementsQuery & { limit: number }) {
    const before = decodeCursor(query.cursor, ['uuid'])?.[0] ?? null;
    const page = pageOf(await new AnnouncementsRepository(ctx.db).list(query.limit, { q: query.q, status: query.status }, before), query.limit, (a) => [a.id]);
    return { data: await this.#view(ctx, page.data), nextCursor: page.nextCursor };
  }

  async #find(ctx: TenantScope, id: string, lock = false): Promise<AnnouncementRow> {
    const row = await new AnnouncementsRepository(ctx.db).find(id, lock);
    if (!row) throw notFound('The announcement');
    return row;
  }

  async get(ctx: TenantContext, id: string) {
    return (await this.#view(ctx, [await this.#find(ctx, id)]))[0]!;
  }

  async #checkDocuments(ctx: TenantScope, ids: readonly string[] | undefined) {
    if (!ids?.length) return;
    const found = await existingDocuments(ctx.db, ids);
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new AppError(communicationsErrors.unknown_documents, 'An attachment is not in the library', { errors: [{ field: `/documentIds/${missing}`, message: 'names no document' }] });
  }

  async create(ctx: TenantContext, body: CreateAnnouncement) {
    const criteria = await this.#criteriaOf(ctx, body.segmentId, body.criteria);
    await this.#checkDocuments(ctx, body.documentIds);
    const row = await new AnnouncementsRepository(ctx.db).insert(ctx.tenant.id, {
      id: newId(),
      title: body.title,
      body: body.body,
      category: body.category ?? 'general',
      channels: body.channels ?? ['email'],
      segmentId: body.segmentId ?? null,
      criteria,
      documentIds: body.documentIds ?? [],
      createdBy: principalOf(ctx).userId,
    });
    return (await this.#view(ctx, [row]))[0]!;
  }

  async update(ctx: TenantContext, id: string, body: UpdateAnnouncement) {
    const current = await this.#find(ctx, id, true);
    if (current.status !== 'draft') throw new AppError(communicationsErrors.not_draft, `The announcement is ${current.status}`);
    const audienceChanged = body.segmentId !== undefined || body.criteria !== undefined;
    const criteria = audienceChanged ? await this.#criteriaOf(ctx, body.segmentId ?? null, body.criteria) : undefined;
    await this.#checkDocuments(ctx, body.documentIds);
    const row = await new AnnouncementsRepository(ctx.db).update(id, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.category !== undefined ? { category: body.category } : {}),
      ...(body.channels !== undefined ? { channels: body.channels } : {}),
      ...(body.documentIds !== undefined ? { documentIds: body.documentIds } : {}),
      ...(audienceChanged ? { segmentId: body.segmentId ?? null, criteria } : {}),
    });
    return (await this.#view(ctx, [row]))[0]!;
  }

  async remove(ctx: TenantContext, id: string) {
    const current = await this.#find(ctx, id, true);
    if (current.status !== 'draft') throw new AppError(communicationsErrors.not_draft, `The announcement is ${current.status}: only a draft is discarded`);
    await new AnnouncementsRepository(ctx.db).delete(id);
  }

  /** Sends now or at `at`: the worker that delivers it is started by the event, after this commits. */
  async send(ctx: TenantContext, id: string, body: SendAnnouncement) {
    const current = await this.#find(ctx, id, true);
    if (current.status !== 'draft') throw new AppError(communicationsErrors.not_draft, `The announcement is ${current.status}`);
    const now = this.#now();
    const at = body.at ? new Date(body.at) : now;
    if (at.getTime() < now.getTime() - 60_000) throw new AppError(communicationsErrors.in_the_past, 'Choose a time to come, or send it now', { errors: [{ field: '/at', message: 'is in the past' }] });
    const later = at.getTime() > now.getTime();
    // A segment's criteria are copied now: who was told does not change when the segment does.
    const criteria = current.segmentId ? await this.#criteriaOf(ctx, current.segmentId, undefined) : current.criteria;
    const row = await new AnnouncementsRepository(ctx.db).update(id, { criteria, status: later ? 'scheduled' : 'sending', scheduledAt: later ? at : null });
    await emit(ctx, ANNOUNCEMENT_RELEASED, { announcementId: id, at: at.toISOString() } satisfies AnnouncementReleasedData);
    return (await this.#view(ctx, [row]))[0]!;
  }

  async unschedule(ctx: TenantContext, id: string) {
    const current = await this.#find(ctx, id, true);
    if (current.status !== 'scheduled') throw new AppError(communicationsErrors.not_scheduled, `The announcement is ${current.status}`);
    const row = await new AnnouncementsRepository(ctx.db).update(id, { status: 'draft', scheduledAt: null });
    return (await this.#view(ctx, [row]))[0]!;
  }

  async recipients(ctx: TenantContext, id: string, query: RecipientsQuery & { limit: number }) {
    const after = decodeCursor(query.cursor, ['uuid', 'string']);
    await this.#find(ctx, id);
    const rows = await new AnnouncementsRepository(ctx.db).recipients(id, query.limit, { channel: query.channel, status: query.status }, after ? [after[0], after[1]] : null);
    const page = pageOf(rows, query.limit, (r) => [r.memberId, r.channel]);
    const names = await memberNames(ctx.db, [...new Set(page.data.map((r) => r.memberId))]);
    return {
      data: page.data.map((r) => {
        const name = names.get(r.memberId);
        return { ...r, status: r.status as 'queued', name: name ? `${name.firstName} ${name.lastName}`.trim() : '' };
      }),
      nextCursor: page.nextCursor,
    };
  }

  // ---- the portal ----

  #member(ctx: TenantContext): string {
    const memberId = principalOf(ctx).memberId;
    if (!memberId) throw notFound('The announcement');
    return memberId;
  }

  async news(ctx: TenantContext, query: { limit: number; cursor?: string }) {
    const before = decodeCursor(query.cursor, ['uuid'])?.[0] ?? null;
    // Staff who are no member have an empty feed: they read announcements in the workspace.
    const memberId = principalOf(ctx).memberId;
    if (!memberId) return { data: [], nextCursor: null };
    const page = pageOf(await new AnnouncementsRepository(ctx.db).feed(memberId, query.limit, before), query.limit, (a) => [a.id]);
    return {
      data: page.data.map((a) => ({ id: a.id, title: a.title, html: renderMarkdown(a.body), category: a.category as Category, sentAt: a.sentAt!, read: a.status === 'read', documentIds: a.documentIds })),
      nextCursor: page.nextCursor,
    };
  }

  async markRead(ctx: TenantContext, id: string) {
    const memberId = this.#member(ctx);
    const repo = new AnnouncementsRepository(ctx.db);
    if (!(await repo.isRecipient(id, memberId))) throw notFound('The announcement');
    await repo.read(id, memberId, this.#now());
  }
}

/** Criteria that name only this tenant's properties, units and members: another's (or none) is a field error. */
async function checkCriteria(ctx: TenantScope, criteria: SegmentCriteria): Promise<SegmentCriteria> {
  const refuse = (field: string, ids: readonly string[], found: Set<string>, what: string) => {
    const at = ids.findIndex((id) => !found.has(id));
    if (at >= 0) throw fieldError(`/criteria/${field}/${at}`, `names no ${what}`);
  };
  if (criteria.unitIds) refuse('unitIds', criteria.unitIds, await existingUnits(ctx.db, criteria.unitIds), 'unit');
  if (criteria.memberIds) refuse('memberIds', criteria.memberIds, await existingMembers(ctx.db, criteria.memberIds), 'member');
  for (const [at, id] of (criteria.propertyIds ?? []).entries()) {
    if ((await propertyAncestry(ctx.db, id)).length === 0) throw fieldError(`/criteria/propertyIds/${at}`, 'names no property');
  }
  return criteria;
}
