import { sql, type Kysely, type Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { BillingTables, BillTo, InvoiceStatus } from './billing.tables.js';
import type { InvoiceLine } from './invoice-lines.js';

export type InvoiceRow = Selectable<BillingTables['control.invoices']>;

export interface NewInvoice {
  id: string;
  tenantId: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  corrects: string | null;
  planKey: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  status: InvoiceStatus;
  currency: string;
  lines: InvoiceLine[];
  subtotalMinor: number;
  taxRateBp: number;
  taxMinor: number;
  totalMinor: number;
  billTo: BillTo;
  issuedAt: Date;
  dueAt: Date;
}

/** SQL for the platform's invoices and credit notes (`control.invoices`), their numbers and their payments. */
export class InvoicesRepository {
  private readonly db: Kysely<BillingTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /**
   * The next number of a series (`INV-2026`), taken in the caller's transaction: the row stays
   * locked until it ends, so numbers are handed out in commit order, and a rollback returns its
   * number. Gap-free by construction.
   */
  async nextNumber(series: string): Promise<number> {
    const { rows } = await sql<{ n: string }>`
      INSERT INTO control.document_sequences AS s (series, next_value) VALUES (${series}, 2)
      ON CONFLICT (series) DO UPDATE SET next_value = s.next_value + 1
      RETURNING s.next_value - 1 AS n`.execute(this.db);
    return Number(rows[0]!.n);
  }

  async insert(invoice: NewInvoice): Promise<InvoiceRow> {
    return this.db
      .insertInto('control.invoices')
      .values({ ...invoice, lines: JSON.stringify(invoice.lines), billTo: JSON.stringify(invoice.billTo) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async forPeriod(tenantId: string, periodStart: Date): Promise<InvoiceRow | undefined> {
    return this.db.selectFrom('control.invoices').selectAll().where('tenantId', '=', tenantId).where('kind', '=', 'invoice').where('periodStart', '=', periodStart).executeTakeFirst();
  }

  async find(id: string, lock = false): Promise<InvoiceRow | undefined> {
    const q = this.db.selectFrom('control.invoices').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  }

  /** Newest first, by issue time then id; `after` is the last row of the previous page. */
  async list(filter: { tenantId?: string; status?: InvoiceStatus; kind?: 'invoice' | 'credit_note'; limit: number; after?: { issuedAt: Date; id: string } }): Promise<InvoiceRow[]> {
    let q = this.db.selectFrom('control.invoices').selectAll();
    if (filter.tenantId) q = q.where('tenantId', '=', filter.tenantId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.after) {
      const { issuedAt, id } = filter.after;
      q = q.where((eb) => eb.or([eb('issuedAt', '<', issuedAt), eb.and([eb('issuedAt', '=', issuedAt), eb('id', '<', id)])]));
    }
    return q.orderBy('issuedAt', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
  }

  /** Marks an open invoice paid; undefined when it is not open (paid already, or void). */
  async markPaid(id: string, payment: { via: 'card' | 'bank_transfer' | 'credit'; reference: string | null; at: Date }): Promise<InvoiceRow | undefined> {
    return this.db
      .updateTable('control.invoices')
      .set({ status: 'paid', paidAt: payment.at, paidVia: payment.via, paymentReference: payment.reference })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
  }

  /** Adds a credit note's amount to the invoice it corrects; a fully credited open invoice is void. */
  async credit(id: string, amountMinor: number, at: Date): Promise<InvoiceRow> {
    return this.db
      .updateTable('control.invoices')
      .set(() => ({
        creditedMinor: sql<number>`credited_minor + ${amountMinor}`,
        status: sql<InvoiceStatus>`CASE WHEN status = 'open' AND credited_minor + ${amountMinor} >= total_minor THEN 'void' ELSE status END`,
        voidedAt: sql<Date | null>`CASE WHEN status = 'open' AND credited_minor + ${amountMinor} >= total_minor THEN ${at}::timestamptz ELSE voided_at END`,
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Records a payment provider's event for an invoice; false when it was recorded before (a redelivery). */
  async takePaymentEvent(eventId: string, invoiceId: string): Promise<boolean> {
    const row = await this.db.insertInto('control.invoicePaymentEvents').values({ eventId, invoiceId }).onConflict((oc) => oc.column('eventId').doNothing()).returning('eventId').executeTakeFirst();
    return row !== undefined;
  }

  /** A tenant's open invoices, oldest due first. */
  async openOf(tenantId: string): Promise<InvoiceRow[]> {
    return this.db.selectFrom('control.invoices').selectAll().where('tenantId', '=', tenantId).where('status', '=', 'open').orderBy('dueAt').execute();
  }

  /** Tenants with an open invoice due before `now`, with the oldest due date of each. */
  async overdueTenants(now: Date, limit: number): Promise<{ tenantId: string; oldestDue: Date }[]> {
    const rows = await this.db
      .selectFrom('control.invoices')
      .select((eb) => ['tenantId', eb.fn.min('dueAt').as('oldestDue')])
      .where('status', '=', 'open')
      .where('dueAt', '<', now)
      .groupBy('tenantId')
      .orderBy('oldestDue')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ tenantId: r.tenantId, oldestDue: new Date(r.oldestDue as Date) }));
  }

  async countReminder(id: string): Promise<void> {
    await this.db.updateTable('control.invoices').set((eb) => ({ remindersSent: eb('remindersSent', '+', 1) })).where('id', '=', id).execute();
  }

  /** Revenue invoiced per month of issue, per plan and currency (credit notes taken off), from `from` on. */
  async revenueByMonth(from: Date): Promise<{ month: Date; planKey: string; currency: string; amountMinor: number }[]> {
    const { rows } = await sql<{ month: Date; planKey: string; currency: string; amount: string }>`
      SELECT date_trunc('month', i.issued_at, 'UTC') AS month, coalesce(i.plan_key, c.plan_key, '') AS plan_key, i.currency,
             sum(CASE WHEN i.kind = 'invoice' THEN i.subtotal_minor ELSE -i.subtotal_minor END) AS amount
        FROM control.invoices i
        LEFT JOIN control.invoices c ON c.id = i.corrects
       WHERE i.issued_at >= ${from}
       GROUP BY 1, 2, 3
       ORDER BY 1, 2, 3`.execute(this.db);
    // The rows come through the CamelCase plugin: plan_key is read as planKey.
    return rows.map((r) => ({ month: new Date(r.month), planKey: r.planKey, currency: r.currency, amountMinor: Number(r.amount) }));
  }
}
