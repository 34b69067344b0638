import type { Branding } from '../../../kernel/context.js';
import { formatMoney as formatMoneyIn } from '../../../kernel/i18n/format.js';
import type { Locale } from '../../../kernel/i18n/locale.js';
import { fill, statementMessages } from './statement.messages.js';
import type { Statement } from './statements.js';

export interface StatementDocument {
  tenant: { name: string; branding: Branding };
  member: { name: string; email: string | null };
  statement: Statement;
  generatedAt: Date;
  /** The language it is written in: the requester's (English for the monthly run). */
  locale?: Locale;
}

/** Minor units as the currency writes them (two decimals for EUR, none for JPY), in `locale`. */
export const formatMoney = (minor: number, currency: string, locale: Locale = 'en'): string => formatMoneyIn(minor, currency, locale);

const HEX = /^#[0-9a-fA-F]{6}$/;
const PAGE_BOTTOM = 780;

/**
 * The statement as an A4 PDF in the tenant's colours: the member's address block, then per
 * currency the opening balance, every movement with its running balance, and the closing
 * balance. Its creation date is `generatedAt`, so the same statement renders the same bytes.
 */
export async function renderStatementPdf(doc: StatementDocument): Promise<Buffer> {
  // Loaded at the first statement: pdfkit and its fonts cost about 12 MB of every process's memory.
  const { default: PDFDocument } = await import('pdfkit');
  const { statement, tenant, member } = doc;
  const locale = doc.locale ?? 'en';
  const m = statementMessages[locale];
  const heading = fill(m.title, { from: m.day(statement.from), to: m.day(statement.to) });
  const title = tenant.branding.displayName ?? tenant.name;
  const colour = tenant.branding.primaryColor && HEX.test(tenant.branding.primaryColor) ? tenant.branding.primaryColor : '#1f4e79';
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: heading, Author: title, CreationDate: doc.generatedAt } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const columns = { date: 50, description: 120, charges: 330, credits: 405, balance: 480 };
  const row = (y: number, cells: { date?: string; description: string; charges?: string; credits?: string; balance?: string }, bold = false) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor('#222222');
    if (cells.date) pdf.text(cells.date, columns.date, y, { width: 65 });
    pdf.text(cells.description, columns.description, y, { width: 200, ellipsis: true, height: 12 });
    for (const key of ['charges', 'credits', 'balance'] as const) if (cells[key]) pdf.text(cells[key], columns[key], y, { width: 65, align: 'right' });
  };
  const header = () => {
    pdf.rect(0, 0, pdf.page.width, 8).fill(colour);
    pdf.fillColor(colour).font('Helvetica-Bold').fontSize(18).text(title, 50, 30);
    pdf.fillColor('#222222').font('Helvetica').fontSize(10).text(heading, 50, 54);
  };

  header();
  pdf.font('Helvetica-Bold').fontSize(11).text(member.name, 50, 90);
  if (member.email) pdf.font('Helvetica').fontSize(9).text(member.email, 50, 105);
  let y = 135;
  if (statement.currencies.length === 0) pdf.font('Helvetica').fontSize(10).text(m.nothing, 50, y);
  for (const c of statement.currencies) {
    const money = (minor: number) => formatMoney(minor, c.currency, locale);
    pdf.fillColor(colour).font('Helvetica-Bold').fontSize(11).text(c.currency, 50, y);
    y += 18;
    pdf.moveTo(50, y + 11).lineTo(545, y + 11).strokeColor('#cccccc').stroke();
    row(y, m.columns, true);
    y += 16;
    row(y, { date: m.day(statement.from), description: m.opening, balance: money(c.opening) });
    y += 14;
    for (const line of c.lines) {
      if (y > PAGE_BOTTOM) {
        pdf.addPage();
        header();
        y = 90;
      }
      row(y, { date: m.day(line.date), description: line.description, ...(line.amount > 0 ? { charges: money(line.amount) } : { credits: money(-line.amount) }), balance: money(line.balance) });
      y += 14;
    }
    pdf.moveTo(50, y + 2).lineTo(545, y + 2).strokeColor('#cccccc').stroke();
    y += 6;
    row(y, { date: m.day(statement.to), description: c.closing > 0 ? m.closingToPay : c.closing < 0 ? m.closingInCredit : m.closing, charges: money(c.charges), credits: money(c.credits), balance: money(c.closing) }, true);
    y += 30;
  }
  if (tenant.branding.supportEmail) pdf.font('Helvetica').fontSize(8).fillColor('#666666').text(fill(m.questions, { email: tenant.branding.supportEmail }), 50, Math.min(y + 10, PAGE_BOTTOM + 20));
  pdf.end();
  return done;
}
