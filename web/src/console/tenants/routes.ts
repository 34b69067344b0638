import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { consoleRoot } from '../root.js';

/** The console's tenant pages; each loads (as a chunk of its own) when first opened. */
export const tenantsRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./TenantsList.js'), 'TenantsList'),
});
export const newTenantRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants/new',
  component: lazyRouteComponent(() => import('./NewTenant.js'), 'NewTenant'),
});

export const tenantsRoutes = [tenantsRoute, newTenantRoute];
