import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../root.js';

/** The signed-in user's own account (`/me`): every user has it, whatever their roles. */
export const accountRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/account',
  component: lazyRouteComponent(() => import('./MyAccount.js'), 'MyAccount'),
});

export const accountRoutes = [accountRoute];
