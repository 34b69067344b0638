import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { endpointsRoute } from './routes.js';
import type { Endpoint } from './types.js';

const column = createColumnHelper<Endpoint>();

export function EndpointsList() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const search = endpointsRoute.useSearch();
  const navigate = useNavigate();
  const endpoints = useQuery({
    queryKey: ['webhook-endpoints', { q: search.q, cursor: search.cursor }],
    queryFn: async () => unwrap(await api.GET('/api/v1/webhooks/endpoints', { params: { query: { limit: 100, q: search.q, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((q: string) => void navigate({ to: '/webhooks', search: { q: q || undefined }, replace: true }), [navigate]);
  const columns = [
    column.accessor('url', {
      header: t('webhooks.url'),
      cell: (c) => (
        <Link to="/webhooks/$endpointId" params={{ endpointId: c.row.original.id }} className="font-medium break-all text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('description', { header: t('webhooks.description') }),
    column.accessor('events', { header: t('webhooks.events'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('enabled', { header: t('webhooks.status'), cell: (c) => t(c.getValue() ? 'webhooks.enabled' : 'webhooks.disabled') }),
  ];
  const next = endpoints.data?.nextCursor;
  return (
    <Page title={t('nav.webhooks')} actions={may(me.data, 'webhooks', 'webhooks.write') ? <Link to="/webhooks/new" className={buttonLink}>{t('webhooks.new')}</Link> : null}>
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <DataTable<Endpoint>
        label={t('webhooks.endpoints')}
        columns={columns}
        rows={endpoints.data?.data ?? []}
        isLoading={endpoints.isLoading}
        error={endpoints.error instanceof ApiError ? endpoints.error.problem.detail : endpoints.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/webhooks" search={{ q: search.q }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/webhooks" search={{ q: search.q, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
