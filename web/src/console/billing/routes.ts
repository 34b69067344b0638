import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';

/** The platform's billing: revenue, tenants in dunning, the period-end run, tax rates. */
export const billingRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/billing',
  component: lazyRouteComponent(() => import('./BillingPage.js'), 'BillingPage'),
});

export const billingRoutes = [billingRoute];
