import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Page } from '../../ui/Page.js';
import { operatorWebhooksRoute } from './routes.js';
import type { OperatorEndpoint } from './types.js';

const column = createColumnHelper<OperatorEndpoint>();

/** The operator's webhook endpoints: where the control plane's events (invoices, subscriptions, tenants) are sent. */
export function WebhooksList() {
  const t = useT();
  const api = useApi();
  const { cursor } = operatorWebhooksRoute.useSearch();
  const endpoints = useQuery({
    queryKey: ['operator-webhooks', cursor],
    queryFn: async () => unwrap(await api.GET('/control/v1/webhooks/endpoints', { params: { query: { limit: 100, cursor } } })),
    placeholderData: keepPreviousData,
  });
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
    <Page title={t('webhooks.console.title')} actions={<Link to="/webhooks/new" className={buttonLink}>{t('webhooks.new')}</Link>}>
      <p className="max-w-3xl text-sm text-slate-600">{t('webhooks.console.help')}</p>
      <DataTable<OperatorEndpoint>
        label={t('webhooks.endpoints')}
        columns={columns}
        rows={endpoints.data?.data ?? []}
        isLoading={endpoints.isLoading}
        error={endpoints.error instanceof ApiError ? endpoints.error.problem.detail : endpoints.error ? t('list.failed') : null}
        pager={{
          first: cursor ? <Link to="/webhooks">{t('list.first')}</Link> : null,
          next: next ? <Link to="/webhooks" search={{ cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
