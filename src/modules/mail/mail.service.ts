import { recordUsage } from '../../kernel/metering/usage.js';
import type { TenantContext, TenantInfo } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { mailErrors } from './mail.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import type { JobContext } from '../../kernel/jobs/job.js';
import { MailDeliveryError, type Mailer } from '../../kernel/mail/mailer.js';
import type { MailQueue, MailRequest } from '../../kernel/mail/queue.js';
import { SealedBox } from '../../kernel/security/sealed-box.js';
import { shippedLocale, type Locale } from '../../kernel/i18n/locale.js';
import { MailRepository, type LogRow, type MailStatus, type MessageRow, type TemplateRow } from './mail.repository.js';
import { COMMON_VARIABLES, defaultsFor, isMailKind, KINDS, renderMail, validateTemplate, viewOf, type RenderedMail, type TemplateParts } from './mail.templates.js';

export interface MailDeps {
  mailer: Mailer;
  /** The sender address (COURTYARD_MAIL_FROM); the display name is the tenant's. */
  from: string;
  /** A platform secret the key that seals message secrets is derived from. */
  sealingSecret: string;
  /** The tenant as the registry knows it now (name, branding), for a worker. */
  tenant(id: string): Promise<TenantInfo | null>;
  /** Where a tenant's users reach it on the web: links in messages start there. */
  tenantUrl(tenant: TenantInfo): string;
  /** How long a worker holds a message it is sending before another may take it over. */
  holdSeconds?: number;
  /** Days a sent or failed message stays in the log. */
  retentionDays: number;
}

/** The event every queued message emits; the mail module's subscriber sends it. */
export const MAIL_QUEUED = 'mail.queued';
export interface MailQueuedData {
  messageId: string;
  kind: string;
}

/** What a bulk message's delivery came to (mail.sent, mail.bounced): for the module that sent it. */
export const MAIL_SENT = 'mail.sent';
export const MAIL_BOUNCED = 'mail.bounced';
export interface MailOutcomeData {
  messageId: string;
  kind: string;
  /** The server's refusal, for a bounce. */
  reason: string | null;
}

/** RFC 8058 one-click unsubscribe, and RFC 2076's bulk precedence, for a message sent to many. */
function bulkHeaders(data: Record<string, unknown>): Record<string, string> {
  const url = typeof data.unsubscribeUrl === 'string' && /^https?:\/\//.test(data.unsubscribeUrl) ? data.unsubscribeUrl : null;
  return { Precedence: 'bulk', ...(url ? { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}) };
}

const sealContext = (tenantId: string, messageId: string) => `mail_messages:${tenantId}:${messageId}`;

const messageView = (m: MessageRow) => ({
  id: m.id,
  kind: m.kind,
  to: { email: m.toEmail, name: m.toName },
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  subject: m.subject,
  messageId: m.messageId,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
  sentAt: m.sentAt,
});
const logView = (l: LogRow) => ({ status: l.status, detail: l.detail, at: l.at });

/** The tenant's own template as it wrote it, else the default in the recipient's language. */
const partsOf = (row: TemplateRow | undefined, kind: keyof typeof KINDS, locale: Locale = 'en'): TemplateParts =>
  row ? { subject: row.subject, text: row.textBody, html: row.htmlBody } : defaultsFor(kind, locale);

/**
 * E-mail: queues messages in the caller's transaction (never sends inside a request), sends
 * them from a worker, keeps the delivery log, and the tenant's own templates.
 */
export class MailService implements MailQueue {
  readonly #box: SealedBox;
  readonly #domain: string;

  constructor(private readonly deps: MailDeps) {
    this.#box = new SealedBox(deps.sealingSecret, 'mail');
    this.#domain = deps.from.split('@')[1] ?? 'courtyard.local';
  }

  async queue(ctx: Pick<TenantContext, 'db' | 'tenant'>, mail: MailRequest): Promise<{ id: string }> {
    const id = newId();
    const secrets = mail.secrets && Object.keys(mail.secrets).length > 0 ? this.#box.seal(mail.secrets, sealContext(ctx.tenant.id, id)) : null;
    await new MailRepository(ctx.db).insert(ctx.tenant.id, {
      id,
      kind: mail.kind,
      toEmail: mail.to.email,
      toName: mail.to.name ?? '',
      data: mail.data ?? {},
      sealed: secrets,
      messageId: `<${id}@${this.#domain}>`,
      locale: shippedLocale(mail.locale) ?? null,
    });
    await emit(ctx, MAIL_QUEUED, { messageId: id, kind: mail.kind } satisfies MailQueuedData);
    return { id };
  }

  /**
   * Sends one queued message: the handler of `mail.queued`. Safe under at-least-once
   * delivery: a message already sent (or being sent by another worker) is left alone. A
   * refusal for good (5xx) marks it failed; a passing failure (4xx, network) marks it failed
   * and throws, so that the queue tries again later.
   */
  async deliver(tenantId: string, messageId: string, ctx: JobContext): Promise<void> {
    const tenant = await this.deps.tenant(tenantId);
    if (!tenant) {
      ctx.log.warn({ tenant: tenantId, mail: messageId }, 'mail for an unknown tenant: dropped');
      return;
    }
    const claimed = await ctx.tenantTransaction(tenantId, async (db) => {
      const repo = new MailRepository(db);
      const message = await repo.claim(messageId, ctx.now(), this.deps.holdSeconds ?? 300);
      return message ? { message, template: await repo.template(message.kind) } : null;
    });
    if (!claimed) {
      ctx.log.debug({ tenant: tenantId, mail: messageId }, 'mail already sent, being sent, or gone: nothing to do');
      return;
    }
    const { message, template } = claimed;
    const bulk = isMailKind(message.kind) && KINDS[message.kind].bulk === true;
    const fail = (reason: string, subject: string | null = null, permanent = true) =>
      ctx.tenantTransaction(tenantId, async (db) => {
        await new MailRepository(db).markFailed(tenantId, message.id, reason, subject, ctx.now());
        if (bulk && permanent) await emit({ db, tenant }, MAIL_BOUNCED, { messageId: message.id, kind: message.kind, reason } satisfies MailOutcomeData);
      });

    let rendered: RenderedMail;
    try {
      if (!isMailKind(message.kind)) throw new Error(`there is no template for messages of kind ${message.kind}`);
      const secrets = message.sealed ? this.#box.open<Record<string, string>>(message.sealed, sealContext(tenantId, message.id)) : {};
      const locale = shippedLocale(message.locale) ?? shippedLocale(tenant.defaultLocale) ?? 'en';
      const view = viewOf({ kind: message.kind, tenant: { name: tenant.name, branding: tenant.branding, url: this.deps.tenantUrl(tenant), timeZone: tenant.timeZone }, recipient: { email: message.toEmail, name: message.toName }, data: message.data, secrets, locale });
      rendered = renderMail(partsOf(template, message.kind, locale), view);
    } catch (error) {
      await fail(`could not render the message: ${(error as Error).message}`);
      ctx.log.error({ err: error, tenant: tenant.slug, mail: message.id }, 'mail could not be rendered');
      return;
    }

    try {
      const sent = await this.deps.mailer.send({
        id: message.id,
        messageId: message.messageId,
        from: { name: tenant.branding.displayName || tenant.name, address: this.deps.from },
        ...(tenant.branding.supportEmail ? { replyTo: tenant.branding.supportEmail } : {}),
        to: { name: message.toName, address: message.toEmail },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Courtyard-Kind': message.kind, ...(bulk ? bulkHeaders(message.data) : {}) },
      });
      await ctx.tenantTransaction(tenantId, async (db) => {
        await new MailRepository(db).markSent(tenantId, message.id, rendered.subject, sent.response, ctx.now());
        await recordUsage({ db, tenant }, 'emails');
        if (bulk) await emit({ db, tenant }, MAIL_SENT, { messageId: message.id, kind: message.kind, reason: null } satisfies MailOutcomeData);
      });
      ctx.log.info({ tenant: tenant.slug, mail: message.id, kind: message.kind, attempt: message.attempts }, 'mail sent');
    } catch (error) {
      if (!(error instanceof MailDeliveryError)) throw error;
      await fail(error.message, rendered.subject, error.permanent);
      ctx.log.warn({ tenant: tenant.slug, mail: message.id, attempt: message.attempts, permanent: error.permanent, reason: error.message }, 'mail not sent');
      if (!error.permanent) throw error;
    }
  }

  async list(ctx: TenantContext, query: { limit: number; cursor?: string; q?: string; status?: MailStatus; kind?: string }) {
    const before = decodeCursor(query.cursor, ['uuid'])?.[0];
    const rows = await new MailRepository(ctx.db).list(query.limit, { q: query.q, status: query.status, kind: query.kind }, before ?? null);
    const page = pageOf(rows, query.limit, (m) => [m.id]);
    return { data: page.data.map(messageView), nextCursor: page.nextCursor };
  }

  async get(ctx: TenantContext, id: string) {
    const repo = new MailRepository(ctx.db);
    const message = await repo.find(id);
    if (!message) throw notFound('The message');
    return { ...messageView(message), history: (await repo.history(id)).map(logView) };
  }

  /** Sends a failed message again (through the queue, like the first time). */
  async retry(ctx: TenantContext, id: string) {
    const repo = new MailRepository(ctx.db);
    const message = await repo.find(id);
    if (!message) throw notFound('The message');
    if (!(await repo.requeue(ctx.tenant.id, id))) throw new AppError(mailErrors.message_not_failed, `The message is ${message.status}: only a failed message can be retried`);
    await emit(ctx, MAIL_QUEUED, { messageId: id, kind: message.kind } satisfies MailQueuedData);
    return this.get(ctx, id);
  }

  #templateView(kind: keyof typeof KINDS, row: TemplateRow | undefined) {
    const def = KINDS[kind];
    return {
      kind,
      description: def.description,
      variables: { ...COMMON_VARIABLES, ...def.variables },
      overridden: row !== undefined,
      ...partsOf(row, kind),
      updatedAt: row?.updatedAt ?? null,
      defaults: def.defaults,
    };
  }

  #kind(kind: string): keyof typeof KINDS {
    if (!isMailKind(kind)) throw new AppError('not_found', `There is no template of that kind; the kinds are ${Object.keys(KINDS).join(', ')}`);
    return kind;
  }

  async templates(ctx: TenantContext) {
    const rows = new Map((await new MailRepository(ctx.db).templates()).map((r) => [r.kind, r]));
    return { data: (Object.keys(KINDS) as (keyof typeof KINDS)[]).map((kind) => this.#templateView(kind, rows.get(kind))) };
  }

  async template(ctx: TenantContext, kind: string) {
    const k = this.#kind(kind);
    return this.#templateView(k, await new MailRepository(ctx.db).template(k));
  }

  async saveTemplate(ctx: TenantContext, kind: string, parts: TemplateParts) {
    const k = this.#kind(kind);
    validateTemplate(parts, k);
    const row = await new MailRepository(ctx.db).saveTemplate(ctx.tenant.id, k, parts, ctx.principal?.userId ?? null);
    return this.#templateView(k, row);
  }

  async resetTemplate(ctx: TenantContext, kind: string): Promise<void> {
    await new MailRepository(ctx.db).deleteTemplate(this.#kind(kind));
  }
}
