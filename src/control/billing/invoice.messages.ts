import type { Locale } from '../../kernel/i18n/locale.js';

/** The invoice and credit note PDFs' words, per language the server speaks (every language names the same keys). */
export const invoiceMessages: Record<Locale, { invoice: string; creditNote: string; number: string; issued: string; due: string; period: string; billTo: string; corrects: string; columns: { description: string; quantity: string; unit: string; amount: string }; subtotal: string; tax: string; total: string; paid: string; void: string; credited: string; payBy: string }> = {
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    number: 'Number',
    issued: 'Issued',
    due: 'Due',
    period: 'Period',
    billTo: 'Bill to',
    corrects: 'Corrects invoice',
    columns: { description: 'Description', quantity: 'Quantity', unit: 'Unit price', amount: 'Amount' },
    subtotal: 'Subtotal',
    tax: 'Tax',
    total: 'Total',
    paid: 'Paid',
    void: 'Void: credited in full',
    credited: 'Credited',
    payBy: 'Pay by card from the Billing page of your workspace, or by bank transfer quoting the invoice number.',
  },
  es: {
    invoice: 'Factura',
    creditNote: 'Nota de crédito',
    number: 'Número',
    issued: 'Emitida',
    due: 'Vence',
    period: 'Periodo',
    billTo: 'Facturar a',
    corrects: 'Corrige la factura',
    columns: { description: 'Descripción', quantity: 'Cantidad', unit: 'Precio unitario', amount: 'Importe' },
    subtotal: 'Subtotal',
    tax: 'Impuesto',
    total: 'Total',
    paid: 'Pagada',
    void: 'Anulada: abonada por completo',
    credited: 'Abonado',
    payBy: 'Pague con tarjeta desde la página Facturación de su espacio de trabajo, o por transferencia indicando el número de factura.',
  },
};

/** The e-mails that bring an invoice to the tenant: `{number}`, `{total}`, `{due}`, `{link}` and `{days}` are filled in. */
export const invoiceMail: Record<Locale, { issued: { subject: string; text: string }; reminder: { subject: string; text: string } }> = {
  en: {
    issued: { subject: 'Invoice {number} from {seller}', text: 'Hello,\n\nInvoice {number} for {total} is attached, due on {due}.\nSee and pay it on the Billing page of your workspace:\n{link}\n' },
    reminder: { subject: 'Reminder: invoice {number} is unpaid', text: 'Hello,\n\nInvoice {number} for {total} fell due on {due} and is still unpaid ({days} days). If it stays unpaid, your workspace becomes read-only and then suspended.\nPay it on the Billing page of your workspace:\n{link}\n' },
  },
  es: {
    issued: { subject: 'Factura {number} de {seller}', text: 'Hola:\n\nAdjuntamos la factura {number} por {total}, que vence el {due}.\nConsúltela y páguela en la página Facturación de su espacio de trabajo:\n{link}\n' },
    reminder: { subject: 'Recordatorio: la factura {number} está sin pagar', text: 'Hola:\n\nLa factura {number} por {total} venció el {due} y sigue sin pagar ({days} días). Si no se paga, su espacio de trabajo pasará a ser de solo lectura y después se suspenderá.\nPáguela en la página Facturación de su espacio de trabajo:\n{link}\n' },
  },
};
