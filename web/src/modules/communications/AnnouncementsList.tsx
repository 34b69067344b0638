import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatTimestamp } from '../../ui/dates.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { calls, SEND_CHANNELS, STATUSES, type Announcement, type Status } from './api.js';
import { attempted, categoryLabel, channelLabel, statusLabel } from './labels.js';
import { announcementsRoute } from './routes.js';
import type { AnnouncementsSearch } from './search.js';

const column = createColumnHelper<Announcement>();
const select = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';
const failure = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : error ? fallback : null);

/** The announcements, newest first: search and status in the URL, each with its delivery per channel. */
export function AnnouncementsList() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const search = announcementsRoute.useSearch();
  const navigate = useNavigate();
  const timeZone = me.data?.tenant.timeZone ?? 'UTC';
  const list = useQuery({ queryKey: ['communications', 'announcements', search], queryFn: () => calls(api).list(search), placeholderData: keepPreviousData });
  const { cursor: _cursor, ...current } = search;
  const onSearch = useCallback((q: string) => void navigate({ to: '/announcements', search: (prev: AnnouncementsSearch) => ({ ...prev, cursor: undefined, q: q || undefined }), replace: true }), [navigate]);
  const columns = [
    column.accessor('title', {
      header: t('communications.title'),
      cell: (c) => (
        <Link to="/announcements/$announcementId" params={{ announcementId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('category', { header: t('communications.category'), cell: (c) => t(categoryLabel(c.getValue())) }),
    column.accessor('status', { header: t('communications.status'), cell: (c) => t(statusLabel(c.getValue())) }),
    column.display({
      id: 'when',
      header: t('communications.when'),
      cell: (c) => {
        const a = c.row.original;
        const at = a.sentAt ?? a.scheduledAt;
        return at ? formatTimestamp(at, locale, { timeZone, zoneName: a.status === 'scheduled' }) : '—';
      },
    }),
    ...(['portal', ...SEND_CHANNELS] as const).map((channel) =>
      column.display({
        id: channel,
        header: t(channelLabel(channel)),
        cell: (c) => {
          const a = c.row.original;
          if (channel !== 'portal' && !a.channels.includes(channel)) return '—';
          const totals = a.totals?.[channel];
          return totals ? t('communications.deliveredOf', { delivered: totals.delivered, total: attempted(totals) }) : '—';
        },
      }),
    ),
  ];
  const next = list.data?.nextCursor;
  return (
    <Page
      title={t('nav.announcements')}
      actions={may(me.data, 'communications', 'communications.write') ? <Link to="/announcements/new" className={buttonLink}>{t('communications.new')}</Link> : null}
    >
      <div className="flex flex-wrap items-end gap-4">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <div className="flex flex-col gap-1">
          <label htmlFor="status-filter" className="text-sm font-medium">{t('communications.status')}</label>
          <select
            id="status-filter"
            className={select}
            value={search.status ?? ''}
            onChange={(e) => void navigate({ to: '/announcements', search: (prev: AnnouncementsSearch) => ({ ...prev, cursor: undefined, status: (e.target.value || undefined) as Status | undefined }) })}
          >
            <option value="">{t('communications.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(statusLabel(s))}</option>)}
          </select>
        </div>
      </div>
      <DataTable<Announcement>
        label={t('nav.announcements')}
        columns={columns}
        rows={list.data?.data ?? []}
        isLoading={list.isLoading}
        error={failure(list.error, t('list.failed'))}
        pager={{
          first: search.cursor ? <Link to="/announcements" search={current}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/announcements" search={{ ...current, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </Page>
  );
}
