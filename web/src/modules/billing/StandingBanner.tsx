import { Link, useRouterState } from '@tanstack/react-router';
import { useT } from '../../i18n/intl.js';
import type { Subscription } from './api.js';
import { useSubscription } from './api.js';
import { dunningText, isReadOnly } from './words.js';

/** The banner of a read-only (or suspended) workspace: why changes are refused, and what to do. */
export function ReadOnlyBanner({ subscription, link }: { subscription: Pick<Subscription, 'dunning'>; link: boolean }) {
  const t = useT();
  return (
    <div className="mb-6 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="read-only-banner">
      <p className="font-semibold">{t(subscription.dunning === 'suspended' ? 'billing.account.banner.suspended' : 'billing.account.banner.readOnly')}</p>
      <p className="mt-1">{dunningText(t, subscription.dunning)}</p>
      {link ? (
        <Link to="/billing" search={{ status: 'open' }} className="mt-2 inline-block font-medium text-red-900 underline underline-offset-2 outline-none focus-visible:ring-2 focus-visible:ring-brand">
          {t('billing.account.banner.pay')}
        </Link>
      ) : null}
    </div>
  );
}

/**
 * In the workspace's shell, for those who may see the community's billing: the read-only
 * banner on every page but Billing (which shows its own, beside the Pay buttons).
 */
export function ShellStandingBanner() {
  const subscription = useSubscription();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (!subscription.data || !isReadOnly(subscription.data) || path.endsWith('/billing')) return null;
  return <ReadOnlyBanner subscription={subscription.data} link />;
}
