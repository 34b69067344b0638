import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../root.js';

/** The signed-in user's own account (`/me`): every user has it, whatever their roles. */
export const accountRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/account',
  component: lazyRouteComponent(() => import('./MyAccount.js'), 'MyAccount'),
});

/** Two-step sign-in of the signed-in user (an authenticator app and recovery codes). */
export const twoStepRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/account/two-step',
  component: lazyRouteComponent(() => import('./TwoStep.js'), 'TwoStep'),
});

/** The signed-in user's passkeys (WebAuthn). */
export const passkeysRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/account/passkeys',
  component: lazyRouteComponent(() => import('./Passkeys.js'), 'Passkeys'),
});

export const accountRoutes = [accountRoute, twoStepRoute, passkeysRoute];
