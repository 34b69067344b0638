import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db } from '../../kernel/db/tables.js';
import { AppError } from '../../kernel/errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import type { Locale } from '../../kernel/i18n/locale.js';
import { newId } from '../../kernel/ids.js';
import { ProviderRequestError, WebhookSignatureError } from '../../kernel/payments/provider.js';
import type { StripeProvider } from '../../kernel/payments/stripe.provider.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import type { BillingTables, InvoiceStatus } from './billing.tables.js';
import type { Collection } from './collection.js';
import { renderInvoicePdf } from './invoice.pdf.js';
import { InvoicesRepository, type InvoiceRow } from './invoices.repository.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { date, subscriptionView } from './subscriptions.service.js';
import { TaxRatesRepository, type TaxRate } from './tax-rates.repository.js';

export interface InvoiceView {
  id: string;
  tenantId: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  corrects: string | null;
  plan: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  status: InvoiceStatus;
  currency: string;
  lines: BillingTables['control.invoices']['lines']['__select__'];
  subtotalMinor: number;
  taxRateBp: number;
  taxMinor: number;
  totalMinor: number;
  creditedMinor: number;
  /** What is still to pay: the total less credits, nothing once paid or void. */
  amountDueMinor: number;
  billTo: BillingTables['control.invoices']['billTo']['__select__'];
  issuedAt: Date;
  dueAt: Date;
  paidAt: Date | null;
  paidVia: 'card' | 'bank_transfer' | 'credit' | null;
  paymentReference: string | null;
}

export const invoiceView = (r: InvoiceRow): InvoiceView => ({
  id: r.id,
  tenantId: r.tenantId,
  number: r.number,
  kind: r.kind,
  corrects: r.corrects,
  plan: r.planKey,
  periodStart: date(r.periodStart),
  periodEnd: date(r.periodEnd),
  status: r.status,
  currency: r.currency,
  lines: r.lines,
  subtotalMinor: Number(r.subtotalMinor),
  taxRateBp: r.taxRateBp,
  taxMinor: Number(r.taxMinor),
  totalMinor: Number(r.totalMinor),
  creditedMinor: Number(r.creditedMinor),
  amountDueMinor: r.kind === 'invoice' && r.status === 'open' ? Number(r.totalMinor) - Number(r.creditedMinor) : 0,
  billTo: r.billTo,
  issuedAt: new Date(r.issuedAt),
  dueAt: new Date(r.dueAt),
  paidAt: date(r.paidAt),
  paidVia: r.paidVia,
  paymentReference: r.paymentReference,
});

export interface BillingOptions {
  db: Db;
  collection: Collection;
  stripe: StripeProvider;
  /** The operator's Stripe account; without it invoices are paid by bank transfer only. */
  stripeKeys: { secretKey: string; webhookSecret: string } | null;
  seller: { name: string; email: string };
  now: () => Date;
}

/** The platform's invoices as operators and tenants read them, their PDFs, card checkouts and the provider's webhook. */
export class BillingService {
  constructor(private readonly options: BillingOptions) {}

  async listInvoices(db: Db, query: { tenantId?: string; status?: InvoiceStatus; kind?: 'invoice' | 'credit_note'; limit: number; cursor?: string }) {
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    const rows = await new InvoicesRepository(db).list({ ...query, ...(after ? { after: { issuedAt: new Date(after[0] as string), id: after[1] as string } } : {}) });
    const page = pageOf(rows, query.limit, (r) => [new Date(r.issuedAt).toISOString(), r.id]);
    return { data: page.data.map(invoiceView), nextCursor: page.nextCursor };
  }

  /** One invoice; `tenantId` confines it to that tenant's (another's answers 404, as one that does not exist). */
  async invoice(db: Db, id: string, tenantId?: string): Promise<InvoiceRow> {
    const row = await new InvoicesRepository(db).find(id);
    if (!row || (tenantId && row.tenantId !== tenantId)) throw new AppError('not_found', 'The invoice was not found');
    return row;
  }

  async pdf(db: Db, id: string, tenantId: string | undefined, locale: Locale): Promise<{ number: string; body: Buffer }> {
    const row = await this.invoice(db, id, tenantId);
    const corrects = row.corrects ? (await new InvoicesRepository(db).find(row.corrects))?.number : null;
    return { number: row.number, body: await renderInvoicePdf(row, { seller: this.options.seller.name, sellerEmail: this.options.seller.email, correctsNumber: corrects ?? null, locale }) };
  }

  /** A Stripe Checkout for what is due on an open invoice; the webhook records the payment. */
  async checkout(db: Db, id: string, tenantId: string | undefined, urls: { successUrl: string; cancelUrl: string }): Promise<{ url: string; expiresAt: Date | null }> {
    const invoice = invoiceView(await this.invoice(db, id, tenantId));
    const keys = this.options.stripeKeys;
    if (!keys) throw new AppError('unprocessable', 'Card payments are not set up on this platform (COURTYARD_BILLING_STRIPE_SECRET_KEY): pay by bank transfer');
    if (invoice.kind !== 'invoice' || invoice.amountDueMinor === 0) throw new AppError('invalid_state', invoice.status === 'paid' ? 'The invoice is paid already' : 'The invoice is not open');
    try {
      const created = await this.options.stripe.createCheckout(keys, {
        sessionId: newId(),
        amount: invoice.amountDueMinor,
        currency: invoice.currency,
        lineItems: [{ name: `${this.options.seller.name} invoice ${invoice.number}`, amount: invoice.amountDueMinor }],
        customerEmail: invoice.billTo.email,
        metadata: { courtyard_invoice: invoice.id, courtyard_tenant: invoice.tenantId },
        successUrl: urls.successUrl,
        cancelUrl: urls.cancelUrl,
      });
      return { url: created.url, expiresAt: created.expiresAt };
    } catch (error) {
      if (error instanceof ProviderRequestError) throw new AppError('unprocessable', error.message);
      throw error;
    }
  }

  /**
   * The operator's Stripe webhook: a paid checkout of an invoice is recorded once per event
   * (a redelivery finds its event taken), and a bad signature records nothing.
   */
  async webhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, log: Logger): Promise<{ received: true; outcome: string }> {
    const keys = this.options.stripeKeys;
    if (!keys) throw new AppError('not_found', 'Card payments are not set up on this platform');
    let event;
    try {
      event = this.options.stripe.verifyWebhook(rawBody, headers, keys);
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      log.warn({ reason: error.message }, 'refused a platform Stripe webhook with a bad signature');
      throw new AppError('validation_failed', error.message, { errors: [{ field: 'stripe-signature', message: error.message }] });
    }
    if (event.kind !== 'checkout.paid') return { received: true, outcome: 'ignored' };
    const invoiceId = event.metadata.courtyard_invoice;
    if (!invoiceId) return { received: true, outcome: 'ignored' };
    const ctx: ControlContext = { db: this.options.db, actor: 'stripe', log };
    if (!(await new InvoicesRepository(this.options.db).find(invoiceId))) return { received: true, outcome: 'unknown invoice' };
    try {
      // The event is taken with the payment, in one transaction: a crash between them loses neither.
      const paid = await this.options.collection.markPaid(ctx, invoiceId, { via: 'card', reference: event.paymentReference, at: event.paidAt, eventId: event.eventId });
      return { received: true, outcome: paid ? 'paid' : 'duplicate' };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'invalid_state')) throw error;
      // Paid twice (by transfer, then by card): the money is in Stripe, for the operator to refund. Told once per event.
      const told = await this.options.db.transaction().execute(async (trx) => {
        if (!(await new InvoicesRepository(trx).takePaymentEvent(event.eventId, invoiceId))) return false;
        await appendAudit(trx, { actor: 'stripe', action: 'invoice.paid_again', target: invoiceId, data: { reference: event.paymentReference, amount: event.amount, currency: event.currency } });
        return true;
      });
      if (!told) return { received: true, outcome: 'duplicate' };
      log.warn({ invoice: invoiceId, reference: event.paymentReference }, 'a card payment arrived for an invoice that is not open: refund it from Stripe');
      return { received: true, outcome: 'not open' };
    }
  }

  async taxRates(db: Db): Promise<TaxRate[]> {
    return new TaxRatesRepository(db).list();
  }

  async putTaxRate(ctx: ControlContext, rate: TaxRate): Promise<TaxRate> {
    const saved = await new TaxRatesRepository(ctx.db).put({ ...rate, country: rate.country.toUpperCase() });
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'tax_rate.set', target: saved.country, data: { rateBp: saved.rateBp } });
    return saved;
  }

  async deleteTaxRate(ctx: ControlContext, country: string): Promise<void> {
    if (!(await new TaxRatesRepository(ctx.db).delete(country.toUpperCase()))) throw new AppError('not_found', `No tax rate for ${country}`);
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'tax_rate.deleted', target: country.toUpperCase() });
  }

  /** Subscriptions in dunning (or of one status), most overdue first. */
  async subscriptions(db: Db, filter: { dunning?: boolean; status?: BillingTables['control.subscriptions']['status'] }) {
    return (await new SubscriptionsRepository(db).list(filter, 500)).map(subscriptionView);
  }

  /** MRR now by plan, and what was invoiced month by month over the last `months`. */
  async revenue(db: Db, months: number) {
    const now = this.options.now();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
    return { mrr: await new SubscriptionsRepository(db).mrr(), invoiced: await new InvoicesRepository(db).revenueByMonth(from) };
  }
}
