import { lazy, Suspense } from 'react';
import { ApiError } from '../../api/problem.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { useUsage, type Subscription, type UsageSeries } from './api.js';
import { dailySeries, formatQuantity, limitOf, meterName, METERS } from './words.js';

// recharts is a chunk of its own, fetched by this page only and after its figures are shown.
const UsageChart = lazy(() => import('./UsageChart.js').then((m) => ({ default: m.UsageChart })));

const cell = 'px-3 py-2';

/** One meter's use over the period: a chart for the eyes, the same figures as a table for screen readers. */
function MeterChart({ series, from, to }: { series: UsageSeries; from: string; to: string }) {
  const t = useT();
  const { locale } = useLocale();
  const name = meterName(t, series.meter);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const data = dailySeries(series.kind, series.points, from, to).map((p) => ({ label: day.format(new Date(`${p.day}T00:00:00Z`)), value: p.value }));
  const format = (value: number) => formatQuantity(series.meter, value, locale);
  const id = `usage-${series.meter}`;
  return (
    <section aria-labelledby={id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`usage-chart-${series.meter}`}>
      <h3 id={id} className="font-semibold">{name}</h3>
      <p className="text-sm text-slate-600">{t(series.kind === 'counter' ? 'billing.account.usage.counterTotal' : 'billing.account.usage.gaugeTotal', { total: format(series.total) })}</p>
      {series.points.length === 0 ? (
        <p className="text-sm text-slate-600">{t('billing.account.usage.nothing')}</p>
      ) : (
        <>
          <div aria-hidden="true" inert className="h-40 w-full" data-testid="chart">
            <Suspense fallback={null}>
              <UsageChart kind={series.kind} data={data} format={format} />
            </Suspense>
          </div>
          <table className="sr-only">
            <caption>{t('billing.account.usage.chartData', { meter: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('billing.account.usage.day')}</th>
                <th scope="col">{t(series.kind === 'counter' ? 'billing.account.usage.used' : 'billing.account.usage.level')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.label}>
                  <th scope="row">{d.label}</th>
                  <td>{format(d.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** What the community has used this period, per meter, beside what the plan includes and allows. */
export function UsageSection({ subscription, limits }: { subscription: Subscription; limits: Record<string, number | null> | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const usage = useUsage(subscription.periodStart);
  const series = METERS.flatMap((m) => usage.data?.data.filter((s) => s.meter === m) ?? []);
  const included = (meter: string) => subscription.terms.components.find((c) => c.meter === meter)?.included;
  const limit = (meter: string) => {
    const value = limitOf(limits, meter);
    return value === undefined ? '—' : value === null ? t('billing.account.usage.noLimit') : formatQuantity(meter, value, locale);
  };
  return (
    <Section title={t('billing.account.usage')}>
      {usage.error ? <p role="alert" className="text-sm text-red-700">{usage.error instanceof ApiError ? usage.error.problem.detail : t('billing.account.failed')}</p> : null}
      {usage.isLoading ? <p className="text-sm text-slate-600">{t('billing.account.loading')}</p> : null}
      {usage.data ? (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('billing.account.usage.table')}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className={cell}>{t('billing.account.usage.meter')}</th>
                  <th scope="col" className={cell}>{t('billing.account.usage.thisPeriod')}</th>
                  <th scope="col" className={cell}>{t('billing.account.usage.included')}</th>
                  <th scope="col" className={cell}>{t('billing.account.usage.limit')}</th>
                </tr>
              </thead>
              <tbody>
                {series.map((s) => {
                  const free = included(s.meter);
                  return (
                    <tr key={s.meter} className="border-t border-slate-100">
                      <th scope="row" className={`${cell} font-medium`}>{meterName(t, s.meter)}</th>
                      <td className={`${cell} tabular-nums`}>{formatQuantity(s.meter, s.total, locale)}</td>
                      <td className={`${cell} tabular-nums`}>{free === undefined ? '—' : formatQuantity(s.meter, free, locale)}</td>
                      <td className={`${cell} tabular-nums`}>{limit(s.meter)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-600">{t('billing.account.usage.note')}</p>
          <div className="grid gap-4 md:grid-cols-2">
            {series.map((s) => <MeterChart key={s.meter} series={s} from={usage.data.from} to={usage.data.to} />)}
          </div>
        </>
      ) : null}
    </Section>
  );
}
