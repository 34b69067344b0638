import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { workspaceRoot } from '../../workspace/root.js';

/** The users module's pages; each loads (as a chunk of its own) when first opened. */
export const usersRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/users',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./UsersList.js'), 'UsersList'),
});
export const newUserRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/users/new',
  component: lazyRouteComponent(() => import('./NewUser.js'), 'NewUser'),
});
export const userRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/users/$userId',
  component: lazyRouteComponent(() => import('./UserPage.js'), 'UserPage'),
});

export const usersRoutes = [usersRoute, newUserRoute, userRoute];
