import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { FormattedDate } from 'react-intl';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { JobActions } from './JobActions.js';
import { useQueueLabel } from './queue-label.js';
import { jobRoute } from './routes.js';

const when = (value: string | null) => (value === null ? null : <FormattedDate value={value} dateStyle="medium" timeStyle="medium" />);
const preStyle = 'max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800';

/** One job: its state, attempts and times, the whole last error and the (redacted) payload. */
export function JobPage() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queueLabel = useQueueLabel();
  const { job: id } = jobRoute.useParams();
  const job = useQuery({ queryKey: ['jobs', 'one', id], queryFn: async () => unwrap(await api.GET('/control/v1/jobs/{id}', { params: { path: { id } } })) });
  const back = <Link to="/jobs" className="text-sm text-brand underline-offset-2 hover:underline">{t('jobs.back')}</Link>;
  if (!job.data) {
    const failure = job.error instanceof ApiError ? job.error.problem.detail : job.error ? t('list.failed') : null;
    return (
      <Page title={t('jobs.job')}>
        {failure ? <p role="alert" className="text-sm text-red-800">{failure}</p> : <p className="text-sm text-slate-600">{t('list.loading')}</p>}
        {back}
      </Page>
    );
  }
  const j = job.data;
  return (
    <Page
      title={t('jobs.jobOf', { queue: queueLabel(j.queue) })}
      actions={<JobActions job={j} onDone={(action) => (action === 'discarded' ? void navigate({ to: '/jobs' }) : void job.refetch())} />}
    >
      {back}
      <DetailList
        items={[
          { term: t('jobs.id'), value: <span className="font-mono">{j.id}</span> },
          { term: t('jobs.state'), value: t(`jobs.state.${j.state}`) },
          { term: t('jobs.attempts'), value: t('jobs.attemptsOf', { attempts: j.attempts, max: j.maxAttempts }) },
          { term: t('jobs.tenant'), value: j.tenantId ? <Link to="/tenants/$tenant" params={{ tenant: j.tenantId }} className="font-mono text-brand underline-offset-2 hover:underline">{j.tenantId}</Link> : null },
          { term: t('jobs.created'), value: when(j.createdAt) },
          { term: t('jobs.runAt'), value: when(j.runAt) },
          { term: t('jobs.started'), value: when(j.startedAt) },
          { term: t('jobs.completed'), value: when(j.completedAt) },
        ]}
      />
      <Section title={t('jobs.lastError')}>
        {j.lastError ? <pre className={preStyle}>{j.lastError}</pre> : <p className="text-sm text-slate-600">{t('jobs.noError')}</p>}
      </Section>
      <Section title={t('jobs.payload')}>
        <p className="max-w-prose text-xs text-slate-500">{t('jobs.payloadHelp')}</p>
        <pre className={preStyle}>{JSON.stringify(j.payload, null, 2)}</pre>
      </Section>
    </Page>
  );
}
