import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { workspaceRoot } from '../../workspace/root.js';

/** The API keys pages (settings of the core module); each loads (as a chunk of its own) when first opened. */
export const apiKeysRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/api-keys',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./ApiKeysList.js'), 'ApiKeysList'),
});
export const newApiKeyRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/api-keys/new',
  component: lazyRouteComponent(() => import('./NewApiKey.js'), 'NewApiKey'),
});

export const apiKeysRoutes = [apiKeysRoute, newApiKeyRoute];
