import { useCallback, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { Input, Label, TextField } from 'react-aria-components';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { jobsRoute } from './routes.js';
import { DEAD_LETTER_QUEUE, filterStats, type QueueState } from './search.js';
import { inputStyle } from '../../ui/field-styles.js';

const column = createColumnHelper<QueueState>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An age in the largest unit that fits (45 s, 12 min, 3 hr, 2 days), by locale. */
function formatAge(seconds: number, locale: string): string {
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [seconds / 60, 'minute'] : seconds < 86_400 ? [seconds / 3600, 'hour'] : [seconds / 86_400, 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/** Retry or discard one job, named by its queue and id (as the logs and the error report name it). */
function JobActions() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [queue, setQueue] = useState('');
  const [id, setId] = useState('');
  const [done, setDone] = useState('');
  const ready = queue.trim().length > 0 && UUID.test(id.trim());
  const path = { queue: queue.trim(), id: id.trim() };
  const after = (message: string) => () => {
    setDone(message);
    void queries.invalidateQueries({ queryKey: ['jobs'] });
  };
  return (
    <Section title={t('jobs.act')}>
      <p className="max-w-prose text-sm text-slate-600">{t('jobs.actHelp')}</p>
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <TextField value={queue} onChange={setQueue} className="block">
          <Label className="text-sm font-medium text-slate-700">{t('jobs.queue')}</Label>
          <Input className={inputStyle} />
        </TextField>
        <TextField value={id} onChange={setId} className="block">
          <Label className="text-sm font-medium text-slate-700">{t('jobs.id')}</Label>
          <Input className={inputStyle} />
        </TextField>
      </div>
      <div className="flex gap-2">
        <ConfirmAction
          label={t('jobs.retry')}
          title={t('jobs.retryTitle')}
          description={t('jobs.retryText', path)}
          isDisabled={!ready}
          run={(headers) => api.POST('/control/v1/jobs/{queue}/{id}/retry', { params: { path }, headers })}
          onDone={after(t('jobs.retried', path))}
        />
        <ConfirmAction
          label={t('jobs.discard')}
          title={t('jobs.discardTitle')}
          description={t('jobs.discardText', path)}
          variant="danger"
          isDisabled={!ready}
          run={(headers) => api.DELETE('/control/v1/jobs/{queue}/{id}', { params: { path }, headers })}
          onDone={after(t('jobs.discarded', path))}
        />
      </div>
      <p role="status" className="text-sm text-green-800">{done}</p>
    </Section>
  );
}

/**
 * The job queues as the API reports them: counts by queue and state and the oldest job's age.
 * By default the failed jobs and the dead-letter queue; the filters live in the URL.
 */
export function JobsPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const search = jobsRoute.useSearch();
  const navigate = useNavigate();
  const stats = useQuery({ queryKey: ['jobs'], queryFn: async () => unwrap(await api.GET('/control/v1/jobs/counts')), placeholderData: keepPreviousData, refetchInterval: 15_000 });
  const show = search.show;
  const onSearch = useCallback((q: string) => void navigate({ to: '/jobs', search: { show, q: q || undefined }, replace: true }), [navigate, show]);
  const rows = filterStats(stats.data?.data ?? [], search);
  const columns = [
    column.accessor('queue', { header: t('jobs.queue'), cell: (c) => (c.getValue() === DEAD_LETTER_QUEUE ? t('jobs.deadLetter', { queue: c.getValue() }) : c.getValue()) }),
    column.accessor('state', { header: t('jobs.state') }),
    column.accessor('count', { header: t('jobs.count'), cell: (c) => new Intl.NumberFormat(locale).format(c.getValue()) }),
    column.accessor('oldestSeconds', { header: t('jobs.oldest'), cell: (c) => (c.getValue() === null ? '—' : formatAge(c.getValue()!, locale)) }),
  ];
  return (
    <Page title={t('console.nav.jobs')}>
      <div className="flex flex-wrap items-end gap-4">
        <SearchBox value={search.q ?? ''} onSearch={onSearch} />
        <label className="flex flex-col text-sm font-medium text-slate-700">
          {t('jobs.show')}
          <select
            value={search.show ?? 'failed'}
            onChange={(e) => void navigate({ to: '/jobs', search: { ...search, show: e.target.value === 'all' ? 'all' : undefined }, replace: true })}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30"
          >
            <option value="failed">{t('jobs.show.failed')}</option>
            <option value="all">{t('jobs.show.all')}</option>
          </select>
        </label>
      </div>
      <DataTable<QueueState>
        label={t('jobs.queues')}
        columns={columns}
        rows={rows}
        isLoading={stats.isLoading}
        error={stats.error instanceof ApiError ? stats.error.problem.detail : stats.error ? t('list.failed') : null}
        pager={{ first: null, next: null }}
      />
      <p className="max-w-prose text-xs text-slate-500">{t('jobs.noDetail')}</p>
      <JobActions />
    </Page>
  );
}
