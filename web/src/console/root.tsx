import { createRootRoute, Outlet } from '@tanstack/react-router';
import { useAuth } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { Loading } from '../ui/AppFrame.js';
import { NotYet } from '../ui/Page.js';
import { Shell } from '../ui/Shell.js';
import { SignInPage } from '../ui/SignInPage.js';

function ConsoleRoot() {
  const t = useT();
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'signedOut') return <SignInPage heading={t('console.signIn')} />;
  const nav = [
    { to: '/tenants', label: t('console.nav.tenants') },
    { to: '/plans', label: t('console.nav.plans') },
    { to: '/billing', label: t('console.nav.billing') },
    { to: '/invoices', label: t('console.nav.invoices') },
    { to: '/jobs', label: t('console.nav.jobs') },
    { to: '/audit', label: t('console.nav.audit') },
    { to: '/webhooks', label: t('console.nav.webhooks') },
    { to: '/api-keys', label: t('console.nav.apiKeys') },
  ];
  return (
    <Shell title={t('console.title')} nav={nav} account="/account">
      <Outlet />
    </Shell>
  );
}

function NotFound() {
  const t = useT();
  return <NotYet title={t('page.notFound')} text={t('page.notFoundText')} />;
}

export const consoleRoot = createRootRoute({ component: ConsoleRoot, notFoundComponent: NotFound });
