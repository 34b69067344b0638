import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect } from 'react';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { DataTable } from '../../../ui/DataTable.js';
import { DetailList, Section } from '../../../ui/DetailList.js';
import { formatMoney } from '../../../ui/money.js';
import { Page } from '../../../ui/Page.js';
import { FilterLinks } from './BillingLinks.js';
import { formatDay, formatMoment, formatMonth, progressOf } from './logic.js';
import { MemberName, UnitLabel } from './names.js';
import { billingRunRoute } from './routes.js';
import { ITEM_STATUSES } from './search.js';
import { itemStatusLabel, reasonLabel, runStatusLabel, type RunItem } from './types.js';

const column = createColumnHelper<RunItem>();
const done = (status: string | undefined) => status === 'completed' || status === 'failed';

/** A run's progress, polled until it is done, then what it created and skipped (its items, paged). */
export function BillingRunPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const queries = useQueryClient();
  const { runId } = billingRunRoute.useParams();
  const search = billingRunRoute.useSearch();
  const run = useQuery({
    queryKey: ['finance', 'billing-runs', 'one', runId],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/billing-runs/{id}', { params: { path: { id: runId } } })),
    refetchInterval: (q) => (q.state.data && done(q.state.data.status) ? false : 1000),
  });
  const status = run.data?.status;
  const items = useQuery({
    queryKey: ['finance', 'billing-runs', 'items', runId, search, status],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/billing-runs/{id}/items', { params: { path: { id: runId }, query: { limit: 100, status: search.status, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
    enabled: Boolean(status && status !== 'queued'),
  });
  useEffect(() => {
    // A run that has finished changed charges, the members' balances and the runs list.
    if (done(status)) {
      void queries.invalidateQueries({ queryKey: ['finance', 'billing-runs'], exact: false, predicate: (q) => q.queryKey[2] !== 'one' && q.queryKey[2] !== 'items' });
      void queries.invalidateQueries({ queryKey: ['finance', 'charges'] });
      void queries.invalidateQueries({ queryKey: ['balance'] });
    }
  }, [status, queries]);
  if (run.error) return <Page title={t('page.notFound')}>{run.error instanceof ApiError ? run.error.problem.detail : t('list.failed')}</Page>;
  const r = run.data;
  if (!r) return <Page title={t('list.loading')}>{null}</Page>;
  const progress = progressOf(r);
  const money = (amount: number | null, currency: string | null) => (amount !== null && currency ? formatMoney({ amount, currency }, locale) : '—');
  const columns = [
    column.accessor('seq', { header: '#' }),
    column.accessor('status', { header: t('finance.billing.status'), cell: (c) => t(itemStatusLabel(c.getValue())) }),
    column.accessor('memberId', { header: t('finance.billing.member'), cell: (c) => <MemberName id={c.getValue()} /> }),
    column.accessor('unitId', { header: t('finance.billing.unit'), cell: (c) => <UnitLabel id={c.getValue()} /> }),
    column.accessor('description', { header: t('finance.billing.description'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('dueDate', { header: t('finance.billing.dueDate'), cell: (c) => formatDay(c.getValue(), locale) }),
    column.accessor('amount', { header: t('finance.billing.amount'), cell: (c) => money(c.getValue(), c.row.original.currency) }),
    column.accessor('reason', {
      header: t('finance.billing.reason'),
      cell: (c) => {
        const label = reasonLabel(c.getValue());
        const detail = c.row.original.detail;
        return [label ? t(label) : c.getValue(), detail].filter(Boolean).join(': ');
      },
    }),
  ];
  const next = items.data?.nextCursor;
  return (
    <Page title={t('finance.billing.runTitle', { period: formatMonth(r.period, locale) })} actions={<Link to="/finance/billing-runs">{t('finance.billing.runs')}</Link>}>
      <Section title={t('finance.billing.progress')}>
        <div className="max-w-xl space-y-2">
          <div
            role="progressbar"
            aria-label={t('finance.billing.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            aria-valuetext={t('finance.billing.progressText', { percent: progress, status: t(runStatusLabel(r.status)) })}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className={`h-full ${r.status === 'failed' ? 'bg-red-700' : 'bg-brand'} transition-[width]`} style={{ width: `${progress}%` }} />
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {t('finance.billing.progressText', { percent: progress, status: t(runStatusLabel(r.status)) })}
          </p>
        </div>
        <DetailList
          items={[
            { term: t('finance.billing.status'), value: t(runStatusLabel(r.status)) },
            { term: t('finance.billing.planned'), value: String(r.counts.planned) },
            { term: t('finance.billing.created'), value: String(r.counts.created) },
            { term: t('finance.billing.existing'), value: String(r.counts.existing) },
            { term: t('finance.billing.skipped'), value: String(r.counts.skipped) },
            { term: t('finance.billing.failed'), value: String(r.counts.failed) },
            { term: t('finance.billing.pending'), value: String(r.counts.pending) },
            { term: t('finance.billing.requestedAt'), value: formatMoment(r.createdAt, locale) },
            { term: t('finance.billing.startedAt'), value: formatMoment(r.startedAt, locale) },
            { term: t('finance.billing.finishedAt'), value: formatMoment(r.finishedAt, locale) },
          ]}
        />
        {r.errors.length > 0 ? (
          <ul role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {r.errors.map((e, i) => (
              <li key={i}>{e.naturalKey ? `${e.naturalKey}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section title={t('finance.billing.items')}>
        <FilterLinks
          label={t('finance.billing.status')}
          to={`/finance/billing-runs/${r.id}`}
          options={[
            { label: t('finance.billing.all'), search: { status: undefined }, current: !search.status },
            ...ITEM_STATUSES.map((s) => ({ label: t(itemStatusLabel(s)), search: { status: s }, current: search.status === s })),
          ]}
        />
        <DataTable<RunItem>
          label={t('finance.billing.items')}
          columns={columns}
          rows={items.data?.data ?? []}
          isLoading={items.isLoading || r.status === 'queued'}
          error={items.error instanceof ApiError ? items.error.problem.detail : items.error ? t('list.failed') : null}
          pager={{
            first: search.cursor ? <Link to="/finance/billing-runs/$runId" params={{ runId: r.id }} search={{ status: search.status }}>{t('list.first')}</Link> : null,
            next: next ? <Link to="/finance/billing-runs/$runId" params={{ runId: r.id }} search={{ status: search.status, cursor: next }}>{t('list.next')}</Link> : null,
          }}
        />
      </Section>
    </Page>
  );
}
