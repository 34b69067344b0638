import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatTimestamp } from '../../ui/dates.js';
import { formatMoney } from '../../ui/money.js';

const SHOWN = 10;

/** The tenant's latest invoices and credit notes, each linked to its page (the rest are on the invoices list, filtered to the tenant). */
export function TenantInvoices({ tenant }: { tenant: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const invoices = useQuery({ queryKey: ['invoices', { tenant, limit: SHOWN }], queryFn: async () => unwrap(await api.GET('/control/v1/invoices', { params: { query: { tenant, limit: SHOWN } } })) });
  const rows = invoices.data?.data ?? [];
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold">{t('billing.console.tenantInvoices')}</h3>
      {invoices.error ? <p role="alert" className="text-sm text-red-700">{invoices.error instanceof ApiError ? invoices.error.problem.detail : t('list.failed')}</p> : null}
      <table className="w-full max-w-4xl text-left text-sm" data-testid="tenant-invoices">
        <caption className="sr-only">{t('billing.console.tenantInvoices')}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{t('invoices.number')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('invoices.kind')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('invoices.status')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('invoices.issued')}</th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">{t('invoices.total')}</th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">{t('invoices.due')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id} className="border-t border-slate-100">
              <td className="py-1 pr-4"><Link to="/invoices/$id" params={{ id: i.id }} className="font-medium text-brand underline-offset-2 hover:underline">{i.number}</Link></td>
              <td className="py-1 pr-4">{t(`invoices.kind.${i.kind}`)}</td>
              <td className="py-1 pr-4">{t(`invoices.status.${i.status}`)}</td>
              <td className="py-1 pr-4">{formatTimestamp(i.issuedAt, locale)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatMoney({ amount: i.totalMinor, currency: i.currency }, locale)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatMoney({ amount: i.amountDueMinor, currency: i.currency }, locale)}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr><td colSpan={6} className="py-3 text-slate-500">{invoices.isLoading ? t('list.loading') : t('billing.console.noInvoices')}</td></tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
