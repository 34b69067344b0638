import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { PasskeysPanel } from '../../ui/PasskeysPanel.js';

/** The signed-in user's passkeys (WebAuthn). */
export function Passkeys() {
  const t = useT();
  return (
    <Page title={t('account.passkeys.title')} actions={<Link to="/account">{t('account.title')}</Link>}>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">{t('account.passkeys.text')}</p>
      <PasskeysPanel />
    </Page>
  );
}
