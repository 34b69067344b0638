import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';

/** The workspace's home page. */
export const dashboardRoutes = [createRoute({ getParentRoute: () => workspaceRoot, path: '/', component: lazyRouteComponent(() => import('./Dashboard.js'), 'Dashboard') })];
