import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { apiKeysRoute } from './routes.js';
import type { ApiKey } from './types.js';

const column = createColumnHelper<ApiKey>();
const isPast = (at: string | Date | null) => at !== null && new Date(at).getTime() <= Date.now();

export function ApiKeysList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const queries = useQueryClient();
  const search = apiKeysRoute.useSearch();
  const navigate = useNavigate();
  const keys = useQuery({
    queryKey: ['api-keys', { q: search.q, cursor: search.cursor }],
    queryFn: async () => unwrap(await api.GET('/api/v1/api-keys', { params: { query: { limit: 100, q: search.q, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((q: string) => void navigate({ to: '/api-keys', search: { q: q || undefined }, replace: true }), [navigate]);
  const when = (at: string | Date | null) => (at ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)) : t('api-keys.never'));
  const status = (k: ApiKey) => (k.revokedAt ? t('api-keys.revoked') : isPast(k.expiresAt) ? t('api-keys.expired') : t('api-keys.active'));
  const columns = [
    column.accessor('name', { header: t('api-keys.name'), cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    column.accessor('prefix', { header: t('api-keys.prefix'), cell: (c) => <code className="font-mono text-xs">{c.getValue()}…</code> }),
    column.accessor('permissions', { header: t('api-keys.permissions'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('createdAt', { header: t('api-keys.createdAt'), cell: (c) => when(c.getValue()) }),
    column.accessor('expiresAt', { header: t('api-keys.expiry'), cell: (c) => when(c.getValue()) }),
    column.accessor('lastUsedAt', { header: t('api-keys.lastUsed'), cell: (c) => when(c.getValue()) }),
    column.display({ id: 'status', header: t('api-keys.status'), cell: (c) => status(c.row.original) }),
    column.display({
      id: 'actions',
      header: t('api-keys.actions'),
      cell: (c) =>
        c.row.original.revokedAt ? null : (
          <ConfirmAction
            label={t('api-keys.revoke')}
            title={t('api-keys.revoke.title')}
            description={t('api-keys.revoke.description', { name: c.row.original.name })}
            confirmLabel={t('api-keys.revokeNamed', { name: c.row.original.name })}
            variant="danger"
            run={(headers) => api.DELETE('/api/v1/api-keys/{id}', { headers, params: { path: { id: c.row.original.id } } })}
            onDone={() => void queries.invalidateQueries({ queryKey: ['api-keys'] })}
          />
        ),
    }),
  ];
  const next = keys.data?.nextCursor;
  return (
    <Page title={t('nav.apiKeys')} actions={<Link to="/api-keys/new" className={buttonLink}>{t('api-keys.new')}</Link>}>
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <DataTable<ApiKey>
        label={t('api-keys.keys')}
        columns={columns}
        rows={keys.data?.data ?? []}
        isLoading={keys.isLoading}
        error={keys.error instanceof ApiError ? keys.error.problem.detail : keys.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/api-keys" search={{ q: search.q }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/api-keys" search={{ q: search.q, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
