import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatMoney } from '../../ui/money.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { FilterSelect } from '../properties/FilterSelect.js';
import { formatDay } from '../properties/format.js';
import { secondaryLink, textLink } from '../properties/styles.js';
import { useNames } from './names.js';
import { leasesRoute } from './routes.js';
import { frequencyLabel, LEASE_STATUSES, parseLeaseStatus, statusLabel, type Lease } from './types.js';

interface Row {
  lease: Lease;
  unit: string;
  renters: string;
}
const column = createColumnHelper<Row>();

/** The leases, newest start first, by status and the search box's text (unit label or renter name), both in the URL. */
export function LeasesList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const search = leasesRoute.useSearch();
  const navigate = useNavigate();
  const leases = useQuery({
    queryKey: ['leases', { q: search.q, status: search.status, cursor: search.cursor }],
    queryFn: async () => unwrap(await api.GET('/api/v1/leases', { params: { query: { limit: 50, q: search.q, status: search.status, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const data = leases.data?.data ?? [];
  const names = useNames(data.map((l) => l.unitId), data.flatMap((l) => l.renterIds));
  const status = search.status;
  const onSearch = useCallback((q: string) => void navigate({ to: '/leases', search: { status, q: q || undefined }, replace: true }), [navigate, status]);
  const rows: Row[] = data.map((lease) => ({ lease, unit: names.unitLabel(lease.unitId), renters: lease.renterIds.map(names.memberName).join(', ') }));
  const columns = [
    column.accessor('unit', {
      header: t('leases.unit'),
      cell: (c) => <Link to="/leases/$leaseId" params={{ leaseId: c.row.original.lease.id }} className={textLink}>{t('leases.leaseOf', { unit: c.getValue() })}</Link>,
    }),
    column.accessor('renters', { header: t('leases.renters') }),
    column.accessor((r) => r.lease.startDate, { id: 'start', header: t('leases.startDate'), cell: (c) => formatDay(c.getValue(), locale) }),
    column.accessor((r) => r.lease.endDate, { id: 'end', header: t('leases.endDate'), cell: (c) => (c.getValue() ? formatDay(c.getValue(), locale) : t('leases.periodicShort')) }),
    column.accessor((r) => r.lease.rent, { id: 'rent', header: t('leases.rent'), cell: (c) => `${formatMoney(c.getValue(), locale)} ${t(frequencyLabel(c.row.original.lease.frequency))}` }),
    column.accessor((r) => r.lease.status, { id: 'status', header: t('leases.status'), cell: (c) => t(statusLabel(c.getValue())) }),
  ];
  const next = leases.data?.nextCursor;
  const canCreate = may(me.data, 'leases', 'leases.write');
  return (
    <Page
      title={t('nav.leases')}
      actions={
        <>
          <Link to="/leases/rent-roll" search={{}} className={secondaryLink}>{t('leases.rentRoll.title')}</Link>
          {canCreate ? <Link to="/leases/new" search={{}} className={buttonLink}>{t('leases.new')}</Link> : null}
        </>
      }
    >
      <div className="flex flex-wrap items-end gap-4">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <FilterSelect
          label={t('leases.status')}
          value={search.status ?? ''}
          options={[{ id: '', label: t('leases.status.all') }, ...LEASE_STATUSES.map((s) => ({ id: s, label: t(statusLabel(s)) }))]}
          onChange={(v) => void navigate({ to: '/leases', search: { q: search.q, status: parseLeaseStatus(v) }, replace: true })}
        />
      </div>
      <DataTable<Row>
        label={t('nav.leases')}
        columns={columns}
        rows={rows}
        isLoading={leases.isLoading}
        error={leases.error instanceof ApiError ? leases.error.problem.detail : leases.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/leases" search={{ q: search.q, status: search.status }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/leases" search={{ q: search.q, status: search.status, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
