import { useLocale, useT } from '../../i18n/intl.js';
import { formatMoney } from '../../ui/money.js';
import type { Invoice } from './types.js';

/** The invoice's lines (the plan's base price, each metered component), then its totals. */
export function InvoiceLines({ invoice }: { invoice: Invoice }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);
  const number = new Intl.NumberFormat(locale);
  const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(invoice.taxRateBp / 10_000);
  const cell = 'py-1.5 pr-4 text-right tabular-nums';
  const totals: [string, number][] = [
    [t('invoices.subtotal'), invoice.subtotalMinor],
    [t('invoices.tax', { rate }), invoice.taxMinor],
    [t('invoices.total'), invoice.totalMinor],
    ...(invoice.creditedMinor ? [[t('invoices.credited'), -invoice.creditedMinor] as [string, number]] : []),
    ...(invoice.kind === 'invoice' ? [[t('invoices.amountDue'), invoice.amountDueMinor] as [string, number]] : []),
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('invoices.lines')}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1.5 pr-4 font-medium">{t('invoices.description')}</th>
            <th scope="col" className="py-1.5 pr-4 text-right font-medium">{t('invoices.usage')}</th>
            <th scope="col" className="py-1.5 pr-4 text-right font-medium">{t('invoices.quantity')}</th>
            <th scope="col" className="py-1.5 pr-4 text-right font-medium">{t('invoices.unitAmount')}</th>
            <th scope="col" className="py-1.5 pr-4 text-right font-medium">{t('invoices.flatAmount')}</th>
            <th scope="col" className="py-1.5 pr-4 text-right font-medium">{t('invoices.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, i) => (
            <tr key={i} className="border-t border-slate-100">
              <th scope="row" className="py-1.5 pr-4 font-normal">{line.description}</th>
              <td className={cell}>{line.usage === null ? '—' : number.format(line.usage)}</td>
              <td className={cell}>{number.format(line.quantity)}</td>
              <td className={cell}>{money(line.unitAmountMinor)}</td>
              <td className={cell}>{line.flatAmountMinor ? money(line.flatAmountMinor) : '—'}</td>
              <td className={cell}>{money(line.amountMinor)}</td>
            </tr>
          ))}
          {invoice.lines.length === 0 ? (
            <tr><td colSpan={6} className="py-3 text-slate-500">{t('invoices.noLines')}</td></tr>
          ) : null}
        </tbody>
        <tfoot>
          {totals.map(([label, amount], i) => (
            <tr key={label} className={i === 0 ? 'border-t-2 border-slate-300' : ''}>
              <th scope="row" colSpan={5} className="py-1 pr-4 text-right font-medium">{label}</th>
              <td className={`${cell} ${i >= 2 ? 'font-semibold' : ''}`}>{money(amount)}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
