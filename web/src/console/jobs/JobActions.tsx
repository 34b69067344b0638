import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { jobActions } from './search.js';

/** Retry and discard, for the jobs that allow them (see jobActions); each asks before it acts. */
export function JobActions({ job, onDone }: { job: { id: string; queue: string; state: string }; onDone?: (action: 'retried' | 'discarded') => void }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const allowed = jobActions(job);
  if (!allowed.retry && !allowed.discard) return null;
  const path = { queue: job.queue, id: job.id };
  const after = (action: 'retried' | 'discarded') => () => {
    void queries.invalidateQueries({ queryKey: ['jobs'] });
    onDone?.(action);
  };
  return (
    <div className="flex gap-2">
      {allowed.retry ? (
        <ConfirmAction
          label={t('jobs.retry')}
          title={t('jobs.retryTitle')}
          description={t('jobs.retryText', path)}
          run={(headers) => api.POST('/control/v1/jobs/{queue}/{id}/retry', { params: { path }, headers })}
          onDone={after('retried')}
        />
      ) : null}
      {allowed.discard ? (
        <ConfirmAction
          label={t('jobs.discard')}
          title={t('jobs.discardTitle')}
          description={t('jobs.discardText', path)}
          variant="danger"
          run={(headers) => api.DELETE('/control/v1/jobs/{queue}/{id}', { params: { path }, headers })}
          onDone={after('discarded')}
        />
      ) : null}
    </div>
  );
}
