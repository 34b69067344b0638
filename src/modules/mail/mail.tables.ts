import type { Generated } from 'kysely';
import type { Jsonb, TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { MailData } from '../../kernel/mail/queue.js';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** The tables `migrations/` creates, as the mail repository sees them (camelCase). */
export interface MailTables {
  mailMessages: {
    tenantId: TenantKey;
    id: string;
    kind: string;
    toEmail: string;
    toName: Generated<string>;
    data: Jsonb<MailData>;
    sealed: string | null;
    status: Generated<MailStatus>;
    attempts: Generated<number>;
    lastError: string | null;
    subject: string | null;
    messageId: string;
    claimedUntil: Date | null;
    response: string | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
    sentAt: Date | null;
    locale: string | null;
  };
  mailMessageLog: {
    tenantId: TenantKey;
    messageId: string;
    seq: number;
    status: 'queued' | 'sent' | 'failed';
    detail: string | null;
    at: Timestamptz;
  };
  mailTemplates: {
    tenantId: TenantKey;
    kind: string;
    subject: string;
    textBody: string;
    htmlBody: string;
    updatedBy: string | null;
    updatedAt: Timestamptz;
  };
}
