import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';
import { jobsSearch } from './search.js';

/** The console's jobs pages; each loads (as a chunk of its own) when first opened. */
export const jobsRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/jobs',
  validateSearch: jobsSearch,
  component: lazyRouteComponent(() => import('./JobsPage.js'), 'JobsPage'),
});
/** One job, by its id. */
export const jobRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/jobs/$job',
  component: lazyRouteComponent(() => import('./JobPage.js'), 'JobPage'),
});

export const jobsRoutes = [jobsRoute, jobRoute];
