import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { urlText } from '../../ui/url-search.js';
import { consoleRoot } from '../root.js';

/** The operators' API keys (`cyp_…`); each page loads (as a chunk of its own) when first opened. */
export const platformKeysRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/api-keys',
  validateSearch: (raw: Record<string, unknown>): { cursor?: string } => ({ cursor: urlText(raw.cursor, 200) }),
  component: lazyRouteComponent(() => import('./PlatformKeysList.js'), 'PlatformKeysList'),
});
export const newPlatformKeyRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/api-keys/new',
  component: lazyRouteComponent(() => import('./NewPlatformKey.js'), 'NewPlatformKey'),
});

export const platformKeysRoutes = [platformKeysRoute, newPlatformKeyRoute];
