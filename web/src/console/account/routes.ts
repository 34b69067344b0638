import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';

/** The signed-in operator's own account (`/control/v1/me`): name, password, sessions. */
export const operatorAccountRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/account',
  component: lazyRouteComponent(() => import('./OperatorAccount.js'), 'OperatorAccount'),
});

export const operatorAccountRoutes = [operatorAccountRoute];
