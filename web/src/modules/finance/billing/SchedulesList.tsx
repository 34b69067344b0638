import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useLocale, useT } from '../../../i18n/intl.js';
import { buttonLink } from '../../../ui/Button.js';
import { DataTable } from '../../../ui/DataTable.js';
import { formatMoney } from '../../../ui/money.js';
import { Page } from '../../../ui/Page.js';
import { may, useMe } from '../../../workspace/me.js';
import { BillingLinks, FilterLinks } from './BillingLinks.js';
import { formatMonth } from './logic.js';
import { PropertyName } from './names.js';
import { schedulesRoute } from './routes.js';
import { frequencyLabel, kindLabel, type Schedule } from './types.js';

const column = createColumnHelper<Schedule>();

export function SchedulesList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const search = schedulesRoute.useSearch();
  const schedules = useQuery({
    queryKey: ['finance', 'schedules', search],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/finance/schedules', { params: { query: { limit: 50, kind: search.kind, active: search.active === undefined ? undefined : search.active === 'true', cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const columns = [
    column.accessor('name', {
      header: t('finance.billing.name'),
      cell: (c) => (
        <Link to="/finance/schedules/$scheduleId" params={{ scheduleId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('kind', { header: t('finance.billing.kind'), cell: (c) => t(kindLabel(c.getValue())) }),
    column.accessor('propertyId', { header: t('finance.billing.property'), cell: (c) => (c.getValue() ? <PropertyName id={c.getValue()} /> : t('finance.billing.allProperties')) }),
    column.accessor('budget', {
      header: t('finance.billing.budget'),
      cell: (c) => {
        const budget = c.getValue();
        const frequency = c.row.original.frequency;
        return budget ? `${formatMoney(budget, locale)}${frequency ? ` · ${t(frequencyLabel(frequency))}` : ''}` : t('finance.billing.fromLeases');
      },
    }),
    column.accessor('startPeriod', { header: t('finance.billing.startPeriod'), cell: (c) => formatMonth(c.getValue(), locale) }),
    column.accessor('active', { header: t('finance.billing.active'), cell: (c) => (c.getValue() ? t('finance.billing.yes') : t('finance.billing.paused')) }),
  ];
  const next = schedules.data?.nextCursor;
  const base = { kind: search.kind, active: search.active };
  return (
    <Page title={t('finance.billing.schedules')} actions={may(me.data, 'finance', 'finance.write') ? <Link to="/finance/schedules/new" className={buttonLink}>{t('finance.billing.newSchedule')}</Link> : null}>
      <BillingLinks />
      <FilterLinks
        label={t('finance.billing.kind')}
        options={[
          { label: t('finance.billing.all'), search: { ...base, kind: undefined }, current: !search.kind },
          { label: t('finance.billing.kind.levy'), search: { ...base, kind: 'levy' }, current: search.kind === 'levy' },
          { label: t('finance.billing.kind.rent'), search: { ...base, kind: 'rent' }, current: search.kind === 'rent' },
        ]}
        to="/finance/schedules"
      />
      <FilterLinks
        label={t('finance.billing.active')}
        options={[
          { label: t('finance.billing.all'), search: { ...base, active: undefined }, current: !search.active },
          { label: t('finance.billing.activeOnly'), search: { ...base, active: 'true' }, current: search.active === 'true' },
          { label: t('finance.billing.pausedOnly'), search: { ...base, active: 'false' }, current: search.active === 'false' },
        ]}
        to="/finance/schedules"
      />
      <DataTable<Schedule>
        label={t('finance.billing.schedules')}
        columns={columns}
        rows={schedules.data?.data ?? []}
        isLoading={schedules.isLoading}
        error={schedules.error instanceof ApiError ? schedules.error.problem.detail : schedules.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/finance/schedules" search={base}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/finance/schedules" search={{ ...base, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
