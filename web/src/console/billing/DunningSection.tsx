import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatTimestamp } from '../../ui/dates.js';
import { Section } from '../../ui/DetailList.js';
import type { Subscription } from './types.js';

/** A tenant named by its registry entry (the subscriptions carry its id only), linked to its page. */
function TenantLink({ id }: { id: string }) {
  const api = useApi();
  const tenant = useQuery({ queryKey: ['tenant-name', id], queryFn: async () => unwrap(await api.GET('/control/v1/tenants/{tenant}', { params: { path: { tenant: id } } })), staleTime: 60_000 });
  return (
    <Link to="/tenants/$tenant" params={{ tenant: tenant.data?.slug ?? id }} className="font-medium text-brand underline-offset-2 hover:underline">
      {tenant.data?.name ?? id}
    </Link>
  );
}

/** The tenants whose oldest unpaid invoice has them in dunning: reminded, in grace, read-only or suspended. */
export function DunningSection() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const subs = useQuery({ queryKey: ['billing', 'dunning'], queryFn: async () => unwrap(await api.GET('/control/v1/billing/subscriptions', { params: { query: { dunning: true } } })) });
  const rows: Subscription[] = subs.data?.data ?? [];
  return (
    <Section title={t('billing.console.dunningTitle')}>
      <p className="max-w-prose text-sm text-slate-600">{t('billing.console.dunningHelp')}</p>
      {subs.error ? <p role="alert" className="text-sm text-red-700">{subs.error instanceof ApiError ? subs.error.problem.detail : t('list.failed')}</p> : null}
      <table className="w-full max-w-4xl text-left text-sm" data-testid="dunning">
        <caption className="sr-only">{t('billing.console.dunningTitle')}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{t('billing.console.tenant')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('billing.console.status')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('billing.console.dunning')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('billing.console.periodEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.tenantId} className="border-t border-slate-100">
              <td className="py-1 pr-4"><TenantLink id={s.tenantId} /></td>
              <td className="py-1 pr-4">{t(`billing.console.status.${s.status}`)}</td>
              <td className="py-1 pr-4">{s.dunning ? t(`billing.console.dunning.${s.dunning}`) : '—'}</td>
              <td className="py-1 pr-4">{formatTimestamp(s.periodEnd, locale)}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-3 text-slate-500">{subs.isLoading ? t('list.loading') : t('billing.console.noDunning')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </Section>
  );
}
