import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { auditSearch } from './search.js';

/** The audit module's page; it loads (as a chunk of its own) when first opened. */
export const auditRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/audit',
  validateSearch: auditSearch,
  component: lazyRouteComponent(() => import('./AuditLog.js'), 'AuditLog'),
});

export const auditRoutes = [auditRoute];
