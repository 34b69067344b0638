import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../../workspace/root.js';
import { itemsSearch, newRunSearch, runsSearch, schedulesSearch } from './search.js';

/**
 * Finance's billing pages (schedules, billing runs, late fees), bank statements and Stripe: the
 * finance module's `routes.ts` spreads `financeBillingRoutes`. Each page loads when first opened.
 */
export const schedulesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/schedules',
  validateSearch: schedulesSearch,
  component: lazyRouteComponent(() => import('./SchedulesList.js'), 'SchedulesList'),
});
export const newScheduleRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/schedules/new',
  component: lazyRouteComponent(() => import('./NewSchedule.js'), 'NewSchedule'),
});
export const scheduleRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/schedules/$scheduleId',
  component: lazyRouteComponent(() => import('./SchedulePage.js'), 'SchedulePage'),
});
export const billingRunsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/billing-runs',
  validateSearch: runsSearch,
  component: lazyRouteComponent(() => import('./BillingRunsList.js'), 'BillingRunsList'),
});
export const newBillingRunRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/billing-runs/new',
  validateSearch: newRunSearch,
  component: lazyRouteComponent(() => import('./NewBillingRun.js'), 'NewBillingRun'),
});
export const billingRunRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/billing-runs/$runId',
  validateSearch: itemsSearch,
  component: lazyRouteComponent(() => import('./BillingRunPage.js'), 'BillingRunPage'),
});
export const lateFeesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/late-fees',
  component: lazyRouteComponent(() => import('./LateFees.js'), 'LateFees'),
});
export const bankImportsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/bank-imports',
  validateSearch: (raw: Record<string, unknown>) => ({ cursor: typeof raw.cursor === 'string' && raw.cursor ? raw.cursor : undefined }),
  component: lazyRouteComponent(() => import('../bank/BankImportsList.js'), 'BankImportsList'),
});
export const newBankImportRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/bank-imports/new',
  component: lazyRouteComponent(() => import('../bank/NewBankImport.js'), 'NewBankImport'),
});
export const bankImportRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/bank-imports/$importId',
  component: lazyRouteComponent(() => import('../bank/BankImportPage.js'), 'BankImportPage'),
});
export const stripeRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/stripe',
  component: lazyRouteComponent(() => import('../settings/StripeSettings.js'), 'StripeSettings'),
});

export const financeBillingRoutes = [
  schedulesRoute,
  newScheduleRoute,
  scheduleRoute,
  billingRunsRoute,
  newBillingRunRoute,
  billingRunRoute,
  lateFeesRoute,
  bankImportsRoute,
  newBankImportRoute,
  bankImportRoute,
  stripeRoute,
];
