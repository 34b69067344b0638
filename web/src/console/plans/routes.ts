import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { consoleRoot } from '../root.js';

/** The console's plans pages; each loads (as a chunk of its own) when first opened. */
export const plansRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/plans',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./PlansList.js'), 'PlansList'),
});
export const newPlanRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/plans/new',
  component: lazyRouteComponent(() => import('./NewPlan.js'), 'NewPlan'),
});
export const planRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/plans/$key',
  // `saved` says the plan was just created (the new-plan page leads here).
  validateSearch: (raw: Record<string, unknown>): { saved?: true } => (raw.saved === true || raw.saved === 'true' ? { saved: true } : {}),
  component: lazyRouteComponent(() => import('./PlanPage.js'), 'PlanPage'),
});

export const plansRoutes = [plansRoute, newPlanRoute, planRoute];
