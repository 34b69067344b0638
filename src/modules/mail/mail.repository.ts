import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../kernel/db/database.js';
import type { MailData } from '../../kernel/mail/queue.js';

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface MessageRow {
  id: string;
  kind: string;
  to_email: string;
  to_name: string;
  data: MailData;
  sealed: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  subject: string | null;
  message_id: string;
  response: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

export interface LogRow {
  message_id: string;
  seq: number;
  status: 'queued' | 'sent' | 'failed';
  detail: string | null;
  at: Date;
}

export interface TemplateRow {
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  updated_by: string | null;
  updated_at: Date;
}

const messageColumns = ['id', 'kind', 'to_email', 'to_name', 'data', 'sealed', 'status', 'attempts', 'last_error', 'subject', 'message_id', 'response', 'created_at', 'updated_at', 'sent_at'] as const;
const templateColumns = ['kind', 'subject', 'text_body', 'html_body', 'updated_by', 'updated_at'] as const;

/** SQL of the mail module. Runs inside a tenant transaction: row-level security scopes every statement. */
export class MailRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async insert(tenantId: string, m: { id: string; kind: string; toEmail: string; toName: string; data: MailData; sealed: string | null; messageId: string }): Promise<void> {
    await this.db
      .insertInto('mail_messages')
      .values({ tenant_id: tenantId, id: m.id, kind: m.kind, to_email: m.toEmail, to_name: m.toName, data: JSON.stringify(m.data), sealed: m.sealed, message_id: m.messageId })
      .execute();
    await this.log(tenantId, m.id, 'queued', null);
  }

  find(id: string): Promise<MessageRow | undefined> {
    return this.db.selectFrom('mail_messages').select(messageColumns).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first: ids are UUIDv7, so id order is creation order. */
  list(limit: number, filter: { status?: MailStatus; kind?: string }, before: string | null): Promise<MessageRow[]> {
    let q = this.db.selectFrom('mail_messages').select(messageColumns).orderBy('id', 'desc').limit(limit + 1);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (before) q = q.where('id', '<', before);
    return q.execute();
  }

  history(id: string): Promise<LogRow[]> {
    return this.db.selectFrom('mail_message_log').select(['message_id', 'seq', 'status', 'detail', 'at']).where('message_id', '=', id).orderBy('seq').execute();
  }

  async log(tenantId: string, messageId: string, status: LogRow['status'], detail: string | null): Promise<void> {
    await this.db
      .insertInto('mail_message_log')
      .values((eb) => ({
        tenant_id: tenantId,
        message_id: messageId,
        seq: eb.selectFrom('mail_message_log').select(sql<number>`coalesce(max(seq), 0) + 1`.as('n')).where('message_id', '=', messageId),
        status,
        detail,
      }))
      .execute();
  }

  /**
   * Takes a message to send it: one that is queued or failed, or whose sender's hold has
   * lapsed (it crashed). Returns nothing for a message that is sent, or being sent by another
   * worker: under at-least-once delivery that is how a duplicate does nothing.
   */
  claim(id: string, now: Date, holdSeconds: number): Promise<MessageRow | undefined> {
    return this.db
      .updateTable('mail_messages')
      .set({ status: 'sending', attempts: sql`attempts + 1`, claimed_until: new Date(now.getTime() + holdSeconds * 1000), updated_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', 'in', ['queued', 'failed']), eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])]))
      .returning(messageColumns)
      .executeTakeFirst();
  }

  async markSent(tenantId: string, id: string, subject: string, response: string, now: Date): Promise<void> {
    await this.db
      .updateTable('mail_messages')
      .set({ status: 'sent', subject, response: response.slice(0, 1000), last_error: null, sealed: null, claimed_until: null, sent_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await this.log(tenantId, id, 'sent', response.slice(0, 1000));
  }

  async markFailed(tenantId: string, id: string, reason: string, subject: string | null, now: Date): Promise<void> {
    await this.db
      .updateTable('mail_messages')
      .set({ status: 'failed', last_error: reason.slice(0, 1000), ...(subject ? { subject } : {}), claimed_until: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await this.log(tenantId, id, 'failed', reason.slice(0, 1000));
  }

  /** Puts a failed message back in the queue; false when it is not failed. */
  async requeue(tenantId: string, id: string): Promise<boolean> {
    const row = await this.db.updateTable('mail_messages').set({ status: 'queued', updated_at: new Date() }).where('id', '=', id).where('status', '=', 'failed').returning('id').executeTakeFirst();
    if (row) await this.log(tenantId, id, 'queued', 'retry requested');
    return row !== undefined;
  }

  template(kind: string): Promise<TemplateRow | undefined> {
    return this.db.selectFrom('mail_templates').select(templateColumns).where('kind', '=', kind).executeTakeFirst();
  }

  templates(): Promise<TemplateRow[]> {
    return this.db.selectFrom('mail_templates').select(templateColumns).execute();
  }

  async saveTemplate(tenantId: string, kind: string, t: { subject: string; text: string; html: string }, userId: string | null): Promise<TemplateRow> {
    const values = { subject: t.subject, text_body: t.text, html_body: t.html, updated_by: userId, updated_at: new Date() };
    return this.db
      .insertInto('mail_templates')
      .values({ tenant_id: tenantId, kind, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'kind']).doUpdateSet(values))
      .returning(templateColumns)
      .executeTakeFirstOrThrow();
  }

  async deleteTemplate(kind: string): Promise<boolean> {
    return (await this.db.deleteFrom('mail_templates').where('kind', '=', kind).executeTakeFirst()).numDeletedRows > 0n;
  }
}
