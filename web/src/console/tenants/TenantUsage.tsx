import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Chart, FigureTable, UsageBars } from '../billing/Figure.js';
import { dayLabel, formatUsage, usageRange, USAGE_DAYS } from './usage.js';

/** The tenant's usage of each meter over the last 30 days, by day: a chart each, the same figures in a table for screen readers. */
export function TenantUsage({ tenant }: { tenant: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const range = useMemo(() => usageRange(), []);
  const usage = useQuery({
    queryKey: ['usage', tenant, range.from],
    queryFn: async () => unwrap(await api.GET('/control/v1/tenants/{tenant}/usage', { params: { path: { tenant }, query: { granularity: 'day', from: range.from, to: range.to } } })),
  });
  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold">{t('billing.console.usage', { days: USAGE_DAYS })}</h3>
      {usage.error ? <p role="alert" className="text-sm text-red-700">{usage.error instanceof ApiError ? usage.error.problem.detail : t('list.failed')}</p> : null}
      {usage.isLoading ? <p className="text-sm text-slate-600">{t('list.loading')}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {(usage.data?.data ?? []).map((m) => {
          const meter = t(`billing.console.meter.${m.meter}`);
          const total = formatUsage(m.total, m.meter, locale);
          return (
            <figure key={m.meter} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid={`usage-${m.meter}`}>
              <figcaption className="text-sm">
                <span className="font-medium">{meter}</span>{' '}
                <span className="text-slate-600">{t(m.kind === 'counter' ? 'billing.console.usage.sum' : 'billing.console.usage.peak', { total })}</span>
              </figcaption>
              {m.points.length > 0 ? (
                <>
                  <Chart height="h-32">
                    <UsageBars locale={locale} data={m.points.map((p) => ({ name: dayLabel(p.at, locale), value: p.value }))} />
                  </Chart>
                  <FigureTable hidden caption={t('billing.console.usage.table', { meter })} head={[t('billing.console.day'), meter]} rows={m.points.map((p) => [dayLabel(p.at, locale), formatUsage(p.value, m.meter, locale)])} />
                </>
              ) : (
                <p className="text-sm text-slate-500">{t('billing.console.usage.none')}</p>
              )}
            </figure>
          );
        })}
      </div>
    </div>
  );
}
