import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { Section } from '../../ui/DetailList.js';
import { BILLING, type Plan, type Subscription } from './api.js';
import { describeComponent, describeLimits, describePrice } from './words.js';

/** One plan offered: its price, trial, usage pricing in words and limits; a move to it (asked first) for those who may manage billing. */
function PlanCard({ plan, current, canChange, onMoved }: { plan: Plan; current: boolean; canChange: boolean; onMoved: (plan: Plan) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const id = `plan-${plan.key}`;
  const components = plan.pricing.components;
  return (
    <li className={`space-y-2 rounded-lg border bg-white p-4 ${current ? 'border-brand ring-1 ring-brand' : 'border-slate-200'}`} data-testid={id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id} className="font-semibold">{plan.name}</h3>
        {current ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{t('billing.account.plans.current')}</span> : null}
      </div>
      {plan.description ? <p className="text-sm text-slate-600">{plan.description}</p> : null}
      <p className="text-lg font-semibold tabular-nums">{describePrice(t, plan.price, locale)}</p>
      {plan.pricing.trialDays > 0 ? <p className="text-sm text-slate-700">{t('billing.account.plans.trial', { days: plan.pricing.trialDays })}</p> : null}
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        {components.length === 0 ? <li>{t('billing.account.noComponents')}</li> : components.map((c) => <li key={c.meter}>{describeComponent(t, c, plan.price.currency, locale)}</li>)}
        <li>{describeLimits(t, plan.limits, locale)}</li>
      </ul>
      {canChange && !current ? (
        <ConfirmAction
          label={t('billing.account.plans.moveTo', { plan: plan.name })}
          title={t('billing.account.plans.confirmTitle', { plan: plan.name })}
          description={
            <div className="space-y-2">
              <p>{t('billing.account.plans.confirmPrice', { price: describePrice(t, plan.price, locale) })}</p>
              <p>{t('billing.account.plans.confirmProration')}</p>
              <p>{t('billing.account.plans.confirmLicence')}</p>
            </div>
          }
          confirmLabel={t('billing.account.plans.confirm', { plan: plan.name })}
          run={(headers) => api.PUT('/api/v1/billing/subscription', { headers, body: { plan: plan.key } })}
          onDone={() => onMoved(plan)}
        />
      ) : null}
    </li>
  );
}

/** The plans the community can move to; the move starts today, prorated, and the licence follows at once. */
export function ChangePlan({ plans, subscription, canChange }: { plans: Plan[]; subscription: Subscription; canChange: boolean }) {
  const t = useT();
  const queries = useQueryClient();
  const [moved, setMoved] = useState<string | null>(null);
  function onMoved(plan: Plan) {
    setMoved(plan.name);
    // The licence follows the plan: the navigation's modules and the limits may change.
    void queries.invalidateQueries({ queryKey: [BILLING] });
    void queries.invalidateQueries({ queryKey: ['me'] });
  }
  return (
    <Section title={t(canChange ? 'billing.account.plans.change' : 'billing.account.plans')}>
      {canChange ? <p className="max-w-prose text-sm text-slate-600">{t('billing.account.plans.help')}</p> : <p className="max-w-prose text-sm text-slate-600">{t('billing.account.plans.ownerOnly')}</p>}
      {moved ? <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">{t('billing.account.plans.moved', { plan: moved })}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {plans.map((plan) => <PlanCard key={plan.key} plan={plan} current={plan.key === subscription.plan} canChange={canChange} onMoved={onMoved} />)}
      </ul>
    </Section>
  );
}
