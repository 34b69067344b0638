import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';

/** The signed-in operator's own account (`/control/v1/me`): name, password, sessions. */
export const operatorAccountRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/account',
  component: lazyRouteComponent(() => import('./OperatorAccount.js'), 'OperatorAccount'),
});

/** The operator's two-step sign-in (an authenticator app and recovery codes). */
export const operatorTwoStepRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/account/two-step',
  component: lazyRouteComponent(() => import('./TwoStep.js'), 'OperatorTwoStep'),
});

export const operatorAccountRoutes = [operatorAccountRoute, operatorTwoStepRoute];
