import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';
import { jobsSearch } from './search.js';

/** The console's jobs page; it loads (as a chunk of its own) when first opened. */
export const jobsRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/jobs',
  validateSearch: jobsSearch,
  component: lazyRouteComponent(() => import('./JobsPage.js'), 'JobsPage'),
});

export const jobsRoutes = [jobsRoute];
