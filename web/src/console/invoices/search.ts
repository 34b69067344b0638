export const INVOICE_STATUSES = ['open', 'paid', 'void', 'issued'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** The invoices list's filters as they live in the URL: the tenant (slug or id), status, kind and the page's cursor. */
export interface InvoicesSearch {
  tenant?: string;
  status?: InvoiceStatus;
  kind?: InvoiceKind;
  cursor?: string;
}

/** Reads the filters from the URL; a status or kind the API does not know (a hand-edited address) is dropped. */
export function invoicesSearch(raw: Record<string, unknown>): InvoicesSearch {
  const text = (v: unknown) => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined);
  const tenant = text(raw.tenant)?.slice(0, 100);
  const status = INVOICE_STATUSES.find((s) => s === raw.status);
  const kind = INVOICE_KINDS.find((k) => k === raw.kind);
  const cursor = text(raw.cursor);
  return { ...(tenant ? { tenant } : {}), ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) };
}

/** The API's query for a page of the list. */
export function invoicesQuery(search: InvoicesSearch, limit = 50) {
  return { limit, ...invoicesSearch(search as Record<string, unknown>) };
}

/** What an operator may do to an invoice: record a transfer on an open one; credit one not void (a credit note is never credited). */
export function invoiceActions(invoice: { kind: InvoiceKind; status: InvoiceStatus; amountDueMinor: number }): { markPaid: boolean; credit: boolean } {
  const isInvoice = invoice.kind === 'invoice';
  return { markPaid: isInvoice && invoice.status === 'open' && invoice.amountDueMinor > 0, credit: isInvoice && invoice.status !== 'void' };
}
