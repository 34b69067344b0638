import type { Db } from '../../kernel/db/tables.js';
import { escapeHtml } from '../../kernel/http/html.js';
import { formatMoney } from '../../kernel/i18n/format.js';
import { shippedLocale } from '../../kernel/i18n/locale.js';
import type { EventSubscriber, JobDefinition } from '../../kernel/jobs/job.js';
import type { Mailer } from '../../kernel/mail/mailer.js';
import { fill } from '../auth/messages/operator-mail.js';
import { TenantsRepository } from '../tenants/tenants.repository.js';
import { daysOverdue, type Collection } from './collection.js';
import { invoiceMail } from './invoice.messages.js';
import { renderInvoicePdf } from './invoice.pdf.js';
import type { InvoiceRun } from './invoice-run.js';
import { InvoicesRepository } from './invoices.repository.js';

export const INVOICE_RUN_JOB = 'control.billing.invoice';
export const DUNNING_JOB = 'control.billing.dunning';

/** Hourly: every subscription whose period has ended is invoiced and renewed (a run that finds none does nothing). */
export function invoiceRunJob(run: InvoiceRun): JobDefinition {
  return {
    name: INVOICE_RUN_JOB,
    schedule: { cron: '10 * * * *', perTenant: false },
    retry: { limit: 3, delaySeconds: 300 },
    leaseSeconds: 3_600,
    async handler(_job, ctx) {
      await run.run(ctx.now(), ctx.log);
    },
  };
}

/** Daily: reminders, past due, read-only and suspension on the schedule, from each tenant's oldest unpaid invoice. */
export function dunningJob(collection: Collection): JobDefinition {
  return {
    name: DUNNING_JOB,
    schedule: { cron: '30 6 * * *', perTenant: false },
    retry: { limit: 3, delaySeconds: 600 },
    async handler(_job, ctx) {
      await collection.dunning(ctx.log);
    },
  };
}

export interface BillingMailDeps {
  db: Db;
  mailer: Mailer;
  from: string;
  seller: { name: string; email: string };
  /** The tenant's workspace, where its Billing page is. */
  tenantUrl: (tenant: { slug: string }) => string;
}

/**
 * Sends an issued invoice (its PDF attached) and each dunning reminder to the tenant's billing
 * address, in the tenant's default language. An invoice without a billing address is not
 * mailed: it waits on the Billing page. At least once, as every subscriber.
 */
export function billingMailSubscriber(deps: BillingMailDeps): EventSubscriber {
  return {
    name: 'control.billing.mail',
    events: ['invoice.issued', 'invoice.reminder'],
    leaseSeconds: 120,
    async handle(event, ctx) {
      const { id } = event.data as { id: string };
      const invoice = await new InvoicesRepository(deps.db).find(id);
      if (!invoice?.billTo.email) return;
      if (event.type === 'invoice.reminder' && invoice.status !== 'open') return;
      const tenant = await new TenantsRepository(deps.db).find(invoice.tenantId);
      const locale = shippedLocale(tenant?.defaultLocale) ?? 'en';
      const words = invoiceMail[locale][event.type === 'invoice.issued' ? 'issued' : 'reminder'];
      const due = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(invoice.dueAt));
      const days = String(Math.max(0, daysOverdue(ctx.now(), invoice.dueAt)));
      const values = { number: invoice.number, total: formatMoney(Number(invoice.totalMinor) - Number(invoice.creditedMinor), invoice.currency, locale), due, days, seller: deps.seller.name, link: `${deps.tenantUrl({ slug: invoice.billTo.slug })}/billing` };
      const messageId = `${event.id}@${deps.from.split('@')[1]}`;
      await deps.mailer.send({
        id: event.id,
        messageId: `<${messageId}>`,
        from: { name: deps.seller.name, address: deps.from },
        to: { name: invoice.billTo.name, address: invoice.billTo.email },
        subject: fill(words.subject, values),
        text: fill(words.text, values),
        html: `<pre style="font-family:inherit">${escapeHtml(fill(words.text, values))}</pre>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
        ...(event.type === 'invoice.issued' ? { attachments: [{ filename: `${invoice.number}.pdf`, content: await renderInvoicePdf(invoice, { seller: deps.seller.name, sellerEmail: deps.seller.email, locale }), contentType: 'application/pdf' }] } : {}),
      });
      ctx.log.info({ invoice: invoice.number, type: event.type }, 'invoice e-mail sent');
    },
  };
}
