import { formatMoney } from '../../kernel/i18n/format.js';
import type { Locale } from '../../kernel/i18n/locale.js';
import type { InvoiceRow } from './invoices.repository.js';
import { invoiceMessages } from './invoice.messages.js';

const BRAND = '#1f4e79';
const PAGE_BOTTOM = 760;

const day = (d: Date | string, locale: Locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(d));

/**
 * An invoice or credit note as an A4 PDF in the platform's colours: the seller and the tenant
 * billed, the lines as issued, subtotal, tax and total, and where it stands (paid, credited,
 * void). Its creation date is the issue date, so the same document renders the same bytes.
 */
export async function renderInvoicePdf(invoice: InvoiceRow, options: { seller: string; sellerEmail: string; correctsNumber?: string | null; locale?: Locale }): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const locale = options.locale ?? 'en';
  const m = invoiceMessages[locale];
  const money = (minor: number | string) => formatMoney(Number(minor), invoice.currency, locale);
  const title = `${invoice.kind === 'invoice' ? m.invoice : m.creditNote} ${invoice.number}`;
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: options.seller, CreationDate: new Date(invoice.issuedAt) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.rect(0, 0, pdf.page.width, 8).fill(BRAND);
  pdf.fillColor(BRAND).font('Helvetica-Bold').fontSize(18).text(options.seller, 50, 30);
  pdf.fillColor('#222222').font('Helvetica').fontSize(9).text(options.sellerEmail, 50, 52);
  pdf.font('Helvetica-Bold').fontSize(14).text(title, 300, 30, { width: 245, align: 'right' });
  const facts: [string, string][] = [[m.issued, day(invoice.issuedAt, locale)]];
  if (invoice.kind === 'invoice') facts.push([m.due, day(invoice.dueAt, locale)]);
  if (invoice.periodStart && invoice.periodEnd) facts.push([m.period, `${day(invoice.periodStart, locale)} – ${day(new Date(new Date(invoice.periodEnd).getTime() - 86_400_000), locale)}`]);
  if (options.correctsNumber) facts.push([m.corrects, options.correctsNumber]);
  let y = 52;
  for (const [label, value] of facts) {
    pdf.font('Helvetica').fontSize(9).text(`${label}: ${value}`, 300, y, { width: 245, align: 'right' });
    y += 13;
  }

  y = Math.max(y, 100) + 10;
  pdf.font('Helvetica-Bold').fontSize(9).text(m.billTo, 50, y);
  pdf.font('Helvetica').fontSize(10).text(invoice.billTo.name, 50, y + 13);
  const extra = [invoice.billTo.email, invoice.billTo.country].filter(Boolean).join(' · ');
  if (extra) pdf.fontSize(9).text(extra, 50, y + 27);

  const cols = { description: 50, quantity: 330, unit: 395, amount: 470 };
  const row = (at: number, cells: { description: string; quantity?: string; unit?: string; amount: string }, bold = false) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor('#222222');
    pdf.text(cells.description, cols.description, at, { width: 270, ellipsis: true, height: 12 });
    if (cells.quantity) pdf.text(cells.quantity, cols.quantity, at, { width: 55, align: 'right' });
    if (cells.unit) pdf.text(cells.unit, cols.unit, at, { width: 70, align: 'right' });
    pdf.text(cells.amount, cols.amount, at, { width: 75, align: 'right' });
  };
  y += 60;
  row(y, { description: m.columns.description, quantity: m.columns.quantity, unit: m.columns.unit, amount: m.columns.amount }, true);
  pdf.moveTo(50, y + 12).lineTo(545, y + 12).strokeColor('#cccccc').stroke();
  y += 18;
  for (const line of invoice.lines) {
    if (y > PAGE_BOTTOM) {
      pdf.addPage();
      y = 60;
    }
    const unit = line.unitAmountMinor > 0 ? money(line.unitAmountMinor) + (line.flatAmountMinor > 0 ? ` + ${money(line.flatAmountMinor)}` : '') : undefined;
    row(y, { description: line.description, quantity: new Intl.NumberFormat(locale).format(line.quantity), ...(unit ? { unit } : {}), amount: money(line.amountMinor) });
    y += 14;
  }
  pdf.moveTo(330, y + 2).lineTo(545, y + 2).strokeColor('#cccccc').stroke();
  y += 8;
  row(y, { description: '', quantity: m.subtotal, amount: money(invoice.subtotalMinor) });
  y += 14;
  row(y, { description: '', quantity: `${m.tax} ${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(invoice.taxRateBp / 100)} %`, amount: money(invoice.taxMinor) });
  y += 14;
  row(y, { description: '', quantity: m.total, amount: money(invoice.totalMinor) }, true);
  y += 24;
  const state = invoice.status === 'paid' ? `${m.paid} ${invoice.paidAt ? day(invoice.paidAt, locale) : ''}` : invoice.status === 'void' ? m.void : Number(invoice.creditedMinor) > 0 ? `${m.credited}: ${money(invoice.creditedMinor)}` : null;
  if (state) pdf.fillColor(BRAND).font('Helvetica-Bold').fontSize(11).text(state.trim(), 50, y);
  if (invoice.kind === 'invoice' && invoice.status === 'open') pdf.fillColor('#666666').font('Helvetica').fontSize(8).text(m.payBy, 50, Math.min(y + 20, PAGE_BOTTOM + 20), { width: 495 });
  pdf.end();
  return done;
}
