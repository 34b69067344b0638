import { createRoute, createRouter } from '@tanstack/react-router';
import type { Plane } from '../api/plane.js';
import { useT, type MessageId } from '../i18n/intl.js';
import { NotYet, Page } from '../ui/Page.js';
import { membersRoutes } from '../modules/members/routes.js';
import { useMe } from './me.js';
import { workspaceRoot } from './root.js';

function Home() {
  const t = useT();
  const me = useMe();
  return (
    <Page title={t('workspace.home', { name: me.data?.tenant.name ?? '' })}>
      <p className="text-slate-600">{t('workspace.homeText')}</p>
    </Page>
  );
}

/** A module in the navigation whose pages are not built yet: listed in docs/web.md under "Not yet". */
function notYet(path: string, title: MessageId) {
  function Placeholder() {
    const t = useT();
    return <NotYet title={t(title)} text={t('page.notYet')} />;
  }
  return createRoute({ getParentRoute: () => workspaceRoot, path, component: Placeholder });
}

export function createWorkspaceRouter(plane: Plane) {
  const tree = workspaceRoot.addChildren([
    createRoute({ getParentRoute: () => workspaceRoot, path: '/', component: Home }),
    ...membersRoutes,
    notYet('/properties', 'nav.properties'),
    notYet('/leases', 'nav.leases'),
    notYet('/finance', 'nav.finance'),
    notYet('/users', 'nav.users'),
    notYet('/webhooks', 'nav.webhooks'),
    notYet('/mail', 'nav.mail'),
  ]);
  return createRouter({ routeTree: tree, basepath: plane.basepath });
}
