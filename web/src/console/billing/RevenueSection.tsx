import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { formatMoney } from '../../ui/money.js';
import { Chart, FigureTable, MoneyBars } from './Figure.js';
import { invoicedByMonth, lastMonths, mrrByPlan, monthLabel } from './revenue.js';

const MONTHS = 12;

function usePlanNames() {
  const api = useApi();
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  return (key: string) => plans.data?.data.find((p) => p.key === key)?.name ?? key;
}

/** Monthly recurring revenue now, by plan (a table, and a bar chart of the same figures), then what was invoiced month by month over the last twelve. */
export function RevenueSection() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const planName = usePlanNames();
  const revenue = useQuery({ queryKey: ['billing', 'revenue'], queryFn: async () => unwrap(await api.GET('/control/v1/billing/revenue', { params: { query: { months: MONTHS } } })) });
  const failed = revenue.error ? <p role="alert" className="text-sm text-red-700">{revenue.error instanceof ApiError ? revenue.error.problem.detail : t('list.failed')}</p> : null;
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  const mrr = mrrByPlan(revenue.data?.mrr ?? []);
  const invoiced = invoicedByMonth(revenue.data?.invoiced ?? [], lastMonths(MONTHS));
  const oneCurrency = mrr.totals.length === 1;
  return (
    <>
      <Section title={t('billing.console.mrr')}>
        {failed}
        {revenue.isLoading ? <p className="text-sm text-slate-600">{t('list.loading')}</p> : null}
        {revenue.data && mrr.rows.length === 0 ? <p className="text-sm text-slate-600">{t('billing.console.noMrr')}</p> : null}
        {mrr.rows.length > 0 ? (
          <>
            <FigureTable
              caption={t('billing.console.mrr')}
              head={[t('billing.console.plan'), t('billing.console.subscriptions'), t('billing.console.mrrAmount')]}
              rows={mrr.rows.map((r) => [oneCurrency ? planName(r.planKey) : `${planName(r.planKey)} (${r.currency})`, String(r.subscriptions), money(r.mrrMinor, r.currency)])}
              foot={oneCurrency ? [t('billing.console.total'), String(mrr.totals[0]!.subscriptions), money(mrr.totals[0]!.mrrMinor, mrr.totals[0]!.currency)] : undefined}
            />
            {mrr.totals.map((total) => (
              <Chart key={total.currency} height="h-48">
                <MoneyBars layout="vertical" currency={total.currency} locale={locale} data={mrr.rows.filter((r) => r.currency === total.currency).map((r) => ({ name: planName(r.planKey), amount: r.mrrMinor }))} />
              </Chart>
            ))}
          </>
        ) : null}
      </Section>
      <Section title={t('billing.console.invoiced', { months: MONTHS })}>
        {failed}
        {revenue.data && invoiced.currencies.length === 0 ? <p className="text-sm text-slate-600">{t('billing.console.noInvoiced')}</p> : null}
        {invoiced.currencies.map((currency) => (
          <Chart key={currency}>
            <MoneyBars currency={currency} locale={locale} data={invoiced.months.map((m) => ({ name: monthLabel(m.month, locale), amount: m.amounts[currency] ?? 0 }))} />
          </Chart>
        ))}
        {invoiced.currencies.length > 0 ? (
          <FigureTable
            caption={t('billing.console.invoiced', { months: MONTHS })}
            head={[t('billing.console.month'), ...invoiced.currencies.map((c) => t('billing.console.amountIn', { currency: c }))]}
            rows={invoiced.months.map((m) => [monthLabel(m.month, locale), ...invoiced.currencies.map((c) => money(m.amounts[c] ?? 0, c))])}
          />
        ) : null}
      </Section>
    </>
  );
}
