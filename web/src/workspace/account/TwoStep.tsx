import { Link } from '@tanstack/react-router';
import { useTenantTwoStepCalls } from '../../api/two-step.js';
import { useT } from '../../i18n/intl.js';
import { TwoStepPage } from '../../ui/TwoStepPage.js';

/** The workspace user's two-step sign-in (`/api/v1/me/mfa`). */
export function TwoStep() {
  const t = useT();
  return <TwoStepPage calls={useTenantTwoStepCalls()} actions={<Link to="/account">{t('account.title')}</Link>} text={t('account.twoStep.text')} />;
}
