import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { FormattedDate } from 'react-intl';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { tenantsRoute } from './routes.js';
import type { TenantsSearch, TenantStatus } from './search.js';
import { StatusFilter } from './StatusFilter.js';

type TenantRow = operations['control.tenants.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<TenantRow>();

export function TenantsList() {
  const t = useT();
  const api = useApi();
  const search = tenantsRoute.useSearch();
  const navigate = useNavigate();
  const tenants = useQuery({
    queryKey: ['tenants', search],
    queryFn: async () => unwrap(await api.GET('/control/v1/tenants', { params: { query: { limit: 50, q: search.q, status: search.status, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((q: string) => void navigate({ to: '/tenants', search: (prev: TenantsSearch) => ({ q: q || undefined, status: prev.status }), replace: true }), [navigate]);
  const onStatus = useCallback((status: TenantStatus | undefined) => void navigate({ to: '/tenants', search: (prev: TenantsSearch) => ({ q: prev.q, status }) }), [navigate]);
  const columns = [
    column.accessor('name', {
      header: t('tenants.name'),
      cell: (c) => (
        <Link to="/tenants/$tenant" params={{ tenant: c.row.original.slug }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('slug', {
      header: t('tenants.slug'),
      cell: (c) => (
        <a href={`/t/${c.getValue()}/`} className="text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </a>
      ),
    }),
    column.accessor('plan', { header: t('tenants.plan') }),
    column.accessor('status', { header: t('tenants.status'), cell: (c) => t(`tenants.status.${c.getValue()}`) }),
    column.accessor('createdAt', { header: t('tenants.created'), cell: (c) => <FormattedDate value={c.getValue()} /> }),
  ];
  const data = tenants.data?.data ?? [];
  const next = tenants.data?.nextCursor;
  return (
    <Page title={t('console.nav.tenants')} actions={<Link to="/tenants/new" className={buttonLink}>{t('tenants.new')}</Link>}>
      <div className="flex flex-wrap items-center gap-4">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <StatusFilter value={search.status} onChange={onStatus} />
      </div>
      <DataTable<TenantRow>
        label={t('console.nav.tenants')}
        columns={columns}
        rows={data}
        isLoading={tenants.isLoading}
        error={tenants.error instanceof ApiError ? tenants.error.problem.detail : tenants.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/tenants" search={{ q: search.q, status: search.status }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/tenants" search={{ q: search.q, status: search.status, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
