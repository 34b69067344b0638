import { useEffect } from 'react';
import { createRootRoute, Outlet } from '@tanstack/react-router';
import { useAuth } from '../api/session.js';
import { ShellStandingBanner } from '../modules/billing/StandingBanner.js';
import { useObjectsNav } from '../modules/objects/nav.js';
import { useT } from '../i18n/intl.js';
import { Loading } from '../ui/AppFrame.js';
import { NotYet } from '../ui/Page.js';
import { Shell } from '../ui/Shell.js';
import { SignInPage } from '../ui/SignInPage.js';
import { useUserLocale } from './locale.js';
import { may, useMe } from './me.js';
import { WORKSPACE_MODULES } from './nav.js';

function SignedIn() {
  const t = useT();
  const me = useMe();
  const saveLocale = useUserLocale(me.data);
  const objects = useObjectsNav(me.data);
  const color = me.data?.branding.primaryColor;
  useEffect(() => {
    // The tenant's colour, set through the CSSOM (the pages' CSP allows no inline style sheet).
    if (color) document.documentElement.style.setProperty('--color-brand', color);
  }, [color]);
  if (!me.data) return <Loading />;
  const modules = WORKSPACE_MODULES.filter((m) => may(me.data, m.module, m.permission));
  // Each custom object's records come after the business modules (before users and roles).
  const at = modules.findIndex((m) => m.module === 'core');
  const nav = [...modules.slice(0, at < 0 ? modules.length : at).map((m) => ({ to: m.to, label: t(m.label) })), ...objects, ...(at < 0 ? [] : modules.slice(at)).map((m) => ({ to: m.to, label: t(m.label) }))];
  return (
    <Shell title={me.data.branding.displayName ?? me.data.tenant.name} logoUrl={me.data.branding.logoUrl} nav={nav} account="/account" onLocaleChange={saveLocale}>
      {may(me.data, 'billing', 'billing.read') ? <ShellStandingBanner /> : null}
      <Outlet />
    </Shell>
  );
}

/** Every workspace page: signed in to this tenant, or this tenant's sign-in page (whatever the address). */
function WorkspaceRoot() {
  const t = useT();
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'signedOut') return <SignInPage heading={t('workspace.signIn')} />;
  return <SignedIn />;
}

function NotFound() {
  const t = useT();
  return <NotYet title={t('page.notFound')} text={t('page.notFoundText')} />;
}

export const workspaceRoot = createRootRoute({ component: WorkspaceRoot, notFoundComponent: NotFound });
