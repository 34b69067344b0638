import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';
import { tenantsSearch } from './search.js';

/** The console's tenant pages; each loads (as a chunk of its own) when first opened. */
export const tenantsRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants',
  validateSearch: tenantsSearch,
  component: lazyRouteComponent(() => import('./TenantsList.js'), 'TenantsList'),
});
export const newTenantRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants/new',
  component: lazyRouteComponent(() => import('./NewTenant.js'), 'NewTenant'),
});
/** A tenant's page, addressed by its slug (the API takes the id or the slug). */
export const tenantRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/tenants/$tenant',
  component: lazyRouteComponent(() => import('./TenantPage.js'), 'TenantPage'),
});

export const tenantsRoutes = [tenantsRoute, newTenantRoute, tenantRoute];
