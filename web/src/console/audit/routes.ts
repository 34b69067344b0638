import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';
import { auditSearch } from './search.js';

/** The console's audit log page; it loads (as a chunk of its own) when first opened. */
export const auditRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/audit',
  validateSearch: auditSearch,
  component: lazyRouteComponent(() => import('./AuditLog.js'), 'AuditLog'),
});

export const auditRoutes = [auditRoute];
