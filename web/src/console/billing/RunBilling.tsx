import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';

/** "Close ended periods now": the hourly run, at once (each ended period is invoiced once however often it runs). */
export function RunBilling() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [result, setResult] = useState<{ issued: number; renewed: number; failed: number } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmAction
        label={t('billing.console.run')}
        title={t('billing.console.run.title')}
        description={t('billing.console.run.description')}
        variant="primary"
        run={(headers) => api.POST('/control/v1/billing/run', { headers })}
        onDone={(data) => {
          setResult(data as { issued: number; renewed: number; failed: number });
          void queries.invalidateQueries({ queryKey: ['billing'] });
          void queries.invalidateQueries({ queryKey: ['invoices'] });
        }}
      />
      <p role="status" className="text-sm text-slate-700">{result ? t('billing.console.run.done', result) : ''}</p>
    </div>
  );
}
