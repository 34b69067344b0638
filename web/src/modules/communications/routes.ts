import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { announcementsSearch, recipientsSearch } from './search.js';

/** The communications module's pages; each loads (as a chunk of its own) when first opened. */
export const announcementsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/announcements',
  validateSearch: announcementsSearch,
  component: lazyRouteComponent(() => import('./AnnouncementsList.js'), 'AnnouncementsList'),
});
export const newAnnouncementRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/announcements/new',
  component: lazyRouteComponent(() => import('./Compose.js'), 'NewAnnouncement'),
});
export const announcementRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/announcements/$announcementId',
  validateSearch: recipientsSearch,
  component: lazyRouteComponent(() => import('./AnnouncementPage.js'), 'AnnouncementPage'),
});
export const editAnnouncementRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/announcements/$announcementId/edit',
  component: lazyRouteComponent(() => import('./Compose.js'), 'EditAnnouncement'),
});

export const communicationsRoutes = [announcementsRoute, newAnnouncementRoute, announcementRoute, editAnnouncementRoute];
