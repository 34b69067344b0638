import { ApiError } from '../../api/problem.js';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { usePlans, useSubscription } from './api.js';
import { ChangePlan } from './ChangePlan.js';
import { InvoicesSection } from './InvoicesSection.js';
import { PaymentReturn } from './PaymentReturn.js';
import { PlanSummary } from './PlanSummary.js';
import { billingRoute } from './routes.js';
import { ReadOnlyBanner } from './StandingBanner.js';
import { UsageSection } from './UsageSection.js';
import { isReadOnly } from './words.js';

/**
 * The community's account with the platform, for its owner: the plan and how the subscription
 * stands, the period's usage, the invoices (PDF, and Pay by card for open ones), and a move to
 * another plan. Stripe Checkout comes back here with `?invoice=…&paid=1`.
 */
export function BillingPage() {
  const t = useT();
  const me = useMe();
  const search = billingRoute.useSearch();
  const subscription = useSubscription();
  const plans = usePlans();
  const canManage = may(me.data, 'billing', 'billing.manage');
  const sub = subscription.data;
  const failed = subscription.error ?? plans.error;
  return (
    <Page title={t('billing.account.title')}>
      {search.invoice ? <PaymentReturn invoiceId={search.invoice} paid={search.paid === 1} /> : null}
      {sub && isReadOnly(sub) ? <ReadOnlyBanner subscription={sub} link={false} /> : null}
      {failed ? <p role="alert" className="text-sm text-red-700">{failed instanceof ApiError ? failed.problem.detail : t('billing.account.failed')}</p> : null}
      {sub ? <PlanSummary subscription={sub} /> : subscription.isLoading ? <p className="text-sm text-slate-600">{t('billing.account.loading')}</p> : null}
      <InvoicesSection search={search} canPay={canManage} />
      {sub ? <UsageSection subscription={sub} limits={plans.data?.find((p) => p.key === sub.plan)?.limits} /> : null}
      {sub && plans.data ? <ChangePlan plans={plans.data} subscription={sub} canChange={canManage} /> : null}
    </Page>
  );
}
