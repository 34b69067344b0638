import { Link } from '@tanstack/react-router';
import { useT, type MessageId } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';

export const REPORTS: { id: 'trial-balance' | 'arrears' | 'income' | 'collections'; label: MessageId; text: MessageId }[] = [
  { id: 'trial-balance', label: 'finance.report.trialBalance', text: 'finance.report.trialBalanceText' },
  { id: 'arrears', label: 'finance.report.arrears', text: 'finance.report.arrearsText' },
  { id: 'income', label: 'finance.report.income', text: 'finance.report.incomeText' },
  { id: 'collections', label: 'finance.report.collections', text: 'finance.report.collectionsText' },
];

export function Reports() {
  const t = useT();
  return (
    <Page title={t('finance.reports')} actions={<Link to="/finance">{t('nav.finance')}</Link>}>
      <ul className="grid gap-3 sm:grid-cols-2">
        {REPORTS.map((r) => (
          <li key={r.id}>
            <Link to="/finance/reports/$report" params={{ report: r.id }} className="block h-full rounded-lg border border-slate-200 bg-white p-4 outline-none hover:border-brand focus-visible:ring-2 focus-visible:ring-brand">
              <span className="font-semibold text-brand">{t(r.label)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(r.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
