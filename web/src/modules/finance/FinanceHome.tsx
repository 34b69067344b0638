import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { asJson, SimpleTable } from './shared.js';

/** Finance's own pages and billing's (branch h11-finance-b), as a sub-navigation. */
export const FINANCE_PAGES: { to: string; label: MessageId; text: MessageId }[] = [
  { to: '/finance/charges', label: 'finance.charges', text: 'finance.home.charges' },
  { to: '/finance/payments', label: 'finance.payments', text: 'finance.home.payments' },
  { to: '/finance/statements', label: 'finance.statements', text: 'finance.home.statements' },
  { to: '/finance/reports', label: 'finance.reports', text: 'finance.home.reports' },
  { to: '/finance/billing-runs', label: 'finance.home.billingRuns', text: 'finance.home.billingRunsText' },
  { to: '/finance/schedules', label: 'finance.home.schedules', text: 'finance.home.schedulesText' },
  { to: '/finance/late-fees', label: 'finance.home.lateFees', text: 'finance.home.lateFeesText' },
  { to: '/finance/bank-imports', label: 'finance.home.bankImports', text: 'finance.home.bankImportsText' },
  { to: '/finance/stripe', label: 'finance.home.stripe', text: 'finance.home.stripeText' },
];

export function FinanceHome() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const arrears = useQuery({ queryKey: ['finance', 'reports', 'arrears', { groupBy: 'member' }], queryFn: async () => asJson(unwrap(await api.GET('/api/v1/finance/reports/arrears', { params: { query: { groupBy: 'member' } } }))) });
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  const top = [...(arrears.data?.rows ?? [])].filter((r) => r.total > 0).sort((a, b) => b.total - a.total).slice(0, 10);
  return (
    <Page title={t('nav.finance')}>
      <nav aria-label={t('nav.finance')}>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {FINANCE_PAGES.map((p) => (
            <li key={p.to}>
              <Link to={p.to} className="block h-full rounded-lg border border-slate-200 bg-white p-4 outline-none hover:border-brand focus-visible:ring-2 focus-visible:ring-brand">
                <span className="font-semibold text-brand">{t(p.label)}</span>
                <span className="mt-1 block text-sm text-slate-600">{t(p.text)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Section title={t('finance.home.arrears')} actions={<Link to="/finance/reports/$report" params={{ report: 'arrears' }}>{t('finance.home.arrearsReport')}</Link>}>
        {arrears.error ? <p role="alert">{arrears.error instanceof ApiError ? arrears.error.problem.detail : t('list.failed')}</p> : null}
        {arrears.data ? (
          <>
            <ul className="flex flex-wrap gap-3">
              {arrears.data.totals.map((total) => (
                <li key={total.currency} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
                  <span className="block text-sm text-slate-600">{t('finance.home.owed', { currency: total.currency })}</span>
                  <span className="text-xl font-semibold tabular-nums">{money(total.total, total.currency)}</span>
                  <span className="block text-xs text-slate-600">{t('finance.home.overdue', { amount: money(total.total - total.current, total.currency) })}</span>
                </li>
              ))}
            </ul>
            <SimpleTable
              label={t('finance.home.arrears')}
              head={[t('finance.member'), t('finance.report.current'), t('finance.report.days1to30'), t('finance.report.days31to60'), t('finance.report.days61to90'), t('finance.report.over90'), t('finance.report.total')]}
              rows={top.map((r) => [r.id ? <Link to="/members/$memberId" params={{ memberId: r.id }} className="text-brand underline-offset-2 hover:underline">{r.name ?? r.id}</Link> : (r.name ?? '—'), ...[r.current, r.days1to30, r.days31to60, r.days61to90, r.over90, r.total].map((v) => money(v, r.currency))])}
              empty={t('finance.home.noArrears')}
            />
          </>
        ) : arrears.isLoading ? (
          <p>{t('list.loading')}</p>
        ) : null}
      </Section>
    </Page>
  );
}
