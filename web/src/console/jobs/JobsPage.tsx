import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { FormattedDate } from 'react-intl';
import type { operations } from '@courtyard/sdk';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { DataTable } from '../../ui/DataTable.js';
import { Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { JobActions } from './JobActions.js';
import { jobsRoute } from './routes.js';
import { useQueueLabel } from './queue-label.js';
import { filterStats, JOB_STATES, type JobsSearch, type QueueState } from './search.js';

type JobRow = operations['control.jobs.list']['responses'][200]['content']['application/json']['data'][number];
const countColumn = createColumnHelper<QueueState>();
const jobColumn = createColumnHelper<JobRow>();
const selectStyle = 'mt-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';

/** An age in the largest unit that fits (45 s, 12 min, 3 hr, 2 days), by locale. */
function formatAge(seconds: number, locale: string): string {
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [seconds / 60, 'minute'] : seconds < 86_400 ? [seconds / 3600, 'hour'] : [seconds / 86_400, 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/**
 * The job queues' counts by state, and the jobs themselves, newest first, filtered by queue and
 * state (both in the URL). A failed job can be retried or discarded from its row; its queue
 * opens the job's page, with the whole error and the payload.
 */
export function JobsPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const search = jobsRoute.useSearch();
  const navigate = useNavigate();
  const queueLabel = useQueueLabel();
  const [done, setDone] = useState('');
  const ids = useId();
  const stats = useQuery({ queryKey: ['jobs', 'counts'], queryFn: async () => unwrap(await api.GET('/control/v1/jobs/counts')), placeholderData: keepPreviousData, refetchInterval: 15_000 });
  const jobs = useQuery({
    queryKey: ['jobs', 'list', search],
    queryFn: async () => unwrap(await api.GET('/control/v1/jobs', { params: { query: { limit: 50, queue: search.queue, state: search.state, cursor: search.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const filter = (change: Partial<JobsSearch>) => void navigate({ to: '/jobs', search: { queue: search.queue, state: search.state, ...change } });
  const queues = [...new Set([...(stats.data?.data ?? []).map((r) => r.queue), ...(search.queue ? [search.queue] : [])])].sort();
  const stateLabel = (state: string) => {
    const known = JOB_STATES.find((s) => s === state);
    return known ? t(`jobs.state.${known}`) : state;
  };
  const errorOf = (error: unknown) => (error instanceof ApiError ? error.problem.detail : error ? t('list.failed') : null);

  const countColumns = [
    countColumn.accessor('queue', { header: t('jobs.queue'), cell: (c) => queueLabel(c.getValue()) }),
    countColumn.accessor('state', { header: t('jobs.state'), cell: (c) => stateLabel(c.getValue()) }),
    countColumn.accessor('count', { header: t('jobs.count'), cell: (c) => new Intl.NumberFormat(locale).format(c.getValue()) }),
    countColumn.accessor('oldestSeconds', { header: t('jobs.oldest'), cell: (c) => (c.getValue() === null ? '—' : formatAge(c.getValue()!, locale)) }),
  ];
  const jobColumns = [
    jobColumn.accessor('queue', {
      header: t('jobs.queue'),
      cell: (c) => (
        <Link to="/jobs/$job" params={{ job: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {queueLabel(c.getValue())}
        </Link>
      ),
    }),
    jobColumn.accessor('state', { header: t('jobs.state'), cell: (c) => t(`jobs.state.${c.getValue()}`) }),
    jobColumn.accessor('attempts', { header: t('jobs.attempts'), cell: (c) => t('jobs.attemptsOf', { attempts: c.getValue(), max: c.row.original.maxAttempts }) }),
    jobColumn.accessor('createdAt', { header: t('jobs.created'), cell: (c) => <FormattedDate value={c.getValue()} dateStyle="medium" timeStyle="short" /> }),
    jobColumn.accessor('lastError', { header: t('jobs.lastError'), cell: (c) => <span className="line-clamp-1 max-w-md break-all text-red-800" title={c.getValue() ?? undefined}>{c.getValue() ?? '—'}</span> }),
    jobColumn.display({ id: 'actions', header: t('jobs.actions'), cell: (c) => <JobActions job={c.row.original} onDone={(action) => setDone(t(`jobs.${action}`, { queue: c.row.original.queue, id: c.row.original.id }))} /> }),
  ];
  const next = jobs.data?.nextCursor;

  return (
    <Page title={t('console.nav.jobs')}>
      <Section title={t('jobs.queues')}>
        <DataTable<QueueState> label={t('jobs.countsTable')} columns={countColumns} rows={filterStats(stats.data?.data ?? [], search)} isLoading={stats.isLoading} error={errorOf(stats.error)} pager={{ first: null, next: null }} />
      </Section>
      <Section title={t('jobs.list')}>
        <div className="flex flex-wrap items-end gap-4">
          <div className="flex flex-col">
            <label htmlFor={`${ids}-queue`} className="text-sm font-medium text-slate-700">{t('jobs.queue')}</label>
            <select id={`${ids}-queue`} value={search.queue ?? ''} onChange={(e) => filter({ queue: e.target.value || undefined })} className={selectStyle}>
              <option value="">{t('jobs.allQueues')}</option>
              {queues.map((q) => <option key={q} value={q}>{queueLabel(q)}</option>)}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor={`${ids}-state`} className="text-sm font-medium text-slate-700">{t('jobs.state')}</label>
            <select id={`${ids}-state`} value={search.state ?? ''} onChange={(e) => filter({ state: JOB_STATES.find((s) => s === e.target.value) })} className={selectStyle}>
              <option value="">{t('jobs.allStates')}</option>
              {JOB_STATES.map((s) => <option key={s} value={s}>{t(`jobs.state.${s}`)}</option>)}
            </select>
          </div>
        </div>
        <p role="status" className="text-sm text-green-800">{done}</p>
        <DataTable<JobRow>
          label={t('jobs.listTable')}
          columns={jobColumns}
          rows={jobs.data?.data ?? []}
          isLoading={jobs.isLoading}
          error={errorOf(jobs.error)}
          pager={{
            first: search.cursor ? <Link to="/jobs" search={{ queue: search.queue, state: search.state }}>{t('list.first')}</Link> : null,
            next: next ? <Link to="/jobs" search={{ queue: search.queue, state: search.state, cursor: next }}>{t('list.next')}</Link> : null,
          }}
        />
      </Section>
    </Page>
  );
}
