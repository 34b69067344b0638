import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { PlanForm } from './PlanForm.js';

export function NewPlan() {
  const t = useT();
  const navigate = useNavigate();
  const queries = useQueryClient();
  return (
    <Page title={t('plans.new')} actions={<Link to="/plans">{t('console.nav.plans')}</Link>}>
      <PlanForm
        onSaved={(plan) => {
          void queries.invalidateQueries({ queryKey: ['plans'] });
          void queries.invalidateQueries({ queryKey: ['audit'] });
          void navigate({ to: '/plans/$key', params: { key: plan.key }, search: { saved: true } });
        }}
      />
    </Page>
  );
}
