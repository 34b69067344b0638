import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { PlanForm } from './PlanForm.js';
import { PlanPricing } from './PlanPricing.js';
import { planRoute } from './routes.js';

/** A plan's page: its fields in the form that changes them (the API serves plans as one list). */
export function PlanPage() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { key } = planRoute.useParams();
  const { saved } = planRoute.useSearch();
  const [changed, setChanged] = useState(false);
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const back = <Link to="/plans">{t('console.nav.plans')}</Link>;
  if (plans.error) return <Page title={t('page.notFound')} actions={back}>{plans.error instanceof ApiError ? plans.error.problem.detail : t('list.failed')}</Page>;
  if (!plans.data) return <Page title={t('list.loading')}>{null}</Page>;
  const plan = plans.data.data.find((p) => p.key === key);
  if (!plan) return <Page title={t('page.notFound')} actions={back}><p>{t('plans.notFound', { key })}</p></Page>;
  return (
    <Page title={plan.name} actions={back}>
      <p role="status" className="text-sm text-green-800">{changed ? t('plans.saved') : saved ? t('plans.created', { name: plan.name }) : ''}</p>
      <PlanForm
        key={plan.key}
        plan={plan}
        onSaved={() => {
          setChanged(true);
          void queries.invalidateQueries({ queryKey: ['plans'] });
          void queries.invalidateQueries({ queryKey: ['audit'] });
        }}
      />
      <PlanPricing plan={plan} />
    </Page>
  );
}
