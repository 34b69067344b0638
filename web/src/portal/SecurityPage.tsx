import { Link } from './router.js';
import { useTenantTwoStepCalls } from '../api/two-step.js';
import { useT } from '../i18n/intl.js';
import { linkStyle } from '../ui/PlainForm.js';
import { PasskeysPanel } from '../ui/PasskeysPanel.js';
import { TwoStepPage } from '../ui/TwoStepPage.js';

/** The member's sign-in security: two-step sign-in (an authenticator app) and passkeys, the workspace's account pages' own parts. */
export function SecurityPage() {
  const t = useT();
  return (
    <TwoStepPage
      calls={useTenantTwoStepCalls()}
      title={t('portal.security.title')}
      text={t('portal.security.text')}
      actions={<Link to="/details" className={linkStyle}>{t('portal.details.title')}</Link>}
    >
      <p className="max-w-2xl text-sm text-slate-600">{t('portal.security.passkeysText')}</p>
      <PasskeysPanel />
    </TwoStepPage>
  );
}
