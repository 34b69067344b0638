import { useCallback, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { operations } from '@courtyard/sdk';
import { ApiError, asProblem, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { newIdempotencyKey } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { FilterSelect } from '../members/FilterSelect.js';
import { messagesRoute } from './routes.js';
import { MESSAGE_STATUSES } from './search.js';
import { formatTimestamp } from '../../ui/dates.js';

type Message = operations['mail.messages.list']['responses'][200]['content']['application/json']['data'][number];
const column = createColumnHelper<Message>();

export function MessagesList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const search = messagesRoute.useSearch();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const messages = useQuery({
    queryKey: ['mail-messages', { q: search.q, status: search.status, cursor: search.cursor }],
    queryFn: async () => unwrap(await api.GET('/api/v1/mail/messages', { params: { query: { limit: 100, q: search.q, status: search.status, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((q: string) => void navigate({ to: '/mail/messages', search: { q: q || undefined, status: search.status }, replace: true }), [navigate, search.status]);
  const canRetry = may(me.data, 'mail', 'mail.write');
  async function retry(id: string) {
    setError(null);
    try {
      const answer = await api.POST('/api/v1/mail/messages/{id}/retry', { headers: { 'idempotency-key': newIdempotencyKey() }, params: { path: { id } } });
      if (!answer.response.ok) setError(asProblem(answer.error, answer.response).detail ?? t('list.failed'));
    } catch {
      setError(t('form.networkError'));
    }
    void queries.invalidateQueries({ queryKey: ['mail-messages'] });
  }
  const columns = [
    column.accessor((m) => `${m.to.name} <${m.to.email}>`, { id: 'to', header: t('mail.to') }),
    column.accessor('subject', { header: t('mail.subject'), cell: (c) => c.getValue() ?? '—' }),
    column.accessor('kind', { header: t('mail.kind') }),
    column.accessor('status', { header: t('mail.status'), cell: (c) => t(`mail.status.${c.getValue()}`) }),
    column.accessor('attempts', { header: t('mail.attempts') }),
    column.accessor('createdAt', { header: t('mail.createdAt'), cell: (c) => formatTimestamp(c.getValue(), locale) }),
    column.display({
      id: 'actions',
      header: t('mail.actions'),
      cell: (c) =>
        canRetry && c.row.original.status === 'failed' ? (
          <Button variant="secondary" onPress={() => void retry(c.row.original.id)} aria-label={t('mail.retryMessage', { to: c.row.original.to.email })}>
            {t('mail.retry')}
          </Button>
        ) : (
          c.row.original.lastError ?? ''
        ),
    }),
  ];
  const next = messages.data?.nextCursor;
  return (
    <Page title={t('mail.messages')} actions={<Link to="/mail" className="text-sm text-brand underline">{t('mail.templates')}</Link>}>
      <div className="flex flex-wrap items-end gap-4">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <FilterSelect label={t('mail.status')} anyLabel={t('mail.any')} value={search.status} options={MESSAGE_STATUSES.map((s) => ({ id: s, label: t(`mail.status.${s}`) }))} onChange={(status) => void navigate({ to: '/mail/messages', search: { q: search.q, status }, replace: true })} />
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <DataTable<Message>
        label={t('mail.messages')}
        columns={columns}
        rows={messages.data?.data ?? []}
        isLoading={messages.isLoading}
        error={messages.error instanceof ApiError ? messages.error.problem.detail : messages.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/mail/messages" search={{ q: search.q, status: search.status }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/mail/messages" search={{ q: search.q, status: search.status, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
