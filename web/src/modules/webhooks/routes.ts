import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { workspaceRoot } from '../../workspace/root.js';

/** The webhooks module's pages; each loads (as a chunk of its own) when first opened. */
export const endpointsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/webhooks',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./EndpointsList.js'), 'EndpointsList'),
});
export const newEndpointRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/webhooks/new',
  component: lazyRouteComponent(() => import('./NewEndpoint.js'), 'NewEndpoint'),
});
export const endpointRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/webhooks/$endpointId',
  component: lazyRouteComponent(() => import('./EndpointPage.js'), 'EndpointPage'),
});

export const webhooksRoutes = [endpointsRoute, newEndpointRoute, endpointRoute];
