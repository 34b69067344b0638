import { Type } from 'typebox';
import { Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { MAIL_KINDS } from '../../kernel/mail/queue.js';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const MailMessage = Type.Object({
  id: Uuid,
  kind: Type.String(),
  to: Type.Object({ email: Type.String(), name: Type.String() }),
  status: Type.Enum(MAIL_STATUSES),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  subject: Nullable(Type.String({ description: 'As last rendered; null until the first attempt.' })),
  messageId: Type.String({ description: 'The RFC 5322 Message-ID, the same on every attempt.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sentAt: Nullable(Timestamp),
});

export const MailMessageDetail = Type.Object({
  ...MailMessage.properties,
  history: Type.Array(Type.Object({ status: Type.Enum(['queued', 'sent', 'failed']), detail: Nullable(Type.String()), at: Timestamp })),
});

export const MailMessagePage = Page(MailMessage);

export const ListMailQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches the recipient’s address or name, the subject or the template (kind).')),
    status: Type.Optional(Type.Enum(MAIL_STATUSES)),
    kind: Type.Optional(Type.Enum(MAIL_KINDS)),
  },
  { additionalProperties: false },
);

const Parts = {
  subject: Type.String({ minLength: 1, maxLength: 400 }),
  text: Type.String({ minLength: 1, maxLength: 50_000 }),
  html: Type.String({ minLength: 1, maxLength: 100_000 }),
};

export const TemplateBody = Type.Object(Parts, { additionalProperties: false });

export const MailTemplate = Type.Object({
  kind: Type.String(),
  description: Type.String(),
  variables: Type.Record(Type.String(), Type.String()),
  overridden: Type.Boolean({ description: 'True when the tenant has its own version; false shows the default.' }),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  updatedAt: Nullable(Timestamp),
  defaults: Type.Object({ subject: Type.String(), text: Type.String(), html: Type.String() }),
});

export const KindParams = Type.Object({ kind: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
