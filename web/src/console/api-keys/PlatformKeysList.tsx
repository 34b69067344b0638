import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ApiKeyTable } from '../../ui/ApiKeyTable.js';
import { buttonLink } from '../../ui/Button.js';
import { Page } from '../../ui/Page.js';
import { platformKeysRoute } from './routes.js';

/** The operators' API keys (`cyp_…`, for the control plane), newest first. */
export function PlatformKeysList() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { cursor } = platformKeysRoute.useSearch();
  const keys = useQuery({
    queryKey: ['platform-keys', cursor],
    queryFn: async () => unwrap(await api.GET('/control/v1/api-keys', { params: { query: { limit: 100, cursor } } })),
    placeholderData: keepPreviousData,
  });
  const next = keys.data?.nextCursor;
  return (
    <Page title={t('console.apiKeys.title')} actions={<Link to="/api-keys/new" className={buttonLink}>{t('api-keys.new')}</Link>}>
      <p className="max-w-3xl text-sm text-slate-600">{t('console.apiKeys.help')}</p>
      <ApiKeyTable
        rows={keys.data?.data ?? []}
        isLoading={keys.isLoading}
        error={keys.error instanceof ApiError ? keys.error.problem.detail : keys.error ? t('list.failed') : null}
        pager={{
          first: cursor ? <Link to="/api-keys">{t('list.first')}</Link> : null,
          next: next ? <Link to="/api-keys" search={{ cursor: next }}>{t('list.next')}</Link> : null,
        }}
        revoke={(id, headers) => api.DELETE('/control/v1/api-keys/{id}', { headers, params: { path: { id } } })}
        onRevoked={() => void queries.invalidateQueries({ queryKey: ['platform-keys'] })}
      />
    </Page>
  );
}
