import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ApiKeyTable } from '../../ui/ApiKeyTable.js';
import { buttonLink } from '../../ui/Button.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { apiKeysRoute } from './routes.js';

export function ApiKeysList() {
  const t = useT();
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
  const next = keys.data?.nextCursor;
  return (
    <Page title={t('nav.apiKeys')} actions={<Link to="/api-keys/new" className={buttonLink}>{t('api-keys.new')}</Link>}>
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <ApiKeyTable
        rows={keys.data?.data ?? []}
        isLoading={keys.isLoading}
        error={keys.error instanceof ApiError ? keys.error.problem.detail : keys.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/api-keys" search={{ q: search.q }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/api-keys" search={{ q: search.q, cursor: next }}>{t('list.next')}</Link> : null,
        }}
        revoke={(id, headers) => api.DELETE('/api/v1/api-keys/{id}', { headers, params: { path: { id } } })}
        onRevoked={() => void queries.invalidateQueries({ queryKey: ['api-keys'] })}
      />
    </Page>
  );
}
