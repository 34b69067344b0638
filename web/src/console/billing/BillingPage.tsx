import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { DunningSection } from './DunningSection.js';
import { RevenueSection } from './RevenueSection.js';
import { RunBilling } from './RunBilling.js';
import { TaxRates } from './TaxRates.js';

/** The platform's billing at a glance: revenue, who is behind, the period-end run, tax rates. */
export function BillingPage() {
  const t = useT();
  return (
    <Page title={t('console.nav.billing')} actions={<Link to="/invoices" className="text-sm text-brand underline-offset-2 hover:underline">{t('console.nav.invoices')}</Link>}>
      <RunBilling />
      <RevenueSection />
      <DunningSection />
      <TaxRates />
    </Page>
  );
}
