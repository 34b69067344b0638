import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';

/** The settings pages; each loads (as a chunk of its own) when first opened. */
export const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings',
  component: lazyRouteComponent(() => import('./Settings.js'), 'Settings'),
});

export const settingsRoutes = [settingsRoute];
