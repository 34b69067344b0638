import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { billingSearch } from './search.js';

/** The community's account with the platform: plan, usage, invoices (its owner's). */
export const billingRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/billing',
  validateSearch: billingSearch,
  component: lazyRouteComponent(() => import('./BillingPage.js'), 'BillingPage'),
});

export const billingRoutes = [billingRoute];
