import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { buttonLink } from '../../../ui/Button.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Page } from '../../../ui/Page.js';
import { SearchBox } from '../../../ui/SearchBox.js';
import { may, useMe } from '../../../workspace/me.js';
import { BillingLinks, FilterLinks } from './BillingLinks.js';
import { formatMoment, formatMonth, isMonth } from './logic.js';
import { billingRunsRoute } from './routes.js';
import { RUN_STATUSES } from './search.js';
import { runStatusLabel, type BillingRun } from './types.js';

const column = createColumnHelper<BillingRun>();

/** Billing runs, newest first; the search box finds the runs of a month (`2025-03`), the status filter is a link. */
export function BillingRunsList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const search = billingRunsRoute.useSearch();
  const navigate = useNavigate();
  const runs = useQuery({
    queryKey: ['finance', 'billing-runs', search],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/billing-runs', { params: { query: { limit: 50, period: search.period, status: search.status, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.data.some((r) => r.status === 'queued' || r.status === 'running') ? 2000 : false),
  });
  const onSearch = useCallback(
    (q: string) => void navigate({ to: '/finance/billing-runs', search: { status: search.status, period: isMonth(q.trim()) ? q.trim() : undefined }, replace: true }),
    [navigate, search.status],
  );
  const columns = [
    column.accessor('period', {
      header: t('finance.billing.period'),
      cell: (c) => (
        <Link to="/finance/billing-runs/$runId" params={{ runId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {formatMonth(c.getValue(), locale)}
        </Link>
      ),
    }),
    column.accessor('status', { header: t('finance.billing.status'), cell: (c) => t(runStatusLabel(c.getValue())) }),
    column.accessor((r) => r.counts.created, { id: 'created', header: t('finance.billing.created') }),
    column.accessor((r) => r.counts.existing, { id: 'existing', header: t('finance.billing.existing') }),
    column.accessor((r) => r.counts.skipped, { id: 'skipped', header: t('finance.billing.skipped') }),
    column.accessor((r) => r.counts.failed, { id: 'failed', header: t('finance.billing.failed') }),
    column.accessor('createdAt', { header: t('finance.billing.requestedAt'), cell: (c) => formatMoment(c.getValue(), locale) }),
  ];
  const next = runs.data?.nextCursor;
  const base = { period: search.period, status: search.status };
  return (
    <Page title={t('finance.billing.runs')} actions={may(me.data, 'finance', 'finance.write') ? <Link to="/finance/billing-runs/new" className={buttonLink}>{t('finance.billing.newBillingRun')}</Link> : null}>
      <BillingLinks />
      <SearchBox value={search.period ?? ''} onSearch={onSearch} />
      <FilterLinks
        label={t('finance.billing.status')}
        to="/finance/billing-runs"
        options={[
          { label: t('finance.billing.all'), search: { ...base, status: undefined }, current: !search.status },
          ...RUN_STATUSES.map((s) => ({ label: t(runStatusLabel(s)), search: { ...base, status: s }, current: search.status === s })),
        ]}
      />
      <DataTable<BillingRun>
        label={t('finance.billing.runs')}
        columns={columns}
        rows={runs.data?.data ?? []}
        isLoading={runs.isLoading}
        error={runs.error instanceof ApiError ? runs.error.problem.detail : runs.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/finance/billing-runs" search={base}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/finance/billing-runs" search={{ ...base, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
