import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';

/** The roles pages (of the core module); each loads (as a chunk of its own) when first opened. */
export const rolesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/roles',
  component: lazyRouteComponent(() => import('./RolesList.js'), 'RolesList'),
});
export const newRoleRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/roles/new',
  component: lazyRouteComponent(() => import('./NewRole.js'), 'NewRole'),
});
export const roleRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/roles/$roleId',
  component: lazyRouteComponent(() => import('./RolePage.js'), 'RolePage'),
});

export const rolesRoutes = [rolesRoute, newRoleRoute, roleRoute];
