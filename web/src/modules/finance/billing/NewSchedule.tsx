import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../../../api/session.js';
import { useT } from '../../../i18n/intl.js';
import { Page } from '../../../ui/Page.js';
import { bodyOf, ScheduleForm } from './ScheduleForm.js';

export function NewSchedule() {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  return (
    <Page title={t('finance.billing.newSchedule')} actions={<Link to="/finance/schedules">{t('finance.billing.schedules')}</Link>}>
      <ScheduleForm
        onSubmit={({ onSubmit }) =>
          onSubmit(
            (v, headers) => {
              const body = bodyOf(v, true);
              return api.POST('/api/v1/finance/schedules', { headers, body: { ...body, kind: v.kind } });
            },
            (schedule) => {
              void queries.invalidateQueries({ queryKey: ['finance', 'schedules'] });
              void navigate({ to: '/finance/schedules/$scheduleId', params: { scheduleId: schedule.id } });
            },
          )
        }
      />
    </Page>
  );
}
