import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { membersSearch } from './types.js';

/** The members module's pages; each loads (as a chunk of its own) when first opened. */
export const membersRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/members',
  validateSearch: membersSearch,
  component: lazyRouteComponent(() => import('./MembersList.js'), 'MembersList'),
});
export const newMemberRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/members/new',
  component: lazyRouteComponent(() => import('./NewMember.js'), 'NewMember'),
});
export const memberRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/members/$memberId',
  component: lazyRouteComponent(() => import('./MemberPage.js'), 'MemberPage'),
});

export const editMemberRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/members/$memberId/edit',
  component: lazyRouteComponent(() => import('./EditMember.js'), 'EditMember'),
});

export const membersRoutes = [membersRoute, newMemberRoute, memberRoute, editMemberRoute];
