import { sql, type Kysely, type Selectable } from 'kysely';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { containsPattern } from '../../kernel/db/like.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { MailData } from '../../kernel/mail/queue.js';
import type { MailStatus, MailTables } from './mail.tables.js';

export type { MailStatus };

const messageColumns = ['id', 'kind', 'toEmail', 'toName', 'data', 'sealed', 'status', 'attempts', 'lastError', 'subject', 'messageId', 'response', 'createdAt', 'updatedAt', 'sentAt', 'locale'] as const;
const templateColumns = ['kind', 'subject', 'textBody', 'htmlBody', 'updatedBy', 'updatedAt'] as const;

type Tables = MailTables & KernelTables;
export type MessageRow = Pick<Selectable<Tables['mailMessages']>, (typeof messageColumns)[number]>;
export type LogRow = Omit<Selectable<Tables['mailMessageLog']>, 'tenantId'>;
export type TemplateRow = Pick<Selectable<Tables['mailTemplates']>, (typeof templateColumns)[number]>;

/** SQL of the mail module. Runs inside a tenant transaction: row-level security scopes every statement. */
export class MailRepository {
  private readonly db: Kysely<Tables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** Deletes up to `limit` messages that were sent or failed before `cutoff`, with their step log (cascade). */
  async pruneFinished(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('mailMessages')
      .where('id', 'in', (eb) => eb.selectFrom('mailMessages').select('id').where('status', 'in', ['sent', 'failed']).where('createdAt', '<', cutoff).limit(limit))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }


  async insert(tenantId: string, m: { id: string; kind: string; toEmail: string; toName: string; data: MailData; sealed: string | null; messageId: string; locale: string | null }): Promise<void> {
    await this.db
      .insertInto('mailMessages')
      .values({ tenantId, id: m.id, kind: m.kind, toEmail: m.toEmail, toName: m.toName, data: JSON.stringify(m.data), sealed: m.sealed, messageId: m.messageId, locale: m.locale })
      .execute();
    await this.log(tenantId, m.id, 'queued', null);
  }

  find(id: string): Promise<MessageRow | undefined> {
    return this.db.selectFrom('mailMessages').select(messageColumns).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first: ids are UUIDv7, so id order is creation order. */
  list(limit: number, filter: { q?: string; status?: MailStatus; kind?: string }, before: string | null): Promise<MessageRow[]> {
    let q = this.db.selectFrom('mailMessages').select(messageColumns).orderBy('id', 'desc').limit(limit + 1);
    if (filter.q) {
      const like = containsPattern(filter.q);
      q = q.where((eb) => eb.or([eb('toEmail', 'ilike', like), eb('toName', 'ilike', like), eb('subject', 'ilike', like), eb('kind', 'ilike', like)]));
    }
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (before) q = q.where('id', '<', before);
    return q.execute();
  }

  history(id: string): Promise<LogRow[]> {
    return this.db.selectFrom('mailMessageLog').select(['messageId', 'seq', 'status', 'detail', 'at']).where('messageId', '=', id).orderBy('seq').execute();
  }

  async log(tenantId: string, messageId: string, status: LogRow['status'], detail: string | null): Promise<void> {
    await this.db
      .insertInto('mailMessageLog')
      .values((eb) => ({
        tenantId,
        messageId,
        seq: eb.selectFrom('mailMessageLog').select(sql<number>`coalesce(max(seq), 0) + 1`.as('n')).where('messageId', '=', messageId),
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
      .updateTable('mailMessages')
      .set({ status: 'sending', attempts: sql`attempts + 1`, claimedUntil: new Date(now.getTime() + holdSeconds * 1000), updatedAt: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', 'in', ['queued', 'failed']), eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<', now)])]))
      .returning(messageColumns)
      .executeTakeFirst();
  }

  async markSent(tenantId: string, id: string, subject: string, response: string, now: Date): Promise<void> {
    await this.db
      .updateTable('mailMessages')
      .set({ status: 'sent', subject, response: response.slice(0, 1000), lastError: null, sealed: null, claimedUntil: null, sentAt: now, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await this.log(tenantId, id, 'sent', response.slice(0, 1000));
  }

  async markFailed(tenantId: string, id: string, reason: string, subject: string | null, now: Date): Promise<void> {
    await this.db
      .updateTable('mailMessages')
      .set({ status: 'failed', lastError: reason.slice(0, 1000), ...(subject ? { subject } : {}), claimedUntil: null, updatedAt: now })
      .where('id', '=', id)
      .execute();
    await this.log(tenantId, id, 'failed', reason.slice(0, 1000));
  }

  /** Puts a failed message back in the queue; false when it is not failed. */
  async requeue(tenantId: string, id: string): Promise<boolean> {
    const row = await this.db.updateTable('mailMessages').set({ status: 'queued', updatedAt: new Date() }).where('id', '=', id).where('status', '=', 'failed').returning('id').executeTakeFirst();
    if (row) await this.log(tenantId, id, 'queued', 'retry requested');
    return row !== undefined;
  }

  template(kind: string): Promise<TemplateRow | undefined> {
    return this.db.selectFrom('mailTemplates').select(templateColumns).where('kind', '=', kind).executeTakeFirst();
  }

  templates(): Promise<TemplateRow[]> {
    return this.db.selectFrom('mailTemplates').select(templateColumns).execute();
  }

  async saveTemplate(tenantId: string, kind: string, t: { subject: string; text: string; html: string }, userId: string | null): Promise<TemplateRow> {
    const values = { subject: t.subject, textBody: t.text, htmlBody: t.html, updatedBy: userId, updatedAt: new Date() };
    return this.db
      .insertInto('mailTemplates')
      .values({ tenantId, kind, ...values })
      .onConflict((oc) => oc.columns(['tenantId', 'kind']).doUpdateSet(values))
      .returning(templateColumns)
      .executeTakeFirstOrThrow();
  }

  async deleteTemplate(kind: string): Promise<boolean> {
    return (await this.db.deleteFrom('mailTemplates').where('kind', '=', kind).executeTakeFirst()).numDeletedRows > 0n;
  }
}
