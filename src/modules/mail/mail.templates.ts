import Mustache from 'mustache';
import type { Branding } from '../../kernel/context.js';
import { fieldError } from '../../kernel/errors.js';
import { formatMoment } from '../../kernel/i18n/format.js';
import type { Locale } from '../../kernel/i18n/locale.js';
import { MAIL_KINDS, type MailData, type MailKind } from '../../kernel/mail/queue.js';
import * as es from './templates/es.js';
import { button, type TemplateParts } from './templates/parts.js';

/**
 * Message kinds, their default templates and how they are rendered. Templates are Mustache:
 * logic-less, so a tenant's own template can show values but cannot run code, and `{{value}}`
 * HTML-escapes in the HTML part. Tenant templates may not use unescaped tags (`{{{ }}}`, `{{& }}`)
 * in HTML, nor partials; the branded layout around the HTML body is ours.
 */

export type { TemplateParts };

export type RenderedMail = TemplateParts;

interface KindDefinition {
  description: string;
  /** The variables the kind adds to the common ones, with what they hold. */
  variables: Record<string, string>;
  defaults: TemplateParts;
  /** Sent to many at once: carries List-Unsubscribe (RFC 8058) to `unsubscribeUrl`, and reports whether it was sent or bounced (mail.sent, mail.bounced). */
  bulk?: boolean;
  /** Variables that hold HTML made safe by us (sanitised), which a tenant's template may print unescaped. */
  safeHtml?: string[];
  /** Values computed when rendering, from the message's data and secrets, written for `locale` in the tenant's zone. */
  derive(input: { data: MailData; secrets: Record<string, string>; tenantUrl: string; locale: Locale; timeZone?: string }): Record<string, string>;
}

export const COMMON_VARIABLES: Record<string, string> = {
  'recipient.name': 'The recipient’s name',
  'recipient.email': 'The recipient’s e-mail address',
  'tenant.name': 'The tenant’s display name',
  'tenant.url': 'The tenant’s web address',
  'tenant.supportEmail': 'The tenant’s support address (may be empty)',
  'tenant.primaryColor': 'The tenant’s primary colour (#rrggbb)',
  'tenant.accentColor': 'The tenant’s accent colour (#rrggbb)',
  'tenant.logoUrl': 'The tenant’s logo (may be empty)',
};

/** An instant in the tenant's zone, naming the zone: the reader may be elsewhere ("7 December 2026 at 09:30 Pacific/Auckland"). */
const formatDate = (value: unknown, locale: Locale, timeZone = 'UTC'): string => {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  return formatMoment(date, locale, timeZone);
};
const httpUrl = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : '';
  } catch {
    return '';
  }
};
const supportLine = '{{#tenant.supportEmail}}\n\nQuestions? Write to {{tenant.supportEmail}}.{{/tenant.supportEmail}}';

export const KINDS: Record<MailKind, KindDefinition> = {
  invitation: {
    description: 'Sent when a user is created without a password: a link to choose one.',
    variables: {
      inviterName: 'Who sent the invitation (may be empty)',
      acceptUrl: 'The single-use link that accepts the invitation',
      expiresAt: 'When the link stops working',
    },
    defaults: {
      subject: 'You are invited to {{tenant.name}}',
      text: [
        'Hello {{recipient.name}},',
        '',
        '{{#inviterName}}{{inviterName}} has invited you{{/inviterName}}{{^inviterName}}You have been invited{{/inviterName}} to join {{tenant.name}}.',
        '',
        'Choose your password to accept the invitation:',
        '{{acceptUrl}}',
        '',
        `The link works once and expires on {{expiresAt}}.${supportLine}`,
        '',
      ].join('\n'),
      html: [
        '<p>Hello {{recipient.name}},</p>',
        '<p>{{#inviterName}}{{inviterName}} has invited you{{/inviterName}}{{^inviterName}}You have been invited{{/inviterName}} to join <strong>{{tenant.name}}</strong>.</p>',
        button('acceptUrl', 'Accept the invitation'),
        '<p style="color:#52606d;font-size:14px">The link works once and expires on {{expiresAt}}. If the button does not work, open this address: {{acceptUrl}}</p>',
      ].join('\n'),
    },
    derive: ({ data, secrets, tenantUrl, locale, timeZone }) => ({
      acceptUrl: secrets.token ? `${tenantUrl}/accept-invitation#token=${encodeURIComponent(secrets.token)}` : '',
      expiresAt: formatDate(data.expiresAt, locale, timeZone),
    }),
  },
  password_reset: {
    description: 'Sent when a user asks to reset a forgotten password.',
    variables: { resetUrl: 'The single-use link that sets a new password', expiresAt: 'When the link stops working' },
    defaults: {
      subject: 'Reset your password for {{tenant.name}}',
      text: [
        'Hello {{recipient.name}},',
        '',
        'Someone asked to reset the password of your {{tenant.name}} account. Choose a new one here:',
        '{{resetUrl}}',
        '',
        `The link works once and expires on {{expiresAt}}. If you did not ask for this, ignore this message: your password stays as it is.${supportLine}`,
        '',
      ].join('\n'),
      html: [
        '<p>Hello {{recipient.name}},</p>',
        '<p>Someone asked to reset the password of your <strong>{{tenant.name}}</strong> account.</p>',
        button('resetUrl', 'Choose a new password'),
        '<p style="color:#52606d;font-size:14px">The link works once and expires on {{expiresAt}}. If you did not ask for this, ignore this message: your password stays as it is.</p>',
      ].join('\n'),
    },
    derive: ({ data, secrets, tenantUrl, locale, timeZone }) => ({
      resetUrl: secrets.token ? `${tenantUrl}/reset-password#token=${encodeURIComponent(secrets.token)}` : '',
      expiresAt: formatDate(data.expiresAt, locale, timeZone),
    }),
  },
  notification: {
    description: 'A notice from a module: a title, a body and an optional link.',
    variables: { title: 'The notice’s title', body: 'The notice’s text', actionUrl: 'A link to act on it (may be empty)', actionLabel: 'The link’s label' },
    defaults: {
      subject: '{{title}}',
      text: ['Hello {{recipient.name}},', '', '{{body}}', '{{#actionUrl}}', '', '{{actionLabel}}: {{actionUrl}}{{/actionUrl}}', supportLine.trimStart(), ''].join('\n'),
      html: [
        '<p>Hello {{recipient.name}},</p>',
        '<p style="white-space:pre-line">{{body}}</p>',
        `{{#actionUrl}}${button('actionUrl', '{{actionLabel}}')}{{/actionUrl}}`,
      ].join('\n'),
    },
    derive: ({ data, locale }) => ({
      title: String(data.title ?? ''),
      body: String(data.body ?? ''),
      actionUrl: httpUrl(data.actionUrl),
      actionLabel: String(data.actionLabel ?? (locale === 'es' ? es.openLabel : 'Open')),
    }),
  },
  announcement: {
    description: 'An announcement of the communications module: its title and body, an unsubscribe link and, when the tenant keeps it on, an open pixel. Sent with List-Unsubscribe (RFC 8058).',
    variables: { title: 'The announcement’s title', bodyText: 'Its body as text', bodyHtml: 'Its body as safe HTML (rendered from Markdown)', unsubscribeUrl: 'The one-click unsubscribe link', openUrl: 'The open pixel (may be empty)' },
    bulk: true,
    safeHtml: ['bodyHtml'],
    defaults: {
      subject: '{{title}}',
      text: ['{{title}}', '', '{{bodyText}}', supportLine.trimStart(), '', '--', 'To receive no more of these by e-mail: {{unsubscribeUrl}}', ''].join('\n'),
      html: [
        '<h1 style="font-size:20px;margin:0 0 16px">{{title}}</h1>',
        '{{{bodyHtml}}}',
        '<p style="margin-top:28px;font-size:13px;color:#7b8794"><a href="{{unsubscribeUrl}}" style="color:#7b8794">Unsubscribe</a> from these e-mails.</p>',
        '{{#openUrl}}<img src="{{openUrl}}" width="1" height="1" alt="" style="display:block;border:0">{{/openUrl}}',
      ].join('\n'),
    },
    derive: ({ data }) => ({
      title: String(data.title ?? ''),
      bodyText: String(data.bodyText ?? ''),
      bodyHtml: String(data.bodyHtml ?? ''),
      unsubscribeUrl: httpUrl(data.unsubscribeUrl),
      openUrl: httpUrl(data.openUrl),
    }),
  },
};

/** The default template of a kind in `locale` (the English ones are KINDS' own). */
export const defaultsFor = (kind: MailKind, locale: Locale): TemplateParts => (locale === 'es' ? es.defaults[kind] : KINDS[kind].defaults);

export const isMailKind = (kind: string): kind is MailKind => (MAIL_KINDS as readonly string[]).includes(kind);

/** The branded frame around every HTML body. Ours, not a tenant's: the only place with an unescaped tag. */
const LAYOUT = `<!DOCTYPE html>
<html lang="{{locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2933;line-height:1.5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td class="brand-header" style="background:{{tenant.primaryColor}};color:#ffffff;padding:20px 28px;font-size:20px;font-weight:600">
{{#tenant.logoUrl}}<img src="{{tenant.logoUrl}}" alt="{{tenant.name}}" height="40" style="display:block;height:40px;border:0">{{/tenant.logoUrl}}{{^tenant.logoUrl}}{{tenant.name}}{{/tenant.logoUrl}}
</td></tr>
<tr><td style="padding:28px">
{{{content}}}
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e4e7eb;color:#7b8794;font-size:13px">
{{tenant.name}}{{#tenant.supportEmail}} · <a href="mailto:{{tenant.supportEmail}}" style="color:{{tenant.primaryColor}}">{{tenant.supportEmail}}</a>{{/tenant.supportEmail}}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const DEFAULT_PRIMARY = '#1f4b99';
const DEFAULT_ACCENT = '#d9622b';

type View = Record<string, unknown>;

/** A view without a prototype, so a template can reach nothing but the values we put in it. */
function bare(values: Record<string, unknown>): View {
  const out = Object.create(null) as View;
  for (const [key, value] of Object.entries(values)) {
    out[key] = value !== null && typeof value === 'object' && !(value instanceof Date) ? bare(value as Record<string, unknown>) : value;
  }
  return out;
}

export interface RenderInput {
  kind: MailKind;
  /** `timeZone`: the tenant's, which the message's times are written in (UTC when absent). */
  tenant: { name: string; branding: Branding; url: string; timeZone?: string };
  recipient: { email: string; name: string };
  data: MailData;
  secrets: Record<string, string>;
  /** The recipient's language: dates and default labels are written in it (English when absent). */
  locale?: Locale;
}

export function viewOf(input: RenderInput): View {
  const locale = input.locale ?? 'en';
  const b = input.tenant.branding;
  const data = Object.fromEntries(Object.entries(input.data).map(([k, v]) => [k, v === null ? '' : v]));
  return bare({
    ...data,
    ...KINDS[input.kind].derive({ data: input.data, secrets: input.secrets, tenantUrl: input.tenant.url, locale, timeZone: input.tenant.timeZone }),
    locale,
    recipient: { name: input.recipient.name || input.recipient.email, email: input.recipient.email },
    tenant: {
      name: b.displayName || input.tenant.name,
      url: input.tenant.url,
      supportEmail: b.supportEmail ?? '',
      primaryColor: b.primaryColor && COLOUR.test(b.primaryColor) ? b.primaryColor : DEFAULT_PRIMARY,
      accentColor: b.accentColor && COLOUR.test(b.accentColor) ? b.accentColor : DEFAULT_ACCENT,
      logoUrl: b.logoUrl && /^https?:/i.test(b.logoUrl) ? httpUrl(b.logoUrl) : '',
    },
  });
}

// A Writer per render: Mustache's global writer caches every template it has seen, without bound.
const plain = { escape: (value: unknown) => String(value) };

/** Renders a message: the subject on one line, the text part as is, the HTML part escaped and framed by the branded layout. */
export function renderMail(parts: TemplateParts, view: View): RenderedMail {
  const subject = new Mustache.Writer().render(parts.subject, view, {}, plain).replace(/\s+/g, ' ').trim().slice(0, 400);
  const text = new Mustache.Writer().render(parts.text, view, {}, plain);
  const content = new Mustache.Writer().render(parts.html, view, {});
  const html = new Mustache.Writer().render(LAYOUT, bare({ ...view, subject, content }), {});
  return { subject, text, html };
}

type Token = [string, string, number, number, Token[]?, ...unknown[]];

function tokensOf(template: string, field: string): Token[] {
  try {
    return new Mustache.Writer().parse(template) as Token[];
  } catch (error) {
    throw fieldError(field, `is not a valid template: ${(error as Error).message}`);
  }
}

function* walk(tokens: Token[]): Generator<Token> {
  for (const t of tokens) {
    yield t;
    if (Array.isArray(t[4])) yield* walk(t[4]);
  }
}

/** Refuses a template that does not parse, uses partials, or (in HTML) prints a value unescaped. */
export function validateTemplate(parts: TemplateParts, kind: MailKind): void {
  const safe = new Set(KINDS[kind].safeHtml ?? []);
  for (const [field, template] of Object.entries(parts) as [keyof TemplateParts, string][]) {
    for (const token of walk(tokensOf(template, `/${field}`))) {
      if (token[0] === '>') throw fieldError(`/${field}`, 'may not use partials ({{> name}})');
      if (token[0] === '&' && field === 'html' && !safe.has(String(token[1]))) throw fieldError(`/${field}`, `may not print values unescaped ({{{${token[1]}}}} or {{& ${token[1]}}}): use {{${token[1]}}}`);
    }
  }
}
