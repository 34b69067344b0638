import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { useAuth } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { Loading } from '../ui/AppFrame.js';
import { NotYet } from '../ui/Page.js';
import { listSearch } from '../ui/paging.js';
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
    { to: '/jobs', label: t('console.nav.jobs') },
    { to: '/audit', label: t('console.nav.audit') },
  ];
  return (
    <Shell title={t('console.title')} nav={nav}>
      <Outlet />
    </Shell>
  );
}

function NotFound() {
  const t = useT();
  return <NotYet title={t('page.notFound')} text={t('page.notFoundText')} />;
}

export const consoleRoot = createRootRoute({ component: ConsoleRoot, notFoundComponent: NotFound });

const index = createRoute({ getParentRoute: () => consoleRoot, path: '/', beforeLoad: () => redirect({ to: '/tenants', throw: true }) });
export const tenantsRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./tenants/TenantsList.js'), 'TenantsList'),
});
export const newTenantRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants/new',
  component: lazyRouteComponent(() => import('./tenants/NewTenant.js'), 'NewTenant'),
});

function notYet(path: string, title: 'console.nav.plans' | 'console.nav.jobs' | 'console.nav.audit') {
  function Placeholder() {
    const t = useT();
    return <NotYet title={t(title)} text={t('page.notYet')} />;
  }
  return createRoute({ getParentRoute: () => consoleRoot, path, component: Placeholder });
}

export function createConsoleRouter() {
  const tree = consoleRoot.addChildren([index, tenantsRoute, newTenantRoute, notYet('/plans', 'console.nav.plans'), notYet('/jobs', 'console.nav.jobs'), notYet('/audit', 'console.nav.audit')]);
  return createRouter({ routeTree: tree, basepath: '/console' });
}
