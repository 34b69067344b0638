import { urlText } from '../../ui/url-search.js';
import type { InvoiceStatus } from './api.js';

export const INVOICE_STATUSES: InvoiceStatus[] = ['open', 'paid', 'void', 'issued'];

export interface BillingSearch {
  /** The invoices' status filter. */
  status?: InvoiceStatus;
  /** The invoices' page. */
  cursor?: string;
  /** Back from Stripe Checkout: the invoice paid (or not) there. */
  invoice?: string;
  /** `1` when Stripe sent the payer back as paid (the webhook may not have recorded it yet). */
  paid?: 1;
}

const ID = /^[0-9a-f-]{36}$/i;

/** The Billing page's search in the URL, which anyone can edit: what is not well formed is dropped. */
export function billingSearch(raw: Record<string, unknown>): BillingSearch {
  const invoice = urlText(raw.invoice, 36);
  return {
    status: INVOICE_STATUSES.includes(raw.status as InvoiceStatus) ? (raw.status as InvoiceStatus) : undefined,
    cursor: urlText(raw.cursor, 500),
    invoice: invoice && ID.test(invoice) ? invoice : undefined,
    paid: raw.paid === 1 || raw.paid === '1' ? 1 : undefined,
  };
}
