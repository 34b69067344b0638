import type { TenantContext, TenantInfo, TenantScope } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { escapeHtml } from '../../kernel/http/html.js';
import { parseInbound, parseStatusCallback, verifyTwilioSignature } from '../../kernel/sms/twilio-signature.js';
import { memberNames, membersWithPhone } from '../members/index.js';
import { AnnouncementsRepository } from './announcements.repository.js';
import { communicationsErrors } from './communications.errors.js';
import type { MessageLinks } from './communications.links.js';
import type { Category, Settings } from './communications.schemas.js';
import { PREFERENCE_OF } from './communications.service.js';
import { ConsentRepository } from './consent.repository.js';

export interface ConsentDeps {
  links: MessageLinks;
  /** Where a tenant is reached on the web: the links an e-mail carries start there. */
  tenantUrl(tenant: TenantInfo): string;
  /** The Twilio auth token that signs its callbacks; null when SMS go to files (nothing calls back). */
  twilioAuthToken: string | null;
  now?: () => Date;
}

/**
 * What members say back and what the tenant chooses: bounces and opt-outs on a member, the
 * sending settings, the links an e-mail carries (unsubscribe, open pixel) and Twilio's signed
 * callbacks (status, STOP and START).
 */
export class ConsentService {
  constructor(private readonly deps: ConsentDeps) {}

  #now = () => (this.deps.now ?? (() => new Date()))();

  async contactStatus(ctx: TenantContext, memberId: string) {
    if (!(await memberNames(ctx.db, [memberId])).has(memberId)) throw notFound('The member');
    const consent = new ConsentRepository(ctx.db);
    return { bounced: await consent.bouncesOf(memberId), optOuts: await consent.optOutsOf(memberId) };
  }

  async settings(ctx: TenantScope): Promise<Settings> {
    const s = await new ConsentRepository(ctx.db).settings();
    return {
      openTracking: s?.openTracking ?? true,
      quietHours: s?.quietHoursStart && s.quietHoursEnd ? { start: s.quietHoursStart.slice(0, 5), end: s.quietHoursEnd.slice(0, 5) } : null,
    };
  }

  async saveSettings(ctx: TenantContext, body: Settings): Promise<Settings> {
    await new ConsentRepository(ctx.db).saveSettings(ctx.tenant.id, { openTracking: body.openTracking, quietHoursStart: body.quietHours?.start ?? null, quietHoursEnd: body.quietHours?.end ?? null });
    return this.settings(ctx);
  }

  /** The tenant's API address, where an e-mail's links lead. */
  linkUrl(tenant: TenantInfo, kind: 'unsubscribe' | 'open', token: string): string {
    return `${this.deps.tenantUrl(tenant)}/api/v1/communications/${kind}/${token}`;
  }

  /** Where Twilio posts an SMS's status changes, for this tenant; null when SMS go to files. */
  smsCallbackUrl(tenant: TenantInfo): string | null {
    return this.deps.twilioAuthToken ? `${this.deps.tenantUrl(tenant)}/api/v1/communications/sms/status` : null;
  }

  #verifyTwilio(ctx: TenantContext, path: string, params: Record<string, string>, signature: string | undefined) {
    const url = `${this.deps.tenantUrl(ctx.tenant)}/api/v1/communications/sms/${path}`;
    if (!this.deps.twilioAuthToken || !verifyTwilioSignature(this.deps.twilioAuthToken, url, params, signature)) {
      throw new AppError(communicationsErrors.signature_invalid, 'The X-Twilio-Signature header does not match the request');
    }
  }

  /** Twilio's word on a text: the recipient moves on, never back (callbacks come out of order). */
  async smsStatus(ctx: TenantContext, params: Record<string, string>, signature: string | undefined): Promise<void> {
    this.#verifyTwilio(ctx, 'status', params, signature);
    const callback = parseStatusCallback(params);
    if (!callback.providerId || !callback.status || callback.status === 'queued') return;
    const reason = callback.status === 'failed' ? `Twilio error ${callback.errorCode ?? 'unknown'}` : null;
    await new AnnouncementsRepository(ctx.db).statusByProvider(callback.providerId, callback.status, reason);
  }

  /** A reply to the tenant's number: STOP opts the number's members out of every SMS, START back in. */
  async smsInbound(ctx: TenantContext, params: Record<string, string>, signature: string | undefined): Promise<void> {
    this.#verifyTwilio(ctx, 'inbound', params, signature);
    const inbound = parseInbound(params);
    if (inbound.keyword !== 'stop' && inbound.keyword !== 'start') return;
    const consent = new ConsentRepository(ctx.db);
    for (const memberId of await membersWithPhone(ctx.db, inbound.from)) {
      if (inbound.keyword === 'stop') await consent.optOut(ctx.tenant.id, memberId, 'sms', '*', 'stop');
      else await consent.optIn(memberId, 'sms', '*');
    }
  }

  async unsubscribePage(ctx: TenantContext, token: string): Promise<string> {
    const target = this.deps.links.verify(ctx.tenant.id, token, 'unsubscribe');
    if (!target) throw new AppError(communicationsErrors.link_invalid, 'This unsubscribe link is not valid');
    const a = await new AnnouncementsRepository(ctx.db).find(target.announcementId);
    return page(ctx.tenant.name, 'Unsubscribe', `<p>Stop e-mail like “${escapeHtml(a?.title ?? '')}” from ${escapeHtml(ctx.tenant.name)}? Urgent notices will still reach you.</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`);
  }

  async unsubscribe(ctx: TenantContext, token: string): Promise<string> {
    const target = this.deps.links.verify(ctx.tenant.id, token, 'unsubscribe');
    if (!target) throw new AppError(communicationsErrors.link_invalid, 'This unsubscribe link is not valid');
    const a = await new AnnouncementsRepository(ctx.db).find(target.announcementId);
    const preference = a ? PREFERENCE_OF[a.category as Category] : null;
    // An urgent notice's link (or a deleted announcement's) unsubscribes from every optional category.
    await new ConsentRepository(ctx.db).optOut(ctx.tenant.id, target.memberId, 'email', preference ?? '*', 'unsubscribe');
    return page(ctx.tenant.name, 'Unsubscribed', `<p>You will receive no more of these e-mails from ${escapeHtml(ctx.tenant.name)}. Urgent notices will still reach you.</p>`);
  }

  async opened(ctx: TenantContext, token: string): Promise<void> {
    const target = this.deps.links.verify(ctx.tenant.id, token, 'open');
    if (!target) throw new AppError(communicationsErrors.link_invalid, 'This link is not valid');
    if (!(await this.settings(ctx)).openTracking) return;
    await new AnnouncementsRepository(ctx.db).opened(target.announcementId, target.memberId, this.#now());
  }
}

const page = (tenant: string, title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · ${escapeHtml(tenant)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
