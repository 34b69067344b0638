import type { TenantContext } from '../context.js';

/** The kinds of message there are templates for. */
export const MAIL_KINDS = ['invitation', 'password_reset', 'notification', 'announcement'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Values a template may show. Strings are HTML-escaped in the HTML part. */
export type MailData = Record<string, string | number | boolean | null>;

export interface MailRequest {
  kind: MailKind;
  to: { email: string; name?: string };
  /** What the template shows; kept with the message. */
  data?: MailData;
  /**
   * Values the message needs but the database must not keep readable (a single-use token):
   * kept encrypted with the message until it is sent, then erased.
   */
  secrets?: Record<string, string>;
  /**
   * The recipient's language (their user `locale`, or the request's: kernel/i18n localeOf);
   * the default templates are sent in it. English when absent.
   */
  locale?: string;
}

/**
 * Queues e-mail from inside a tenant transaction (the mail module implements it): the message
 * is recorded, and an event is emitted, in the caller's transaction; a worker renders and
 * sends it after the change commits. Nothing is sent inside the request.
 */
export interface MailQueue {
  queue(ctx: Pick<TenantContext, 'db' | 'tenant'>, mail: MailRequest): Promise<{ id: string }>;
}
